import { insertDoc, saveDoc } from '../model/document-service';
import { MessageLog } from '../wire/message-log';
import type { Ctx, Site } from './site';

/** SKUs of Shopify's documented sample orders, plus a few of our own (notes; brief). */
const SAMPLE_SKUS = ['SKU-1001', 'SKU-1002', 'SKU-1003', 'SKU-1004', 'SKU-1005', 'SKU-1006', 'SKU-1007', 'SKU-1008', 'SKU-1009', 'SKU-1010', 'SKU2006-001', 'SKU2006-020'];

export const SEED_USER = 'shopsync-runner@example.com';
/** Not part of a fresh site: one supplier so Purchase Receipts work out of the box. */
export const SEED_SUPPLIER = 'Sample Supplier';

function insertAll(ctx: Ctx, doctype: string, docs: ReadonlyArray<Record<string, unknown>>): void {
  for (const doc of docs) insertDoc(ctx, doctype, doc);
}

/**
 * `bench install-app shopsync` on the finished site: install.py's `create_custom_fields` inserts each
 * entry of custom_fields.json as a Custom Field document, owned by Administrator and system
 * generated, and the doctypes' metas take the fields from those documents. A doctype the simulator
 * does not model cannot carry fields; it is skipped rather than refusing to start.
 */
function installAppCustomFields(ctx: Ctx): void {
  for (const [dt, fields] of Object.entries(ctx.site.registry.appCustomFields)) {
    if (!ctx.site.registry.get(dt)) continue;
    for (const field of fields) insertDoc(ctx, 'Custom Field', { permlevel: 0, fieldtype: 'Data', hidden: 0, is_system_generated: 1, ...field, dt });
  }
}

/**
 * A fresh ERPNext v15 site right after the setup wizard (company "Shopsync Demo", abbr SD, USD,
 * United States), plus stock Items for the sample SKUs and the API user from the options.
 * Written through the same document service as requests, so seeded rows look like real ones.
 */
export function seedSite(site: Site, credentials: { apiKey: string; apiSecret: string }): void {
  const ctx: Ctx = { site, user: 'Administrator', log: new MessageLog(site.randomHex) };
  const d = site.defaults;
  // Frappe's country_info gives these currencies a smallest fraction of 0.01, so totals round to the cent;
  // the company's currency (USD unless the options say otherwise) is enabled, at the site's precision.
  const currencies = [...new Set(['USD', 'EUR', 'GBP', 'CAD', 'INR', d.currency])];
  const fraction = (c: string) => (c === d.currency ? 10 ** -d.currencyPrecision : 0.01);
  insertAll(ctx, 'Currency', currencies.map((c) => ({ currency_name: c, enabled: c === d.currency ? 1 : 0, smallest_currency_fraction_value: fraction(c) })));
  insertAll(ctx, 'Country', [['United States', 'us'], ['Canada', 'ca'], ['United Kingdom', 'gb'], ['Germany', 'de'], ['India', 'in']].map(([country_name, code]) => ({ country_name, code })));
  insertDoc(ctx, 'Company', { company_name: d.company, abbr: d.abbr, default_currency: d.currency, country: d.country });
  const account = (account_name: string, root_type: string, account_type: string, is_group = 0) => ({ account_name, company: d.company, root_type, account_type, is_group, account_currency: d.currency });
  insertAll(ctx, 'Account', [
    account('Debtors', 'Asset', 'Receivable'),
    account('Cash', 'Asset', 'Cash'),
    account('Bank Account', 'Asset', 'Bank'),
    account('Stock In Hand', 'Asset', 'Stock'),
    account('Sales', 'Income', 'Income Account'),
    account('Cost of Goods Sold', 'Expense', 'Cost of Goods Sold'),
    account('Stock Adjustment', 'Expense', 'Stock'),
    account('Freight and Forwarding Charges', 'Expense', 'Expense Account'),
    account('Sales Tax', 'Liability', 'Tax'),
    account('Round Off', 'Expense', 'Round Off'),
    account('Temporary Opening', 'Asset', 'Temporary'),
  ]);
  insertDoc(ctx, 'Cost Center', { cost_center_name: 'Main', company: d.company });
  saveDoc(ctx, 'Company', d.company, { default_receivable_account: d.receivableAccount, default_income_account: d.incomeAccount, default_cash_account: d.cashAccount, cost_center: d.costCenter, stock_adjustment_account: `Stock Adjustment - ${d.abbr}` });
  insertDoc(ctx, 'Warehouse', { warehouse_name: 'All Warehouses', company: d.company, is_group: 1 });
  insertAll(ctx, 'Warehouse', ['Stores', 'Finished Goods', 'Work In Progress', 'Goods In Transit'].map((w) => ({ warehouse_name: w, company: d.company, parent_warehouse: `All Warehouses - ${d.abbr}` })));
  insertDoc(ctx, 'Customer Group', { customer_group_name: 'All Customer Groups', is_group: 1 });
  insertAll(ctx, 'Customer Group', ['Commercial', 'Individual', 'Government', 'Non Profit'].map((g) => ({ customer_group_name: g, parent_customer_group: 'All Customer Groups' })));
  insertDoc(ctx, 'Territory', { territory_name: 'All Territories', is_group: 1 });
  insertAll(ctx, 'Territory', ['United States', 'Rest Of The World'].map((t) => ({ territory_name: t, parent_territory: 'All Territories' })));
  insertAll(ctx, 'Price List', [
    { price_list_name: 'Standard Selling', currency: d.currency, selling: 1 },
    { price_list_name: 'Standard Buying', currency: d.currency, buying: 1 },
  ]);
  insertAll(ctx, 'UOM', [{ uom_name: 'Nos', must_be_whole_number: 1 }, { uom_name: 'Unit', must_be_whole_number: 1 }, { uom_name: 'Kg' }, { uom_name: 'Box', must_be_whole_number: 1 }]);
  insertDoc(ctx, 'Item Group', { item_group_name: 'All Item Groups', is_group: 1 });
  insertAll(ctx, 'Item Group', ['Products', 'Raw Material', 'Services', 'Sub Assemblies', 'Consumable'].map((g) => ({ item_group_name: g, parent_item_group: 'All Item Groups' })));
  // The standard Stock Entry Types ERPNext installs, for the purposes the simulator models.
  insertAll(ctx, 'Stock Entry Type', ['Material Issue', 'Material Receipt', 'Material Transfer'].map((purpose) => ({ name: purpose, purpose })));
  insertDoc(ctx, 'Supplier Group', { supplier_group_name: 'All Supplier Groups', is_group: 1 });
  insertAll(ctx, 'Supplier Group', ['Services', 'Local', 'Raw Material', 'Electrical', 'Hardware', 'Pharmaceutical', 'Distributor'].map((g) => ({ supplier_group_name: g, parent_supplier_group: 'All Supplier Groups' })));
  insertDoc(ctx, 'Supplier', { supplier_name: SEED_SUPPLIER, supplier_group: 'Local', country: d.country });
  insertAll(ctx, 'Mode of Payment', [['Cash', 'Cash'], ['Credit Card', 'Bank'], ['Wire Transfer', 'Bank'], ['Cheque', 'Bank']].map(([mode_of_payment, type]) => ({ mode_of_payment, type })));
  insertAll(ctx, 'User', [
    { email: 'Administrator', first_name: 'Administrator', user_type: 'System User' },
    // Password fields read back masked; the real secret lives in the site's key table (__Auth).
    { email: SEED_USER, first_name: 'Shopsync', full_name: 'Shopsync Runner', user_type: 'System User', api_key: credentials.apiKey, api_secret: '*'.repeat(credentials.apiSecret.length) },
  ]);
  site.apiKeys.set(credentials.apiKey, { user: SEED_USER, secret: credentials.apiSecret });
  // Opening stock goes through Item.set_opening_stock: a submitted Material Receipt each, with ledger entries.
  SAMPLE_SKUS.forEach((sku, index) => {
    // SKU-1010 starts with no stock, so deliveries of it hit NegativeStockError.
    const opening = sku === 'SKU-1010' ? 0 : 100;
    insertDoc(ctx, 'Item', { item_code: sku, item_name: `Sample Product ${sku}`, item_group: 'Products', stock_uom: 'Nos', is_stock_item: 1, valuation_rate: 10 + index, standard_rate: 20 + 5 * index, opening_stock: opening });
  });
  // Stock without any valuation (received with "Allow Zero Valuation Rate", since ERPNext refuses
  // opening stock without a rate): delivering it raises the "Valuation Rate ... is required" error.
  insertDoc(ctx, 'Item', { item_code: 'SKU-ZERO-VALUE', item_name: 'Sample Product without valuation', item_group: 'Products', stock_uom: 'Nos', is_stock_item: 1 });
  insertDoc(ctx, 'Stock Entry', { stock_entry_type: 'Material Receipt', company: d.company, items: [{ item_code: 'SKU-ZERO-VALUE', qty: 10, t_warehouse: d.defaultWarehouse, allow_zero_valuation_rate: 1 }], docstatus: 1 });
  insertDoc(ctx, 'Item', { item_code: 'SHIPPING', item_name: 'Shipping', item_group: 'Services', stock_uom: 'Nos', is_stock_item: 0 });
  installAppCustomFields(ctx);
}
