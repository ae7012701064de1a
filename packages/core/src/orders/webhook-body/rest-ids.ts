/**
 * A resource's ids as a REST body carries them. REST prints `id` as a JSON number; one above 2^53
 * would be rounded there, so it is kept as its exact digits instead — the parsers read the exact id
 * from `admin_graphql_api_id` anyway (ids/shopify-gid.ts).
 */
export function restIds(type: string, id: string): { readonly id: number | string; readonly admin_graphql_api_id: string } {
  return { id: restId(id), admin_graphql_api_id: `gid://shopify/${type}/${id}` };
}

export function restId(id: string): number | string {
  const n = Number(id);
  return Number.isSafeInteger(n) ? n : id;
}
