import { createErpnextClient } from '@shopsync/erpnext-client';
import type { Logger } from 'pino';
import { shopifyClientFor } from '../cli/shopify-for-shop';
import type { Config } from '../config/config-schema';
import { settingsFrom } from '../create-runner';
import type { Store } from '../store/store';
import { reconcileShop } from './reconcile-shop';

/**
 * The round `serve` runs every `reconcile.intervalMinutes`: each shop with an Admin API token is
 * reconciled over the lookback window, and each drifted order is recorded as a drift failure (the
 * mirror takes it to Sync Failure, where Requeue repairs it). Nothing is repaired without an operator.
 */
export function scheduledReconcile(config: Config, store: Store, logger: Logger, now: () => Date = () => new Date()): ((since: Date) => Promise<void>) | undefined {
  if (config.reconcile.intervalMinutes === null) return undefined;
  const erpnext = createErpnextClient({ baseUrl: config.erpnext.url, apiKey: config.erpnext.apiKey, apiSecret: config.erpnext.apiSecret, timeoutMs: config.erpnext.timeoutMs });
  const shops = config.shops.flatMap((shop) => {
    const shopify = shopifyClientFor(shop);
    return shopify === null ? [] : [{ domain: shop.domain, shopify }];
  });
  return async (since) => {
    for (const { domain, shopify } of shops) {
      const result = await reconcileShop({ shop: domain, shopify, erpnext, settings: settingsFrom(config), since: since.toISOString(), until: null, findings: { mode: 'record', store, now } });
      const level = result.drifted.length > 0 ? 'warn' : 'info';
      logger[level]({ shop: domain, since: since.toISOString(), compared: result.compared, drifted: result.drifted.length, recorded: result.findingsRecorded, notCompared: result.notCompared.length }, 'reconcile.round');
    }
  };
}
