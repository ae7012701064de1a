import type { Doc } from '@shopsync/erpnext-client';
import { shippedCustomFields } from './support/erpnext-custom-fields';
import { serverMessages, startSim, type RunningSim } from './support/erpnext-sim';

// Custom Field as the simulator keeps it (frappe custom_field.py, v15), beyond the shared battery:
// the app's fields as documents, the naming rules, the errors, deletion and the DDL commit.
describe('ERPNext simulator: Custom Field', () => {
  let s: RunningSim;
  beforeAll(async () => {
    s = await startSim({ now: () => new Date('2025-06-01T09:30:00Z') });
  });
  afterAll(() => s.sim.close());

  const field = (body: Doc) => s.client.insertDoc('Custom Field', { fieldtype: 'Data', ...body });

  test('the companion app\'s fields are Custom Field documents, installed by Administrator as install.py does', async () => {
    const shipped = Object.values(shippedCustomFields()).flat().length;
    await expect(s.client.count('Custom Field')).resolves.toBe(shipped);
    await expect(s.client.getDoc('Custom Field', 'Customer-shopsync_key')).resolves.toMatchObject({
      dt: 'Customer', fieldname: 'shopsync_key', label: 'Shopsync Key', fieldtype: 'Data', unique: 1, insert_after: 'shopify_shop', owner: 'Administrator', is_system_generated: 1,
    });
  });

  test('fieldnames: "custom_" + the label without its punctuation, lowercased; an explicit one is lowercased too; a reserved one gets "1"', async () => {
    await expect(field({ dt: 'Sales Order', label: 'Gift Note #1!' })).resolves.toMatchObject({ name: 'Sales Order-custom_gift_note_1', fieldname: 'custom_gift_note_1' });
    await expect(field({ dt: 'Sales Order', fieldname: 'Channel_Code', label: 'Channel' })).resolves.toMatchObject({ name: 'Sales Order-channel_code', fieldname: 'channel_code' });
    await expect(field({ dt: 'Sales Invoice', fieldname: 'parent', label: 'Parent' })).resolves.toMatchObject({ fieldname: 'parent1' });
  });

  test('"append" puts the field after the last one; insert_after sets idx', async () => {
    const appended = await field({ dt: 'Contact', label: 'Appended', insert_after: 'append' });
    expect(appended.insert_after).toBe('shopsync_key');
    const placed = await field({ dt: 'Contact', label: 'Placed', insert_after: 'first_name' });
    expect(placed.idx).toBe(1);
  });

  test('refusals: no label, an unknown doctype, an existing fieldname; no dt at all is a Python TypeError (500)', async () => {
    await expect(field({ dt: 'Customer' })).rejects.toMatchObject({ code: 'erpnext.validation', message: 'Label is mandatory' });
    await expect(field({ dt: 'Nope', label: 'X' })).rejects.toMatchObject({ code: 'erpnext.validation.link', message: 'Could not find DocType: Nope' });
    await expect(field({ dt: 'Customer', fieldname: 'customer_name', label: 'Again' })).rejects.toMatchObject({ message: 'A field with the name customer_name already exists in Customer' });
    await expect(field({ label: 'Orphan' })).rejects.toMatchObject({ code: 'erpnext.server_error', details: { status: 500, excType: 'TypeError' } });
  });

  test('made unique over existing duplicates: the ALTER fails after the implicit commit, so the field stays saved but unenforced', async () => {
    await field({ dt: 'Customer', label: 'Region Code' });
    for (const name of ['Dup A', 'Dup B']) await s.client.insertDoc('Customer', { customer_name: name, custom_region_code: 'EU' });
    await expect(s.client.updateDoc('Custom Field', 'Customer-custom_region_code', { unique: 1 })).rejects.toMatchObject({
      message: 'custom_region_code field cannot be set as unique in tabCustomer, as there are non-unique existing values',
    });
    await expect(s.client.getDoc('Custom Field', 'Customer-custom_region_code')).resolves.toMatchObject({ unique: 1 });
    await expect(s.client.insertDoc('Customer', { customer_name: 'Dup C', custom_region_code: 'EU' })).resolves.toMatchObject({ custom_region_code: 'EU' });
  });

  test('saving a field commits the request so far (DDL): a later failure in the same insert_many leaves it', async () => {
    const docs = [{ doctype: 'Custom Field', dt: 'Item', label: 'Committed Early', fieldtype: 'Data' }, { doctype: 'Customer', customer_type: 'Individual' }];
    await expect(s.client.callMethod('frappe.client.insert_many', { docs })).rejects.toMatchObject({ details: { excType: 'AttributeError' } });
    await expect(s.client.getDoc('Custom Field', 'Item-custom_committed_early')).resolves.toMatchObject({ fieldname: 'custom_committed_early' });
  });

  test('deleting: the app\'s fields belong to Administrator; an own field goes, and with it the doctype\'s column', async () => {
    await expect(s.client.deleteDoc('Custom Field', 'Customer-shopsync_key')).rejects.toMatchObject({
      message: 'Custom Field Shopsync Key is created by the Administrator and can only be deleted through the Administrator account.',
    });
    await field({ dt: 'Address', label: 'Short Lived' });
    await expect(s.client.listDocs('Address', { fields: ['name', 'custom_short_lived'] })).resolves.toEqual([]);
    await s.client.deleteDoc('Custom Field', 'Address-custom_short_lived');
    await expect(s.client.listDocs('Address', { fields: ['name', 'custom_short_lived'] })).rejects.toMatchObject({ message: 'Field not permitted in query: custom_short_lived' });
  });
});

describe('ERPNext simulator: Item Price and Sales Order title', () => {
  let s: RunningSim;
  beforeAll(async () => {
    s = await startSim({ now: () => new Date('2025-06-01T09:30:00Z') });
  });
  afterAll(() => s.sim.close());

  test('an Item with a standard rate gets its Item Price without any message (Item.add_price)', async () => {
    const { status, json } = await s.raw('POST', '/api/resource/Item', { body: JSON.stringify({ item_code: 'SKU-PRICED', item_group: 'Products', stock_uom: 'Nos', standard_rate: 9 }) });
    expect([status, json._server_messages]).toEqual([200, undefined]);
    await expect(s.client.findOne('Item Price', { item_code: 'SKU-PRICED' }, ['price_list', 'price_list_rate', 'uom', 'currency', 'selling', 'item_name'])).resolves.toEqual({
      price_list: 'Standard Selling', price_list_rate: 9, uom: 'Nos', currency: 'USD', selling: 1, item_name: 'SKU-PRICED',
    });
    await expect(s.client.insertDoc('Item Price', { item_code: 'SKU-PRICED', price_list: 'Standard Selling', price_list_rate: 8 })).rejects.toMatchObject({
      message: 'Item Price appears multiple times based on Price List, Supplier/Customer, Currency, Item, Batch, UOM, Qty, and Dates.',
      details: { excType: 'ItemPriceDuplicateItem' },
    });
  });

  test('a line without a rate does not add a price; a non-stock line with one does (SHIPPING has none)', async () => {
    const customer = (await s.client.insertDoc('Customer', { customer_name: 'Price Probe' })).name;
    const post = (items: Doc[]) => s.raw('POST', '/api/resource/Sales%20Order', { body: JSON.stringify({ customer, delivery_date: '2025-06-10', items }) });
    const unpriced = await post([{ item_code: 'SHIPPING', qty: 1 }]);
    expect([unpriced.status, unpriced.json._server_messages]).toEqual([200, undefined]);
    const priced = await post([{ item_code: 'SHIPPING', qty: 1, rate: 4.99 }]);
    expect(serverMessages(priced.json)).toEqual([{ message: 'Item Price added for SHIPPING in Price List Standard Selling', title: 'Message', alert: 1 }]);
    await expect(s.client.count('Item Price', { item_code: 'SHIPPING' })).resolves.toBe(1);
  });

  test('the title is set from customer_name on insert only, and a title sent is kept', async () => {
    const customer = await s.client.insertDoc('Customer', { customer_name: 'Title Probe' });
    const so = await s.client.insertDoc('Sales Order', { customer: customer.name, delivery_date: '2025-06-10', items: [{ item_code: 'SKU-1001', qty: 1 }] });
    expect(so.title).toBe('Title Probe');
    await s.client.updateDoc('Customer', String(customer.name), { customer_name: 'Renamed Probe' });
    await expect(s.client.updateDoc('Sales Order', String(so.name), { po_no: 'PO-1' })).resolves.toMatchObject({ customer_name: 'Renamed Probe', title: 'Title Probe' });
    const chosen = await s.client.insertDoc('Sales Order', { customer: customer.name, title: 'Chosen', delivery_date: '2025-06-10', items: [{ item_code: 'SKU-1001', qty: 1 }] });
    expect(chosen.title).toBe('Chosen');
  });
});
