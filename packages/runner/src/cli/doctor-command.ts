import { existsSync } from 'node:fs';
import { createErpnextClient } from '@shopsync/erpnext-client';
import type { Command } from 'commander';
import { BACKFILL_WEBHOOK_PREFIX } from '../backfill/backfill-ids';
import type { Config } from '../config/config-schema';
import { shopifyClientFor } from '../config/shopify-for-shop';
import { formatDoctor } from '../doctor/format-doctor';
import { runDoctor } from '../doctor/run-doctor';
import type { VerifiedDelivery } from '../doctor/webhook-secret-check';
import { openSqliteStore } from '../store/sqlite-store';
import type { Store } from '../store/store';
import { emit, exitCodeOf, type CliContext } from './cli-context';
import { loadFullConfig } from './full-config';

interface DoctorOptions {
  readonly config?: string;
  readonly fix?: boolean;
  readonly json?: boolean;
}

// How far back the state database is searched for a signed delivery (newest events first).
const RECENT_EVENTS = 200;

/** The newest delivery per shop that Shopify signed (backfilled events are not signed), if the state file exists. */
async function newestDeliveries(config: Config): Promise<Map<string, VerifiedDelivery>> {
  const newest = new Map<string, VerifiedDelivery>();
  if (!existsSync(config.store.path)) return newest;
  let store: Store;
  try {
    store = openSqliteStore({ path: config.store.path });
  } catch {
    // A state file doctor cannot open (a newer schema, a lock) only means no evidence: the check says how to verify by hand.
    return newest;
  }
  try {
    for (const event of await store.listEvents({ limit: RECENT_EVENTS })) {
      if (event.webhookId.startsWith(BACKFILL_WEBHOOK_PREFIX) || newest.has(event.shop)) continue;
      newest.set(event.shop, { inboxId: event.id, topic: event.topic, receivedAt: event.receivedAt });
    }
  } finally {
    await store.close();
  }
  return newest;
}

/** Checks credentials, custom fields, mappings, SKUs and webhook subscriptions; exit 1 on any problem. */
export async function runDoctorCommand(options: DoctorOptions, ctx: CliContext): Promise<number> {
  const config = loadFullConfig(options.config, ctx);
  if (config === null) return 2;
  // Doctor asks once and reports: read retries would only delay the answer "unreachable".
  const erpnext = createErpnextClient({ baseUrl: config.erpnext.url, apiKey: config.erpnext.apiKey, apiSecret: config.erpnext.apiSecret, timeoutMs: config.erpnext.timeoutMs, maxReadRetries: 0 });
  const delivered = await newestDeliveries(config);
  const report = await runDoctor({
    config,
    erpnext,
    shopify: (shop) => shopifyClientFor(shop, { maxRetries: 2 }),
    fix: options.fix === true,
    newestDelivery: async (shop) => delivered.get(shop) ?? null,
  });
  emit(ctx, options.json, report, () => formatDoctor(report));
  return report.ok ? 0 : 1;
}

export function registerDoctorCommand(program: Command, ctx: CliContext): void {
  program
    .command('doctor')
    .description('check credentials, custom fields, mappings, SKUs and webhook subscriptions, and say how to fix each problem')
    .option('--config <file>', 'config file (default: $SHOPSYNC_CONFIG or ./shopsync.json)')
    .option('--fix', 'subscribe the missing webhook topics at webhookAddress')
    .option('--json', 'print one JSON object')
    .action((options: DoctorOptions) => exitCodeOf(runDoctorCommand(options, ctx)));
}
