import type { FailureSubject } from '../failures/failure';
import { isRecord } from '../webhooks/parse-result';
import type { TopicResource } from './types';

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : null);

/**
 * `stock/changed` (the stock tailer's own event): one location's moved items, queued per location so
 * two pushes to one location never race each other's compare-and-set.
 */
export const STOCK_CHANGE = {
  kind: 'stock',
  idOf: (payload) => (text(payload.locationId) !== null ? `location-${text(payload.locationId)}` : text(payload.warehouse) !== null ? `warehouse-${text(payload.warehouse)}` : null),
  subjectOf: (payload): FailureSubject | null => {
    const items = Array.isArray(payload.items) ? payload.items.filter(isRecord).map((item) => text(item.itemCode)).filter((code): code is string => code !== null) : [];
    const where = text(payload.locationId) !== null ? `location ${text(payload.locationId)}` : `warehouse ${text(payload.warehouse) ?? 'unknown'}`;
    const shown = items.length > 3 ? `${items.slice(0, 3).join(', ')} and ${items.length - 3} more` : items.join(', ');
    return { kind: 'stock', label: `${shown || 'items'} at ${where}` };
  },
} as const satisfies TopicResource;

/** Shopify's `inventory_levels/update`: one inventory item at one location. */
export const INVENTORY_LEVEL = {
  kind: 'inventory_level',
  idOf: (payload) => {
    const item = text(payload.inventory_item_id);
    const location = text(payload.location_id);
    return item === null || location === null ? null : `${item}@${location}`;
  },
  subjectOf: (payload): FailureSubject | null => {
    const item = text(payload.inventory_item_id);
    return item === null ? null : { kind: 'stock', label: `inventory item ${item} at location ${text(payload.location_id) ?? 'unknown'}`, shopifyId: item };
  },
} as const satisfies TopicResource;

/** `delivery_notes/submitted|cancelled` (the tailer's, from the Stock Ledger): one Delivery Note. */
export const DELIVERY_NOTE = {
  kind: 'delivery_note',
  idOf: (payload) => text(payload.name),
  subjectOf: (payload): FailureSubject | null => (text(payload.name) === null ? null : { kind: 'delivery_note', label: text(payload.name) as string }),
} as const satisfies TopicResource;
