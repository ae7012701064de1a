import { latestOrderFromShopify } from '../admin-read/latest-order';
import { createErpnextClient } from '@shopsync/erpnext-client';
import type { Command } from 'commander';
import { loadConfigFile } from '../config/load-config';
import { shopifyClientFor } from '../config/shopify-for-shop';
import { createRunner } from '../create-runner';
import { shopifyProbes } from '../ingress/shopify-probes';
import { createLogger } from '../logging/create-logger';
import { scheduledReconcile } from '../reconcile/scheduled-reconcile';
import { openSqliteStore } from '../store/sqlite-store';
import type { CliContext } from './cli-context';

/**
 * The composition root of a running shopsync (STYLE C9): config read and checked once, then the
 * logger, store and ERPNext client are built and handed to createRunner. /readyz probes the store,
 * ERPNext, and each shop whose Admin API token is configured. Those probes are the only Shopify calls
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
      const { config } = loaded;
      const logger = createLogger({ level: config.log.level });
      logger.info({ config }, 'config.loaded');
      const store = openSqliteStore({ path: config.store.path, synchronous: config.store.synchronous });
      const erpnext = createErpnextClient({
        baseUrl: config.erpnext.url,
        apiKey: config.erpnext.apiKey,
        apiSecret: config.erpnext.apiSecret,
        timeoutMs: config.erpnext.timeoutMs,
        concurrency: config.erpnext.concurrency,
      });
      // No retries: a probe answers within readyTimeoutMs or not at all, and a retry would outlive it.
      const shops = config.shops.flatMap((shop) => {
        const client = shopifyClientFor(shop, { maxRetries: 0, timeoutMs: config.server.readyTimeoutMs });
        return client === null ? [] : [{ domain: shop.domain, client }];
      });
      const probes = [{ name: 'erpnext', check: () => erpnext.ping() }, ...shopifyProbes(shops)];
      const reconcile = scheduledReconcile(config, store, logger);
      const runner = createRunner({ config, store, erpnext, logger, probes, latestOrder: latestOrderFromShopify(config), ...(reconcile === undefined ? {} : { reconcile }) });
      await runner.start();
      const shutdown = async () => {
        await runner.stop();
        await store.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void shutdown());
      process.once('SIGTERM', () => void shutdown());
    });
}
