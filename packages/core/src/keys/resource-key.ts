/**
 * The resource an event is about: all events that share it are applied one at a time, in order (the
 * inbox claim rule), and its newest applied version and payload are remembered under it. The core
 * hands it out as a value; the inbox stores it as text, so `formatResourceKey` is the only writer of
 * that text and `parseResourceKey` the only reader.
 */
export interface ResourceKey {
  readonly shop: string;
  /** What the id names: `order`, `customer` … or `topic` when no resource could be read. */
  readonly kind: string;
  readonly id: string;
}

/**
 * Events of a topic no row reads, or whose payload names no resource, are keyed by their topic:
 * they are never applied, so they only need to queue among themselves.
 */
export const TOPIC_KEY_KIND = 'topic';

/**
 * `<shop>/<kind>/<id>`: the format databases already hold (`shop.myshopify.com/order/820982911946154508`,
 * `shop.myshopify.com/topic/orders/delete`), so it cannot change without a migration.
 */
export function formatResourceKey(key: ResourceKey): string {
  return `${key.shop}/${key.kind}/${key.id}`;
}

// A shop domain and a kind never hold a slash; an id may (a topic), so it takes the rest.
const STORED_KEY = /^([^/]+)\/([^/]+)\/(.+)$/;

/** The key a stored text stands for, or null for text no `formatResourceKey` made. */
export function parseResourceKey(text: string): ResourceKey | null {
  const match = STORED_KEY.exec(text);
  if (match === null) return null;
  return { shop: match[1] as string, kind: match[2] as string, id: match[3] as string };
}
