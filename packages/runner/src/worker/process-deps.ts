import type { Flow, FlowMode, RetryPolicy, SyncSettings } from '@shopsync/core';
import type { Logger } from 'pino';
import type { PushDeps } from '../stock/push-deps';
import type { Store } from '../store/store';
import type { DocumentWrites } from './document-writes';
import type { ErpnextPort } from './erpnext-port';
import type { LatestOrderPort } from './latest-state';
import type { OutageBreaker } from './outage-breaker';

export interface ProcessDeps {
  readonly store: Store;
  readonly erpnext: ErpnextPort;
  readonly settings: SyncSettings;
  readonly retry: RetryPolicy;
  readonly now: () => Date;
  /** Draws the backoff jitter; injected so tests are deterministic (STYLE C3). */
  readonly jitter: () => number;
  readonly logger: Logger;
  /** Per flow: live writes, shadow records the plan only, off skips (rollout, DESIGN §7). */
  readonly flowModes: Readonly<Record<Flow, FlowMode>>;
  /** Shopify's latest order, for events an operator requeued; absent without Shopify credentials. */
  readonly latestOrder?: LatestOrderPort;
  /** Confirms that ERPNext is down (outage-breaker.ts); absent, every failure is an ordinary retry. */
  readonly outage?: Pick<OutageBreaker, 'confirmOutage'>;
  /**
   * A shop's Shopify outage breaker (the /readyz probe `shopify:<shop>`), or undefined when that shop
   * cannot be probed: while it is open, work that needs Shopify is put back without asking Shopify.
   */
  readonly shopifyOutage?: (shop: string) => ShopifyOutage | undefined;
  /** What the push topics (stock, levels, Delivery Notes) need; absent, they are parked as unconfigured. */
  readonly pushes?: PushPorts;
  /**
   * The runner's one DocumentWrites (config `erpnext.writes`): batched, a run of ensure operations is
   * one request to the companion app. Absent, every operation is written one by one over REST.
   */
  readonly writes?: DocumentWrites;
}

export type ShopifyOutage = Pick<OutageBreaker, 'confirmOutage' | 'isOpen' | 'reason' | 'nextProbeAtMs'>;

/** The ERPNext → Shopify side: each shop's Admin API client, ERPNext reads, the stock rules. */
export interface PushPorts {
  shopify(shop: string): PushDeps['shopify'] | null;
  readonly erpnext: PushDeps['erpnext'];
  readonly formula: PushDeps['formula'];
  readonly echoWindowMs: number;
  readonly driftRecheckMs: number;
  readonly links?: PushDeps['links'];
}

/** `waiting`: put back until another event of its order settles; `deferred`: put back while ERPNext (or the shop's Shopify) is down. */
export type ProcessResult = 'applied' | 'skipped' | 'superseded' | 'failed' | 'retry' | 'waiting' | 'deferred' | 'lost_claim';

