/**
 * The custom fields shopsync writes, as frappe_app/shopsync/custom_fields.json installs them. Kept in
 * code so doctor does not depend on where the Frappe app sits on disk; test/cli-doctor-custom-fields
 * fails when this list and the JSON disagree. `unique` marks the operation-key fields: their unique
 * index is what makes a replayed write find the first document instead of making a second (G1).
 */
export const REQUIRED_CUSTOM_FIELDS: ReadonlyArray<{ readonly doctype: string; readonly fieldname: string; readonly unique: boolean }> = [
  { doctype: 'Address', fieldname: 'shopify_shop', unique: false },
  { doctype: 'Address', fieldname: 'shopsync_key', unique: true },
  { doctype: 'Contact', fieldname: 'shopify_shop', unique: false },
  { doctype: 'Contact', fieldname: 'shopsync_key', unique: true },
  { doctype: 'Customer', fieldname: 'shopify_customer_id', unique: false },
  { doctype: 'Customer', fieldname: 'shopify_shop', unique: false },
  { doctype: 'Customer', fieldname: 'shopsync_key', unique: true },
  { doctype: 'Delivery Note', fieldname: 'shopify_order_id', unique: false },
  { doctype: 'Delivery Note', fieldname: 'shopify_shop', unique: false },
  { doctype: 'Delivery Note', fieldname: 'shopsync_key', unique: true },
  { doctype: 'Delivery Note Item', fieldname: 'shopify_line_item_id', unique: false },
  { doctype: 'Item', fieldname: 'shopify_variant_id', unique: true },
  { doctype: 'Payment Entry', fieldname: 'shopify_order_id', unique: false },
  { doctype: 'Payment Entry', fieldname: 'shopify_shop', unique: false },
  { doctype: 'Payment Entry', fieldname: 'shopsync_key', unique: true },
  { doctype: 'Sales Invoice', fieldname: 'shopify_order_id', unique: false },
  { doctype: 'Sales Invoice', fieldname: 'shopify_shop', unique: false },
  { doctype: 'Sales Invoice', fieldname: 'shopsync_key', unique: true },
  { doctype: 'Sales Invoice Item', fieldname: 'shopify_line_item_id', unique: false },
  { doctype: 'Sales Order', fieldname: 'shopify_order_id', unique: false },
  { doctype: 'Sales Order', fieldname: 'shopify_order_name', unique: false },
  { doctype: 'Sales Order', fieldname: 'shopify_shop', unique: false },
  { doctype: 'Sales Order', fieldname: 'shopsync_key', unique: true },
  { doctype: 'Sales Order Item', fieldname: 'shopify_line_item_id', unique: false },
];
