import type { StockPort } from '../ports/stock-port';
import { iso, type PgConnection } from './pg-connection';
import { cursorOf, enqueueStockRead, recentStockPushes, recordStockPushes, storedCursor, unbookedOrderPayloads, type StoredCursor } from './sql/stock-state';

/**
 * The Stock Ledger tail reads the cursor, reads ERPNext, then commits its events with the new cursor
 * (stock/stock-tailer.ts). The store remembers, per cursor key, the row it last handed out, and commits
 * a read only if the row is still that one (sql/stock-state.ts): of several runners reading from one
 * cursor, the first to commit wins and the others' reads are dropped (an empty result). A commit
 * without a read before it in this store (the store contract, a tool) is not checked.
 */
export function postgresStockPort(conn: PgConnection): StockPort {
  const handedOut = new Map<string, StoredCursor>();
  return {
    stockCursor: (shop) =>
      conn.read(async (db) => {
        const row = await storedCursor(db, shop);
        handedOut.set(shop, row);
        return cursorOf(row);
      }),
    enqueueStockRead: async (shop, events, cursor, now) => {
      const accepted = await conn.tx((db) => enqueueStockRead(db, shop, events, cursor, iso(now), handedOut.get(shop)));
      if (accepted === null) {
        handedOut.delete(shop);
        return [];
      }
      handedOut.set(shop, { creation: cursor.creation, seen: JSON.stringify(cursor.seen) });
      return accepted;
    },
    recordStockPushes: (shop, pushes, inboxId, now) => conn.tx((db) => recordStockPushes(db, shop, pushes, inboxId, iso(now))),
    recentStockPushes: (shop, inventoryItemId, locationId, since) => conn.read((db) => recentStockPushes(db, shop, inventoryItemId, locationId, iso(since))),
    unbookedOrderPayloads: (shop, skus) => conn.read((db) => unbookedOrderPayloads(db, shop, skus)),
  };
}
