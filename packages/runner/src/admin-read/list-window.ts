import type { OrderSummary } from '@shopsync/shopify-client';
import type { ShopifyOrderReads } from './types';

export interface OrderWindow {
  readonly shopify: ShopifyOrderReads;
  /** ISO-8601 instants; orders updated at or after `since` and, if given, at or before `until`. */
  readonly since: string;
  readonly until: string | null;
}

// Orders listed per request: the most Shopify allows, as the list itself is cheap (ids and dates).
const LIST_PAGE = 250;

/** Every order updated in the window, oldest change first (the list is sorted by updated_at): what backfill and reconcile go through. */
export async function listWindow(window: OrderWindow): Promise<OrderSummary[]> {
  const until = window.until === null ? Number.POSITIVE_INFINITY : Date.parse(window.until);
  const listed: OrderSummary[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await window.shopify.orders.updatedSince({ since: window.since, after, first: LIST_PAGE });
    const inWindow = page.nodes.filter((order) => Date.parse(order.updatedAt) <= until);
    listed.push(...inWindow);
    if (!page.pageInfo.hasNextPage || inWindow.length < page.nodes.length) return listed;
    after = page.pageInfo.endCursor;
  }
}
