import type { StockPort } from '../ports/stock-port';
import { iso, type PgConnection } from './pg-connection';
import { enqueueStockRead, recentStockPushes, recordStockPushes, stockCursor, unbookedOrderPayloads } from './sql/stock-state';

export function postgresStockPort(conn: PgConnection): StockPort {
  return {
    stockCursor: (shop) => conn.read((db) => stockCursor(db, shop)),
    enqueueStockRead: (shop, events, cursor, now) => conn.tx((db) => enqueueStockRead(db, shop, events, cursor, iso(now))),
    recordStockPushes: (shop, pushes, inboxId, now) => conn.tx((db) => recordStockPushes(db, shop, pushes, inboxId, iso(now))),
    recentStockPushes: (shop, inventoryItemId, locationId, since) => conn.read((db) => recentStockPushes(db, shop, inventoryItemId, locationId, iso(since))),
    unbookedOrderPayloads: (shop, skus) => conn.read((db) => unbookedOrderPayloads(db, shop, skus)),
  };
}
