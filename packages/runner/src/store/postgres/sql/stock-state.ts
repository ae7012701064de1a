import type { StockLedgerCursor } from '@shopsync/core';
import type { AcceptedDelivery, NewDelivery } from '../../ports/inbox-port';
import type { StockPushRecord } from '../../ports/stock-port';
import { acceptOne } from './accept-delivery';
import { one, rows, run, type Db } from './query';

const ECHO_LEDGER_KEPT_MS = 24 * 60 * 60 * 1000;

export async function stockCursor(db: Db, shop: string): Promise<StockLedgerCursor> {
  const row = await one<{ creation: string | null; seen: string }>(db, 'SELECT creation, seen FROM stock_cursor WHERE shop = $1', [shop]);
  return row === undefined ? { creation: null, seen: [] } : { creation: row.creation, seen: JSON.parse(row.seen) as StockLedgerCursor['seen'] };
}

const SAVE_CURSOR = `INSERT INTO stock_cursor (shop, creation, seen, updated_at) VALUES ($1, $2, $3, $4)
  ON CONFLICT (shop) DO UPDATE SET creation = EXCLUDED.creation, seen = EXCLUDED.seen, updated_at = EXCLUDED.updated_at`;

/** Inside the caller's transaction: the events of one ledger read and the cursor after it commit together. */
export async function enqueueStockRead(db: Db, shop: string, events: readonly NewDelivery[], cursor: StockLedgerCursor, nowIso: string): Promise<AcceptedDelivery[]> {
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
 */
const UNBOOKED = `SELECT i.resource_key AS "resourceKey", i.payload FROM inbox i
  WHERE i.shop = $1 AND i.topic IN ('orders/create', 'orders/updated', 'orders/paid') AND i.status IN ('pending', 'claimed', 'failed')
  AND NOT EXISTS (SELECT 1 FROM resource_versions v WHERE v.resource_key = i.resource_key)
  AND NOT EXISTS (SELECT 1 FROM operations o WHERE o.resource_key = i.resource_key AND o.doctype = 'Sales Order')
  AND EXISTS (SELECT 1 FROM jsonb_path_query(shopsync_try_jsonb(i.payload), 'lax $.line_items[*].sku') sku
    WHERE jsonb_typeof(sku) = 'string' AND sku #>> '{}' = ANY($2::text[]))
  ORDER BY i.id`;

export async function unbookedOrderPayloads(db: Db, shop: string, skus: readonly string[]): Promise<string[]> {
  if (skus.length === 0) return [];
  const latest = new Map<string, string>();
  for (const row of await rows<{ resourceKey: string; payload: string }>(db, UNBOOKED, [shop, skus])) latest.set(row.resourceKey, row.payload);
  return [...latest.values()];
}
