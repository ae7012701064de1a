import { claimContract } from './claim-contract';
import type { MakeStore } from './contract-steps';
import { inboxContract } from './inbox-contract';
import { ledgerContract } from './ledger-contract';
import { mirrorContract } from './mirror-contract';
import { mootFailuresContract } from './moot-contract';
import { operatorActionContract, operatorQueryContract } from './operator-contract';
import { stockContract } from './stock-contract';
import { lifecycleContract, retentionContract } from './upkeep-contract';

/**
 * The Store contract (STYLE C8): every store — SQLite, the in-memory fake, a later PostgreSQL — runs
 * this battery. It is split as the Store is, one part per port (runner/src/store/ports/), so an engine
 * written port by port can run the parts of the ports it has; each part still opens a whole store,
 * because it checks its port's writes through the others' reads.
 */
export function storeContract(makeStore: MakeStore): void {
  inboxContract(makeStore);
  claimContract(makeStore);
  ledgerContract(makeStore);
  operatorQueryContract(makeStore);
  operatorActionContract(makeStore);
  mirrorContract(makeStore);
  retentionContract(makeStore);
  lifecycleContract(makeStore);
  mootFailuresContract(makeStore);
  stockContract(makeStore);
}
