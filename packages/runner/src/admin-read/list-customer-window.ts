import type { ShopifyCustomer as ShopifyCustomerSummary } from '@shopsync/shopify-client';
import type { ShopifyCustomerReads } from './types';

export interface CustomerWindow {
  readonly shopify: ShopifyCustomerReads;
  /** ISO-8601 instants; customers updated at or after `since` and, if given, at or before `until`. */
  readonly since: string;
  readonly until: string | null;
}

// The page's default size: each customer on it carries its default address and contact objects,
// and 50 of them stay far below the 1,000-point single-query limit.
const LIST_PAGE = 50;

/** Every customer updated in the window, oldest change first (the list is sorted by updated_at). */
export async function listCustomerWindow(window: CustomerWindow): Promise<ShopifyCustomerSummary[]> {
  const until = window.until === null ? Number.POSITIVE_INFINITY : Date.parse(window.until);
  const listed: ShopifyCustomerSummary[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await window.shopify.customers.list({ updatedSince: window.since, after, first: LIST_PAGE });
    const inWindow = page.nodes.filter((customer) => Date.parse(customer.updatedAt) <= until);
    listed.push(...inWindow);
    if (!page.pageInfo.hasNextPage || inWindow.length < page.nodes.length) return listed;
    after = page.pageInfo.endCursor;
  }
}
