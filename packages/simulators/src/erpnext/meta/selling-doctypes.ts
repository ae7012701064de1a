import type { DoctypeMeta, FieldDef } from '../types';
import { field as f } from './field-types';

/** Header fields every selling transaction shares (SellingController); ERPNext fills the † ones. */
export function sellingHeader(): FieldDef[] {
  return [
    f('customer', 'Link', { options: 'Customer' }),
    f('customer_name', 'Data', { read_only: 1 }),
    f('company', 'Link', { options: 'Company', reqd: 1 }),
    f('currency', 'Link', { options: 'Currency', reqd: 1 }),
    f('conversion_rate', 'Float', { reqd: 1, label: 'Exchange Rate' }),
    f('selling_price_list', 'Link', { options: 'Price List', reqd: 1, label: 'Price List' }),
    f('price_list_currency', 'Link', { options: 'Currency', reqd: 1 }),
    f('plc_conversion_rate', 'Float', { reqd: 1, label: 'Price List Exchange Rate' }),
    f('ignore_pricing_rule', 'Check'),
    f('set_warehouse', 'Link', { options: 'Warehouse', label: 'Set Source Warehouse' }),
    f('customer_address', 'Link', { options: 'Address' }),
    f('shipping_address_name', 'Link', { options: 'Address' }),
    f('contact_person', 'Link', { options: 'Contact' }),
    f('territory', 'Link', { options: 'Territory' }),
    f('customer_group', 'Link', { options: 'Customer Group' }),
    f('po_no', 'Data', { allow_on_submit: 1, label: "Customer's Purchase Order" }),
    f('taxes', 'Table', { options: 'Sales Taxes and Charges', label: 'Sales Taxes and Charges' }),
    f('total_qty', 'Float', { read_only: 1 }),
    f('total', 'Currency', { read_only: 1 }),
    f('net_total', 'Currency', { read_only: 1 }),
    f('total_taxes_and_charges', 'Currency', { read_only: 1 }),
    f('apply_discount_on', 'Select', { options: '\nGrand Total\nNet Total', default: 'Grand Total' }),
    f('additional_discount_percentage', 'Float'),
    f('discount_amount', 'Currency', { label: 'Additional Discount Amount' }),
    f('grand_total', 'Currency', { read_only: 1 }),
    f('rounding_adjustment', 'Currency', { read_only: 1 }),
    f('rounded_total', 'Currency', { read_only: 1 }),
    f('disable_rounded_total', 'Check'),
    f('base_grand_total', 'Currency', { read_only: 1 }),
  ];
}

/** Item-row fields shared by Sales Order / Sales Invoice / Delivery Note items. */
export function sellingItem(extra: readonly FieldDef[]): FieldDef[] {
  return [
    f('item_code', 'Link', { options: 'Item' }),
    f('item_name', 'Data', { reqd: 1 }),
    f('description', 'Text Editor'),
    f('qty', 'Float', { reqd: 1, label: 'Quantity' }),
    f('stock_qty', 'Float', { read_only: 1, label: 'Qty as per Stock UOM' }),
    f('uom', 'Link', { options: 'UOM', reqd: 1, label: 'UOM' }),
    f('stock_uom', 'Link', { options: 'UOM', label: 'Stock UOM' }),
    f('conversion_factor', 'Float', { reqd: 1, label: 'UOM Conversion Factor' }),
    f('price_list_rate', 'Currency'),
    f('discount_percentage', 'Percent'),
    f('discount_amount', 'Currency'),
    f('rate', 'Currency'),
    f('amount', 'Currency', { read_only: 1 }),
    f('net_rate', 'Currency', { read_only: 1 }),
    f('net_amount', 'Currency', { read_only: 1 }),
    f('warehouse', 'Link', { options: 'Warehouse' }),
    f('item_tax_template', 'Link', { options: 'Item Tax Template' }),
    ...extra,
  ];
}

export const SELLING_DOCTYPES: readonly DoctypeMeta[] = [
  {
    // v15: a hidden `title` field defaulting to "{customer_name}" is the title (observed: a Sales
    // Order's title is its customer name). v16 makes customer_name the title field instead.
    name: 'Sales Order',
    autoname: 'naming_series:',
    is_submittable: 1,
    title_field: 'title',
    fields: [
      f('title', 'Data', { default: '{customer_name}', allow_on_submit: 1, no_copy: 1 }),
      f('naming_series', 'Select', { options: 'SAL-ORD-.YYYY.-', reqd: 1, label: 'Series' }),
      ...sellingHeader().map((df) => (df.fieldname === 'customer' ? { ...df, reqd: 1 as const } : df)),
      f('order_type', 'Select', { options: '\nSales\nMaintenance\nShopping Cart', reqd: 1, default: 'Sales' }),
      f('transaction_date', 'Date', { reqd: 1, default: 'Today', label: 'Date' }),
      f('delivery_date', 'Date'),
      f('po_date', 'Date', { allow_on_submit: 1, label: "Customer's Purchase Order Date" }),
      f('skip_delivery_note', 'Check'),
      f('items', 'Table', { options: 'Sales Order Item', reqd: 1, label: 'Items' }),
      f('status', 'Select', { options: '\nDraft\nOn Hold\nTo Deliver and Bill\nTo Bill\nTo Deliver\nCompleted\nCancelled\nClosed', default: 'Draft', read_only: 1, no_copy: 1, allow_on_submit: 1 }),
      f('delivery_status', 'Select', { options: '\nNot Delivered\nFully Delivered\nPartly Delivered\nClosed\nNot Applicable', read_only: 1, no_copy: 1, allow_on_submit: 1 }),
      f('billing_status', 'Select', { options: '\nNot Billed\nFully Billed\nPartly Billed\nClosed', read_only: 1, no_copy: 1, allow_on_submit: 1 }),
      f('per_delivered', 'Percent', { read_only: 1, no_copy: 1, allow_on_submit: 1 }),
      f('per_billed', 'Percent', { read_only: 1, no_copy: 1, allow_on_submit: 1 }),
      f('amended_from', 'Link', { options: 'Sales Order', read_only: 1, no_copy: 1 }),
    ],
  },
  {
    name: 'Sales Order Item',
    istable: 1,
    fields: sellingItem([
      f('delivery_date', 'Date'),
      f('delivered_qty', 'Float', { read_only: 1, no_copy: 1, allow_on_submit: 1 }),
      f('billed_amt', 'Currency', { read_only: 1, no_copy: 1, allow_on_submit: 1 }),
      f('returned_qty', 'Float', { read_only: 1, no_copy: 1, allow_on_submit: 1 }),
      f('projected_qty', 'Float', { read_only: 1, allow_on_submit: 1 }),
      f('actual_qty', 'Float', { read_only: 1, allow_on_submit: 1 }),
      f('delivered_by_supplier', 'Check'),
    ]).map((df) => (df.fieldname === 'item_code' ? { ...df, reqd: 1 as const } : df)),
  },
  {
    name: 'Sales Taxes and Charges',
    istable: 1,
    fields: [
      f('charge_type', 'Select', { options: '\nActual\nOn Net Total\nOn Previous Row Amount\nOn Previous Row Total\nOn Item Quantity', reqd: 1, label: 'Type' }),
      f('row_id', 'Data', { label: 'Reference Row #' }),
      f('account_head', 'Link', { options: 'Account', reqd: 1, label: 'Account Head' }),
      f('description', 'Small Text', { reqd: 1 }),
      f('included_in_print_rate', 'Check', { label: 'Is this Tax included in Basic Rate?' }),
      f('cost_center', 'Link', { options: 'Cost Center' }),
      f('rate', 'Float'),
      f('tax_amount', 'Currency', { label: 'Amount' }),
      f('total', 'Currency', { read_only: 1 }),
      f('item_wise_tax_detail', 'Code', { read_only: 1 }),
      f('dont_recompute_tax', 'Check'),
    ],
  },
];
