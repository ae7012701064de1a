import { latestOrderFromShopify } from '../admin-read/latest-order';
import type { Command } from 'commander';
import { composeApp } from '../compose/compose-app';
import { storeLabel } from '../compose/open-store';
import { loadConfigFile } from '../config/load-config';
import { createRunner } from '../create-runner';
import { shopifyProbes } from '../ingress/shopify-probes';
import { RECONCILE_RETRY, realRetryDeps } from '../reconcile/read-with-retry';
import { scheduledReconcile } from '../reconcile/scheduled-reconcile';
import type { CliContext } from './cli-context';

/**
 * A running shopsync (STYLE C9): config read and checked once, then composeApp's logger, store and
 * ERPNext client are handed to createRunner. /readyz probes the store, ERPNext, and each shop whose Admin API token is configured. Those probes are the only Shopify calls
 * serve makes, so it has no Shopify throttle-wait metric: a one-point query every scrape never waits.
 */
export function registerServeCommand(program: Command, ctx: CliContext): void {
  program
    .command('serve')
    .description('receive Shopify webhooks and apply them to ERPNext')
    .requiredOption('--config <file>', 'config file (JSON)')
    .action(async (options: { config: string }) => {
      const loaded = loadConfigFile(options.config, ctx.env);
      if (!loaded.ok) {
        ctx.io.err(`invalid config ${options.config}:\n  ${loaded.problems.join('\n  ')}`);
        process.exit(2);
      }
      // Workers get ERPNext's queue at the configured concurrency; the scheduled reconcile and the
      // requeue reads go through the same client and the same per-shop Shopify clients.
      // The store runs on a thread of its own: acknowledging a webhook never waits on SQLite.
      const app = composeApp(loaded.config, { erpnext: { concurrency: loaded.config.erpnext.concurrency }, storeThread: true });
      const { config, logger } = app;
      logger.info({ config }, 'config.loaded');
      const { store, erpnext } = app;
      try {
        // The thread opens (and migrates) the database; a file it cannot open stops serve here, as before.
        await store.ping();
      } catch (error) {
        ctx.io.err(`cannot open the state database ${storeLabel(config.store)}: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(2);
      }
      // Probes get clients of their own on purpose (app.shopifyProbe): no retries, since a probe answers within
      // readyTimeoutMs or not at all and a retry would outlive it; one point per scrape spends no bucket worth sharing.
      const shops = config.shops.flatMap((shop) => {
        const client = app.shopifyProbe(shop.domain);
        return client === null ? [] : [{ domain: shop.domain, client }];
      });
      const probes = [{ name: 'erpnext', check: () => erpnext.ping() }, ...shopifyProbes(shops)];
      // serve's one ERPNext client already retries reads (maxReadRetries): the round adds no second
      // layer, so an order that never answers costs the client's attempts, not 4 × them.
      const reconcile = scheduledReconcile(app, undefined, { ...realRetryDeps, policy: { ...RECONCILE_RETRY, maxAttempts: 1 } });
      const latestOrder = latestOrderFromShopify(config, (domain) => app.shopify(domain));
      const stock = { shopify: (domain: string) => app.shopify(domain), erpnext };
      const runner = createRunner({ config, store, erpnext, logger, probes, latestOrder, stock, ...(reconcile === undefined ? {} : { reconcile }) });
      await runner.start();
      const shutdown = async () => {
        await runner.stop();
        await app.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void shutdown());
      process.once('SIGTERM', () => void shutdown());
    });
}
