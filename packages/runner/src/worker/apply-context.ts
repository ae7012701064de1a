import type { SyncError } from '@shopsync/core';
import type { LedgerPort } from '../store/store';
import type { ErpnextPort } from './erpnext-port';

export interface ApplyContext {
  readonly erpnext: ErpnextPort;
  readonly store: LedgerPort;
  readonly inboxId: number;
  readonly now: () => Date;
  /** ERPNext names produced so far by this plan's operations, by key. */
  readonly names: ReadonlyMap<string, string>;
  /**
   * Conflicts that must not stop the rest of the plan: an edit ERPNext cannot take leaves the Sales
   * Order as it is, the order's payments and refunds are still booked, and the event is parked with
   * the conflict once every operation ran.
   */
  readonly deferred: SyncError[];
}
