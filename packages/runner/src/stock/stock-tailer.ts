import { createHash } from 'node:crypto';
import {
  advanceStockLedger,
  deliveryNotesOf,
  groupStockChanges,
  normalCreation,
  readFrom,
  START_OF_LEDGER,
  resourceKeyOf,
  stockWarehousesOf,
  type StockLedgerRow,
  type SyncSettings,
} from '@shopsync/core';
import type { ErpnextClient } from '@shopsync/erpnext-client';
import type { Logger } from 'pino';
import type { NewDelivery, StockPort } from '../store/store';

export const STOCK_LEDGER_FIELDS = ['name', 'creation', 'item_code', 'warehouse', 'voucher_type', 'voucher_no', 'actual_qty', 'is_cancelled'] as const;

export interface StockTailDeps {
  readonly shop: string;
  readonly erpnext: Pick<ErpnextClient, 'listAll' | 'listDocs'>;
  readonly store: StockPort;
  readonly settings: SyncSettings;
  readonly overlapMs: number;
  readonly pageSize: number;
  /** Delivery Notes become events only when ERPNext is the fulfillment authority and the flow is not off. */
  readonly deliveryNotes: boolean;
  readonly now: () => Date;
  readonly logger: Pick<Logger, 'info' | 'debug'>;
}

export interface StockTailResult {
  readonly read: number;
  readonly fresh: number;
  readonly events: number;
}

function internalEvent(shop: string, topic: string, webhookId: string, payload: unknown): NewDelivery {
  const text = JSON.stringify(payload);
  return {
    shop,
    webhookId,
    topic,
    eventId: null,
    triggeredAt: null,
    apiVersion: null,
    resourceKey: resourceKeyOf(shop, topic, payload),
    payload: text,
    payloadHash: createHash('sha256').update(text).digest('hex'),
  };
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
  const from = readFrom(cursor, deps.overlapMs);
  const rows = await deps.erpnext.listAll<StockLedgerRow & Record<string, unknown>>('Stock Ledger Entry', {
    fields: [...STOCK_LEDGER_FIELDS],
    filters: from === null ? [] : [['creation', '>=', from]],
    orderBy: 'creation asc, name asc',
    limitPageLength: deps.pageSize,
  });
  const advanced = advanceStockLedger(cursor, rows, deps.overlapMs);
  const events: NewDelivery[] = groupStockChanges(advanced.fresh, stockWarehousesOf(deps.settings), deps.settings.unsoldWarehouses).map((payload) =>
    internalEvent(deps.shop, 'stock/changed', `sle:${payload.entries[0]}:${payload.entries.length}`, payload),
  );
  if (deps.deliveryNotes) {
    const notes = deliveryNotesOf(advanced.fresh);
    for (const name of notes.submitted) events.push(internalEvent(deps.shop, 'delivery_notes/submitted', `dn:${name}`, { name }));
    for (const name of notes.cancelled) events.push(internalEvent(deps.shop, 'delivery_notes/cancelled', `dn-cancelled:${name}`, { name }));
  }
  if (advanced.fresh.length === 0 && advanced.cursor.creation === cursor.creation && advanced.cursor.seen.length === cursor.seen.length) {
    return { read: rows.length, fresh: 0, events: 0 };
  }
  await deps.store.enqueueStockRead(deps.shop, events, advanced.cursor, deps.now());
  if (events.length > 0) deps.logger.info({ shop: deps.shop, entries: advanced.fresh.length, events: events.length, cursor: advanced.cursor.creation }, 'stock.ledger_read');
  return { read: rows.length, fresh: advanced.fresh.length, events: events.length };
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
  return { read: window.length, fresh: 0, events: 0 };
}
