import type { Doc } from '@shopsync/erpnext-client';
import { contractFixtures, MAKE_DN, type ContractTarget } from './erpnext-contract-fixtures';
import { binOf, ledgerOf, netQty, receiveStock, setStock } from './erpnext-stock';

/**
 * Stock as the sync meets it: Bins and the Stock Ledger Entries it will tail. Every test undoes
 * what it did (cancels its vouchers) and asserts differences, so it can run on a real test site.
 */
export function erpnextStockContract(t: () => ContractTarget): void {
  const { customer, order } = contractFixtures(t);
  const item = () => t().site.stockItems[1];
  const bin = () => binOf(t().client, item(), t().site.warehouse);

  describe('stock', () => {
    test('a Material Receipt raises actual_qty and appends a ledger entry; cancel reverses it', async () => {
      const before = await bin();
      const receipt = await receiveStock(t().client, t().site, item(), 3, 10);
      await expect(bin()).resolves.toMatchObject({ actual_qty: before.actual_qty + 3, projected_qty: before.projected_qty + 3 });
      const ledger = await ledgerOf(t().client, receipt.name!);
      expect(ledger).toEqual([
        expect.objectContaining({ voucher_type: 'Stock Entry', item_code: item(), warehouse: t().site.warehouse, actual_qty: 3, qty_after_transaction: before.actual_qty + 3, is_cancelled: 0, docstatus: 1 }),
      ]);
      await t().client.cancelDoc('Stock Entry', receipt.name!);
      const after = await ledgerOf(t().client, receipt.name!);
      expect(after.map((e) => [e.actual_qty, e.is_cancelled])).toEqual([[3, 1], [-3, 1]]);
      expect(after[0]?.name).toBe(ledger[0]?.name);
      expect(netQty(after)).toBe(0);
      await expect(bin()).resolves.toEqual(before);
    });

    test('a Stock Reconciliation sets the quantity (actual_qty 0, the balance in qty_after_transaction)', async () => {
      const before = await bin();
      const target = before.actual_qty + 7;
      const reco = await setStock(t().client, t().site, item(), target);
      await expect(bin()).resolves.toMatchObject({ actual_qty: target });
      expect(await ledgerOf(t().client, reco.name!)).toEqual([expect.objectContaining({ voucher_type: 'Stock Reconciliation', actual_qty: 0, qty_after_transaction: target, is_cancelled: 0 })]);
      await expect(setStock(t().client, t().site, item(), target)).rejects.toMatchObject({ code: 'erpnext.validation.no_stock_change' });
      await t().client.cancelDoc('Stock Reconciliation', reco.name!);
      await expect(bin()).resolves.toEqual(before);
    });

    test('a submitted Sales Order reserves; its Delivery Note moves actual_qty and releases the reservation', async () => {
      const c = await customer('stock-reserve');
      const before = await bin();
      const so = await order(c.name!, { items: [{ item_code: item(), qty: 2, rate: 10, warehouse: t().site.warehouse }], docstatus: 1 });
      await expect(bin()).resolves.toEqual({ ...before, reserved_qty: before.reserved_qty + 2, projected_qty: before.projected_qty - 2 });
      const draft = await t().client.callMethod<Doc>(MAKE_DN, { source_name: so.name }, { verb: 'GET' });
      const dn = await t().client.insertDoc('Delivery Note', { ...draft, docstatus: 1 });
      await expect(bin()).resolves.toEqual({ ...before, actual_qty: before.actual_qty - 2, projected_qty: before.projected_qty - 2 });
      expect(await ledgerOf(t().client, dn.name!)).toEqual([expect.objectContaining({ voucher_type: 'Delivery Note', actual_qty: -2, qty_after_transaction: before.actual_qty - 2 })]);
      await t().client.cancelDoc('Delivery Note', dn.name!);
      await t().client.cancelDoc('Sales Order', so.name!);
      await expect(bin()).resolves.toEqual(before);
    });
  });
}
