import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import { demoSucceeded, fleetSucceeded, type DemoSummary } from '@shopsync/demo';
import { openPostgresStore, type NewDelivery, type Store } from '@shopsync/runner';
import { DAY, LEASE, T0, at, delivery } from './support/store-contract/contract-steps';
import { runToEnd } from './support/cli-harness';

// Several runners on one PostgreSQL store (`npm run demo -- --store postgres://… --runners 3`): three
// `shopsync serve` processes behind a round-robin balancer, one SIGKILLed mid-run and restarted, the
// demo's workload and its invariants, read from the JSON the command prints. A loopback PostgreSQL 15
// with trust auth and a database `test` (.ci/run starts it); without one the suite is skipped, saying so.

const ROOT = join(__dirname, '..');
const PG_URL = process.env.SHOPSYNC_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const DEMO_BIN = join(ROOT, 'packages/demo/bin/shopsync-demo.js');

/** Why PostgreSQL cannot be used (null: it can), found before any test is declared. */
function unreachable(url: string): string | null {
  const probe = spawnSync(
    process.execPath,
    ['-e', "const c = new (require('pg').Client)({ connectionString: process.argv[1] }); c.connect().then(() => c.end()).then(() => process.exit(0), (e) => { console.error(e.message); process.exit(1); })", url],
    { cwd: ROOT, encoding: 'utf8', timeout: 10_000 },
  );
  return probe.status === 0 ? null : (probe.stderr || probe.error?.message || `exit ${probe.status}`).trim();
}

const why = unreachable(PG_URL);
if (why !== null) console.warn(`test/demo-postgres.e2e.test.ts skipped: PostgreSQL is not reachable at ${PG_URL} (${why}); set SHOPSYNC_TEST_POSTGRES_URL or start it as .ci/run does`);
const describeWithPostgres = why === null ? describe : describe.skip;

function runDemoCli(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('SHOPSYNC_')));
  return runToEnd(process.execPath, [DEMO_BIN, ...args], { cwd: ROOT, env });
}

describeWithPostgres(`several runners on one PostgreSQL store (${PG_URL})`, () => {
  test('3 serve processes, one SIGKILLed and restarted: every order booked once, to the cent, every event final and in the Sync Log, and the exit code says so', async () => {
    const run = await runDemoCli(['demo', '--store', PG_URL, '--runners', '3', '--orders', '30', '--seed', '3', '--drop-rate', '0.15', '--json']);
    let summary: DemoSummary;
    try {
      summary = JSON.parse(run.stdout) as DemoSummary;
    } catch {
      throw new Error(`the demo printed no JSON (exit ${run.code}): ${run.stderr.slice(-2_000)}`);
    }
    rmSync(summary.stateDir, { recursive: true, force: true });
    const fleet = summary.fleet!;
    expect(fleet.problems).toEqual([]);
    expect(fleet.crashes).toEqual([]);

    // The fleet: three runners, each answered webhooks; one was killed while a wave landed, and came back.
    expect(fleet.runners).toBe(3);
    expect(fleet.webhooksPerRunner).toHaveLength(3);
    for (const answered of fleet.webhooksPerRunner) expect(answered).toBeGreaterThan(0);
    expect(fleet.killed).toMatchObject({ runner: 2 });

    // The demo's invariants: no duplicate in any document class, amounts equal, nothing missing, every event final.
    expect(summary).toMatchObject({ orders: 30, salesOrders: 30, duplicatesInErpnext: 0, duplicateInvoicesOrPayments: 0, totalsNotMatchingShopify: 0, documentsMissing: 0, driftRemaining: 0, failed: 0 });
    expect(summary.droppedWebhooks).toBeGreaterThan(0);
    expect(summary.syncLogs).toBe(summary.eventsStored);
    expect(summary).toMatchObject({ inventoryMismatches: 0, echoesApplied: 0, deliveryNotesWithoutFulfillment: 0, shopifyThrottledFailures: 0, stockDriftRepaired: summary.manualStockChanges });
    expect(summary.stockDriftDetected).toBe(summary.manualStockChanges + summary.stockDriftFromLostWebhooks);
    expect(fleet).toMatchObject({ unfinished: 0, syncLogsBehind: 0, syncFailuresBehind: 0, runnersInDesk: 3, stockEntriesTakenTwice: 0, duplicateFulfillments: 0, statusBacklog: { pending: 0, claimed: 0 } });
    expect(demoSucceeded(summary)).toBe(true);
    expect(run.code).toBe(0);

    // The exit code follows what only several processes can get wrong, too.
    expect(fleetSucceeded({ ...fleet, stockEntriesTakenTwice: 1 })).toBe(false);
    expect(fleetSucceeded({ ...fleet, syncLogsBehind: 1 })).toBe(false);
    expect(fleetSucceeded({ ...fleet, killed: null })).toBe(false);
  }, 120_000);

  describe('the periodic jobs the runners share through the store', () => {
    const admin = new Pool({ connectionString: PG_URL, max: 1 });
    const schema = `shopsync_fleet_t${process.pid}_${Date.now().toString(36)}`;
    let a: Store;
    let b: Store;
    beforeEach(() => {
      // Two runner processes' stores: a pool each, on one schema.
      a = openPostgresStore({ url: PG_URL, schema, poolSize: 2 });
      b = openPostgresStore({ url: PG_URL, schema, poolSize: 2 });
    });
    afterEach(async () => {
      await Promise.all([a.close(), b.close()]);
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    });
    afterAll(() => admin.end());

    const shop = 'shop.myshopify.com';
    const stockEvent = (webhookId: string): NewDelivery => ({ ...delivery(webhookId, `${shop}/stock/location-1`), topic: 'stock/changed' });
    const cursorAt = (second: number, names: readonly string[]) => ({ creation: `2026-12-05 10:00:0${second}.000000`, seen: names.map((name) => ({ name, creation: `2026-12-05 10:00:0${second}.000000` })) });

    test('two tails read the ledger from one cursor: the first read to commit is taken, the other is dropped whole and the next read starts from the new cursor', async () => {
      await a.stockCursor(shop);
      await b.stockCursor(shop);
      // b read one entry more than a, so it groups them under another id: stored too, it would push them twice.
      expect(await a.enqueueStockRead(shop, [stockEvent('sle:SLE-1:1')], cursorAt(1, ['SLE-1']), T0)).toEqual([{ inboxId: 1, duplicate: false }]);
      expect(await b.enqueueStockRead(shop, [stockEvent('sle:SLE-1:2')], cursorAt(2, ['SLE-1', 'SLE-2']), T0)).toEqual([]);
      expect(await b.stockCursor(shop)).toEqual(cursorAt(1, ['SLE-1']));
      expect(await b.enqueueStockRead(shop, [stockEvent('sle:SLE-2:1')], cursorAt(2, ['SLE-1', 'SLE-2']), at(1))).toEqual([{ inboxId: 2, duplicate: false }]);
      expect((await a.listEvents({ topic: 'stock/changed', limit: 10 })).map((event) => event.webhookId).sort()).toEqual(['sle:SLE-1:1', 'sle:SLE-2:1']);
    });

    test('reconciliation rounds in several runners record a drifted order once: one parked event, one failure', async () => {
      const finding = delivery('reconcile:1001:2026-12-05T10:00:00Z', `${shop}/order/1001`);
      const failure = { code: 'drift.order_differs', category: 'drift' as const, retryable: false, message: 'order #1001 differs in ERPNext', details: {} };
      const rounds = await Promise.all([a, b, a, b].map((store) => store.recordFinding(finding, failure, T0)));
      expect(rounds.filter((round) => round.recorded)).toHaveLength(1);
      expect(new Set(rounds.map((round) => round.inboxId)).size).toBe(1);
      expect(await a.failures({ code: 'drift.order_differs' })).toHaveLength(1);
    });

    test('a Retry pressed in the Desk, found by two runners\' Sync Failure mirrors at once, requeues the event once', async () => {
      const failure = { code: 'drift.order_differs', category: 'drift' as const, retryable: false, message: 'order #1002 differs in ERPNext', details: {} };
      await a.recordFinding(delivery('reconcile:1002:2026-12-05T10:00:00Z', `${shop}/order/1002`), failure, T0);
      const [parked] = await a.failures({ status: 'open' });
      const outcomes = await Promise.all([a.actOnFailure(parked!.id, 'retry', at(1)), b.actOnFailure(parked!.id, 'retry', at(1))]);
      expect(outcomes.flatMap((outcome) => outcome.requeued)).toHaveLength(1);
      expect(outcomes.map((outcome) => outcome.outcome)).toContain('retrying');
      expect((await a.counts()).byStatus.pending).toBe(1);
    });

    test('retention prunes in several runners at once delete each settled event once, and fail none', async () => {
      for (let i = 0; i < 40; i += 1) await a.acceptDelivery(delivery(`w${i}`, `${shop}/order/${i}`), T0);
      for (let i = 0; i < 40; i += 1) {
        const claimed = await a.claimNext('w', `t${i}`, at(1), LEASE);
        await a.finish(claimed!.claim, 'applied', null, at(2));
      }
      const pruned = await Promise.all([a, b, a, b].map((store) => store.pruneEvidence(at(DAY))));
      expect(pruned.reduce((sum, result) => sum + result.events, 0)).toBe(40);
      expect((await b.counts()).deliveries).toBe(0);
    });

    test('one Sync Log mirror round at a time: a round holds the turn from its read to its mark, and a runner whose round failed still gives it back', async () => {
      await a.acceptDelivery(delivery('w1'), T0);
      const claimed = await a.claimNext('w', 't', at(1), LEASE);
      await a.finish(claimed!.claim, 'applied', null, at(2));
      expect((await a.eventsToMirror(10)).map((event) => event.webhookId)).toEqual(['w1']);
      expect(await b.eventsToMirror(10)).toEqual([]);
      // a's call to ERPNext failed: its round marks nothing, and the turn is free.
      await a.markMirrored([], at(3));
      expect((await b.eventsToMirror(10)).map((event) => event.webhookId)).toEqual(['w1']);
      expect(await a.eventsToMirror(10)).toEqual([]);
      await b.markMirrored([claimed!.claim.inboxId], at(3));
      expect(await a.eventsToMirror(10)).toEqual([]);
      expect(await b.eventsToMirror(10)).toEqual([]);
    });
  });
});
