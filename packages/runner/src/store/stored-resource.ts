import { parseResourceKey, TOPIC_KEY_KIND, type ResourceKey } from '@shopsync/core';

/**
 * A claimed event's resource key as a value, read where each engine maps its claimed row, so no
 * worker parses the stored text again. The inbox holds only text formatResourceKey wrote; text it did
 * not (a row edited by hand) stays whole as the id of a topic key: it still names itself, and it is
 * never taken for an order's.
 */
export function storedResource(shop: string, resourceKey: string): ResourceKey {
  return parseResourceKey(resourceKey) ?? { shop, kind: TOPIC_KEY_KIND, id: resourceKey };
}
