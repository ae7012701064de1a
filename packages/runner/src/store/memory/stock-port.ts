import { UNBOOKED_ORDER_TOPICS } from '@shopsync/core';
import type { StockPort } from '../ports/stock-port';
import { accept } from './inbox-port';
import { iso, type MemoryState } from './memory-state';

const ECHO_LEDGER_KEPT_MS = 24 * 60 * 60 * 1000;
const UNBOOKED_TOPICS: ReadonlySet<string> = new Set(UNBOOKED_ORDER_TOPICS);
const OPEN = new Set(['pending', 'claimed', 'failed']);

/** Whether the order payload has a line of one of these SKUs (the SQL reads it with json_each). */
function hasLineOf(payload: string, skus: ReadonlySet<string>): boolean {
  try {
    const lines = (JSON.parse(payload) as { line_items?: Array<{ sku?: unknown }> }).line_items;
    return Array.isArray(lines) && lines.some((line) => typeof line.sku === 'string' && skus.has(line.sku));
  } catch {
    return false;
  }
}

/** sql/stock-state.ts, over the shared rows. */
export function memoryStockPort(state: MemoryState): StockPort {
  return {
    stockCursor: async (shop) => state.stockCursors.get(shop) ?? { creation: null, seen: [] },
    enqueueStockRead: async (shop, events, cursor, now) => {
      const accepted = events.map((event) => accept(state, event, iso(now)));
      state.stockCursors.set(shop, cursor);
      return accepted;
    },
    recordStockPushes: async (shop, pushes, _inboxId, now) => {
      for (const push of pushes) state.stockPushes.push({ shop, ...push, at: iso(now) });
      const cutoff = new Date(now.getTime() - ECHO_LEDGER_KEPT_MS).toISOString();
      const kept = state.stockPushes.filter((push) => push.at >= cutoff);
      state.stockPushes.splice(0, state.stockPushes.length, ...kept);
    },
    recentStockPushes: async (shop, inventoryItemId, locationId, since) =>
      state.stockPushes
        .filter((push) => push.shop === shop && push.inventoryItemId === inventoryItemId && push.locationId === locationId && push.at >= iso(since))
        .reverse()
        .map((push) => ({ quantity: push.quantity, at: push.at })),
    unbookedOrderPayloads: async (shop, skus) => {
      const wanted = new Set(skus);
      const latest = new Map<string, string>();
      for (const event of [...state.events.values()].sort((a, b) => a.id - b.id)) {
        if (event.shop !== shop || !UNBOOKED_TOPICS.has(event.topic) || !OPEN.has(event.status) || state.versions.has(event.resourceKey)) continue;
        if ([...state.operations.values()].some((op) => op.resourceKey === event.resourceKey && op.doctype === 'Sales Order')) continue;
        if (!hasLineOf(event.payload, wanted)) continue;
        latest.set(event.resourceKey, event.payload);
      }
      return [...latest.values()];
    },
  };
}
