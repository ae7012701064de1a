import { splitByAuthority, type FieldAuthority } from '../authority/field-authority';
import { OPERATION_KINDS, operationKey } from '../keys/operation-key';
import { compareVersions, type PlanContext } from '../plan/plan-context';
import { applyPlan, supersededPlan, type DocFields, type Operation, type Plan } from '../plan/types';
import type { SyncSettings } from '../settings/sync-settings';
import { customerDisplayName } from './customer-display-name';
import { normalizePhone } from './normalize-phone';
import type { ShopifyAddress, ShopifyCustomer } from './shopify-customer';

/** An ensure (create-only fields) followed by an update (Shopify-owned fields), per field authority. */
function ensureAndUpdate(key: string, doctype: string, doc: Record<string, unknown>, authority: FieldAuthority, dependsOn: string[]): Operation[] {
  const { onCreate, onUpdate } = splitByAuthority(doctype, doc, authority);
  const ensure: Operation = { key, kind: 'ensure_document', doctype, doc: onCreate as DocFields, submit: false, dependsOn };
  if (Object.keys(onUpdate).length === 0) return [ensure];
  return [ensure, { key: `${key}#update`, kind: 'update_document', doctype, target: { $ref: key }, changes: onUpdate as DocFields, dependsOn: [key] }];
}

export function customerDocument(shop: string, customer: Pick<ShopifyCustomer, 'id' | 'firstName' | 'lastName' | 'email' | 'phone'>, settings: SyncSettings) {
  const key = operationKey(OPERATION_KINDS.customer, shop, customer.id);
  return {
    key,
    doc: {
      customer_name: customerDisplayName(customer),
      customer_type: 'Individual',
      customer_group: settings.customerGroup,
      territory: settings.territory,
      shopify_customer_id: customer.id,
      shopify_shop: shop,
      shopsync_key: key,
    },
  };
}

function contactDocument(shop: string, customer: ShopifyCustomer, customerKey: string): { key: string; doc: Record<string, unknown> } | null {
  const phone = normalizePhone(customer.phone);
  if (customer.email === null && phone === null) return null;
  const key = operationKey(OPERATION_KINDS.contact, shop, customer.id);
  return {
    key,
    doc: {
      first_name: customer.firstName ?? customer.email?.split('@')[0] ?? 'Shopify customer',
      last_name: customer.lastName ?? '',
      email_ids: customer.email === null ? [] : [{ email_id: customer.email, is_primary: 1 }],
      phone_nos: phone === null ? [] : [{ phone, is_primary_phone: 1, is_primary_mobile_no: 1 }],
      links: [{ link_doctype: 'Customer', link_name: { $ref: customerKey } }],
      is_primary_contact: 1,
      shopify_shop: shop,
      shopsync_key: key,
    },
  };
}

/** ERPNext requires line 1, city and country; an address Shopify holds without them is not synced. */
function addressDocument(shop: string, customer: ShopifyCustomer, address: ShopifyAddress, customerKey: string) {
  if (address.address1 === null || address.city === null || address.country === null) return null;
  const key = operationKey(OPERATION_KINDS.address, shop, address.id);
  return {
    key,
    doc: {
      address_title: customerDisplayName(customer),
      address_type: 'Shipping',
      address_line1: address.address1,
      address_line2: address.address2 ?? '',
      city: address.city,
      state: address.province ?? '',
      pincode: address.zip ?? '',
      country: address.country,
      phone: normalizePhone(address.phone) ?? '',
      is_primary_address: address.isDefault ? 1 : 0,
      is_shipping_address: address.isDefault ? 1 : 0,
      links: [{ link_doctype: 'Customer', link_name: { $ref: customerKey } }],
      shopify_shop: shop,
      shopsync_key: key,
    },
  };
}

/**
 * customers/create and customers/update: the Customer (linked only by Shopify id, never by name or
 * e-mail), its Contact, and one Address per Shopify address id — created once, then kept equal to
 * Shopify for the fields Shopify owns, and never touching the fields ERPNext owns.
 */
export function planCustomerEvent(shop: string, customer: ShopifyCustomer, settings: SyncSettings, context: PlanContext): Plan {
  if (context.appliedVersion !== null && customer.updatedAt !== null && compareVersions(customer.updatedAt, context.appliedVersion) < 0) {
    return supersededPlan(`customer ${customer.id} version ${customer.updatedAt} is older than the applied ${context.appliedVersion}`);
  }
  const authority = settings.fieldAuthority;
  const main = customerDocument(shop, customer, settings);
  const operations = ensureAndUpdate(main.key, 'Customer', main.doc, authority, []);
  const contact = contactDocument(shop, customer, main.key);
  if (contact !== null) operations.push(...ensureAndUpdate(contact.key, 'Contact', contact.doc, authority, [main.key]));
  for (const address of customer.addresses) {
    const mapped = addressDocument(shop, customer, address, main.key);
    if (mapped !== null) operations.push(...ensureAndUpdate(mapped.key, 'Address', mapped.doc, authority, [main.key]));
  }
  return applyPlan(operations, customer.updatedAt);
}
