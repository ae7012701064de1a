import type { ShopifyGraphqlClient } from '../graphql/create-graphql-client';
import { VARIANTS_BY_SKU } from './documents/variants-by-sku';
import { batches, searchValue } from './payload';
import type { Page, ShopifyVariant } from './types';

/** SKUs per search query: keeps the query string short and the 100-variant page rarely full. */
export const SKUS_PER_QUERY = 50;

/**
 * Variants and their inventory items by SKU. The map has an entry for every requested SKU: empty
 * when Shopify has none (a mapping failure for the engine), several when the SKU is duplicated.
 * Shopify's search is prefix-tolerant, so results are kept only on an exact SKU match.
 */
export async function findVariantsBySku(client: ShopifyGraphqlClient, skus: readonly string[]): Promise<Map<string, ShopifyVariant[]>> {
  const wanted = [...new Set(skus)];
  const found = new Map<string, ShopifyVariant[]>(wanted.map((sku) => [sku, []]));
  for (const batch of batches(wanted, SKUS_PER_QUERY)) {
    const query = batch.map((sku) => `sku:${searchValue(sku)}`).join(' OR ');
    let after: string | null = null;
    do {
      const { data }: { data: { productVariants: Page<ShopifyVariant> } } = await client.request(VARIANTS_BY_SKU, { query, after });
      for (const variant of data.productVariants.nodes) {
        if (variant.sku !== null) found.get(variant.sku)?.push(variant);
      }
      after = data.productVariants.pageInfo.hasNextPage ? data.productVariants.pageInfo.endCursor : null;
    } while (after !== null);
  }
  return found;
}

/**
 * Every variant of the shop, page by page: the same registered document with an empty search query,
 * through the same cost-aware client (doctor's SKU check compares them all with ERPNext's Items).
 */
export async function listAllVariants(client: ShopifyGraphqlClient): Promise<ShopifyVariant[]> {
  const variants: ShopifyVariant[] = [];
  let after: string | null = null;
  do {
    const { data }: { data: { productVariants: Page<ShopifyVariant> } } = await client.request(VARIANTS_BY_SKU, { query: '', after });
    variants.push(...data.productVariants.nodes);
    after = data.productVariants.pageInfo.hasNextPage ? data.productVariants.pageInfo.endCursor : null;
  } while (after !== null);
  return variants;
}
