import type { DoctypeMeta } from '../types';
import { field as f } from './field-types';

/** The purposes a Stock Entry Type can carry (stock_entry_type.json `purpose` options, v15). */
export const STOCK_ENTRY_PURPOSES = [
  'Material Issue', 'Material Receipt', 'Material Transfer', 'Material Transfer for Manufacture',
  'Material Consumption for Manufacture', 'Manufacture', 'Repack', 'Send to Subcontractor', 'Disassemble',
] as const;

const posting = () => [
  f('posting_date', 'Date', { default: 'Today' }),
  f('posting_time', 'Time', { default: 'Now' }),
  f('set_posting_time', 'Check', { label: 'Edit Posting Date and Time' }),
];

/** Stock Entry and Stock Reconciliation (ERPNext v15, notes §9), trimmed to what moves stock. */
export const STOCK_VOUCHER_DOCTYPES: readonly DoctypeMeta[] = [
  {
    name: 'Stock Entry Type',
    autoname: 'Prompt',
    fields: [f('purpose', 'Select', { options: STOCK_ENTRY_PURPOSES.join('\n'), reqd: 1, default: 'Material Issue' })],
  },
  {
    name: 'Stock Entry',
    autoname: 'naming_series:',
    is_submittable: 1,
    fields: [
      f('naming_series', 'Select', { options: 'MAT-STE-.YYYY.-', reqd: 1, label: 'Series' }),
      f('stock_entry_type', 'Link', { options: 'Stock Entry Type', reqd: 1 }),
      f('purpose', 'Select', { options: STOCK_ENTRY_PURPOSES.join('\n'), read_only: 1 }),
      f('company', 'Link', { options: 'Company', reqd: 1 }),
      ...posting(),
      f('from_warehouse', 'Link', { options: 'Warehouse', label: 'Default Source Warehouse' }),
      f('to_warehouse', 'Link', { options: 'Warehouse', label: 'Default Target Warehouse' }),
      f('items', 'Table', { options: 'Stock Entry Detail', reqd: 1, label: 'Items' }),
      f('total_outgoing_value', 'Currency', { read_only: 1 }),
      f('total_incoming_value', 'Currency', { read_only: 1 }),
      f('value_difference', 'Currency', { read_only: 1 }),
      f('total_amount', 'Currency', { read_only: 1 }),
      f('remarks', 'Text'),
      f('amended_from', 'Link', { options: 'Stock Entry', read_only: 1, no_copy: 1 }),
    ],
  },
  {
    name: 'Stock Entry Detail',
    istable: 1,
    fields: [
      f('s_warehouse', 'Link', { options: 'Warehouse', label: 'Source Warehouse' }),
      f('t_warehouse', 'Link', { options: 'Warehouse', label: 'Target Warehouse' }),
      f('item_code', 'Link', { options: 'Item', reqd: 1 }),
      f('item_name', 'Data'),
      f('description', 'Text Editor'),
      f('qty', 'Float', { reqd: 1 }),
      f('basic_rate', 'Currency', { label: 'Basic Rate (as per Stock UOM)' }),
      f('basic_amount', 'Currency', { read_only: 1 }),
      f('valuation_rate', 'Currency', { read_only: 1 }),
      f('amount', 'Currency', { read_only: 1 }),
      f('uom', 'Link', { options: 'UOM', reqd: 1 }),
      f('conversion_factor', 'Float', { reqd: 1 }),
      f('stock_uom', 'Link', { options: 'UOM', reqd: 1 }),
      f('transfer_qty', 'Float', { reqd: 1, label: 'Qty as per Stock UOM' }),
      f('actual_qty', 'Float', { read_only: 1, label: 'Actual Qty (at source/target)' }),
      f('allow_zero_valuation_rate', 'Check'),
      f('expense_account', 'Link', { options: 'Account', label: 'Difference Account' }),
      f('cost_center', 'Link', { options: 'Cost Center' }),
    ],
  },
  {
    name: 'Stock Reconciliation',
    autoname: 'naming_series:',
    is_submittable: 1,
    fields: [
      f('naming_series', 'Select', { options: 'MAT-RECO-.YYYY.-', reqd: 1, label: 'Series' }),
      f('company', 'Link', { options: 'Company', reqd: 1 }),
      f('purpose', 'Select', { options: 'Opening Stock\nStock Reconciliation', reqd: 1, default: 'Stock Reconciliation' }),
      f('posting_date', 'Date', { reqd: 1, default: 'Today' }),
      f('posting_time', 'Time', { reqd: 1, default: 'Now' }),
      f('set_posting_time', 'Check', { label: 'Edit Posting Date and Time' }),
      f('set_warehouse', 'Link', { options: 'Warehouse', label: 'Default Warehouse' }),
      f('items', 'Table', { options: 'Stock Reconciliation Item', reqd: 1, label: 'Items' }),
      f('expense_account', 'Link', { options: 'Account', label: 'Difference Account' }),
      f('cost_center', 'Link', { options: 'Cost Center' }),
      f('difference_amount', 'Currency', { read_only: 1 }),
      f('amended_from', 'Link', { options: 'Stock Reconciliation', read_only: 1, no_copy: 1 }),
    ],
  },
  {
    name: 'Stock Reconciliation Item',
    istable: 1,
    fields: [
      f('item_code', 'Link', { options: 'Item', reqd: 1 }),
      f('item_name', 'Data'),
      f('warehouse', 'Link', { options: 'Warehouse', reqd: 1 }),
      f('qty', 'Float', { label: 'Quantity' }),
      f('valuation_rate', 'Currency'),
      f('amount', 'Currency', { read_only: 1 }),
      f('allow_zero_valuation_rate', 'Check'),
      f('current_qty', 'Float', { read_only: 1, no_copy: 1, default: '0' }),
      f('current_valuation_rate', 'Currency', { read_only: 1, no_copy: 1 }),
      f('current_amount', 'Currency', { read_only: 1, no_copy: 1 }),
      f('quantity_difference', 'Float', { read_only: 1 }),
      f('amount_difference', 'Currency', { read_only: 1 }),
    ],
  },
];
