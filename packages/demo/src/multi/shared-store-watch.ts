import { normalCreation, type StockLedgerCursor } from '@shopsync/core';
import { failureKey, syncLogStatus, type Store } from '@shopsync/runner';
import type { ErpnextSimulator, ShopifySimulator } from '@shopsync/simulators';

const ALL = 1_000_000;
/** The Sync Failure status a runner state ends in when no operator's word is pending (frappe_app/shopsync/failure_entries.py). */
const DESK_STATUS: Readonly<Record<string, string>> = { open: 'Open', retrying: 'Retrying', resolved: 'Resolved', ignored: 'Ignored' };
const POLL_MS = 100;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it holds or `timeoutMs` passes; false on the timeout. */
export async function waitUntil(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() >= deadline) return false;
    await sleep(POLL_MS);
  }
}

/** Every entry is behind the cursor or among the names it has read (core's advanceStockLedger). */
function covers(cursor: StockLedgerCursor, entries: ReadonlyArray<{ name: string; creation: string }>): boolean {
  if (cursor.creation === null) return entries.length === 0;
  const seen = new Set(cursor.seen.map((entry) => entry.name));
  return entries.every((entry) => normalCreation(entry.creation) < cursor.creation! || seen.has(entry.name));
}

/**
 * What the in-process demo asks of its one runner object (tailStock, drained, mirror), asked instead of
 * the shared PostgreSQL store every runner process writes, while each runner's own schedules do the
 * work: the Stock Ledger tail has read what ERPNext holds when the store's cursor covers every entry
 * (and every Bin version) in the ERPNext simulator; the inbox is drained when the store counts nothing
 * pending or claimed; the Sync Log is mirrored when ERPNext holds one row per stored event, with the
 * event's status. A wait that times out is recorded in `problems` (the run then fails) instead of
 * hanging the demo.
 */
export class SharedStoreWatch {
  readonly problems: string[] = [];

  constructor(
    private readonly parts: { readonly store: Store; readonly erp: ErpnextSimulator; readonly shopify: ShopifySimulator; readonly shop: string },
    private readonly timeoutMs: number,
  ) {}

  /** The tail's cursors (the ledger's, and the Bins' beside it: stock/stock-tailer.ts binCursorKey) cover ERPNext's ledger and Bins. */
  async tailCaughtUp(): Promise<boolean> {
    const { store, erp, shop } = this.parts;
    const ledger = erp.docs('Stock Ledger Entry').map((row) => ({ name: String(row.name), creation: String(row.creation) }));
    const bins = erp.docs('Bin').map((bin) => ({ name: `${String(bin.name)}@${normalCreation(String(bin.modified))}`, creation: String(bin.modified) }));
    return covers(await store.stockCursor(shop), ledger) && covers(await store.stockCursor(`${shop}#bins`), bins);
  }

  async drained(): Promise<boolean> {
    return (await this.parts.store.counts()).unfinished === 0;
  }

  /** Stored events whose Sync Log row in ERPNext is missing or holds another status. */
  async syncLogsBehind(): Promise<string[]> {
    const logs = new Map(this.parts.erp.docs('Sync Log').map((row) => [String(row.event_id), String(row.status)]));
    return (await this.parts.store.listEvents({ limit: ALL }))
      .filter((event) => logs.get(`${event.shop}/${event.webhookId}`.slice(0, 140)) !== syncLogStatus(event))
      .map((event) => `event ${event.id} ${event.topic} is ${syncLogStatus(event)}, its Sync Log ${logs.get(`${event.shop}/${event.webhookId}`.slice(0, 140)) ?? 'missing'}`);
  }

  /**
   * Failures whose Sync Failure row in ERPNext is missing (while open or retrying: one resolved before its
   * first mirror is never inserted) or shows another state than the store's.
   */
  async syncFailuresBehind(): Promise<string[]> {
    const rows = new Map(this.parts.erp.docs('Sync Failure').map((row) => [String(row.failure_key), String(row.status)]));
    return (await this.parts.store.failures({}))
      .filter((failure) => {
        const row = rows.get(failureKey(failure));
        return row === undefined ? failure.status === 'open' || failure.status === 'retrying' : row !== DESK_STATUS[failure.status];
      })
      .map((failure) => `failure ${failure.id} ${failure.code} is ${failure.status}, its Sync Failure ${rows.get(failureKey(failure)) ?? 'missing'}`);
  }

  /**
   * Stock Ledger entries (and Bin versions) that more than one stock/changed event carries: each read of
   * the ledger must be taken once, whichever runner's tail read it (stock/stock-tailer.ts).
   */
  async entriesTakenTwice(): Promise<string[]> {
    const events = await this.parts.store.listEvents({ topic: 'stock/changed', limit: ALL });
    const takenBy = new Map<string, number>();
    for (const event of events) {
      const payload = JSON.parse((await this.parts.store.getEvent(event.id))?.payload ?? '{}') as { entries?: unknown };
      for (const entry of Array.isArray(payload.entries) ? payload.entries : []) takenBy.set(String(entry), (takenBy.get(String(entry)) ?? 0) + 1);
    }
    return [...takenBy].filter(([, count]) => count > 1).map(([entry, count]) => `${entry} in ${count} stock/changed events`);
  }

  async waitFor(label: string, check: () => Promise<boolean>): Promise<boolean> {
    const ok = await waitUntil(check, this.timeoutMs);
    if (!ok) this.problems.push(`${label}: not reached within ${this.timeoutMs / 1000} s`);
    return ok;
  }

  /**
   * The multi-process settleStock: until a round stores nothing new, Shopify's webhooks delivered, the
   * tail caught up with ERPNext and the inbox drained. A push makes Shopify send webhooks and booking an
   * order moves a Bin, so one pass is not enough.
   */
  async settle(rounds = 20): Promise<boolean> {
    const { store, shopify } = this.parts;
    for (let round = 0; round < rounds; round += 1) {
      const before = (await store.counts()).deliveries;
      await shopify.webhooks.drain();
      if (!(await this.waitFor('the Stock Ledger tail catching up with ERPNext', () => this.tailCaughtUp()))) return false;
      if (!(await this.waitFor('the inbox draining', () => this.drained()))) return false;
      await shopify.webhooks.drain();
      if (!(await this.waitFor('the inbox draining', () => this.drained()))) return false;
      if ((await store.counts()).deliveries === before && (await this.tailCaughtUp())) return true;
    }
    this.problems.push(`work still flowing after ${rounds} settle rounds`);
    return false;
  }

  /** Every stored event in ERPNext's Sync Log, every failure in its Sync Failure, each with its state (the runners' mirror schedules, not a call from here). */
  async mirrored(): Promise<boolean> {
    const logs = await this.waitFor('every stored event in ERPNext\'s Sync Log with its status', async () => (await this.syncLogsBehind()).length === 0);
    return (await this.waitFor('every failure in ERPNext\'s Sync Failure with its state', async () => (await this.syncFailuresBehind()).length === 0)) && logs;
  }
}
