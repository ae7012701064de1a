import { restId, restIds } from '../orders/webhook-body/rest-ids';
import type { ShopifyAddress, ShopifyCustomer } from './shopify-customer';

// A customer read another way than its webhook (the Admin API, by reconcile) is stored in the inbox
// as the customers/update body this writes: exactly the fields parseCustomer reads, so
// parseCustomer(customerWebhookBody(customer)) is `customer`, and a requeue plans it as the webhook.

function addressBody(address: ShopifyAddress) {
  return {
    id: restId(address.id),
    address1: address.address1,
    address2: address.address2,
    city: address.city,
    province: address.province,
    country: address.country,
    // parseCustomer prefers the English name when it is longer than a code; both are the name here.
    country_name: address.country,
    zip: address.zip,
    phone: address.phone,
    default: address.isDefault,
  };
}

export function customerWebhookBody(customer: ShopifyCustomer): Record<string, unknown> {
  const addresses = customer.addresses.map(addressBody);
  return {
    ...restIds('Customer', customer.id),
    first_name: customer.firstName,
    last_name: customer.lastName,
    email: customer.email,
    phone: customer.phone,
    updated_at: customer.updatedAt,
    addresses,
    default_address: addresses.find((address) => address.default) ?? null,
  };
}
