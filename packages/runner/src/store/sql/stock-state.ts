import type Database from 'better-sqlite3';
import { UNBOOKED_ORDER_TOPICS, type StockLedgerCursor } from '@shopsync/core';
import type { AcceptedDelivery, NewDelivery } from '../ports/inbox-port';
import type { StockPushRecord } from '../ports/stock-port';
import { acceptOne } from './accept-delivery';
import { prepared } from './prepared';

const ECHO_LEDGER_KEPT_MS = 24 * 60 * 60 * 1000;

export function stockCursor(db: Database.Database, shop: string): StockLedgerCursor {
  const row = prepared(db, 'SELECT creation, seen FROM stock_cursor WHERE shop = ?').get(shop) as { creation: string | null; seen: string } | undefined;
  return row === undefined ? { creation: null, seen: [] } : { creation: row.creation, seen: JSON.parse(row.seen) as StockLedgerCursor['seen'] };
}

const SAVE_CURSOR = `INSERT INTO stock_cursor (shop, creation, seen, updated_at) VALUES (@shop, @creation, @seen, @now)
  ON CONFLICT (shop) DO UPDATE SET creation = excluded.creation, seen = excluded.seen, updated_at = excluded.updated_at`;

export function enqueueStockRead(db: Database.Database, shop: string, events: readonly NewDelivery[], cursor: StockLedgerCursor, nowIso: string): AcceptedDelivery[] {
  return db.transaction(() => {
    const accepted = events.map((event) => acceptOne(db, event, nowIso));
    prepared(db, SAVE_CURSOR).run({ shop, creation: cursor.creation, seen: JSON.stringify(cursor.seen), now: nowIso });
    return accepted;
  })();
}

export function recordStockPushes(db: Database.Database, shop: string, pushes: readonly StockPushRecord[], inboxId: number, nowIso: string): void {
  db.transaction(() => {
    const insert = prepared(db, 'INSERT INTO stock_pushes (shop, inventory_item_id, location_id, quantity, inbox_id, pushed_at) VALUES (?, ?, ?, ?, ?, ?)');
    for (const push of pushes) insert.run(shop, push.inventoryItemId, push.locationId, push.quantity, inboxId, nowIso);
    prepared(db, 'DELETE FROM stock_pushes WHERE pushed_at < ?').run(new Date(Date.parse(nowIso) - ECHO_LEDGER_KEPT_MS).toISOString());
  })();
}

export function recentStockPushes(db: Database.Database, shop: string, inventoryItemId: string, locationId: string, sinceIso: string): Array<{ quantity: number; at: string }> {
  return prepared(
    db,
    'SELECT quantity, pushed_at AS at FROM stock_pushes WHERE shop = ? AND inventory_item_id = ? AND location_id = ? AND pushed_at >= ? ORDER BY pushed_at DESC, id DESC',
  ).all(shop, inventoryItemId, locationId, sinceIso) as Array<{ quantity: number; at: string }>;
}

/**
 * Order events still open, of orders with no applied version and no Sales Order recorded yet; the
 * newest payload per order. A Sales Order is recorded as soon as it is submitted (its units are in
 * reserved_qty then), before its event settles: counting it until then would take its units off twice.
 * The payload is in its own table (migration 010), joined by the inbox id. The topics counted are
 * the registry's (UNBOOKED_ORDER_TOPICS), bound as a JSON array.
 */
const UNBOOKED = `SELECT i.resource_key AS resourceKey, p.payload AS payload FROM inbox i JOIN inbox_payloads p ON p.inbox_id = i.id
  WHERE i.shop = @shop AND i.topic IN (SELECT value FROM json_each(@topics)) AND i.status IN ('pending', 'claimed', 'failed')
  AND NOT EXISTS (SELECT 1 FROM resource_versions v WHERE v.resource_key = i.resource_key)
  AND NOT EXISTS (SELECT 1 FROM operations o WHERE o.resource_key = i.resource_key AND o.doctype = 'Sales Order')
  AND json_valid(p.payload)
  AND EXISTS (SELECT 1 FROM json_each(p.payload, '$.line_items') line WHERE json_extract(line.value, '$.sku') IN (SELECT value FROM json_each(@skus)))
  ORDER BY i.id`;

const UNBOOKED_TOPICS_JSON = JSON.stringify(UNBOOKED_ORDER_TOPICS);

export function unbookedOrderPayloads(db: Database.Database, shop: string, skus: readonly string[]): string[] {
  if (skus.length === 0) return [];
  const latest = new Map<string, string>();
  for (const row of prepared(db, UNBOOKED).all({ shop, topics: UNBOOKED_TOPICS_JSON, skus: JSON.stringify(skus) }) as Array<{ resourceKey: string; payload: string }>) latest.set(row.resourceKey, row.payload);
  return [...latest.values()];
}
