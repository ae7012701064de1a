import type { Doc } from '@shopsync/erpnext-client';
import { SEED_SUPPLIER } from '@shopsync/simulators';
import { startSim, type RunningSim } from './support/erpnext-sim';
import { binOf } from './support/erpnext-stock';

// What the ERPNext -> Shopify inventory and fulfillment sync will read from the simulator, read the
// way the runner will read it: the Stock Ledger tailed by `creation` (erpnext stock_ledger.py v15
// make_sl_entries, stock_controller), Bins (bin.py, sales_order.get_reserved_qty) and Delivery
// Notes made by make_delivery_note (frappe mapper.map_fields: same-named fields unless no_copy).

const SITE = { company: 'Shopsync Demo', stores: 'Stores - SD', goods: 'Finished Goods - SD' } as const;
const MAKE_DN = 'erpnext.selling.doctype.sales_order.sales_order.make_delivery_note';
const TAIL_FIELDS = ['name', 'creation', 'item_code', 'warehouse', 'voucher_type', 'voucher_no', 'actual_qty', 'is_cancelled', 'posting_datetime'];
const BIN_FIELDS = ['item_code', 'warehouse', 'actual_qty', 'reserved_qty', 'projected_qty', 'ordered_qty', 'reserved_qty_for_production', 'reserved_stock'];
const CURSOR = '2026-12-05 00:00:00.000000';

/** MariaDB DATETIME(6) text as a cursor: always six fraction digits (str(datetime) drops a zero fraction). */
const sixDigits = (stamp: string): string => (/\.\d{6}$/.test(stamp) ? stamp : `${stamp}.000000`);

describe('ERPNext simulator, ready for the inventory and fulfillment sync', () => {
  let s: RunningSim;
  // A fresh site per test, seeded on 4 December; from the 5th on every reading of the clock is one
  // whole second later, so `creation` never has a fraction and cursors meet MariaDB's comparison.
  let clock = 0;
  let ticking = false;
  beforeEach(async () => {
    ticking = false;
    clock = Date.parse('2026-12-04T09:00:00Z');
    s = await startSim({ now: () => new Date(ticking ? (clock += 1000) : clock) });
    clock = Date.parse('2026-12-05T00:00:00Z') - 1000;
    ticking = true;
  });
  afterEach(() => s.sim.close());

  const customer = async (): Promise<string> => (await s.client.insertDoc('Customer', { customer_name: 'Inventory Buyer' })).name!;
  const salesOrder = async (items: Doc[], extra: Doc = {}): Promise<Doc> =>
    s.client.insertDoc('Sales Order', { customer: await customer(), delivery_date: '2026-12-20', items, docstatus: 1, ...extra });
  const draftDeliveryNote = (so: Doc): Promise<Doc> => s.client.callMethod<Doc>(MAKE_DN, { source_name: so.name }, { verb: 'POST' });
  const tail = (since = CURSOR) =>
    s.client.listAll('Stock Ledger Entry', { fields: TAIL_FIELDS, filters: [['creation', '>=', since]], orderBy: 'creation asc, name asc', limitPageLength: 3 });
  const bins = (items: string[], warehouses: string[]) =>
    s.client.listAll('Bin', { fields: BIN_FIELDS, filters: [['item_code', 'in', items], ['warehouse', 'in', warehouses]], orderBy: 'item_code asc, warehouse asc' });

  test('the ledger tail: every stock voucher, with the runner\'s fields, creation filter, order and paging', async () => {
    await expect(tail()).resolves.toEqual([]);
    const receipt = await s.client.insertDoc('Purchase Receipt', { supplier: SEED_SUPPLIER, company: SITE.company, items: [{ item_code: 'SKU-1001', qty: 10, rate: 12 }], docstatus: 1 });
    const entry = (type: string, items: Doc[]) => s.client.insertDoc('Stock Entry', { stock_entry_type: type, company: SITE.company, items, docstatus: 1 });
    const received = await entry('Material Receipt', [{ item_code: 'SKU-1002', qty: 5, t_warehouse: SITE.stores, basic_rate: 11 }]);
    const issued = await entry('Material Issue', [{ item_code: 'SKU-1002', qty: 2, s_warehouse: SITE.stores }]);
    const moved = await entry('Material Transfer', [{ item_code: 'SKU-1003', qty: 7, s_warehouse: SITE.stores, t_warehouse: SITE.goods }]);
    const counted = await s.client.insertDoc('Stock Reconciliation', { company: SITE.company, purpose: 'Stock Reconciliation', items: [{ item_code: 'SKU-1004', warehouse: SITE.stores, qty: 80 }], docstatus: 1 });
    const so = await salesOrder([{ item_code: 'SKU-1005', qty: 3 }]);
    const dn = await s.client.insertDoc('Delivery Note', { ...(await draftDeliveryNote(so)), docstatus: 1 });
    await s.client.cancelDoc('Delivery Note', String(dn.name));

    const rows = await tail();
    expect(rows.map((r) => Object.keys(r).sort())).toEqual(rows.map(() => [...TAIL_FIELDS].sort()));
    expect(rows.map((r) => [r.voucher_type, r.voucher_no, r.item_code, r.warehouse, r.actual_qty, r.is_cancelled])).toEqual([
      ['Purchase Receipt', receipt.name, 'SKU-1001', SITE.stores, 10, 0],
      ['Stock Entry', received.name, 'SKU-1002', SITE.stores, 5, 0],
      ['Stock Entry', issued.name, 'SKU-1002', SITE.stores, -2, 0],
      ['Stock Entry', moved.name, 'SKU-1003', SITE.stores, -7, 0],
      ['Stock Entry', moved.name, 'SKU-1003', SITE.goods, 7, 0],
      // v15 get_sle_for_items: a Stock Reconciliation posts actual_qty 0 and the new balance in
      // qty_after_transaction (the tail must read that field for this voucher type).
      ['Stock Reconciliation', counted.name, 'SKU-1004', SITE.stores, 0, 0],
      // The cancelled Delivery Note: its entry is flagged is_cancelled = 1 in place (set_as_cancel)
      // and a reversing entry, itself is_cancelled = 1, is appended with the quantity negated.
      ['Delivery Note', dn.name, 'SKU-1005', SITE.stores, -3, 1],
      ['Delivery Note', dn.name, 'SKU-1005', SITE.stores, 3, 1],
    ]);
    const stamps = rows.map((r) => String(r.creation));
    for (const stamp of stamps) expect(stamp).toMatch(/^2026-12-05 \d{2}:\d{2}:\d{2}(\.\d{6})?$/);
    expect(stamps.every((stamp, i) => i === 0 || sixDigits(stamp) > sixDigits(stamps[i - 1]!))).toBe(true);
    expect(rows.map((r) => String(r.posting_datetime))).toEqual(rows.map(() => expect.stringMatching(/^2026-12-05 \d{2}:\d{2}:\d{2}(\.\d{1,6})?$/)));
    const reco = await s.client.listDocs('Stock Ledger Entry', { fields: ['qty_after_transaction'], filters: [['voucher_no', '=', String(counted.name)]], orderBy: 'creation asc' });
    expect(reco).toEqual([{ qty_after_transaction: 80 }]);

    // A cursor is compared as MariaDB compares DATETIME(6): the same instant, whatever the digits.
    const cursor = sixDigits(String(rows[5]?.creation));
    await expect(tail(cursor)).resolves.toEqual(rows.slice(5));
    await expect(s.client.listDocs('Stock Ledger Entry', { fields: ['name'], filters: [['creation', '>', cursor]], orderBy: 'creation asc', limitPageLength: 0 })).resolves.toHaveLength(2);
    await expect(s.client.listDocs('Stock Ledger Entry', { fields: ['name'], filters: [['creation', '=', cursor]], limitPageLength: 0 })).resolves.toEqual([{ name: rows[5]?.name }]);
  });

  test('cancelling a Material Receipt, a Purchase Receipt and a Stock Reconciliation tails as v15 writes it', async () => {
    const received = await s.client.insertDoc('Stock Entry', { stock_entry_type: 'Material Receipt', company: SITE.company, items: [{ item_code: 'SKU-1006', qty: 4, t_warehouse: SITE.stores, basic_rate: 10 }], docstatus: 1 });
    const bought = await s.client.insertDoc('Purchase Receipt', { supplier: SEED_SUPPLIER, company: SITE.company, items: [{ item_code: 'SKU-1006', qty: 6, rate: 10 }], docstatus: 1 });
    const counted = await s.client.insertDoc('Stock Reconciliation', { company: SITE.company, purpose: 'Stock Reconciliation', items: [{ item_code: 'SKU-1007', warehouse: SITE.stores, qty: 90 }], docstatus: 1 });
    const since = sixDigits(String((await tail()).at(-1)?.creation));
    for (const [doctype, doc] of [['Stock Reconciliation', counted], ['Purchase Receipt', bought], ['Stock Entry', received]] as const) await s.client.cancelDoc(doctype, String(doc.name));
    const later = (await tail(since)).slice(1);
    expect(later.map((r) => [r.voucher_type, r.actual_qty, r.is_cancelled])).toEqual([
      // The reconciliation's reversal gives back the quantity the row found (current_qty 100).
      ['Stock Reconciliation', 100, 1],
      ['Purchase Receipt', -6, 1],
      ['Stock Entry', -4, 1],
    ]);
    const originals = await s.client.listDocs('Stock Ledger Entry', { fields: ['voucher_no', 'actual_qty', 'is_cancelled'], filters: [['voucher_no', 'in', [received.name, bought.name, counted.name]], ['creation', '<=', since]], orderBy: 'creation asc', limitPageLength: 0 });
    expect(originals.map((r) => [r.actual_qty, r.is_cancelled])).toEqual([[4, 1], [6, 1], [0, 1]]);
    await expect(binOf(s.client, 'SKU-1006', SITE.stores)).resolves.toMatchObject({ actual_qty: 100 });
    await expect(binOf(s.client, 'SKU-1007', SITE.stores)).resolves.toMatchObject({ actual_qty: 100 });
  });

  test('Bins with the runner\'s fields and "in" filters: actual_qty follows the ledger, reserved_qty the orders', async () => {
    const before = await bins(['SKU-1001', 'SKU-1002'], [SITE.stores, SITE.goods]);
    expect(before).toEqual([
      { item_code: 'SKU-1001', warehouse: SITE.stores, actual_qty: 100, reserved_qty: 0, projected_qty: 100, ordered_qty: 0, reserved_qty_for_production: 0, reserved_stock: 0 },
      { item_code: 'SKU-1002', warehouse: SITE.stores, actual_qty: 100, reserved_qty: 0, projected_qty: 100, ordered_qty: 0, reserved_qty_for_production: 0, reserved_stock: 0 },
    ]);
    await s.client.insertDoc('Stock Entry', { stock_entry_type: 'Material Transfer', company: SITE.company, items: [{ item_code: 'SKU-1002', qty: 30, s_warehouse: SITE.stores, t_warehouse: SITE.goods }], docstatus: 1 });
    const so = await salesOrder([{ item_code: 'SKU-1001', qty: 4 }, { item_code: 'SKU-1002', qty: 5, warehouse: SITE.goods }]);
    const pick = (rows: Doc[]) => rows.map((b) => [b.item_code, b.warehouse, b.actual_qty, b.reserved_qty, b.projected_qty]);
    expect(pick(await bins(['SKU-1001', 'SKU-1002'], [SITE.stores, SITE.goods]))).toEqual([
      ['SKU-1001', SITE.stores, 100, 4, 96],
      ['SKU-1002', SITE.goods, 30, 5, 25],
      ['SKU-1002', SITE.stores, 70, 0, 70],
    ]);
    // A partial delivery releases what it delivers; its cancel takes the release back.
    const draft = await draftDeliveryNote(so);
    const dn = await s.client.insertDoc('Delivery Note', { ...draft, items: (draft.items as Doc[]).map((row) => ({ ...row, qty: 1 })), docstatus: 1 });
    expect(pick(await bins(['SKU-1001', 'SKU-1002'], [SITE.stores, SITE.goods]))).toEqual([
      ['SKU-1001', SITE.stores, 99, 3, 96],
      ['SKU-1002', SITE.goods, 29, 4, 25],
      ['SKU-1002', SITE.stores, 70, 0, 70],
    ]);
    await s.client.cancelDoc('Delivery Note', String(dn.name));
    await s.client.cancelDoc('Sales Order', String(so.name));
    expect(pick(await bins(['SKU-1001', 'SKU-1002'], [SITE.stores, SITE.goods]))).toEqual([
      ['SKU-1001', SITE.stores, 100, 0, 100],
      ['SKU-1002', SITE.goods, 30, 0, 30],
      ['SKU-1002', SITE.stores, 70, 0, 70],
    ]);
  });

  test('a delivery from another warehouse releases the reservation where the order made it (get_reserved_qty)', async () => {
    await s.client.insertDoc('Stock Entry', { stock_entry_type: 'Material Transfer', company: SITE.company, items: [{ item_code: 'SKU-1003', qty: 10, s_warehouse: SITE.stores, t_warehouse: SITE.goods }], docstatus: 1 });
    const so = await salesOrder([{ item_code: 'SKU-1003', qty: 2 }]);
    const draft = await draftDeliveryNote(so);
    const dn = await s.client.insertDoc('Delivery Note', { ...draft, items: (draft.items as Doc[]).map((row) => ({ ...row, warehouse: SITE.goods })), docstatus: 1 });
    await expect(binOf(s.client, 'SKU-1003', SITE.stores)).resolves.toEqual({ actual_qty: 90, reserved_qty: 0, ordered_qty: 0, projected_qty: 90 });
    await expect(binOf(s.client, 'SKU-1003', SITE.goods)).resolves.toEqual({ actual_qty: 8, reserved_qty: 0, ordered_qty: 0, projected_qty: 8 });
    await s.client.cancelDoc('Delivery Note', String(dn.name));
    await expect(binOf(s.client, 'SKU-1003', SITE.stores)).resolves.toMatchObject({ actual_qty: 90, reserved_qty: 2 });
    await expect(binOf(s.client, 'SKU-1003', SITE.goods)).resolves.toMatchObject({ actual_qty: 10, reserved_qty: 0 });
  });

  test('only stock items reserve (SalesOrder.update_reserved_qty checks is_stock_item)', async () => {
    await s.client.insertDoc('Item', { item_code: 'GIFT-WRAP', item_group: 'Products', stock_uom: 'Nos', is_stock_item: 0 });
    await salesOrder([{ item_code: 'SKU-1008', qty: 1 }, { item_code: 'GIFT-WRAP', qty: 1, rate: 2, warehouse: SITE.stores }]);
    await expect(binOf(s.client, 'SKU-1008', SITE.stores)).resolves.toMatchObject({ reserved_qty: 1 });
    await expect(s.client.listDocs('Bin', { fields: ['name'], filters: { item_code: 'GIFT-WRAP' } })).resolves.toEqual([]);
  });

  test('make_delivery_note: rows carry so_detail, against_sales_order and shopify_line_item_id; no_copy shopify_order_id stays behind', async () => {
    const so = await salesOrder(
      [{ item_code: 'SKU-1001', qty: 2, shopify_line_item_id: '90001' }, { item_code: 'SKU-1002', qty: 1, shopify_line_item_id: '90002' }],
      { shopify_order_id: '7001', shopify_shop: 'shopsync-demo.myshopify.com' },
    );
    const draft = await draftDeliveryNote(so);
    const soRows = so.items as Doc[];
    expect((draft.items as Doc[]).map((r) => [r.item_code, r.qty, r.so_detail, r.against_sales_order, r.shopify_line_item_id])).toEqual([
      ['SKU-1001', 2, soRows[0]?.name, so.name, '90001'],
      ['SKU-1002', 1, soRows[1]?.name, so.name, '90002'],
    ]);
    // Both doctypes have shopify_order_id, but the app ships it with no_copy = 1 (on either side that
    // alone stops map_fields): whoever makes a Delivery Note must set it, or read the Sales Order's.
    expect(draft).not.toHaveProperty('shopify_order_id');
    expect(draft).not.toHaveProperty('shopify_shop');
    const dn = await s.client.insertDoc('Delivery Note', { ...draft, lr_no: '1Z999AA10123456784', transporter: SEED_SUPPLIER, docstatus: 1 });
    const read = await s.client.getDoc('Delivery Note', String(dn.name));
    expect(read).toMatchObject({ docstatus: 1, lr_no: '1Z999AA10123456784', transporter: SEED_SUPPLIER, transporter_name: SEED_SUPPLIER });
    // A document reads as as_dict(no_nulls=True): an empty field is absent, not null.
    expect(read).not.toHaveProperty('shopify_order_id');
    expect((read.items as Doc[]).map((r) => [r.so_detail, r.against_sales_order, r.shopify_line_item_id])).toEqual(soRows.map((r) => [r.name, so.name, r.shopify_line_item_id]));
    await expect(s.client.getDoc('Sales Order', String(so.name))).resolves.toMatchObject({ shopify_order_id: '7001', per_delivered: 100 });
    // Without a transporter the read-only transporter_name is whatever the document was given.
    const second = await salesOrder([{ item_code: 'SKU-1003', qty: 1, shopify_line_item_id: '90003' }], { shopify_order_id: '7002' });
    const named = await s.client.insertDoc('Delivery Note', { ...(await draftDeliveryNote(second)), transporter_name: 'UPS', shopify_order_id: '7002', docstatus: 1 });
    const namedRead = await s.client.getDoc('Delivery Note', String(named.name));
    expect(namedRead).toMatchObject({ transporter_name: 'UPS', shopify_order_id: '7002' });
    expect(namedRead).not.toHaveProperty('transporter');
    const listed = await s.client.listDocs('Delivery Note', { fields: ['name', 'lr_no', 'transporter_name', 'shopify_order_id', 'docstatus'], filters: [['name', 'in', [dn.name, named.name]]], orderBy: 'creation asc' });
    expect(listed).toEqual([
      { name: dn.name, lr_no: '1Z999AA10123456784', transporter_name: SEED_SUPPLIER, shopify_order_id: null, docstatus: 1 },
      { name: named.name, lr_no: null, transporter_name: 'UPS', shopify_order_id: '7002', docstatus: 1 },
    ]);
  });
});
