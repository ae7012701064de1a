import { runReconcile, type FailureRecord, type ReconcileShopResult } from '@shopsync/runner';
import { startBackfillShop, SIM_TOKEN, type BackfillShop } from './support/backfill-shop';
import { recordingContext, T0 } from './support/cli-harness';
import { startSim, type RunningSim } from './support/erpnext-sim';
import { drainWithRunner, withConfiguredStore, writeSimConfig } from './support/sim-config';
import { useTempDir } from './support/temp-dir';

// `shopsync reconcile` (DESIGN G7): what ERPNext must hold for each Shopify order's current state,
// against what it holds; --repair enqueues the drifted orders and a runner brings ERPNext to them.

interface ReconcileJson {
  shops: ReconcileShopResult[];
}

describe('shopsync reconcile', () => {
  const dir = useTempDir();
  let shop: BackfillShop;
  let erp: RunningSim;
  let config: string;
  let pendingId: number;

  beforeEach(async () => {
    // Two orders whose webhooks never reached shopsync: a paid one, and a pending one of two units.
    shop = await startBackfillShop();
    shop.sim.driver.createOrder({ lines: [{ sku: 'SKU-1001', quantity: 2 }] });
    pendingId = shop.sim.driver.createOrder({ customer: null, lines: [{ sku: 'SKU-1003', quantity: 2 }], financialStatus: 'pending' }).id;
    await shop.drain();
    erp = await startSim();
    config = writeSimConfig(dir(), { erpnext: erp.url, shopify: shop.url, accessToken: SIM_TOKEN });
  });
  afterEach(async () => {
    await shop.close();
    await erp.sim.close();
  });

  async function reconcile(repair = false) {
    const ctx = recordingContext();
    const code = await runReconcile({ config, since: '2026-11-01', json: true, repair }, ctx);
    const [result] = ctx.json<ReconcileJson>().shops;
    const kinds = (result?.drifted ?? []).map((order) => [order.name, order.findings.map((finding) => `${finding.doctype}:${finding.kind}`)]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    return { code, result: result!, kinds };
  }

  const failures = (): Promise<FailureRecord[]> => withConfiguredStore(config, (store) => store.failures({}));
  const applyRepairs = () => drainWithRunner(config, erp.client, T0);

  test('orders ERPNext never saw are drift, named document by document; --repair makes them good, and a second run finds nothing', async () => {
    const first = await reconcile();
    expect(first.code).toBe(1);
    expect(first.result.compared).toBe(2);
    expect(first.kinds).toEqual([
      ['#1001', ['Customer:missing', 'Sales Order:missing', 'Sales Invoice:missing', 'Payment Entry:missing']],
      ['#1002', ['Customer:missing', 'Sales Order:missing']],
    ]);
    expect(first.result.drifted[0]!.findings[1]!.message).toMatch(/^Sales Order sales-order:.+ is missing in ERPNext$/);
    expect(erp.sim.countDocs('Sales Order')).toBe(0);
    // Each drifted order is a parked event with a drift failure, to requeue (here, from the Desk once mirrored).
    expect(first.result.findingsRecorded).toBe(2);
    // #1001's customer never reached shopsync either: its Contact and Address are customer drift (reconcile-customers.int.test.ts).
    expect((await failures()).map((f) => [f.category, f.code, f.status])).toEqual([
      ['drift', 'drift.order_differs', 'open'],
      ['drift', 'drift.order_differs', 'open'],
      ['drift', 'drift.customer_differs', 'open'],
    ]);
    expect((await failures())[0]!.message).toMatch(/^Order #100\d differs in ERPNext: Customer .+ is missing in ERPNext; Sales Order .+; requeue it/);
    expect((await reconcile()).result.findingsRecorded).toBe(0);

    const repaired = await reconcile(true);
    expect(repaired.result.repairsEnqueued).toBe(2);
    expect((await reconcile(true)).result.repairsEnqueued).toBe(0);
    await applyRepairs();
    expect(erp.sim.countDocs('Sales Order')).toBe(2);
    expect(erp.sim.countDocs('Payment Entry')).toBe(1);
    expect((await failures()).map((f) => f.status)).toEqual(['resolved', 'resolved', 'resolved']);
    expect(await reconcile()).toMatchObject({ code: 0, kinds: [] });
  });

  test('an order edited in Shopify that ERPNext never heard of is named and repaired (amended); a Sales Order cancelled in ERPNext is named', async () => {
    await reconcile(true);
    await applyRepairs();
    const pendingOrder = erp.sim.docs('Sales Order').find((doc) => doc.shopify_order_id === String(pendingId))!;
    shop.time.advance(60_000);
    const order = shop.sim.driver.getOrder(pendingId);
    shop.sim.driver.editOrder(pendingId, { removals: [{ lineItemId: order.line_items[0]!.id, quantity: 1 }] });
    expect((await reconcile()).kinds).toEqual([['#1002', ['Sales Order:content_differs']]]);
    await reconcile(true);
    await applyRepairs();
    expect(await reconcile()).toMatchObject({ code: 0, kinds: [] });
    const amended = erp.sim.docs('Sales Order').find((doc) => doc.amended_from === pendingOrder.name)!;
    await erp.client.cancelDoc('Sales Order', String(amended.name));
    expect((await reconcile()).kinds).toEqual([['#1002', ['Sales Order:cancelled']]]);
  });
});
