import { toShopifyError } from '../errors/to-shopify-error';
import type { ShopifyGraphqlClient } from '../graphql/create-graphql-client';
import type { ShopifyDocument } from '../graphql/shopify-document';
import type { UserErrorEntry } from '../graphql/wire-types';

type Variables = Readonly<Record<string, unknown>>;

/**
 * Runs a mutation and returns its payload, or throws its `userErrors` as a SyncError through
 * toShopifyError (`shopify.user_error.<code>`), so every caller gets the same codes.
 */
export async function mutate<P extends { readonly userErrors: readonly UserErrorEntry[] }>(
  client: ShopifyGraphqlClient,
  document: ShopifyDocument,
  field: string,
  variables: Variables,
  details?: Readonly<Record<string, unknown>>,
): Promise<P> {
  const { data } = await client.request<Record<string, P | null>>(document, variables);
  const payload = data?.[field];
  if (!payload) {
    throw toShopifyError({ kind: 'user-errors', field, userErrors: [{ field: null, message: `${field} returned no payload` }] }, { document: document.name, ...(details ? { details } : {}) });
  }
  if (payload.userErrors.length > 0) throw toShopifyError({ kind: 'user-errors', field, userErrors: payload.userErrors }, { document: document.name, ...(details ? { details } : {}) });
  return payload;
}

/** Splits `items` into consecutive batches of at most `size` (Shopify input arrays: ≤ 250, notes §2). */
export function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * A value inside Shopify search syntax, quoted so spaces, colons and quotes in a SKU or a date
 * cannot change the query (https://shopify.dev/api/usage/search-syntax: backslash escapes).
 */
export function searchValue(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
