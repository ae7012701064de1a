import type { ErpnextClient } from '@shopsync/erpnext-client';
import { reconcileShop, settingsFrom, type Config, type Store } from '@shopsync/runner';
import type { ShopifyClient } from '@shopsync/shopify-client';

export interface DemoReconcilerDeps {
  readonly shop: string;
  readonly shopify: ShopifyClient;
  readonly erpnext: ErpnextClient;
  readonly config: Pick<Config, 'mapping'>;
  readonly store: Store;
  /** When the run started (ms): the first round looks back a minute before it. */
  readonly started: number;
  /** Waits until the repairs a round enqueued are applied. */
  readonly settle: () => Promise<void>;
}

/**
 * Webhooks Shopify never sent leave orders behind: a reconciliation round finds them and the runner
 * repairs them. `round` compares the orders changed since the last round (production runs it every
 * `reconcile.intervalMinutes`) and waits for its repairs; `reconcile` runs once over any window, with
 * `repair` or only reading (null). Every order a repair touched is kept in `drifted`.
 */
export function demoReconciler(deps: DemoReconcilerDeps) {
  const drifted = new Set<string>();
  let reconciledUpTo = new Date(deps.started - 60_000);
  const reconcile = async (mode: 'repair' | null, since: string) => {
    const findings = mode === null ? null : { mode, store: deps.store, now: () => new Date() };
    const result = await reconcileShop({ shop: deps.shop, shopify: deps.shopify, erpnext: deps.erpnext, settings: settingsFrom(deps.config), since, until: null, findings });
    if (mode !== null) for (const order of result.drifted) drifted.add(order.id);
    return result;
  };
  const round = async (): Promise<void> => {
    const from = reconciledUpTo;
    reconciledUpTo = new Date();
    const found = await reconcile('repair', new Date(from.getTime() - 1_000).toISOString());
    if (found.repairsEnqueued > 0) await deps.settle();
  };
  return { drifted, reconcile, round };
}
