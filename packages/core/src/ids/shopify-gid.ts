/**
 * Shopify ids exceed 2^53, and JSON.parse rounds them (the documented samples show it:
 * `"id": 820982911946154500` next to `gid://shopify/Order/820982911946154508`). The GID string is
 * exact, so ids are always taken from `admin_graphql_api_id` and kept as decimal strings.
 */
const GID = /^gid:\/\/shopify\/([A-Za-z]+)\/(\d+)(?:\?.*)?$/;

export interface ShopifyGid {
  readonly type: string;
  readonly id: string;
}

export function parseGid(value: unknown): ShopifyGid | null {
  if (typeof value !== 'string') return null;
  const match = GID.exec(value);
  if (match === null) return null;
  return { type: match[1] as string, id: match[2] as string };
}

/**
 * The exact id of a REST-shaped resource: from its GID when present (must be of `type`), else from
 * a numeric `id` that is still exact (a safe integer) or already a string of digits.
 */
export function resourceIdOf(resource: Record<string, unknown>, type: string): string | null {
  const gid = parseGid(resource.admin_graphql_api_id);
  if (gid !== null) return gid.type === type ? gid.id : null;
  const raw = resource.id;
  if (typeof raw === 'string' && /^\d+$/.test(raw)) return raw;
  if (typeof raw === 'number' && Number.isSafeInteger(raw) && raw > 0) return String(raw);
  return null;
}
