import type { Store } from '../store/store';
import type { ErpnextPort } from './erpnext-port';

export interface ApplyContext {
  readonly erpnext: ErpnextPort;
  readonly store: Store;
  readonly inboxId: number;
  readonly now: () => Date;
  /** ERPNext names produced so far by this plan's operations, by key. */
  readonly names: ReadonlyMap<string, string>;
}
