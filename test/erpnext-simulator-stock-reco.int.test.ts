import type { Doc } from '@shopsync/erpnext-client';
import { SEED_SUPPLIER } from '@shopsync/simulators';
import { serverMessages, startSim, type RunningSim } from './support/erpnext-sim';
import { binOf, ledgerOf, netQty, setStock } from './support/erpnext-stock';

const SITE = { company: 'Shopsync Demo', warehouse: 'Stores - SD' } as const;

// Stock Reconciliation and Purchase Receipt (notes §9; erpnext stock_reconciliation.py v15).
describe('ERPNext simulator: Stock Reconciliation and Purchase Receipt', () => {
  let s: RunningSim;
  beforeAll(async () => {
    s = await startSim({ now: () => new Date('2025-06-01T09:30:00Z') });
  });
  beforeEach(() => s.sim.reset());
  afterAll(() => s.sim.close());

  const reco = (items: Doc[], extra: Doc = {}) => s.client.insertDoc('Stock Reconciliation', { company: SITE.company, items, docstatus: 1, ...extra });
  const row = (item_code: string, qty?: number, extra: Doc = {}) => ({ item_code, warehouse: SITE.warehouse, ...(qty === undefined ? {} : { qty }), ...extra });

  test('sets the quantity: actual_qty 0 on the entry, the new balance in qty_after_transaction', async () => {
    const done = await setStock(s.client, SITE, 'SKU-1005', 40);
    expect(done).toMatchObject({ name: 'MAT-RECO-2025-00001', purpose: 'Stock Reconciliation', expense_account: 'Stock Adjustment - SD', difference_amount: -840 });
    expect((done.items as Doc[])[0]).toMatchObject({ qty: 40, valuation_rate: 14, current_qty: 100, current_valuation_rate: 14, quantity_difference: -60, amount_difference: -840 });
    expect(await ledgerOf(s.client, String(done.name))).toEqual([
      expect.objectContaining({ voucher_type: 'Stock Reconciliation', actual_qty: 0, qty_after_transaction: 40, valuation_rate: 14, stock_value: 560, stock_value_difference: -840, is_cancelled: 0 }),
    ]);
    await expect(binOf(s.client, 'SKU-1005', SITE.warehouse)).resolves.toMatchObject({ actual_qty: 40, projected_qty: 40 });
  });

  test('nothing to change is EmptyStockReconciliationItemsError: the engine reads it as "already holds"', async () => {
    await expect(setStock(s.client, SITE, 'SKU-1005', 100)).rejects.toMatchObject({
      code: 'erpnext.validation.no_stock_change',
      message: 'None of the items have any change in quantity or value.',
      details: { excType: 'EmptyStockReconciliationItemsError', status: 417 },
    });
  });

  test('unchanged rows are dropped with a plain message; the rest go through', async () => {
    const response = await s.raw('POST', '/api/resource/Stock%20Reconciliation', { body: JSON.stringify({ company: SITE.company, items: [row('SKU-1001', 100), row('SKU-1002', 7)], docstatus: 1 }) });
    expect(response.status).toBe(200);
    expect(serverMessages(response.json)).toEqual([{ message: 'Removed items with no change in quantity or value.', title: 'Message' }]);
    expect((response.json.data as Doc).items).toEqual([expect.objectContaining({ item_code: 'SKU-1002', idx: 1, qty: 7 })]);
  });

  test('every row problem is collected into one ValidationError', async () => {
    const error = await reco([row('SKU-1001', 5), row('SKU-1001', 6), row('SKU-1002', -1)]).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'erpnext.validation',
      message: 'Row # 2: Same item and warehouse combination already entered.\nRow # 3: Negative Quantity is not allowed',
      details: { exception: "frappe.exceptions.ValidationError: ['Row # 2: Same item and warehouse combination already entered.', 'Row # 3: Negative Quantity is not allowed']" },
    });
  });

  test('a quantity with no rate anywhere is "Valuation Rate required"; allow_zero_valuation_rate lets it through', async () => {
    await s.client.insertDoc('Item', { item_code: 'RECO-NEW', item_group: 'Products', stock_uom: 'Nos' });
    await expect(reco([row('RECO-NEW', 5)])).rejects.toMatchObject({ code: 'erpnext.validation.valuation_rate', message: 'Valuation Rate required for Item RECO-NEW at row 1' });
    await reco([row('RECO-NEW', 5, { allow_zero_valuation_rate: 1 })]);
    await expect(binOf(s.client, 'RECO-NEW', SITE.warehouse)).resolves.toMatchObject({ actual_qty: 5 });
  });

  test('an Opening Stock entry must not post to a profit-and-loss account', async () => {
    await expect(reco([row('SKU-1006', 120)], { purpose: 'Opening Stock' })).rejects.toMatchObject({
      code: 'erpnext.validation',
      details: { excType: 'OpeningEntryAccountError' },
      message: 'Difference Account must be a Asset/Liability type account, since this Stock Reconciliation is an Opening Entry',
    });
    await expect(reco([row('SKU-1006', 120)], { purpose: 'Opening Stock', expense_account: 'Temporary Opening - SD' })).resolves.toMatchObject({ docstatus: 1 });
  });

  test('cancel: the reversal restores the quantity the row found, and the Bin follows', async () => {
    const done = await setStock(s.client, SITE, 'SKU-1005', 40);
    await s.client.cancelDoc('Stock Reconciliation', String(done.name));
    const ledger = await ledgerOf(s.client, String(done.name));
    expect(ledger.map((e) => [e.actual_qty, e.qty_after_transaction, e.is_cancelled])).toEqual([[0, 40, 1], [100, 100, 1]]);
    await expect(binOf(s.client, 'SKU-1005', SITE.warehouse)).resolves.toMatchObject({ actual_qty: 100 });
  });

  test('Purchase Receipt: stock in at the row rate, "To Bill"; cancel takes it out again', async () => {
    const receipt = await s.client.insertDoc('Purchase Receipt', { supplier: SEED_SUPPLIER, company: SITE.company, items: [{ item_code: 'SKU-1006', qty: 10, rate: 30 }], docstatus: 1 });
    expect(receipt).toMatchObject({ name: 'MAT-PRE-2025-00001', status: 'To Bill', supplier_name: SEED_SUPPLIER, grand_total: 300, items: [expect.objectContaining({ warehouse: SITE.warehouse, stock_qty: 10, received_qty: 10 })] });
    expect(await ledgerOf(s.client, String(receipt.name))).toEqual([expect.objectContaining({ voucher_type: 'Purchase Receipt', actual_qty: 10, incoming_rate: 30, qty_after_transaction: 110, stock_value: 1800 })]);
    await s.client.cancelDoc('Purchase Receipt', String(receipt.name));
    await expect(s.client.getDoc('Purchase Receipt', String(receipt.name))).resolves.toMatchObject({ status: 'Cancelled' });
    expect(netQty(await ledgerOf(s.client, String(receipt.name)))).toBe(0);
    await expect(binOf(s.client, 'SKU-1006', SITE.warehouse)).resolves.toMatchObject({ actual_qty: 100 });
  });

  test('Purchase Receipt: a missing supplier is a 404; a stock row with warehouse "" is refused', async () => {
    await expect(s.client.insertDoc('Purchase Receipt', { supplier: 'Nobody', items: [{ item_code: 'SKU-1006', qty: 1, rate: 1 }] })).rejects.toMatchObject({ code: 'erpnext.not_found', message: 'Supplier Nobody not found' });
    await expect(s.client.insertDoc('Purchase Receipt', { supplier: SEED_SUPPLIER, items: [{ item_code: 'SKU-1006', qty: 1, rate: 1, warehouse: '' }] })).rejects.toMatchObject({
      code: 'erpnext.validation.warehouse_required',
      message: 'Row #1: Warehouse is mandatory for stock Item SKU-1006',
    });
  });
});
