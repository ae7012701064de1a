import { UNBOOKED_ORDER_TOPICS, type StockLedgerCursor } from '@shopsync/core';
import type { AcceptedDelivery, NewDelivery } from '../../ports/inbox-port';
import type { StockPushRecord } from '../../ports/stock-port';
import { acceptOne } from './accept-delivery';
import { one, rows, run, type Db } from './query';

const ECHO_LEDGER_KEPT_MS = 24 * 60 * 60 * 1000;

/** A cursor row as stored (null: none yet), compared as stored when a read commits. */
export type StoredCursor = { readonly creation: string | null; readonly seen: string } | null;

export async function storedCursor(db: Db, shop: string): Promise<StoredCursor> {
  return (await one<{ creation: string | null; seen: string }>(db, 'SELECT creation, seen FROM stock_cursor WHERE shop = $1', [shop])) ?? null;
}

export function cursorOf(row: StoredCursor): StockLedgerCursor {
  return row === null ? { creation: null, seen: [] } : { creation: row.creation, seen: JSON.parse(row.seen) as StockLedgerCursor['seen'] };
}

const SAVE_CURSOR = `INSERT INTO stock_cursor (shop, creation, seen, updated_at) VALUES ($1, $2, $3, $4)
  ON CONFLICT (shop) DO UPDATE SET creation = EXCLUDED.creation, seen = EXCLUDED.seen, updated_at = EXCLUDED.updated_at`;

// pg_advisory_xact_lock(int4, int4): a class of our own ('stkc' in ASCII), then the cursor key within the schema.
const CURSOR_LOCK_CLASS = 0x73746b63;
const LOCK_CURSOR = "SELECT pg_advisory_xact_lock($1::int, hashtext(current_schema() || '/' || $2::text))";

/**
 * Inside the caller's transaction: the events of one ledger read and the cursor after it commit together.
 * With `readAs` (the cursor row the read started from), only if the row is still that: several runners
 * tail one ledger, and two reads from one cursor group the entries differently (each event's id names
 * its first entry and their count), so the second to commit would store them again under other ids and
 * could move the cursor back. The cursor key is locked for the transaction (the row may not exist yet),
 * and a read whose cursor another runner moved meanwhile is dropped whole: null, nothing written; the
 * next read starts from the new cursor.
 */
export async function enqueueStockRead(db: Db, shop: string, events: readonly NewDelivery[], cursor: StockLedgerCursor, nowIso: string, readAs?: StoredCursor): Promise<AcceptedDelivery[] | null> {
  if (readAs !== undefined) {
    await run(db, LOCK_CURSOR, [CURSOR_LOCK_CLASS, shop]);
    const current = await storedCursor(db, shop);
    const moved = current === null || readAs === null ? current !== readAs : current.creation !== readAs.creation || current.seen !== readAs.seen;
    if (moved) return null;
  }
  const accepted: AcceptedDelivery[] = [];
  for (const event of events) accepted.push(await acceptOne(db, event, nowIso));
  await run(db, SAVE_CURSOR, [shop, cursor.creation, JSON.stringify(cursor.seen), nowIso]);
  return accepted;
}

/** Inside the caller's transaction; the ledger keeps a day of pushes. */
export async function recordStockPushes(db: Db, shop: string, pushes: readonly StockPushRecord[], inboxId: number, nowIso: string): Promise<void> {
  for (const push of pushes) {
    await run(db, 'INSERT INTO stock_pushes (shop, inventory_item_id, location_id, quantity, inbox_id, pushed_at) VALUES ($1, $2, $3, $4, $5, $6)', [
      shop,
      push.inventoryItemId,
      push.locationId,
      push.quantity,
      inboxId,
      nowIso,
    ]);
  }
  await run(db, 'DELETE FROM stock_pushes WHERE pushed_at < $1', [new Date(Date.parse(nowIso) - ECHO_LEDGER_KEPT_MS).toISOString()]);
}

export async function recentStockPushes(db: Db, shop: string, inventoryItemId: string, locationId: string, sinceIso: string): Promise<Array<{ quantity: number; at: string }>> {
  return rows<{ quantity: number; at: string }>(
    db,
    'SELECT quantity, pushed_at AS at FROM stock_pushes WHERE shop = $1 AND inventory_item_id = $2 AND location_id = $3 AND pushed_at >= $4 ORDER BY pushed_at DESC, id DESC',
    [shop, inventoryItemId, locationId, sinceIso],
  );
}

/**
 * Order events still open, of orders with no applied version and no Sales Order recorded yet; the
 * newest payload per order (sql/stock-state.ts tells why). The SKUs are read from the payload as
 * jsonb; lax mode reads a line_items that is not an array as one line, as SQLite's json_each does.
 * The topics counted are the registry's (UNBOOKED_ORDER_TOPICS).
 */
const UNBOOKED = `SELECT i.resource_key AS "resourceKey", i.payload FROM inbox i
  WHERE i.shop = $1 AND i.topic = ANY($3::text[]) AND i.status IN ('pending', 'claimed', 'failed')
  AND NOT EXISTS (SELECT 1 FROM resource_versions v WHERE v.resource_key = i.resource_key)
  AND NOT EXISTS (SELECT 1 FROM operations o WHERE o.resource_key = i.resource_key AND o.doctype = 'Sales Order')
  AND EXISTS (SELECT 1 FROM jsonb_path_query(shopsync_try_jsonb(i.payload), 'lax $.line_items[*].sku') sku
    WHERE jsonb_typeof(sku) = 'string' AND sku #>> '{}' = ANY($2::text[]))
  ORDER BY i.id`;

export async function unbookedOrderPayloads(db: Db, shop: string, skus: readonly string[]): Promise<string[]> {
  if (skus.length === 0) return [];
  const latest = new Map<string, string>();
  for (const row of await rows<{ resourceKey: string; payload: string }>(db, UNBOOKED, [shop, skus, UNBOOKED_ORDER_TOPICS])) latest.set(row.resourceKey, row.payload);
  return [...latest.values()];
}
