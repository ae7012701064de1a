import type { Doc } from '@shopsync/erpnext-client';
import { startSim, type RunningSim } from './support/erpnext-sim';
import { binOf, ledgerOf, netQty, receiveStock } from './support/erpnext-stock';

const SITE = { company: 'Shopsync Demo', warehouse: 'Stores - SD' } as const;
const MAKE_DN = 'erpnext.selling.doctype.sales_order.sales_order.make_delivery_note';

// Stock Entry, the stock ledger and Bins (notes §9; erpnext stock_entry.py, stock_ledger.py v15).
describe('ERPNext simulator: Stock Entry and the stock ledger', () => {
  let s: RunningSim;
  beforeAll(async () => {
    s = await startSim({ now: () => new Date('2025-06-01T09:30:00Z') });
  });
  beforeEach(() => s.sim.reset());
  afterAll(() => s.sim.close());

  const entry = (type: string, items: Doc[], extra: Doc = {}) => s.client.insertDoc('Stock Entry', { stock_entry_type: type, company: SITE.company, items, docstatus: 1, ...extra });
  const binValue = (item: string, warehouse = SITE.warehouse) => s.sim.docs('Bin').find((b) => b.item_code === item && b.warehouse === warehouse);

  test('opening stock is a submitted Material Receipt with a ledger entry, listable over REST', async () => {
    const [sle] = await s.client.listDocs('Stock Ledger Entry', { fields: ['*'], filters: { item_code: 'SKU-1001' }, orderBy: 'creation asc' });
    expect(sle).toMatchObject({
      voucher_type: 'Stock Entry', warehouse: SITE.warehouse, actual_qty: 100, qty_after_transaction: 100, incoming_rate: 10, valuation_rate: 10,
      stock_value: 1000, stock_value_difference: 1000, is_cancelled: 0, docstatus: 1, to_rename: 1, posting_date: '2025-06-01',
    });
    expect(sle?.name).toMatch(/^[0-9a-f]{10}$/);
    expect(String(sle?.posting_datetime)).toMatch(/^2025-06-01 09:30:00(\.\d{6})?$/);
    await expect(s.client.getDoc('Stock Entry', String(sle?.voucher_no))).resolves.toMatchObject({ purpose: 'Material Receipt', docstatus: 1, items: [expect.objectContaining({ t_warehouse: SITE.warehouse, basic_rate: 10 })] });
    expect(binValue('SKU-1001')).toMatchObject({ actual_qty: 100, valuation_rate: 10, stock_value: 1000, projected_qty: 100 });
    await expect(s.client.insertDoc('Item', { item_code: 'NO-RATE', item_group: 'Products', stock_uom: 'Nos', opening_stock: 5 })).rejects.toMatchObject({ message: 'Valuation Rate is mandatory if Opening Stock entered' });
    expect(s.sim.countDocs('Item', (i) => i.name === 'NO-RATE')).toBe(0);
  });

  test('Material Receipt: the source is cleared, a target is required, FIFO values the receipt', async () => {
    await expect(entry('Material Receipt', [{ item_code: 'SKU-1001', qty: 5, s_warehouse: SITE.warehouse }])).rejects.toMatchObject({ code: 'erpnext.validation.warehouse_required', message: 'Target warehouse is mandatory for row 1' });
    const received = await entry('Material Receipt', [{ item_code: 'SKU-1001', qty: 50, basic_rate: 16 }], { to_warehouse: SITE.warehouse });
    // 12 opening receipts were seeded; the refused entry above gave its number back.
    expect(received).toMatchObject({ name: 'MAT-STE-2025-00013', purpose: 'Material Receipt', total_incoming_value: 800, items: [expect.objectContaining({ t_warehouse: SITE.warehouse, transfer_qty: 50 })] });
    expect((received.items as Doc[])[0]).not.toHaveProperty('s_warehouse');
    const [sle] = await ledgerOf(s.client, String(received.name));
    expect(sle).toMatchObject({ actual_qty: 50, incoming_rate: 16, qty_after_transaction: 150, valuation_rate: 12, stock_value: 1800, stock_value_difference: 800, voucher_detail_no: (received.items as Doc[])[0]?.name });
    expect(binValue('SKU-1001')).toMatchObject({ actual_qty: 150, valuation_rate: 12, stock_value: 1800 });
  });

  test('Material Issue: more than the source holds is refused at submit; FIFO takes the oldest stock first', async () => {
    const tooMuch = await entry('Material Issue', [{ item_code: 'SKU-1001', qty: 200, s_warehouse: SITE.warehouse }]).catch((e: unknown) => e);
    expect(tooMuch).toMatchObject({ code: 'erpnext.validation.negative_stock', details: { excType: 'NegativeStockError' } });
    expect((tooMuch as Error).message).toMatch(/^Row 1: Quantity not available for SKU-1001 in warehouse Stores - SD at posting time of the entry \(01-06-2025 09:30:00\)\s+Available quantity is 100\.0, you need 200\.0$/);
    await expect(entry('Material Issue', [{ item_code: 'SKU-1001', qty: 1 }])).rejects.toMatchObject({ message: 'Source warehouse is mandatory for row 1' });
    await entry('Material Receipt', [{ item_code: 'SKU-1001', qty: 50, t_warehouse: SITE.warehouse, basic_rate: 16 }]);
    const issued = await entry('Material Issue', [{ item_code: 'SKU-1001', qty: 120, s_warehouse: SITE.warehouse }]);
    expect((issued.items as Doc[])[0]).toMatchObject({ basic_rate: 11, basic_amount: 1320 });
    expect(await ledgerOf(s.client, String(issued.name))).toEqual([expect.objectContaining({ actual_qty: -120, qty_after_transaction: 30, valuation_rate: 16, stock_value: 480, stock_value_difference: -1320 })]);
    await expect(binOf(s.client, 'SKU-1001', SITE.warehouse)).resolves.toEqual({ actual_qty: 30, reserved_qty: 0, ordered_qty: 0, projected_qty: 30 });
  });

  test('Material Transfer: out of the source first, into the target at the rate it left with', async () => {
    const moved = await entry('Material Transfer', [{ item_code: 'SKU-1002', qty: 40, s_warehouse: SITE.warehouse, t_warehouse: 'Finished Goods - SD' }]);
    const ledger = await ledgerOf(s.client, String(moved.name));
    expect(ledger.map((e) => [e.warehouse, e.actual_qty, e.qty_after_transaction, e.valuation_rate])).toEqual([
      [SITE.warehouse, -40, 60, 11],
      ['Finished Goods - SD', 40, 40, 11],
    ]);
    await expect(binOf(s.client, 'SKU-1002', 'Finished Goods - SD')).resolves.toMatchObject({ actual_qty: 40, projected_qty: 40 });
  });

  test('cancel: the entries are flagged is_cancelled and reversed by cancelled entries; the Bin goes back', async () => {
    const received = await receiveStock(s.client, SITE, 'SKU-1003', 50, 16);
    const [original] = await ledgerOf(s.client, String(received.name));
    await s.client.cancelDoc('Stock Entry', String(received.name));
    const ledger = await ledgerOf(s.client, String(received.name));
    expect(ledger.map((e) => [e.actual_qty, e.is_cancelled, e.docstatus])).toEqual([[50, 1, 1], [-50, 1, 1]]);
    expect(ledger[0]?.name).toBe(original?.name);
    expect(String(ledger[0]?.modified) > String(original?.modified)).toBe(true);
    expect(ledger[1]).toMatchObject({ voucher_detail_no: original?.voucher_detail_no, qty_after_transaction: 0, stock_value_difference: 0 });
    expect(netQty(ledger)).toBe(0);
    expect(binValue('SKU-1003')).toMatchObject({ actual_qty: 100, valuation_rate: 12, stock_value: 1200 });
  });

  test('cancelling a receipt whose stock was issued since is a NegativeStockError naming the later voucher', async () => {
    const received = await receiveStock(s.client, SITE, 'SKU-1003', 50, 16);
    const issued = await entry('Material Issue', [{ item_code: 'SKU-1003', qty: 120, s_warehouse: SITE.warehouse }]);
    const error = await s.client.cancelDoc('Stock Entry', String(received.name)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'erpnext.validation.negative_stock' });
    expect((error as Error).message).toContain(`20.0 units of Item SKU-1003: Sample Product SKU-1003 needed in Warehouse Stores - SD on 2025-06-01`);
    expect((error as Error).message).toContain(`for Stock Entry ${String(issued.name)} to complete this transaction.`);
    await expect(s.client.getDoc('Stock Entry', String(received.name))).resolves.toMatchObject({ docstatus: 1 });
    expect(binValue('SKU-1003')).toMatchObject({ actual_qty: 30 });
  });

  test('a backdated receipt reposts the later entries without touching their modified', async () => {
    const [opening] = await s.client.listDocs('Stock Ledger Entry', { fields: ['name', 'modified', 'qty_after_transaction'], filters: { item_code: 'SKU-1004' } });
    await receiveStock(s.client, SITE, 'SKU-1004', 5, 13, { set_posting_time: 1, posting_date: '2025-05-01', posting_time: '08:00:00' });
    const after = (await s.client.listDocs('Stock Ledger Entry', { fields: ['name', 'modified', 'qty_after_transaction', 'posting_date'], filters: { item_code: 'SKU-1004' }, orderBy: 'posting_datetime asc' }));
    expect(after.map((e) => [e.posting_date, e.qty_after_transaction])).toEqual([['2025-05-01', 5], ['2025-06-01', 105]]);
    expect(after[1]).toMatchObject({ name: opening?.name, modified: opening?.modified });
    // Without "Edit Posting Date and Time" a voucher posts now, whatever date the body carried.
    const undated = await receiveStock(s.client, SITE, 'SKU-1004', 1, 13, { posting_date: '2025-05-01' });
    expect(undated.posting_date).toBe('2025-06-01');
  });

  test('a Delivery Note writes its entries on submit and reverses them on cancel; the reservation comes back', async () => {
    const customer = (await s.client.insertDoc('Customer', { customer_name: 'Stock Customer' })).name!;
    const so = await s.client.insertDoc('Sales Order', { customer, delivery_date: '2025-06-10', items: [{ item_code: 'SKU-1005', qty: 3 }], docstatus: 1 });
    const dn = await s.client.insertDoc('Delivery Note', { ...(await s.client.callMethod<Doc>(MAKE_DN, { source_name: so.name }, { verb: 'GET' })), docstatus: 1 });
    expect(await ledgerOf(s.client, String(dn.name))).toEqual([expect.objectContaining({ voucher_type: 'Delivery Note', actual_qty: -3, qty_after_transaction: 97, voucher_detail_no: (dn.items as Doc[])[0]?.name })]);
    await expect(binOf(s.client, 'SKU-1005', SITE.warehouse)).resolves.toMatchObject({ actual_qty: 97, reserved_qty: 0 });
    await s.client.cancelDoc('Delivery Note', String(dn.name));
    expect(netQty(await ledgerOf(s.client, String(dn.name)))).toBe(0);
    await expect(binOf(s.client, 'SKU-1005', SITE.warehouse)).resolves.toEqual({ actual_qty: 100, reserved_qty: 3, ordered_qty: 0, projected_qty: 97 });
  });

  test('the ledger and Bins are read-only over REST: a bare 403 without traceback', async () => {
    const response = await s.raw('POST', '/api/resource/Stock%20Ledger%20Entry', { body: JSON.stringify({ item_code: 'SKU-1001', warehouse: SITE.warehouse, actual_qty: 1000 }) });
    expect(response.status).toBe(403);
    expect(response.json).toEqual({ exc_type: 'PermissionError', _error_message: 'No permission for Stock Ledger Entry' });
    const bin = s.sim.docs('Bin')[0];
    await expect(s.client.updateDoc('Bin', String(bin?.name), { actual_qty: 5 })).rejects.toMatchObject({ code: 'erpnext.permission', details: { status: 403 } });
  });
});
