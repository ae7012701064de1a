import type { Doc } from '@shopsync/erpnext-client';
import { contractFixtures, FAR_DATE, GET_PE, MAKE_DN, MAKE_SI, type ContractTarget } from './erpnext-contract-fixtures';
import { erpnextObservedContract } from './erpnext-contract-observed';
import { erpnextStockContract } from './erpnext-contract-stock';
import { erpnextWritesContract } from './erpnext-contract-writes';

export type { ContractSite, ContractTarget } from './erpnext-contract-fixtures';

/**
 * One contract battery (STYLE C8), run through the real client against the simulator and, when
 * configured, against a real ERPNext: the simulator is only as good as this battery says.
 */
export function erpnextContract(label: string, target: () => ContractTarget): void {
  describe(`ERPNext contract: ${label}`, () => {
    const t = () => target();
    const { key, customer, line, order } = contractFixtures(t);

    test('a second Customer with the same unique key is erpnext.unique_violation naming the field', async () => {
      await customer('dup-key');
      const error = await customer('dup-key', { customer_name: `Contract ${t().runId} other` }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'erpnext.unique_violation', category: 'conflict', retryable: false, details: { fieldLabel: key.label } });
    });

    test('a clashing customer name is renamed " - 1" with a 200', async () => {
      const first = await customer('same-name-1', { customer_name: `Contract ${t().runId} Same Name` });
      const second = await customer('same-name-2', { customer_name: `Contract ${t().runId} Same Name` });
      expect(first.name).toBe(`Contract ${t().runId} Same Name`);
      expect(second.name).toBe(`Contract ${t().runId} Same Name - 1`);
    });

    test('a draft Sales Order submitted by PUT gets "To Deliver and Bill"', async () => {
      const c = await customer('so-submit');
      const draft = await order(c.name!);
      expect({ docstatus: draft.docstatus, status: draft.status }).toEqual({ docstatus: 0, status: 'Draft' });
      expect(draft.name).toMatch(/^SAL-ORD-\d{4}-\d{5}$/);
      const submitted = await t().client.submitDoc('Sales Order', draft.name!);
      expect({ docstatus: submitted.docstatus, status: submitted.status }).toEqual({ docstatus: 1, status: 'To Deliver and Bill' });
    });

    test('a Sales Order inserted with docstatus 1 is submitted but its status stays "Draft" (observed)', async () => {
      const c = await customer('so-insert-submitted');
      const so = await order(c.name!, { docstatus: 1 });
      expect({ docstatus: so.docstatus, status: so.status }).toEqual({ docstatus: 1, status: 'Draft' });
    });

    test('a Sales Order for a missing customer is erpnext.not_found (404, observed)', async () => {
      const missing = `Nobody ${t().runId}`;
      await expect(order(missing)).rejects.toMatchObject({ code: 'erpnext.not_found', message: `Customer ${missing} not found`, details: { status: 404 } });
    });

    test('an unknown item is a 404 "Item X not found" (observed), which the client makes a mapping failure naming the SKU', async () => {
      const c = await customer('bad-item');
      const sku = `NO-SUCH-SKU-${t().runId}`;
      await expect(order(c.name!, { items: [line(0, { item_code: sku })] })).rejects.toMatchObject({
        code: 'erpnext.item_not_found',
        category: 'mapping',
        retryable: false,
        message: `Item ${sku} not found`,
        details: { status: 404, excType: 'DoesNotExistError', itemCode: sku },
      });
    });

    test('no delivery date anywhere is "Please enter Delivery Date"', async () => {
      const c = await customer('no-date');
      await expect(order(c.name!, { delivery_date: undefined })).rejects.toMatchObject({ code: 'erpnext.validation', message: 'Please enter Delivery Date', details: { excSource: 'erpnext (app)' } });
    });

    test('warehouse "" on a stock line is erpnext.validation.warehouse_required', async () => {
      const c = await customer('no-warehouse');
      await expect(order(c.name!, { items: [line(0, { warehouse: '' })] })).rejects.toMatchObject({ code: 'erpnext.validation.warehouse_required' });
    });

    test('a Customer without customer_name dies in Customer.autoname: a 500 AttributeError (observed), never retried', async () => {
      await expect(t().client.insertDoc('Customer', { customer_type: 'Individual', [key.fieldname]: `${t().runId}:mandatory` })).rejects.toMatchObject({
        code: 'erpnext.server_error',
        category: 'internal',
        retryable: false,
        message: "'NoneType' object has no attribute 'strip'",
        details: { status: 500, excType: 'AttributeError' },
      });
      await expect(t().client.findOne('Customer', { [key.fieldname]: `${t().runId}:mandatory` })).resolves.toBeUndefined();
    });

    test('PUT replaces a child table whole: named rows are kept, others deleted, new rows named', async () => {
      const c = await customer('child-put');
      const draft = await order(c.name!, { items: [line(0), line(1, { qty: 2 })] });
      const rows = draft.items as Doc[];
      const updated = await t().client.updateDoc('Sales Order', draft.name!, {
        items: [{ ...line(0, { qty: 5 }), name: rows[0]?.name, delivery_date: FAR_DATE }, line(1, { qty: 3, delivery_date: FAR_DATE })],
      });
      const after = updated.items as Doc[];
      expect(after.map((r) => r.qty)).toEqual([5, 3]);
      expect(after[0]?.name).toBe(rows[0]?.name);
      expect(after[1]?.name).not.toBe(rows[1]?.name);
    });

    test('a PUT carrying a stale `modified` is erpnext.timestamp_mismatch (retryable after a refetch)', async () => {
      const c = await customer('stale');
      const read = await t().client.getDoc('Customer', c.name!);
      await t().client.updateDoc('Customer', c.name!, { tax_id: 'T-1' });
      await expect(t().client.updateDoc('Customer', c.name!, { tax_id: 'T-2', modified: read.modified })).rejects.toMatchObject({ code: 'erpnext.timestamp_mismatch', retryable: true });
    });

    test('list: filters in both forms, order_by, paging to the end, count', async () => {
      for (const suffix of ['list-a', 'list-b', 'list-c']) await customer(suffix);
      const like = `Contract ${t().runId} list-%`;
      const page = (limitStart: number) =>
        t().client.listDocs('Customer', { fields: ['name', 'customer_name'], filters: [['customer_name', 'like', like]], orderBy: 'customer_name desc', limitStart, limitPageLength: 2 });
      expect((await page(0)).map((r) => r.customer_name)).toEqual([`Contract ${t().runId} list-c`, `Contract ${t().runId} list-b`]);
      expect((await page(2)).map((r) => r.customer_name)).toEqual([`Contract ${t().runId} list-a`]);
      const all = await t().client.listAll('Customer', { filters: { customer_name: ['like', like] }, orderBy: 'customer_name asc', limitPageLength: 1 });
      expect(all).toHaveLength(3);
      await expect(t().client.count('Customer', { customer_name: ['like', like] })).resolves.toBe(3);
      await expect(t().client.findOne('Customer', { [key.fieldname]: `${t().runId}:list-b` })).resolves.toEqual({ name: `Contract ${t().runId} list-b` });
    });

    test('delete answers 202, then the document is gone', async () => {
      const c = await customer('delete-me');
      await t().client.deleteDoc('Customer', c.name!);
      await expect(t().client.getDoc('Customer', c.name!)).rejects.toMatchObject({ code: 'erpnext.not_found' });
    });

    test('make_delivery_note on a draft order fails the mapper condition', async () => {
      const c = await customer('map-draft');
      const draft = await order(c.name!);
      await expect(t().client.callMethod(MAKE_DN, { source_name: draft.name }, { verb: 'GET' })).rejects.toMatchObject({
        code: 'erpnext.validation',
        message: 'Cannot map because following condition fails: docstatus=1',
      });
    });

    test('cancelling an order with a submitted Delivery Note is erpnext.link_exists', async () => {
      const c = await customer('cancel-linked');
      const so = await order(c.name!, { docstatus: 1 });
      const dn = await t().client.callMethod<Doc>(MAKE_DN, { source_name: so.name }, { verb: 'GET' });
      expect((dn.items as Doc[])[0]).toMatchObject({ against_sales_order: so.name, so_detail: (so.items as Doc[])[0]?.name });
      const delivered = await t().client.insertDoc('Delivery Note', { ...dn, docstatus: 1 });
      expect(delivered.docstatus).toBe(1);
      await expect(t().client.cancelDoc('Sales Order', so.name!)).rejects.toMatchObject({ code: 'erpnext.link_exists', category: 'conflict' });
    });

    test('a cancelled Sales Order is amended by inserting amended_from: named "-1", then "-2" for the amendment of the amendment', async () => {
      const c = await customer('amend');
      const so = await order(c.name!, { docstatus: 1 });
      await t().client.cancelDoc('Sales Order', so.name!);
      const first = await order(c.name!, { docstatus: 1, amended_from: so.name, items: [line(0, { qty: 2 })] });
      expect({ name: first.name, amended_from: first.amended_from, docstatus: first.docstatus }).toEqual({ name: `${so.name!}-1`, amended_from: so.name, docstatus: 1 });
      await t().client.cancelDoc('Sales Order', first.name!);
      const second = await order(c.name!, { docstatus: 1, amended_from: first.name });
      expect(second.name).toBe(`${so.name!}-2`);
      const linked = await t().client.findOne('Sales Order', { amended_from: first.name }, ['name']);
      expect(linked?.name).toBe(second.name);
    });

    test('invoice and payment from an order: make_sales_invoice, then get_payment_entry settles it', async () => {
      const c = await customer('bill-and-pay');
      const so = await order(c.name!, { docstatus: 1 });
      const draftInvoice = await t().client.callMethod<Doc>(MAKE_SI, { source_name: so.name }, { verb: 'GET' });
      expect((draftInvoice.items as Doc[])[0]).toMatchObject({ sales_order: so.name, so_detail: (so.items as Doc[])[0]?.name });
      const invoice = await t().client.insertDoc('Sales Invoice', { ...draftInvoice, docstatus: 1 });
      expect(invoice.outstanding_amount).toBe(invoice.rounded_total || invoice.grand_total);
      const draftPayment = await t().client.callMethod<Doc>(GET_PE, { dt: 'Sales Invoice', dn: invoice.name }, { verb: 'GET' });
      await t().client.insertDoc('Payment Entry', { ...draftPayment, reference_no: `REF-${t().runId}`, reference_date: '2025-01-01', docstatus: 1 });
      const paid = await t().client.getDoc('Sales Invoice', invoice.name!);
      expect({ outstanding: paid.outstanding_amount, status: paid.status }).toEqual({ outstanding: 0, status: 'Paid' });
    });

    test('get_payment_entry by GET: party_amount arrives as a str and ERPNext answers a 500 TypeError (observed)', async () => {
      const c = await customer('pay-by-get');
      const so = await order(c.name!, { docstatus: 1 });
      const invoice = await t().client.insertDoc('Sales Invoice', { ...(await t().client.callMethod<Doc>(MAKE_SI, { source_name: so.name }, { verb: 'POST', readOnly: true })), docstatus: 1 });
      const partyAmount = Number(invoice.outstanding_amount) / 2;
      await expect(t().client.callMethod(GET_PE, { dt: 'Sales Invoice', dn: invoice.name, party_amount: partyAmount }, { verb: 'GET' })).rejects.toMatchObject({
        code: 'erpnext.server_error',
        category: 'internal',
        retryable: false,
        details: { status: 500, excType: 'TypeError' },
      });
      const draft = await t().client.callMethod<Doc>(GET_PE, { dt: 'Sales Invoice', dn: invoice.name, party_amount: partyAmount }, { verb: 'POST', readOnly: true });
      expect({ paid: draft.paid_amount, received: draft.received_amount }).toEqual({ paid: partyAmount, received: partyAmount });
    });

    erpnextWritesContract(t);
    erpnextStockContract(t);
    erpnextObservedContract(t);
  });
}
