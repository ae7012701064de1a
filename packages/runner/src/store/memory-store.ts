import { memoryClaimPort } from './memory/claim-port';
import { memoryInboxPort } from './memory/inbox-port';
import { memoryLedgerPort } from './memory/ledger-port';
import { MemoryState } from './memory/memory-state';
import { memoryMirrorPort } from './memory/mirror-port';
import { memoryOperatorActionPort, memoryOperatorQueryPort } from './memory/operator-port';
import { memoryStockPort } from './memory/stock-port';
import { memoryLifecyclePort, memoryRetentionPort } from './memory/upkeep-ports';
import type { Store } from './store';

/**
 * The in-memory fake of the Store (STYLE C8): no IO, the same behaviour as the SQLite store, proved
 * by running the same contract battery against both. For tests of code that uses a store. Like the
 * SQLite store, it is one piece per port over shared rows (memory/memory-state.ts).
 */
export function createMemoryStore(): Store {
  const state = new MemoryState();
  return {
    ...memoryInboxPort(state),
    ...memoryClaimPort(state),
    ...memoryLedgerPort(state),
    ...memoryOperatorQueryPort(state),
    ...memoryOperatorActionPort(state),
    ...memoryMirrorPort(state),
    ...memoryRetentionPort(state),
    ...memoryLifecyclePort(),
    ...memoryStockPort(state),
  };
}
