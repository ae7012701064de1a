import type { Failure, FlowMode, StockFormula, SyncSettings } from '@shopsync/core';
import type { ErpnextClient } from '@shopsync/erpnext-client';
import type { ShopifyClient } from '@shopsync/shopify-client';
import type { Logger } from 'pino';
import type { Store } from '../store/store';
import type { LinkCache } from './link-cache';

/** What a push topic's processor talks to: ERPNext read-only, Shopify for the writes. */
export interface PushDeps {
  readonly store: Store;
  readonly erpnext: Pick<ErpnextClient, 'listAll' | 'getDoc'>;
  readonly shopify: Pick<ShopifyClient, 'variants' | 'inventory' | 'fulfillments' | 'orders'>;
  readonly settings: SyncSettings;
  readonly formula: StockFormula;
  readonly echoWindowMs: number;
  /** A differing level is looked at again after this long before it is drift. */
  readonly driftRecheckMs: number;
  /** Item Code → inventory item links remembered across events (absent: asked every time). */
  readonly links?: LinkCache;
  /** shadow: decide and record the decision, send nothing. */
  readonly mode: FlowMode;
  readonly now: () => Date;
  readonly logger: Pick<Logger, 'info' | 'warn'>;
}

/** How a push event ends: settled with a status, or parked with a failure (thrown errors are retried by the worker). */
export type PushVerdict = { readonly status: 'applied' | 'skipped' | 'echo'; readonly reason: string | null } | { readonly failure: Failure };

export const locationGid = (locationId: string): string => `gid://shopify/Location/${locationId}`;
export const inventoryItemGid = (id: string): string => (id.startsWith('gid://') ? id : `gid://shopify/InventoryItem/${id}`);
export const legacyId = (gid: string): string => gid.slice(gid.lastIndexOf('/') + 1);
