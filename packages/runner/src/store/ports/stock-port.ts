import type { StockLedgerCursor } from '@shopsync/core';
import type { AcceptedDelivery, NewDelivery } from './inbox-port';

/** A push shopsync sent to Shopify, remembered so the webhook it causes is recognised as its echo. */
export interface StockPushRecord {
  readonly inventoryItemId: string;
  readonly locationId: string;
  readonly quantity: number;
}

/**
 * The ERPNext → Shopify stock state: where the Stock Ledger tail stands, the echo ledger, and what
 * the oversell guard reads (orders not booked yet).
 */
export interface StockPort {
  stockCursor(shop: string): Promise<StockLedgerCursor>;
  /**
   * The events made from one read of the Stock Ledger and the cursor after it, in one transaction:
   * a crash before it commits re-reads the same entries, after it none is taken twice.
   */
  enqueueStockRead(shop: string, events: readonly NewDelivery[], cursor: StockLedgerCursor, now: Date): Promise<AcceptedDelivery[]>;
  /** Written before the mutation is sent, so an echo that overtakes the response is still known. */
  recordStockPushes(shop: string, pushes: readonly StockPushRecord[], inboxId: number, now: Date): Promise<void>;
  /** Pushes to one inventory item at one location since `since`, newest first. */
  recentStockPushes(shop: string, inventoryItemId: string, locationId: string, since: Date): Promise<Array<{ quantity: number; at: string }>>;
  /**
   * The latest stored payload of every order of the shop that ERPNext has not booked (an event of it
   * is pending, claimed or parked, no version of it was ever applied, no Sales Order recorded) and
   * that has a line of one of these SKUs: a backlog of orders is filtered in the store, not parsed here.
   */
  unbookedOrderPayloads(shop: string, skus: readonly string[]): Promise<string[]>;
}
