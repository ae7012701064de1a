import type { AddressRecord } from '../../types';
import type { View } from './resolve-fields';

/** MailingAddress; `id` is the GID Shopify gives order and customer addresses. */
export function mailingAddressView(address: AddressRecord, id: string): View {
  const name = `${address.firstName} ${address.lastName}`.trim();
  return {
    __typename: 'MailingAddress',
    id,
    firstName: address.firstName,
    lastName: address.lastName,
    name,
    company: address.company,
    address1: address.address1,
    address2: address.address2,
    city: address.city,
    province: address.province,
    provinceCode: address.provinceCode,
    country: address.country,
    countryCode: address.countryCode,
    countryCodeV2: address.countryCode,
    zip: address.zip,
    phone: address.phone,
    latitude: null,
    longitude: null,
    timeZone: null,
    coordinatesValidated: false,
    formattedArea: [address.city, address.province, address.country].filter(Boolean).join(', '),
    formatted: () => [address.company, address.address1, address.address2, `${address.city} ${address.provinceCode} ${address.zip}`.trim(), address.country].filter((l): l is string => Boolean(l)),
  };
}
