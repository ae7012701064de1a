import type { ClaimPort } from './ports/claim-port';
import type { InboxPort } from './ports/inbox-port';
import type { LedgerPort } from './ports/ledger-port';
import type { MirrorPort } from './ports/mirror-port';
import type { OperatorActionPort, OperatorQueryPort } from './ports/operator-port';
import type { StockPort } from './ports/stock-port';
import type { LifecyclePort, RetentionPort } from './ports/upkeep-ports';

export * from './store-records';
export * from './operator-actions';
export * from './ports/claim-port';
export * from './ports/inbox-port';
export * from './ports/ledger-port';
export * from './ports/mirror-port';
export * from './ports/operator-port';
export * from './ports/upkeep-ports';
export * from './ports/stock-port';

/**
 * The state store (DESIGN §5): every port at once, for the composition root and the callers that
 * need all of it. Each consumer should name only the ports it uses, and each engine is assembled
 * from one piece per port (sqlite-store.ts, memory-store.ts), so a PostgreSQL engine can be written
 * and tested port by port against the same contract battery (test/support/store-contract/).
 *
 * - InboxPort: what puts events in (ingress, backfill, reconcile findings).
 * - ClaimPort: the worker's fenced lease on an event, and how it settles it.
 * - LedgerPort: evidence, operation keys and resource versions the worker remembers.
 * - OperatorQueryPort / OperatorActionPort: what the operator reads, and the actions safe to repeat.
 * - MirrorPort: which settled events the Sync Log does not show yet.
 * - RetentionPort, LifecyclePort: pruning by age; readiness and closing.
 * - StockPort: the Stock Ledger tail's cursor, the echo ledger, the orders not booked yet.
 */
export interface Store
  extends InboxPort,
    ClaimPort,
    LedgerPort,
    OperatorQueryPort,
    OperatorActionPort,
    MirrorPort,
    RetentionPort,
    LifecyclePort,
    StockPort {}
