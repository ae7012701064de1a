import { customerAddressJson, type CustomerAddressJson } from './address-payload';
import { shopifyGid } from './shop-ids';
import { formatShopTime } from './shop-time';
import type { CustomerRecord } from './types';

/** An order's embedded `customer`: the customers/create key set without `addresses`. */
export interface OrderCustomerJson {
  id: number;
  created_at: string;
  updated_at: string;
  first_name: string;
  last_name: string;
  state: CustomerRecord['state'];
  note: string | null;
  verified_email: boolean;
  multipass_identifier: string | null;
  tax_exempt: boolean;
  email: string | null;
  phone: string | null;
  currency: string;
  tax_exemptions: string[];
  admin_graphql_api_id: string;
  default_address: CustomerAddressJson | null;
}

/** Body of customers/create and customers/update (2026-07 sample key set). */
export interface CustomerJson extends OrderCustomerJson {
  addresses: CustomerAddressJson[];
}

export function orderCustomerJson(c: CustomerRecord, timezoneOffset: string): OrderCustomerJson {
  const defaultAddress = c.addresses.find((a) => a.isDefault);
  return {
    id: c.id,
    created_at: formatShopTime(c.createdAt, timezoneOffset),
    updated_at: formatShopTime(c.updatedAt, timezoneOffset),
    first_name: c.firstName,
    last_name: c.lastName,
    state: c.state,
    note: c.note,
    verified_email: c.verifiedEmail,
    multipass_identifier: null,
    tax_exempt: c.taxExempt,
    email: c.email,
    phone: c.phone,
    currency: c.currency,
    tax_exemptions: [],
    admin_graphql_api_id: shopifyGid('Customer', c.id),
    default_address: defaultAddress ? customerAddressJson(defaultAddress, c.id) : null,
  };
}

export function customerJson(c: CustomerRecord, timezoneOffset: string): CustomerJson {
  // Key order as in the sample: `addresses` sits between `currency` and `tax_exemptions`.
  const { tax_exemptions, admin_graphql_api_id, default_address, ...head } = orderCustomerJson(c, timezoneOffset);
  const addresses = c.addresses.map((a) => customerAddressJson(a, c.id));
  return { ...head, addresses, tax_exemptions, admin_graphql_api_id, default_address };
}
