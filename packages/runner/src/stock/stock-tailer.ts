import {
  advanceStockLedger,
  deliveryNotesOf,
  groupStockChanges,
  normalCreation,
  readFrom,
  START_OF_LEDGER,
  stockWarehousesOf,
  type StockLedgerRow,
  type SyncSettings,
} from '@shopsync/core';
import type { ErpnextClient } from '@shopsync/erpnext-client';
import type { Logger } from 'pino';
import { syntheticDelivery } from '../admin-read/inbox-deliveries';
import type { NewDelivery, StockPort } from '../store/store';

export const STOCK_LEDGER_FIELDS = ['name', 'creation', 'item_code', 'warehouse', 'voucher_type', 'voucher_no', 'actual_qty', 'is_cancelled'] as const;

export const BIN_FIELDS = ['name', 'modified', 'item_code', 'warehouse'] as const;

/** The Bins' own cursor, beside the ledger's: a reservation moves a Bin without a ledger entry. */
export const binCursorKey = (shop: string): string => `${shop}#bins`;

export interface StockTailDeps {
  readonly shop: string;
  readonly erpnext: Pick<ErpnextClient, 'listAll' | 'listDocs'>;
  readonly store: StockPort;
  readonly settings: SyncSettings;
  readonly overlapMs: number;
  readonly pageSize: number;
  /** Delivery Notes become events only when ERPNext is the fulfillment authority and the flow is not off. */
  readonly deliveryNotes: boolean;
  /**
   * Re-read the overlap window this time. Every read starts at the cursor (entries at its instant
   * again, dropped as seen); the window before it is re-read only now and then, for the rare entry a
   * long transaction commits late, so a busy ledger is not read many times over.
   */
  readonly rescan: boolean;
  readonly now: () => Date;
  readonly logger: Pick<Logger, 'info' | 'debug'>;
}

export interface StockTailResult {
  readonly read: number;
  readonly fresh: number;
  readonly events: number;
}


/**
 * One read of ERPNext's Stock Ledger (append-only: a cancellation adds entries) from the cursor minus
 * the overlap window: the entries not taken before become one `stock/changed` event per location (its
 * items pushed together), and each Delivery Note seen one `delivery_notes/*` event; the events and the
 * new cursor are committed together. Each event's id names its first ledger entry, so a read that
 * commits twice stores it once.
 */
export async function tailStockLedger(deps: StockTailDeps): Promise<StockTailResult> {
  const cursor = await deps.store.stockCursor(deps.shop);
  if (cursor.creation === null) return startAtLedgerEnd(deps);
  const from = readFrom(cursor, deps.rescan ? deps.overlapMs : 0);
  const rows = await deps.erpnext.listAll<StockLedgerRow & Record<string, unknown>>('Stock Ledger Entry', {
    fields: [...STOCK_LEDGER_FIELDS],
    filters: from === null ? [] : [['creation', '>=', from]],
    orderBy: 'creation asc, name asc',
    limitPageLength: deps.pageSize,
  });
  const advanced = advanceStockLedger(cursor, rows, deps.overlapMs);
  const events: NewDelivery[] = groupStockChanges(advanced.fresh, stockWarehousesOf(deps.settings), deps.settings.unsoldWarehouses).map((payload) =>
    syntheticDelivery(deps.shop, 'stock/changed', `sle:${payload.entries[0]}:${payload.entries.length}`, payload, null),
  );
  if (deps.deliveryNotes) {
    const notes = deliveryNotesOf(advanced.fresh);
    for (const name of notes.submitted) events.push(syntheticDelivery(deps.shop, 'delivery_notes/submitted', `dn:${name}`, { name }, null));
    for (const name of notes.cancelled) events.push(syntheticDelivery(deps.shop, 'delivery_notes/cancelled', `dn-cancelled:${name}`, { name }, null));
  }
  const unchanged = advanced.fresh.length === 0 && advanced.cursor.creation === cursor.creation && advanced.cursor.seen.length === cursor.seen.length;
  const taken = unchanged ? [] : await deps.store.enqueueStockRead(deps.shop, events, advanced.cursor, deps.now());
  // A store several runners share drops a read whose cursor another runner's read moved first (nothing taken).
  const stored = taken.length > 0 ? events.length : 0;
  if (stored > 0) deps.logger.info({ shop: deps.shop, entries: advanced.fresh.length, events: stored, cursor: advanced.cursor.creation }, 'stock.ledger_read');
  const bins = await tailBins(deps, new Set(advanced.fresh.map((row) => `${row.item_code}\n${row.warehouse}`)));
  return { read: rows.length + bins.read, fresh: advanced.fresh.length + bins.fresh, events: stored + bins.events };
}

/**
 * Bins changed without a ledger entry: a Sales Order made in ERPNext reserves stock (reserved_qty)
 * and writes no Stock Ledger Entry, yet the formula moves. Bins are read by `modified` with their own
 * cursor; a Bin whose item and warehouse the ledger read already covered needs no second event.
 */
async function tailBins(deps: StockTailDeps, covered: ReadonlySet<string>): Promise<StockTailResult> {
  const key = binCursorKey(deps.shop);
  const cursor = await deps.store.stockCursor(key);
  const from = readFrom(cursor, deps.rescan ? deps.overlapMs : 0);
  const bins = await deps.erpnext.listAll<{ name: string; modified: string; item_code: string; warehouse: string }>('Bin', {
    fields: [...BIN_FIELDS],
    filters: from === null ? [] : [['modified', '>=', from]],
    orderBy: 'modified asc, name asc',
    limitPageLength: deps.pageSize,
  });
  // A Bin is one row that changes: each of its versions is an entry of its own (name@modified).
  const rows: StockLedgerRow[] = bins.map((bin) => ({ name: `${bin.name}@${normalCreation(bin.modified)}`, creation: bin.modified, item_code: bin.item_code, warehouse: bin.warehouse, voucher_type: 'Bin', voucher_no: bin.name, actual_qty: 0, is_cancelled: 0 }));
  // The first read only places the cursor: the Bins as they stand are reconciliation's.
  const advanced = advanceStockLedger(cursor, rows, deps.overlapMs);
  const fresh = cursor.creation === null ? [] : advanced.fresh.filter((row) => !covered.has(`${row.item_code}\n${row.warehouse}`));
  const events = groupStockChanges(fresh, stockWarehousesOf(deps.settings), deps.settings.unsoldWarehouses).map((payload) =>
    syntheticDelivery(deps.shop, 'stock/changed', `bin:${payload.entries[0]}:${payload.entries.length}`, payload, null),
  );
  if (advanced.fresh.length > 0 || advanced.cursor.creation !== cursor.creation) await deps.store.enqueueStockRead(key, events, advanced.cursor, deps.now());
  return { read: bins.length, fresh: fresh.length, events: events.length };
}

/**
 * The first read of a shop starts where the ledger ends now: years of history are not replayed as
 * pushes. Stock that already differs then is reconciliation's to find (`shopsync reconcile`).
 */
async function startAtLedgerEnd(deps: StockTailDeps): Promise<StockTailResult> {
  const [newest] = await deps.erpnext.listDocs<StockLedgerRow & Record<string, unknown>>('Stock Ledger Entry', {
    fields: [...STOCK_LEDGER_FIELDS],
    orderBy: 'creation desc, name desc',
    limitPageLength: 1,
  });
  // The entries inside the overlap window count as read, so the next read does not replay them either.
  const window =
    newest === undefined
      ? []
      : await deps.erpnext.listAll<StockLedgerRow & Record<string, unknown>>('Stock Ledger Entry', {
          fields: [...STOCK_LEDGER_FIELDS],
          filters: [['creation', '>=', readFrom({ creation: normalCreation(newest.creation), seen: [] }, deps.overlapMs)]],
          orderBy: 'creation asc, name asc',
          limitPageLength: deps.pageSize,
        });
  const cursor = newest === undefined ? { creation: '1970-01-01 00:00:00.000000', seen: [] } : advanceStockLedger(START_OF_LEDGER, [...window, newest], deps.overlapMs).cursor;
  await deps.store.enqueueStockRead(deps.shop, [], cursor, deps.now());
  deps.logger.info({ shop: deps.shop, cursor: cursor.creation, inWindow: window.length }, 'stock.ledger_tail_started');
  const bins = await tailBins(deps, new Set());
  return { read: window.length + bins.read, fresh: 0, events: 0 };
}
