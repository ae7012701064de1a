import type { Prng } from './prng';
import { samplePhone, samplePlace } from './sample-people';
import type { AddressInput } from './shop-inputs';
import type { AddressRecord } from './types';

/** Complete an address from the driver's partial input, drawing the missing parts from the PRNG. */
export function buildAddress(input: AddressInput | undefined, person: { firstName: string; lastName: string }, prng: Prng): AddressRecord {
  const place = samplePlace(prng);
  const phone = samplePhone(prng);
  return {
    firstName: input?.firstName ?? person.firstName,
    lastName: input?.lastName ?? person.lastName,
    company: input?.company ?? null,
    address1: input?.address1 ?? place.address1,
    address2: input?.address2 ?? null,
    city: input?.city ?? place.city,
    province: input?.province ?? place.province,
    provinceCode: input?.provinceCode ?? place.provinceCode,
    country: input?.country ?? place.country,
    countryCode: input?.countryCode ?? place.countryCode,
    zip: input?.zip ?? place.zip,
    phone: input?.phone === undefined ? phone : input.phone,
  };
}

/** Apply a partial change to an existing address (order edits keep what was not mentioned). */
export function patchAddress(address: AddressRecord, patch: AddressInput): AddressRecord {
  const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  return { ...address, ...defined };
}

export function emailFor(person: { firstName: string; lastName: string }, prng: Prng): string {
  const local = `${person.firstName}.${person.lastName}${prng.int(1, 999)}`.toLowerCase();
  return `${local.normalize('NFD').replace(/[^a-z0-9.]/g, '')}@example.com`;
}
