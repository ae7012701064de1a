import type { DoctypeMeta } from '../types';
import { field as f } from './field-types';

/**
 * Suppliers and the Purchase Receipt, enough to bring stock in the way a shop does (notes §9).
 * Purchase Orders are not simulated, so `ordered_qty` on a Bin never moves.
 */
export const BUYING_DOCTYPES: readonly DoctypeMeta[] = [
  {
    name: 'Supplier Group',
    autoname: 'field:supplier_group_name',
    fields: [f('supplier_group_name', 'Data', { reqd: 1, unique: 1 }), f('parent_supplier_group', 'Link', { options: 'Supplier Group' }), f('is_group', 'Check')],
  },
  {
    name: 'Supplier',
    // Buying Settings supp_master_name "Supplier Name" (the default): name = supplier_name, and a
    // clash is a 409 DuplicateEntryError, unlike Customer's " - 1" renaming.
    autoname: 'field:supplier_name',
    title_field: 'supplier_name',
    fields: [
      f('supplier_name', 'Data', { reqd: 1 }),
      f('supplier_type', 'Select', { options: 'Company\nIndividual\nPartnership', reqd: 1, default: 'Company' }),
      f('supplier_group', 'Link', { options: 'Supplier Group' }),
      f('country', 'Link', { options: 'Country' }),
      f('disabled', 'Check'),
    ],
  },
  {
    name: 'Purchase Receipt',
    autoname: 'naming_series:',
    is_submittable: 1,
    title_field: 'supplier_name',
    fields: [
      f('naming_series', 'Select', { options: 'MAT-PRE-.YYYY.-\nMAT-PR-RET-.YYYY.-', reqd: 1, label: 'Series' }),
      f('supplier', 'Link', { options: 'Supplier', reqd: 1 }),
      f('supplier_name', 'Data', { read_only: 1 }),
      f('company', 'Link', { options: 'Company', reqd: 1 }),
      f('posting_date', 'Date', { reqd: 1, default: 'Today' }),
      f('posting_time', 'Time', { reqd: 1, default: 'Now' }),
      f('set_posting_time', 'Check', { label: 'Edit Posting Date and Time' }),
      f('currency', 'Link', { options: 'Currency', reqd: 1 }),
      f('conversion_rate', 'Float', { reqd: 1, label: 'Exchange Rate' }),
      f('buying_price_list', 'Link', { options: 'Price List', label: 'Price List' }),
      f('set_warehouse', 'Link', { options: 'Warehouse', label: 'Accepted Warehouse' }),
      f('items', 'Table', { options: 'Purchase Receipt Item', reqd: 1, label: 'Items' }),
      f('total_qty', 'Float', { read_only: 1 }),
      f('total', 'Currency', { read_only: 1 }),
      f('net_total', 'Currency', { read_only: 1 }),
      f('grand_total', 'Currency', { read_only: 1 }),
      f('rounded_total', 'Currency', { read_only: 1 }),
      f('per_billed', 'Percent', { read_only: 1, no_copy: 1, allow_on_submit: 1 }),
      f('status', 'Select', { options: '\nDraft\nPartly Billed\nTo Bill\nCompleted\nReturn\nReturn Issued\nCancelled\nClosed', default: 'Draft', read_only: 1, no_copy: 1, allow_on_submit: 1 }),
      f('amended_from', 'Link', { options: 'Purchase Receipt', read_only: 1, no_copy: 1 }),
    ],
  },
  {
    name: 'Purchase Receipt Item',
    istable: 1,
    fields: [
      f('item_code', 'Link', { options: 'Item', reqd: 1 }),
      f('item_name', 'Data', { reqd: 1 }),
      f('description', 'Text Editor'),
      f('received_qty', 'Float', { label: 'Received Quantity' }),
      f('qty', 'Float', { label: 'Accepted Quantity' }),
      f('rejected_qty', 'Float'),
      f('uom', 'Link', { options: 'UOM', reqd: 1 }),
      f('stock_uom', 'Link', { options: 'UOM', reqd: 1 }),
      f('conversion_factor', 'Float', { reqd: 1 }),
      f('stock_qty', 'Float', { read_only: 1, label: 'Accepted Qty in Stock UOM' }),
      f('price_list_rate', 'Currency'),
      f('rate', 'Currency'),
      f('amount', 'Currency', { read_only: 1 }),
      f('valuation_rate', 'Currency', { read_only: 1 }),
      f('warehouse', 'Link', { options: 'Warehouse', label: 'Accepted Warehouse' }),
      f('allow_zero_valuation_rate', 'Check'),
      f('expense_account', 'Link', { options: 'Account' }),
      f('cost_center', 'Link', { options: 'Cost Center' }),
    ],
  },
];
