import type Database from 'better-sqlite3';
import type { StockPort } from '../ports/stock-port';
import { enqueueStockRead, recentStockPushes, recordStockPushes, stockCursor, unbookedOrderPayloads } from '../sql/stock-state';
import { iso } from './sqlite-connection';

export function sqliteStockPort(db: Database.Database): StockPort {
  return {
    stockCursor: async (shop) => stockCursor(db, shop),
    enqueueStockRead: async (shop, events, cursor, now) => enqueueStockRead(db, shop, events, cursor, iso(now)),
    recordStockPushes: async (shop, pushes, inboxId, now) => recordStockPushes(db, shop, pushes, inboxId, iso(now)),
    recentStockPushes: async (shop, inventoryItemId, locationId, since) => recentStockPushes(db, shop, inventoryItemId, locationId, iso(since)),
    unbookedOrderPayloads: async (shop, skus) => unbookedOrderPayloads(db, shop, skus),
  };
}
