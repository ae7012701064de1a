import type { Prng } from './prng';

// Plausible North-American buyers; the shop model picks from these with its seeded PRNG so names,
// emails and addresses are stable for a given seed.

export interface SamplePlace {
  address1: string;
  city: string;
  province: string;
  provinceCode: string;
  country: string;
  countryCode: string;
  zip: string;
}

const FIRST_NAMES = ['Ava', 'Liam', 'Noah', 'Emma', 'Olivia', 'Mason', 'Sofia', 'Lucas', 'Mia', 'Ethan', 'Chloe', 'Leo'] as const;
const LAST_NAMES = ['Nguyen', 'Smith', 'Garcia', 'Johnson', 'Brown', 'Martin', 'Tremblay', 'Lee', 'Walker', 'Patel', 'Roy', 'Clark'] as const;
const STREETS = ['Elm St.', 'Maple Ave', 'Oak Drive', 'King Street W', 'Main Street', 'Cedar Lane', 'Lakeshore Blvd'] as const;

const PLACES: readonly Omit<SamplePlace, 'address1'>[] = [
  { city: 'Louisville', province: 'Kentucky', provinceCode: 'KY', country: 'United States', countryCode: 'US', zip: '40202' },
  { city: 'Austin', province: 'Texas', provinceCode: 'TX', country: 'United States', countryCode: 'US', zip: '78701' },
  { city: 'Portland', province: 'Oregon', provinceCode: 'OR', country: 'United States', countryCode: 'US', zip: '97205' },
  { city: 'Brooklyn', province: 'New York', provinceCode: 'NY', country: 'United States', countryCode: 'US', zip: '11201' },
  { city: 'Ottawa', province: 'Ontario', provinceCode: 'ON', country: 'Canada', countryCode: 'CA', zip: 'K2P 1L4' },
  { city: 'Montréal', province: 'Quebec', provinceCode: 'QC', country: 'Canada', countryCode: 'CA', zip: 'H2X 1Y4' },
];

export function samplePerson(prng: Prng): { firstName: string; lastName: string } {
  return { firstName: prng.pick(FIRST_NAMES), lastName: prng.pick(LAST_NAMES) };
}

export function samplePlace(prng: Prng): SamplePlace {
  const place = prng.pick(PLACES);
  return { ...place, address1: `${prng.int(1, 999)} ${prng.pick(STREETS)}` };
}

export function samplePhone(prng: Prng): string {
  return `+1${prng.pick(['502', '512', '503', '718', '613', '514'])}555${String(prng.int(0, 9999)).padStart(4, '0')}`;
}
