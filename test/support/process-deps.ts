import type { ProcessDeps, Store } from '@shopsync/runner';
import pino from 'pino';
import { FakeErpnext } from './fake-erpnext';
import { MAPPED_SETTINGS } from './order-fixtures';

/**
 * What processEvent needs in a test that drives it directly: the mapped settings, a fake ERPNext, a
 * short retry budget, a fixed clock and jitter, no logs; the orders and customers flows live, the
 * push flows off. `overrides` replaces any of it.
 */
export function testProcessDeps(store: Store, now: () => Date, overrides: Partial<ProcessDeps> = {}): ProcessDeps {
  return {
    store,
    erpnext: new FakeErpnext(),
    settings: MAPPED_SETTINGS,
    retry: { baseDelayMs: 1_000, maxDelayMs: 60_000, retryBudgetMs: 5_000 },
    now,
    jitter: () => 0.5,
    logger: pino({ level: 'silent' }),
    flowModes: { orders: 'live', customers: 'live', inventory: 'off', fulfillment: 'off' },
    ...overrides,
  };
}
