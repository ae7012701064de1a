import { SyncError } from '@shopsync/core';
import type { Doc } from '@shopsync/erpnext-client';
import type { ShopifyClient } from '@shopsync/shopify-client';
import { startStockHarness, type StockHarness } from './support/stock-harness';
import { useTempDir } from './support/temp-dir';

const SITE = { company: 'Shopsync Demo', warehouse: 'Stores - SD', supplier: 'Sample Supplier' };
const MAKE_DELIVERY_NOTE = 'erpnext.selling.doctype.sales_order.sales_order.make_delivery_note';

/** A fulfillment as the order's webhook body shows it (the fields looked at here). */
interface FulfillmentJson {
  status: string;
  tracking_number: string | null;
  tracking_company: string | null;
  line_items: Array<{ sku: string; quantity: number }>;
}

interface DraftRow extends Doc {
  item_code: string;
  qty: number;
}

describe('with ERPNext as the fulfillment authority, a Delivery Note becomes one Shopify fulfillment', () => {
  const dir = useTempDir();
  let h: StockHarness;
  let running = false;
  const start = async (wrapShopify?: (client: ShopifyClient) => ShopifyClient) => {
    h = await startStockHarness(dir(), {}, 1, wrapShopify);
    running = true;
    await h.runner.tailStock(); // the tail starts at the ledger's end
  };
  afterEach(async () => {
    if (running) await h.stop();
    running = false;
  });

  /** A Shopify order booked by shopsync: its Sales Order, found by the order id it carries. */
  const bookedOrder = async (lines: Array<{ sku: string; quantity: number }>) => {
    const order = h.shopify.driver.createOrder({ customer: 'new', lines });
    await h.settle();
    const [salesOrder] = await h.erpnext.listDocs('Sales Order', { fields: ['name', 'customer', 'shopify_shop'], filters: { shopify_order_id: String(order.id), docstatus: 1 } });
    if (salesOrder === undefined) throw new Error(`order ${order.id} was not booked`);
    return { order, salesOrder };
  };

  /** make_delivery_note, keep the rows `pick` chooses (with their quantities), submit with `extra` (lr_no, transporter). */
  const deliver = async (salesOrder: string, pick: Record<string, number>, extra: Doc = {}) => {
    const draft = await h.erpnext.callMethod<Doc & { items: DraftRow[] }>(MAKE_DELIVERY_NOTE, { source_name: salesOrder }, { verb: 'POST' });
    const items = draft.items.filter((row) => pick[row.item_code] !== undefined).map((row) => ({ ...row, qty: pick[row.item_code] }));
    return h.erpnext.insertDoc('Delivery Note', { ...draft, items, ...extra, docstatus: 1 });
  };

  const fulfillmentsOf = (orderId: number) =>
    (h.shopify.driver.getOrder(orderId).fulfillments as FulfillmentJson[]).map((f) => ({
      status: f.status,
      tracking: f.tracking_number,
      company: f.tracking_company,
      lines: f.line_items.map((line) => [line.sku, line.quantity]),
    }));

  /** Every stored event of a topic, newest first (a webhook delivered twice is stored once). */
  const eventOf = (topic: string) => h.store.listEvents({ topic, limit: 500 });

  const expectNoDrift = async () => {
    expect((await h.store.failures({ status: 'open', category: 'drift' })).map((f) => f.message)).toEqual([]);
    const levels = await eventOf('inventory_levels/update');
    expect(levels.filter((e) => e.status !== 'echo' && e.status !== 'skipped').map((e) => [e.status, e.reason])).toEqual([]);
  };

  test('a partial note with lr_no is one fulfillment of its lines with that tracking; the webhooks back are echoes; a replay fulfils nothing twice', async () => {
    await start();
    const { order, salesOrder } = await bookedOrder([
      { sku: 'SKU-1004', quantity: 3 },
      { sku: 'SKU-1005', quantity: 2 },
    ]);
    expect(salesOrder.shopify_shop).toBe(h.shopify.shop.domain);
    const first = await deliver(String(salesOrder.name), { 'SKU-1004': 2 }, { lr_no: 'TRACK-0001' });
    // make_delivery_note leaves the header's shopify_order_id behind: the note finds its order through its rows.
    expect(first.shopify_order_id ?? null).toBeNull();
    await h.settle();
    expect(fulfillmentsOf(order.id)).toEqual([{ status: 'success', tracking: 'TRACK-0001', company: null, lines: [['SKU-1004', 2]] }]);
    const partially = await eventOf('orders/partially_fulfilled');
    expect(partially.map((e) => e.status)).toEqual(['echo']);
    const [submitted] = await eventOf('delivery_notes/submitted');
    expect([submitted!.status, submitted!.resourceKey]).toEqual(['applied', expect.stringContaining(String(first.name))]);

    // The same event run again: the ledger key knows the fulfillment, Shopify gets nothing new.
    expect(await h.store.requeueEvent(submitted!.id, 'replay', new Date())).toBe('requeued');
    await h.settle();
    const replayed = await h.store.getEvent(submitted!.id);
    expect([replayed!.status, replayed!.reason]).toEqual(['skipped', expect.stringContaining('is already Shopify fulfillment gid://shopify/Fulfillment/')]);
    expect(fulfillmentsOf(order.id)).toHaveLength(1);

    // The rest, with a transporter: a second fulfillment, and orders/fulfilled is an echo too.
    await deliver(String(salesOrder.name), { 'SKU-1004': 1, 'SKU-1005': 2 }, { lr_no: 'TRACK-0002', transporter: SITE.supplier });
    await h.settle();
    expect(fulfillmentsOf(order.id)).toEqual([
      { status: 'success', tracking: 'TRACK-0001', company: null, lines: [['SKU-1004', 2]] },
      { status: 'success', tracking: 'TRACK-0002', company: SITE.supplier, lines: [['SKU-1004', 1], ['SKU-1005', 2]] },
    ]);
    expect((await eventOf('orders/fulfilled')).map((e) => e.status)).toEqual(['echo']);
    expect((await eventOf('orders/partially_fulfilled')).map((e) => e.status)).toEqual(['echo']);
    expect((await eventOf('delivery_notes/submitted')).map((e) => e.status)).toEqual(['applied', 'skipped']);
    expect(h.shopify.driver.getOrder(order.id).fulfillment_status).toBe('fulfilled');
    expect(await h.store.failures({ status: 'open' })).toEqual([]);
    await expectNoDrift();
  });

  test('a note cancelled after it became a fulfillment is a conflict; the Shopify fulfillment is left as it is', async () => {
    await start();
    const { order, salesOrder } = await bookedOrder([{ sku: 'SKU-1006', quantity: 2 }]);
    const note = await deliver(String(salesOrder.name), { 'SKU-1006': 2 }, { lr_no: 'TRACK-CANCEL' });
    await h.settle();
    expect(fulfillmentsOf(order.id)).toEqual([{ status: 'success', tracking: 'TRACK-CANCEL', company: null, lines: [['SKU-1006', 2]] }]);
    await h.erpnext.cancelDoc('Delivery Note', String(note.name));
    await h.settle();
    const conflicts = await h.store.failures({ status: 'open', code: 'conflict.delivery_note_cancelled' });
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]!.message).toContain(String(note.name));
    expect(conflicts[0]!.message).toContain('gid://shopify/Fulfillment/');
    expect(fulfillmentsOf(order.id)).toEqual([{ status: 'success', tracking: 'TRACK-CANCEL', company: null, lines: [['SKU-1006', 2]] }]);
    expect((await h.store.failures({ status: 'open' })).map((f) => f.code)).toEqual(['conflict.delivery_note_cancelled']);
    await expectNoDrift();
  });

  test('a note of a Sales Order made by hand in ERPNext is not a Shopify order’s: skipped, no fulfillment anywhere', async () => {
    await start();
    const { order, salesOrder } = await bookedOrder([{ sku: 'SKU-1007', quantity: 1 }]);
    // The same customer and item, booked by hand: it carries no Shopify order id.
    const manual = await h.erpnext.insertDoc('Sales Order', {
      customer: salesOrder.customer,
      company: SITE.company,
      delivery_date: '2027-01-31',
      items: [{ item_code: 'SKU-1007', qty: 4, rate: 60, warehouse: SITE.warehouse, delivery_date: '2027-01-31' }],
      docstatus: 1,
    });
    const note = await deliver(String(manual.name), { 'SKU-1007': 4 }, { lr_no: 'TRACK-HAND' });
    await h.settle();
    const [submitted] = await eventOf('delivery_notes/submitted');
    expect([submitted!.status, submitted!.reason]).toEqual(['skipped', `Delivery Note ${String(note.name)} is not for a Shopify order (no Sales Order of it was booked by shopsync)`]);
    expect(fulfillmentsOf(order.id)).toEqual([]);
    expect(await h.store.failures({ status: 'open' })).toEqual([]);
    await expectNoDrift();
  });

  test('a send whose answer was lost is not sent again: the retry finds the units gone and sends only what is left', async () => {
    // The first fulfillmentCreate goes through in Shopify, but its answer never reaches shopsync.
    let lose = true;
    await start((client) => ({
      ...client,
      fulfillments: {
        async create(input) {
          const result = await client.fulfillments.create(input);
          if (!lose) return result;
          lose = false;
          throw SyncError.of('shopify.network', { message: 'the connection closed before Shopify answered' });
        },
      },
    }));
    const { order, salesOrder } = await bookedOrder([{ sku: 'SKU-1009', quantity: 3 }]);
    // Two of three units: re-sending "capped at what remains" would ship the third as well.
    await deliver(String(salesOrder.name), { 'SKU-1009': 2 }, { lr_no: 'TRACK-LOST' });
    await h.settle();
    expect(lose).toBe(false);
    expect(fulfillmentsOf(order.id)).toEqual([{ status: 'success', tracking: 'TRACK-LOST', company: null, lines: [['SKU-1009', 2]] }]);
    const [submitted] = await eventOf('delivery_notes/submitted');
    expect([submitted!.status, submitted!.attempts, submitted!.reason]).toEqual(['applied', 2, expect.stringContaining('earlier attempt whose answer was lost')]);
    // The order line still has its third unit to ship.
    expect(h.shopify.driver.getOrder(order.id).line_items.map((line) => [line.sku, line.fulfillable_quantity])).toEqual([['SKU-1009', 1]]);
    expect(await h.store.failures({ status: 'open' })).toEqual([]);
    await expectNoDrift();
  });
});
