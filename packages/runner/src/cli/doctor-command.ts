import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { BACKFILL_WEBHOOK_PREFIX } from '../backfill/backfill-ids';
import { composeApp } from '../compose/compose-app';
import type { App } from '../compose/types';
import { formatDoctor } from '../doctor/format-doctor';
import { runDoctor } from '../doctor/run-doctor';
import type { VerifiedDelivery } from '../doctor/webhook-secret-check';
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
async function newestDeliveries(app: App): Promise<Map<string, VerifiedDelivery>> {
  const newest = new Map<string, VerifiedDelivery>();
  // Doctor must not create a state file that serve has not: no file means no evidence yet.
  if (app.config.store.url === undefined && !existsSync(app.config.store.path)) return newest;
  let store: Store;
  try {
    store = app.store;
  } catch {
    // A state file doctor cannot open (a newer schema, a lock) only means no evidence: the check says how to verify by hand.
    return newest;
  }
  let events: Awaited<ReturnType<Store['listEvents']>>;
  try {
    events = await store.listEvents({ limit: RECENT_EVENTS });
  } catch {
    // A PostgreSQL store opens lazily: a database doctor cannot reach is, again, no evidence.
    return newest;
  }
  for (const event of events) {
    if (event.webhookId.startsWith(BACKFILL_WEBHOOK_PREFIX) || newest.has(event.shop)) continue;
    newest.set(event.shop, { inboxId: event.id, topic: event.topic, receivedAt: event.receivedAt });
  }
  return newest;
}

/** Checks credentials, custom fields, mappings, SKUs and webhook subscriptions; exit 1 on any problem. */
export async function runDoctorCommand(options: DoctorOptions, ctx: CliContext): Promise<number> {
  const config = loadFullConfig(options.config, ctx);
  if (config === null) return 2;
  // Doctor asks once and reports: read retries would only delay the answer "unreachable".
  const app = composeApp(config, { erpnext: { maxReadRetries: 0 }, shopify: { maxRetries: 2 } });
  try {
    const delivered = await newestDeliveries(app);
    const report = await runDoctor({
      config,
      erpnext: app.erpnext,
      shopify: (shop) => app.shopify(shop.domain),
      fix: options.fix === true,
      newestDelivery: async (shop) => delivered.get(shop) ?? null,
    });
    emit(ctx, options.json, report, () => formatDoctor(report));
    return report.ok ? 0 : 1;
  } finally {
    await app.close();
  }
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
