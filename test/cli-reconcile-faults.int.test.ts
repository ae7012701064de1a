import { readFileSync } from 'node:fs';
import { composeApp, createLogger, parseConfig, runReconcile, type ReconcileReport, type RetryDeps } from '@shopsync/runner';
import { scheduledReconcile } from '../packages/runner/src/reconcile/scheduled-reconcile';
import { startBackfillShop, SIM_TOKEN, type BackfillShop } from './support/backfill-shop';
import { recordingContext, T0 } from './support/cli-harness';
import { SIM_KEY, SIM_SECRET, startSim, type RunningSim } from './support/erpnext-sim';
import { drainWithRunner, SIM_SHOP, withConfiguredStore, writeSimConfig } from './support/sim-config';
import { useTempDir } from './support/temp-dir';

// Issue 11 point 7: one ERPNext timeout used to throw a whole shop's reconcile away. Each order's
// reads now fail alone (retried when transient), and the run always reports what it compared.

/** Backoff that records the waits nextDelayMs asks for instead of sleeping (jitter 0: the fixed half). */
function recordedRetry(): RetryDeps & { waits: number[] } {
  const waits: number[] = [];
  return { waits, policy: { baseDelayMs: 100, maxDelayMs: 1_000, maxAttempts: 4 }, jitter: () => 0, sleep: async (ms) => void waits.push(ms) };
}

describe('shopsync reconcile when reads fail', () => {
  const dir = useTempDir();
  let shop: BackfillShop;
  let erp: RunningSim;
  let config: string;
  let orderIds: number[];
  const erpnextSection = (erpnext: string, apiSecret = SIM_SECRET) => ({ erpnext: { url: erpnext, apiKey: SIM_KEY, apiSecret, timeoutMs: 300 } });

  beforeEach(async () => {
    // Four paid orders, all booked in ERPNext: a clean run compares four and finds nothing.
    shop = await startBackfillShop();
    orderIds = ['SKU-1001', 'SKU-1003', 'SKU-1001', 'SKU-1003'].map((sku) => shop.sim.driver.createOrder({ lines: [{ sku, quantity: 1 }] }).id);
    await shop.drain();
    erp = await startSim();
    config = writeSimConfig(dir(), { erpnext: erp.url, shopify: shop.url, accessToken: SIM_TOKEN }, erpnextSection(erp.url));
    await runReconcile({ config, since: '2026-11-01', json: true, repair: true }, recordingContext(), { retry: recordedRetry() });
    await drainWithRunner(config, erp.client, T0);
  });
  afterEach(async () => {
    await shop.close();
    await erp.sim.close();
  });

  /** The GET of the second order's Sales Order: a read no other order makes. */
  function secondOrderSalesOrder(): RegExp {
    const name = String(erp.sim.docs('Sales Order').find((doc) => doc.shopify_order_id === String(orderIds[1]))!.name);
    return new RegExp(`/api/resource/Sales Order/${name}$`);
  }

  async function reconcile(json = true, retry = recordedRetry(), file = config) {
    const ctx = recordingContext();
    const code = await runReconcile({ config: file, since: '2026-11-01', json }, ctx, { retry });
    return { code, ctx, retry, report: json ? ctx.json<ReconcileReport>() : null };
  }

  test('an order whose ERPNext reads time out for good is "not compared" (after retries with backoff); the others are compared; exit 4', async () => {
    erp.sim.faults.inject({ kind: 'timeout', method: 'GET', path: secondOrderSalesOrder() });
    const { code, ctx, retry, report } = await reconcile();
    expect(code).toBe(4);
    const [result] = report!.shops;
    expect(result).toMatchObject({ listed: 4, compared: 3, drifted: [], stopped: null });
    expect(result!.notCompared).toEqual([{ id: String(orderIds[1]), name: '#1002', code: 'erpnext.network', attempts: 4, reason: expect.stringMatching(/ERPNext.*\(gave up after 4 attempts\)$/) }]);
    expect(report!.totals).toEqual({ listed: 4, compared: 3, drifted: 0, repaired: 0, notCompared: 1, stoppedShops: 0 });
    expect(report!.complete).toBe(false);
    // nextDelayMs with jitter 0: half of 100, 200, 400 ms.
    expect(retry.waits).toEqual([50, 100, 200]);
    // With --json, stdout is the one object (parsed above) and stderr carries pino lines.
    const logged = ctx.err().split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged.filter((line) => line.msg === 'reconcile.read_retry')).toHaveLength(3);
    expect(logged.find((line) => line.msg === 'reconcile.not_compared')).toMatchObject({ order: '#1002', code: 'erpnext.network', attempts: 4 });
    expect(logged.at(-1)).toMatchObject({ msg: 'reconcile.progress', shop: SIM_SHOP, done: 4, total: 4, compared: 3, notCompared: 1 });
  });

  test('a transient timeout (once) is retried and the order compared; progress, the retry and the summary are lines on stderr/stdout', async () => {
    erp.sim.faults.inject({ kind: 'timeout', method: 'GET', path: secondOrderSalesOrder(), times: 1 });
    const { code, ctx, retry } = await reconcile(false);
    expect(code).toBe(0);
    expect(retry.waits).toEqual([50]);
    expect(ctx.err()).toContain(`reconcile ${SIM_SHOP}: #1002: erpnext.network, retrying in 0.1 s (attempt 1 failed)`);
    expect(ctx.err()).toContain(`reconcile ${SIM_SHOP}: 4/4 orders checked: 4 compared, 0 drifted, 0 not compared`);
    expect(ctx.out()).toMatch(/^orders changed since .+: 4; compared with ERPNext: 4; drifted: 0; not compared: 0\ncustomers of .+: 4; compared with ERPNext: 4; drifted: 0; not compared: 0\nERPNext holds every order and customer as Shopify does$/);
  });

  test('a 403 on one order is reported once for it, without retrying', async () => {
    erp.sim.faults.inject({ kind: 'status', status: 403, excType: 'PermissionError', method: 'GET', path: secondOrderSalesOrder() });
    const { code, retry, report } = await reconcile();
    expect(code).toBe(4);
    expect(retry.waits).toEqual([]);
    expect(report!.shops[0]).toMatchObject({ compared: 3, notCompared: [{ name: '#1002', code: 'erpnext.permission', attempts: 1 }], stopped: null });
  });

  test('drift and an order not compared together: exit 5, the drift still named', async () => {
    const payment = erp.sim.docs('Payment Entry').find((doc) => doc.shopify_order_id === String(orderIds[0]))!;
    await erp.client.cancelDoc('Payment Entry', String(payment.name));
    erp.sim.faults.inject({ kind: 'timeout', method: 'GET', path: secondOrderSalesOrder() });
    const { code, report } = await reconcile();
    expect(code).toBe(5);
    expect(report!.totals).toMatchObject({ compared: 3, drifted: 1, notCompared: 1 });
    expect(report!.shops[0]!.drifted).toMatchObject([{ name: '#1001', findings: [{ doctype: 'Payment Entry', kind: 'cancelled' }] }]);
  });

  test('ERPNext refusing the key stops the shop at its first order, with the reason; the other orders are not read one by one', async () => {
    const refused = writeSimConfig(dir(), { erpnext: erp.url, shopify: shop.url, accessToken: SIM_TOKEN }, erpnextSection(erp.url, 'wrong-secret'));
    const { code, report } = await reconcile(true, recordedRetry(), refused);
    expect(code).toBe(4);
    expect(report!.shops[0]).toMatchObject({ listed: 4, compared: 0, notCompared: [{ name: expect.stringMatching(/^#100\d$/), code: 'erpnext.auth', attempts: 1 }], stopped: { code: 'erpnext.auth', unvisited: 3 } });
  });

  test('a shop whose Shopify listing is refused ends with its reason, and the other shop is still compared', async () => {
    const shops = [
      { domain: 'refused-shop.myshopify.com', webhookSecrets: ['x'], accessToken: 'shpat_wrong', apiBaseUrl: shop.url },
      { domain: SIM_SHOP, webhookSecrets: ['sim-webhook-secret'], accessToken: SIM_TOKEN, apiBaseUrl: shop.url },
    ];
    const two = writeSimConfig(dir(), { erpnext: erp.url, shopify: shop.url }, { ...erpnextSection(erp.url), shops });
    const { code, ctx } = await reconcile(false, recordedRetry(), two);
    const { report } = await reconcile(true, recordedRetry(), two);
    expect(code).toBe(4);
    expect(report!.shops.map((s) => [s.shop, s.compared, s.stopped?.code ?? null])).toEqual([
      ['refused-shop.myshopify.com', 0, 'shopify.auth'],
      [SIM_SHOP, 4, null],
    ]);
    expect(ctx.err()).toMatch(/reconcile refused-shop\.myshopify\.com stopped: shopify\.auth: the orders of the window could not be listed: /);
    expect(ctx.out()).toContain('stopped: refused-shop.myshopify.com: shopify.auth: ');
  });

  test("serve's scheduled round logs the order it could not compare and finishes the round", async () => {
    erp.sim.faults.inject({ kind: 'timeout', method: 'GET', path: secondOrderSalesOrder() });
    const parsed = parseConfig({ ...(JSON.parse(readFileSync(config, 'utf8')) as object), reconcile: { intervalMinutes: 60, lookbackHours: 48 } });
    if (!parsed.ok) throw new Error(parsed.problems.join('; '));
    const lines: string[] = [];
    const logger = createLogger({ level: 'info', destination: { write: (line: string) => void lines.push(line) } });
    const retry = recordedRetry();
    // The round's clients come from the app; without client read retries, as reconcile reads, so the waits are readWithRetry's alone.
    const app = composeApp(parsed.config, { erpnext: { maxReadRetries: 0 } });
    const deps = { config: parsed.config, logger, erpnext: app.erpnext, shopify: (domain: string) => app.shopify(domain) };
    await withConfiguredStore(config, (store) => scheduledReconcile({ ...deps, store }, () => T0, retry)!(new Date('2026-11-01T00:00:00Z')));
    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(retry.waits).toEqual([50, 100, 200]);
    expect(logged.find((line) => line.msg === 'reconcile.not_compared')).toMatchObject({ level: 40, shop: SIM_SHOP, order: '#1002', code: 'erpnext.network' });
    expect(logged.find((line) => line.msg === 'reconcile.round')).toMatchObject({ level: 40, shop: SIM_SHOP, listed: 4, compared: 3, drifted: 0, notCompared: 1, stopped: null });
  });
});
