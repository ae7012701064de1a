import type { AddressRecord, CustomerAddressRecord } from './types';

// Two address shapes exist in REST payloads: an order's billing/shipping address (with latitude and
// longitude) and a customer's address (with ids, country_name and `default`). Key sets follow the
// 2026-07 orders/create and customers/create samples.

export interface OrderAddressJson {
  first_name: string;
  address1: string;
  phone: string | null;
  city: string;
  zip: string;
  province: string;
  country: string;
  last_name: string;
  address2: string | null;
  company: string | null;
  latitude: number | null;
  longitude: number | null;
  name: string;
  country_code: string;
  province_code: string;
}

export interface CustomerAddressJson {
  id: number;
  customer_id: number;
  first_name: string;
  last_name: string;
  company: string | null;
  address1: string;
  address2: string | null;
  city: string;
  province: string;
  country: string;
  zip: string;
  phone: string | null;
  name: string;
  province_code: string;
  country_code: string;
  country_name: string;
  default: boolean;
}

export function orderAddressJson(a: AddressRecord): OrderAddressJson {
  return {
    first_name: a.firstName,
    address1: a.address1,
    phone: a.phone,
    city: a.city,
    zip: a.zip,
    province: a.province,
    country: a.country,
    last_name: a.lastName,
    address2: a.address2,
    company: a.company,
    // Shopify geocodes asynchronously; a payload sent right after checkout has no coordinates yet.
    latitude: null,
    longitude: null,
    name: `${a.firstName} ${a.lastName}`,
    country_code: a.countryCode,
    province_code: a.provinceCode,
  };
}

export function customerAddressJson(a: CustomerAddressRecord, customerId: number): CustomerAddressJson {
  return {
    id: a.id,
    customer_id: customerId,
    first_name: a.firstName,
    last_name: a.lastName,
    company: a.company,
    address1: a.address1,
    address2: a.address2,
    city: a.city,
    province: a.province,
    country: a.country,
    zip: a.zip,
    phone: a.phone,
    name: `${a.firstName} ${a.lastName}`,
    province_code: a.provinceCode,
    country_code: a.countryCode,
    country_name: a.country,
    default: a.isDefault,
  };
}
