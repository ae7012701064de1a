/**
 * Who owns a mapped field (the user's "authoritative source per field"):
 * - `shopify`: written on create and kept equal to Shopify on every update;
 * - `set_on_create`: written once, when shopsync creates the document, then ERPNext owns it;
 * - `erpnext`: never written by shopsync.
 */
export const FIELD_OWNERS = ['shopify', 'set_on_create', 'erpnext'] as const;
export type FieldOwner = (typeof FIELD_OWNERS)[number];

/** Keys are `Doctype.field`; the settings may override any row. */
export type FieldAuthority = Readonly<Record<string, FieldOwner>>;

export const DEFAULT_FIELD_AUTHORITY: FieldAuthority = {
  'Customer.customer_name': 'shopify',
  'Customer.customer_type': 'set_on_create',
  'Customer.customer_group': 'set_on_create',
  'Customer.territory': 'set_on_create',
  'Customer.credit_limits': 'erpnext',
  'Customer.payment_terms': 'erpnext',
  'Customer.tax_id': 'erpnext',
  'Customer.tax_category': 'erpnext',
  'Customer.default_price_list': 'erpnext',
  'Contact.first_name': 'shopify',
  'Contact.last_name': 'shopify',
  'Contact.email_ids': 'shopify',
  'Contact.phone_nos': 'shopify',
  'Address.address_line1': 'shopify',
  'Address.address_line2': 'shopify',
  'Address.city': 'shopify',
  'Address.state': 'shopify',
  'Address.pincode': 'shopify',
  'Address.country': 'shopify',
  'Address.phone': 'shopify',
  'Address.address_type': 'set_on_create',
  'Address.is_primary_address': 'set_on_create',
};

/**
 * Splits a mapped document by authority: what goes into a new document, and what an update may
 * change. A field without a rule is treated as `set_on_create`, the cautious default: shopsync never
 * overwrites a field nobody declared as Shopify's.
 */
export function splitByAuthority(doctype: string, doc: Readonly<Record<string, unknown>>, authority: FieldAuthority) {
  const onCreate: Record<string, unknown> = {};
  const onUpdate: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(doc)) {
    const owner = authority[`${doctype}.${field}`] ?? 'set_on_create';
    if (owner === 'erpnext') continue;
    onCreate[field] = value;
    if (owner === 'shopify') onUpdate[field] = value;
  }
  return { onCreate, onUpdate };
}
