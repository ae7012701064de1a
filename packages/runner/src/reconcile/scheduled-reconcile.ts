import type { App } from '../compose/types';
import { settingsFrom } from '../create-runner';
import { logReconcileEvents } from './log-reconcile-events';
import { realRetryDeps, type RetryDeps } from './read-with-retry';
import { reconcileShop } from './reconcile-shop';
import { reconcileStock } from './reconcile-stock';
import { reconcileCustomers } from './reconcile-customers';
import { parseStockFormula } from '@shopsync/core';

export type ScheduledReconcileDeps = Pick<App, 'config' | 'store' | 'logger' | 'erpnext' | 'shopify'>;

/**
 * The round `serve` runs every `reconcile.intervalMinutes`: each shop with an Admin API token is
 * reconciled over the lookback window, and each drifted order (with the customers flow not off, each
 * drifted customer; with inventory on, each item whose Shopify stock differs at a mapped location) is
 * recorded as a drift failure (the
 * mirror takes it to Sync Failure, where Requeue repairs it). Nothing is repaired without an operator.
 * An order that cannot be read is logged as not compared and the round goes on; a shop that cannot be
 * compared at all (or fails unexpectedly) is logged and the next shop still runs. It reads through
 * serve's own clients: one ERPNext request queue for the site, one cost bucket per shop.
 */
export function scheduledReconcile(app: ScheduledReconcileDeps, now: () => Date = () => new Date(), retry: RetryDeps = realRetryDeps): ((since: Date) => Promise<void>) | undefined {
  const { config, erpnext, logger } = app;
  if (config.reconcile.intervalMinutes === null) return undefined;
  const shops = config.shops.flatMap((shop) => {
    const shopify = app.shopify(shop.domain);
    return shopify === null ? [] : [{ domain: shop.domain, shopify }];
  });
  return async (since) => {
    for (const { domain, shopify } of shops) {
      try {
        const onEvent = logReconcileEvents(logger, now);
        const result = await reconcileShop({ shop: domain, shopify, erpnext, settings: settingsFrom(config), since: since.toISOString(), until: null, findings: { mode: 'record', store: app.store, now }, onEvent, retry });
        const level = result.stopped !== null ? 'error' : result.drifted.length > 0 || result.notCompared.length > 0 ? 'warn' : 'info';
        const counts = { compared: result.compared, drifted: result.drifted.length, recorded: result.findingsRecorded, notCompared: result.notCompared.length };
        logger[level]({ shop: domain, since: since.toISOString(), listed: result.listed, ...counts, stopped: result.stopped?.code ?? null }, 'reconcile.round');
        const formula = parseStockFormula(config.mapping.stockFormula);
        if (config.flows.inventory !== 'off' && formula.ok) {
          const stock = await reconcileStock({ shop: domain, shopify, erpnext, store: app.store, settings: settingsFrom(config), formula: formula.formula, findings: { mode: 'record', store: app.store, now } });
          logger[stock.mismatches.length > 0 ? 'warn' : 'info']({ shop: domain, compared: stock.compared, differing: stock.mismatches.length, recorded: stock.findingsRecorded }, 'reconcile.stock_round');
        }
        if (config.flows.customers !== 'off') {
          const customers = await reconcileCustomers({ shop: domain, shopify, erpnext, settings: settingsFrom(config), since: since.toISOString(), until: null, findings: { mode: 'record', store: app.store, now }, onEvent, retry });
          const customerLevel = customers.stopped !== null ? 'error' : customers.drifted.length > 0 || customers.notCompared.length > 0 ? 'warn' : 'info';
          const customerCounts = { listed: customers.listed, compared: customers.compared, drifted: customers.drifted.length, recorded: customers.findingsRecorded, notCompared: customers.notCompared.length };
          logger[customerLevel]({ shop: domain, since: since.toISOString(), ...customerCounts, stopped: customers.stopped?.code ?? null }, 'reconcile.customer_round');
        }
      } catch (error) {
        // Reads never throw here (they become findings); this is the store or a bug, reported per shop.
        logger.error({ shop: domain, err: error }, 'reconcile.shop_failed');
      }
    }
  };
}
