import type { ShopifyGraphqlClient } from '../graphql/create-graphql-client';
import { LOCATIONS_PAGE } from './documents/locations-page';
import type { Page, ShopifyLocation } from './types';

/** Every location of the shop (a few per shop, so all pages are read). */
export async function listLocations(client: ShopifyGraphqlClient, options: { includeInactive?: boolean } = {}): Promise<ShopifyLocation[]> {
  const all: ShopifyLocation[] = [];
  let after: string | null = null;
  do {
    const { data }: { data: { locations: Page<ShopifyLocation> } } = await client.request(LOCATIONS_PAGE, { after, includeInactive: options.includeInactive ?? false });
    all.push(...data.locations.nodes);
    after = data.locations.pageInfo.hasNextPage ? data.locations.pageInfo.endCursor : null;
  } while (after !== null);
  return all;
}
