import type { ShopifyCustomerRef } from '../orders/shopify-order';

/**
 * A Customer's display name only. ERPNext appends " - 1" to a name that exists already, so names are
 * never identities: the customer is found by its operation key, never by this text.
 */
export function customerDisplayName(customer: ShopifyCustomerRef): string {
  const full = [customer.firstName, customer.lastName].filter((part) => part !== null).join(' ').trim();
  if (full.length > 0) return full;
  return customer.email ?? customer.phone ?? `Shopify customer ${customer.id}`;
}
