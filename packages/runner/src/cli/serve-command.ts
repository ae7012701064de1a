import { createErpnextClient } from '@shopsync/erpnext-client';
import type { Command } from 'commander';
import { loadConfigFile } from '../config/load-config';
import { createRunner } from '../create-runner';
import { createLogger } from '../logging/create-logger';
import { openSqliteStore } from '../store/sqlite-store';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('receive Shopify webhooks and apply them to ERPNext')
    .requiredOption('--config <file>', 'config file (JSON)')
    .action(async (options: { config: string }) => {
      const loaded = loadConfigFile(options.config, process.env);
      if (!loaded.ok) {
        process.stderr.write(`invalid config ${options.config}:\n  ${loaded.problems.join('\n  ')}\n`);
        process.exit(2);
      }
      const { config } = loaded;
      const logger = createLogger({ level: config.log.level });
      const store = openSqliteStore({ path: config.store.path, synchronous: config.store.synchronous });
      const erpnext = createErpnextClient({
        baseUrl: config.erpnext.url,
        apiKey: config.erpnext.apiKey,
        apiSecret: config.erpnext.apiSecret,
        timeoutMs: config.erpnext.timeoutMs,
        concurrency: config.erpnext.concurrency,
      });
      const runner = createRunner({ config, store, erpnext, logger });
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
