import type { Logger } from 'pino';
import { shopifyClientFor } from '../config/shopify-for-shop';
import type { Config } from '../config/config-schema';
import { settingsFrom } from '../create-runner';
import type { Store } from '../store/store';
import { logReconcileEvents, reconcileErpnextClient } from './log-reconcile-events';
import { realRetryDeps, type RetryDeps } from './read-with-retry';
import { reconcileShop } from './reconcile-shop';

/**
 * The round `serve` runs every `reconcile.intervalMinutes`: each shop with an Admin API token is
 * reconciled over the lookback window, and each drifted order is recorded as a drift failure (the
 * mirror takes it to Sync Failure, where Requeue repairs it). Nothing is repaired without an operator.
 * An order that cannot be read is logged as not compared and the round goes on; a shop that cannot be
 * compared at all (or fails unexpectedly) is logged and the next shop still runs.
 */
export function scheduledReconcile(config: Config, store: Store, logger: Logger, now: () => Date = () => new Date(), retry: RetryDeps = realRetryDeps): ((since: Date) => Promise<void>) | undefined {
  if (config.reconcile.intervalMinutes === null) return undefined;
  const erpnext = reconcileErpnextClient(config);
  const shops = config.shops.flatMap((shop) => {
    const shopify = shopifyClientFor(shop);
    return shopify === null ? [] : [{ domain: shop.domain, shopify }];
  });
  return async (since) => {
    for (const { domain, shopify } of shops) {
      try {
        const onEvent = logReconcileEvents(logger, now);
        const result = await reconcileShop({ shop: domain, shopify, erpnext, settings: settingsFrom(config), since: since.toISOString(), until: null, findings: { mode: 'record', store, now }, onEvent, retry });
        const level = result.stopped !== null ? 'error' : result.drifted.length > 0 || result.notCompared.length > 0 ? 'warn' : 'info';
        const counts = { compared: result.compared, drifted: result.drifted.length, recorded: result.findingsRecorded, notCompared: result.notCompared.length };
        logger[level]({ shop: domain, since: since.toISOString(), listed: result.listed, ...counts, stopped: result.stopped?.code ?? null }, 'reconcile.round');
      } catch (error) {
        // Reads never throw here (they become findings); this is the store or a bug, reported per shop.
        logger.error({ shop: domain, err: error }, 'reconcile.shop_failed');
      }
    }
  };
}
