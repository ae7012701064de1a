import { resourceIdOf } from '../ids/shopify-gid';
import { isRecord, optionalString, parsed, rejected, type ParseResult } from '../webhooks/parse-result';
import type { ShopifyAddress, ShopifyCustomer } from './shopify-customer';

function addressId(raw: Record<string, unknown>): string | null {
  const id = raw.id;
  if (typeof id === 'string' && /^\d+$/.test(id)) return id;
  // Address ids are small enough for JSON numbers today; an unsafe one would be rounded, so refuse it.
  return typeof id === 'number' && Number.isSafeInteger(id) ? String(id) : null;
}

function parseAddress(raw: unknown, defaultId: string | null): ShopifyAddress | null {
  if (!isRecord(raw)) return null;
  const id = addressId(raw);
  if (id === null) return null;
  const countryName = optionalString(raw.country_name);
  const country = optionalString(raw.country);
  return {
    id,
    address1: optionalString(raw.address1),
    address2: optionalString(raw.address2),
    city: optionalString(raw.city),
    province: optionalString(raw.province),
    country: countryName !== null && countryName.length > 2 ? countryName : country,
    zip: optionalString(raw.zip),
    phone: optionalString(raw.phone),
    isDefault: raw.default === true || id === defaultId,
  };
}

/** Reads a customers/* webhook body (or an order's embedded customer); every problem at once. */
export function parseCustomer(payload: unknown): ParseResult<ShopifyCustomer> {
  if (!isRecord(payload)) return rejected(['the payload is not a JSON object']);
  const id = resourceIdOf(payload, 'Customer');
  if (id === null) return rejected(['the customer has no exact id (admin_graphql_api_id)']);
  const defaultAddress = isRecord(payload.default_address) ? payload.default_address : null;
  const defaultId = defaultAddress === null ? null : addressId(defaultAddress);
  const listed = Array.isArray(payload.addresses) ? payload.addresses : [];
  const all = [...listed, ...(defaultAddress !== null && !listed.some((a) => isRecord(a) && addressId(a) === defaultId) ? [defaultAddress] : [])];
  return parsed({
    id,
    firstName: optionalString(payload.first_name),
    lastName: optionalString(payload.last_name),
    email: optionalString(payload.email),
    phone: optionalString(payload.phone),
    updatedAt: optionalString(payload.updated_at),
    addresses: all.map((raw) => parseAddress(raw, defaultId)).filter((a): a is ShopifyAddress => a !== null),
  });
}
