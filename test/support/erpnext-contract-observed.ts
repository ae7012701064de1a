import type { Doc } from '@shopsync/erpnext-client';
import { contractFixtures, FAR_DATE, MAKE_DN, type ContractTarget } from './erpnext-contract-fixtures';
import { serverMessages } from './erpnext-sim';

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * What a real Frappe 15.101.1 / ERPNext 15.99.1 site answered on the second visit (notes, "Observed
 * on a real ERPNext, second visit"), as contract tests: the simulator must answer the same now, and
 * a real site proves them again when ERPNEXT_URL is set. Items are made per run (no price, no stock).
 */
export function erpnextObservedContract(t: () => ContractTarget): void {
  const { customer, order } = contractFixtures(t);
  const freshItem = async (suffix: string): Promise<Doc> => {
    const model = await t().client.getDoc('Item', t().site.stockItems[0]);
    return t().client.insertDoc('Item', {
      item_code: `CT-${t().runId}-${suffix}`,
      item_name: `Contract ${t().runId} ${suffix}`,
      item_group: model.item_group,
      stock_uom: model.stock_uom,
      is_stock_item: 1,
      valuation_rate: 10,
    });
  };
  const salesOrderPath = (name?: string) => `/api/resource/Sales%20Order${name === undefined ? '' : `/${encodeURIComponent(name)}`}`;

  describe('observed on a real ERPNext (second visit)', () => {
    test('an Item Price without uom is accepted: ERPNext fills the item\'s stock UOM', async () => {
      const item = await freshItem('price');
      const [list] = await t().client.listDocs('Price List', { fields: ['name'], filters: { selling: 1, enabled: 1 }, orderBy: 'creation asc', limitPageLength: 1 });
      const price = await t().client.insertDoc('Item Price', { item_code: item.name, price_list: list?.name, price_list_rate: 7.5 });
      expect(price).toMatchObject({ item_code: item.name, uom: item.stock_uom, price_list: list?.name, price_list_rate: 7.5, selling: 1 });
    });

    test('Custom Field is a doctype over REST: named "{dt}-{fieldname}" from its label, read back, a second one refused, and a unique Data field enforced at once', async () => {
      // One field for every run: each created field is a column (and an index) the site keeps.
      const existing = await t().client.findOne('Custom Field', { dt: 'Customer', fieldname: 'custom_contract_ref' }, ['name']);
      const created = existing ?? (await t().client.insertDoc('Custom Field', { dt: 'Customer', label: 'Contract Ref', fieldtype: 'Data', unique: 1, insert_after: 'customer_name' }));
      expect(created.name).toBe('Customer-custom_contract_ref');
      await expect(t().client.getDoc('Custom Field', 'Customer-custom_contract_ref')).resolves.toMatchObject({ dt: 'Customer', fieldname: 'custom_contract_ref', label: 'Contract Ref', fieldtype: 'Data', unique: 1 });
      await expect(t().client.insertDoc('Custom Field', { dt: 'Customer', label: 'Contract Ref', fieldtype: 'Data' })).rejects.toMatchObject({
        code: 'erpnext.validation',
        message: 'A field with the name custom_contract_ref already exists in Customer',
      });
      const value = `${t().runId}:ref`;
      const first = await customer('custom-field-1', { custom_contract_ref: value });
      expect(first.custom_contract_ref).toBe(value);
      await expect(customer('custom-field-2', { custom_contract_ref: value })).rejects.toMatchObject({ code: 'erpnext.unique_violation', details: { status: 417, fieldLabel: 'Contract Ref' } });
      await expect(t().client.listDocs('Customer', { fields: ['name', 'custom_contract_ref'], filters: { custom_contract_ref: value } })).resolves.toEqual([{ name: first.name, custom_contract_ref: value }]);
    });

    test('a Sales Order\'s title is its customer name; reads return its empty child tables as []', async () => {
      const c = await customer('title');
      const so = await order(c.name!);
      expect(so.title).toBe(c.customer_name);
      const read = await t().raw('GET', salesOrderPath(so.name));
      expect(read.json.data).toMatchObject({ title: c.customer_name, taxes: [] });
      const viaMethod = await t().client.callMethod<Doc>('frappe.client.get', { doctype: 'Sales Order', name: so.name }, { verb: 'GET' });
      expect(viaMethod).toMatchObject({ title: c.customer_name, taxes: [] });
    });

    test('a line for an item without a price in the order\'s price list adds one at the line rate, with an alert on the 200', async () => {
      const item = await freshItem('auto-price');
      const c = await customer('auto-price');
      const body = (rate: number) => ({ customer: c.name, company: t().site.company, delivery_date: FAR_DATE, items: [{ item_code: item.name, qty: 2, rate, warehouse: t().site.warehouse }] });
      const first = await t().raw('POST', salesOrderPath(), body(12.5));
      expect(first.status).toBe(200);
      const priceList = (first.json.data as Doc).selling_price_list;
      expect(serverMessages(first.json)).toContainEqual(expect.objectContaining({ message: `Item Price added for ${item.name} in Price List ${String(priceList)}`, alert: 1 }));
      const prices = () => t().client.listDocs('Item Price', { fields: ['item_code', 'price_list', 'price_list_rate', 'uom'], filters: { item_code: item.name } });
      await expect(prices()).resolves.toEqual([{ item_code: item.name, price_list: priceList, price_list_rate: 12.5, uom: item.stock_uom }]);
      // The next order finds that price: no second one, no alert, and the existing price stays.
      const second = await t().raw('POST', salesOrderPath(), body(15));
      expect(second.status).toBe(200);
      expect(serverMessages(second.json).map((m) => String(m.message))).not.toContainEqual(expect.stringContaining('Item Price added'));
      expect(((second.json.data as Doc).items as Doc[])[0]).toMatchObject({ price_list_rate: 12.5, rate: 15 });
      await expect(prices()).resolves.toHaveLength(1);
    });

    test('NegativeStockError names the item with its item name', async () => {
      const item = await freshItem('no-stock');
      const c = await customer('no-stock');
      const so = await order(c.name!, { items: [{ item_code: item.name, qty: 1, rate: 10, warehouse: t().site.warehouse }], docstatus: 1 });
      const draft = await t().client.callMethod<Doc>(MAKE_DN, { source_name: so.name }, { verb: 'GET' });
      const error = await t().client.insertDoc('Delivery Note', { ...draft, docstatus: 1 }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'erpnext.validation.negative_stock' });
      const sentence = `^1\\.0 units of Item ${escape(String(item.name))}: ${escape(String(item.item_name))} needed in Warehouse ${escape(t().site.warehouse)}` +
        ' on \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}(\\.\\d+)? for Delivery Note MAT-DN-\\d{4}-\\d{5} to complete this transaction\\.$';
      expect((error as Error).message).toMatch(new RegExp(sentence));
      await t().client.cancelDoc('Sales Order', so.name!);
    });
  });
}
