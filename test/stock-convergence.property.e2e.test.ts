import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { isSyncError } from '@shopsync/core';
import type { Store } from '@shopsync/runner';
import { startStockPropertyRig, WAREHOUSES, type StockPropertyRig, type WarehouseName } from './support/stock-property-rig';
import { useTempDir } from './support/temp-dir';

/**
 * Issue 13: for any interleaving of ERPNext stock events, pushes, lost responses, duplicate and
 * reordered inventory_levels/update deliveries and runner restarts, after quiescence Shopify's
 * available per location equals the formula over ERPNext's Bins (max(0, floor(actual_qty -
 * reserved_qty)), summed over the location's warehouses) and no echo was applied.
 *
 * Real simulators over loopback HTTP, the real runner (workers on, SQLite in a temp dir). Shopify
 * holds every webhook delivery (each sent twice) until a `deliver` step lets chosen ones go, in the
 * order chosen; a proxy in front of Shopify's Admin API can lose a mutation's response after Shopify
 * applied it; the ERPNext simulator can drop or refuse the runner's next Stock Ledger or Bin read.
 * No change is made in Shopify by hand, so every inventory_levels/update is shopsync's own echo.
 *
 * STOCK_PROPERTY_SEED=n runs another seed; STOCK_PROPERTY_SHRINK=1 shrinks a counterexample (slow).
 * Checked to fail when the echo ledger is not written (recordStockPushes a no-op: drift is parked)
 * and when the tail loses every other read's events (Shopify keeps stale levels).
 */

const RUNS = 12;
const COMPANY = 'Shopsync Demo';
/** Few SKUs, so steps collide on the same levels; SKU-1010 starts with no stock. */
const SKUS = ['SKU-1001', 'SKU-1002', 'SKU-1010'] as const;
const WAREHOUSE_LIST = Object.values(WAREHOUSES);

type Step =
  | { readonly kind: 'receive'; readonly sku: string; readonly warehouse: WarehouseName; readonly qty: number }
  | { readonly kind: 'issue'; readonly sku: string; readonly warehouse: WarehouseName; readonly qty: number }
  | { readonly kind: 'transfer'; readonly sku: string; readonly from: WarehouseName; readonly to: WarehouseName; readonly qty: number }
  | { readonly kind: 'reconcile'; readonly sku: string; readonly warehouse: WarehouseName; readonly qty: number }
  | { readonly kind: 'cancel'; readonly pick: number }
  /** One read of the Stock Ledger; with `wait`, until the pushes it queued (and everything else) settled. */
  | { readonly kind: 'tail'; readonly wait: boolean }
  | { readonly kind: 'deliver'; readonly picks: readonly number[] }
  | { readonly kind: 'settle' }
  | { readonly kind: 'restart' }
  | { readonly kind: 'loseResponses'; readonly count: number }
  | { readonly kind: 'erpnextFault'; readonly doctype: 'Stock Ledger Entry' | 'Bin'; readonly how: 'drop' | '503' };

const sku = fc.constantFrom(...SKUS);
const warehouse = fc.constantFrom(...WAREHOUSE_LIST);
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('receive' as const), sku, warehouse, qty: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('issue' as const), sku, warehouse, qty: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('transfer' as const), sku, from: warehouse, to: warehouse, qty: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('reconcile' as const), sku, warehouse, qty: fc.integer({ min: 0, max: 60 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('tail' as const), wait: fc.boolean() }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('deliver' as const), picks: fc.array(fc.nat(), { minLength: 1, maxLength: 8 }) }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'settle' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'restart' as const }) },
  // 1–2 lost responses are replayed by the client under the same idempotency key; 6 outlast its 5 retries,
  // so the event itself fails and is retried by the worker with a fresh read.
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('loseResponses' as const), count: fc.constantFrom(1, 2, 6) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('erpnextFault' as const), doctype: fc.constantFrom('Stock Ledger Entry' as const, 'Bin' as const), how: fc.constantFrom('drop' as const, '503' as const) }) },
);
const scenarioArb = fc.record({
  steps: fc.array(stepArb, { minLength: 15, maxLength: 45 }),
  reorderWindow: fc.integer({ min: 1, max: 4 }),
});

interface Tally {
  stockWrites: number;
  refusedWrites: number;
  released: number;
  restarts: number;
  erpnextFaults: number;
}

/** What ERPNext's site holds in a warehouse now, read from the simulator (not over HTTP, so no injected fault is spent on it). */
function actualQty(rig: StockPropertyRig, item: string, where: string): number {
  const bin = rig.erp.docs('Bin').find((row) => row.item_code === item && row.warehouse === where);
  return bin === undefined ? 0 : Number(bin.actual_qty);
}

/** ERPNext refused the voucher (negative stock, a reconciliation to what is already there): nothing moved. */
const refused = (error: unknown): boolean => isSyncError(error) && error.code.startsWith('erpnext.validation');

/** A Stock Entry or Stock Reconciliation ERPNext refused changes nothing; any other error is the test's own fault. */
async function write(tally: Tally, submitted: string[], doctype: string, doc: Record<string, unknown>, rig: StockPropertyRig): Promise<void> {
  try {
    const saved = await rig.erpnext.insertDoc(doctype, { ...doc, docstatus: 1 });
    submitted.push(`${doctype}\n${String(saved.name)}`);
    tally.stockWrites += 1;
  } catch (error) {
    if (!refused(error)) throw error;
    tally.refusedWrites += 1;
  }
}

async function run(rig: StockPropertyRig, step: Step, tally: Tally, submitted: string[]): Promise<void> {
  switch (step.kind) {
    case 'receive':
      return write(tally, submitted, 'Stock Entry', { stock_entry_type: 'Material Receipt', company: COMPANY, items: [{ item_code: step.sku, qty: step.qty, t_warehouse: step.warehouse, basic_rate: 10 }] }, rig);
    case 'issue': {
      const qty = Math.min(step.qty, actualQty(rig, step.sku, step.warehouse));
      if (qty <= 0) return;
      return write(tally, submitted, 'Stock Entry', { stock_entry_type: 'Material Issue', company: COMPANY, items: [{ item_code: step.sku, qty, s_warehouse: step.warehouse }] }, rig);
    }
    case 'transfer': {
      const qty = Math.min(step.qty, actualQty(rig, step.sku, step.from));
      if (qty <= 0 || step.from === step.to) return;
      return write(tally, submitted, 'Stock Entry', { stock_entry_type: 'Material Transfer', company: COMPANY, items: [{ item_code: step.sku, qty, s_warehouse: step.from, t_warehouse: step.to }] }, rig);
    }
    case 'reconcile':
      return write(tally, submitted, 'Stock Reconciliation', { company: COMPANY, purpose: 'Stock Reconciliation', items: [{ item_code: step.sku, warehouse: step.warehouse, qty: step.qty, valuation_rate: 10 }] }, rig);
    case 'cancel': {
      if (submitted.length === 0) return;
      const [doctype, name] = submitted.splice(step.pick % submitted.length, 1)[0]!.split('\n') as [string, string];
      try {
        await rig.erpnext.cancelDoc(doctype, name);
        tally.stockWrites += 1;
      } catch (error) {
        // Cancelling would take stock below zero: ERPNext refuses, nothing moved.
        if (!refused(error)) throw error;
        tally.refusedWrites += 1;
      }
      return;
    }
    case 'tail':
      await rig.runner().tailStock();
      if (step.wait) await rig.runner().drained();
      return;
    case 'deliver':
      tally.released += await rig.deliver(step.picks);
      return;
    case 'settle':
      await rig.runner().drained();
      return;
    case 'restart':
      tally.restarts += 1;
      await rig.restart();
      return;
    case 'loseResponses':
      rig.loseMutationResponses(step.count);
      return;
    case 'erpnextFault': {
      tally.erpnextFaults += 1;
      const path = new RegExp(`/api/resource/${step.doctype}(\\?|$)`);
      rig.erp.faults.inject(step.how === 'drop' ? { kind: 'commit-then-drop', method: 'GET', path, times: 1 } : { kind: 'status', status: 503, method: 'GET', path, times: 1 });
      return;
    }
  }
}

/** Shopify's available and ERPNext's formula for every catalogue SKU at every mapped location; only the differing ones. */
async function differences(rig: StockPropertyRig): Promise<string[]> {
  const bins = await rig.erpnext.listAll<{ item_code: string; warehouse: string; actual_qty: number; reserved_qty: number }>('Bin', {
    fields: ['item_code', 'warehouse', 'actual_qty', 'reserved_qty'],
    filters: [['warehouse', 'in', [...WAREHOUSE_LIST]]],
  });
  const out: string[] = [];
  for (const item of rig.shopify.shop.inventory.items.values()) {
    for (const [locationId, warehouses] of Object.entries(rig.stockWarehouses)) {
      const mine = bins.filter((bin) => bin.item_code === item.sku && warehouses.includes(bin.warehouse as WarehouseName));
      const expected = Math.max(0, Math.floor(mine.reduce((sum, bin) => sum + Number(bin.actual_qty) - Number(bin.reserved_qty), 0)));
      const available = rig.shopify.driver.getInventory(item.sku, Number(locationId)).available;
      if (available !== expected) out.push(`${item.sku} at location ${locationId}: Shopify ${available}, ERPNext's Bins ${expected}`);
    }
  }
  return out;
}

async function verdicts(store: Store) {
  const levels = await store.listEvents({ topic: 'inventory_levels/update' });
  const pushes = await store.listEvents({ topic: 'stock/changed' });
  const failures = await store.failures({ status: 'open' });
  return { levels, pushes, failures };
}

describe('ERPNext → Shopify stock converges under any interleaving (fast-check, real simulators and runner)', () => {
  const dir = useTempDir('shopsync-stock-property-');
  let attempts = 0;
  const totals = { runs: 0, stockWrites: 0, pushesApplied: 0, echoes: 0, released: 0, restarts: 0, lost: 0, erpnextFaultsHit: 0 };

  test('after quiescence Shopify holds the formula over the Bins at every location, and every level update was an echo', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async ({ steps, reorderWindow }) => {
        attempts += 1;
        const runDir = join(dir(), `run-${attempts}`);
        mkdirSync(runDir);
        const rig = await startStockPropertyRig(runDir, { reorderWindow });
        const tally: Tally = { stockWrites: 0, refusedWrites: 0, released: 0, restarts: 0, erpnextFaults: 0 };
        const submitted: string[] = [];
        try {
          for (const step of steps) await run(rig, step, tally, submitted);
          const erpnextFaultsHit = tally.erpnextFaults - rig.erp.faults.pending;
          await rig.quiesce();
          const diff = await differences(rig);
          const { levels, pushes, failures } = await verdicts(rig.store());
          const levelStatuses = levels.map((event) => event.status);
          expect({ diff, failures: failures.map((failure) => `${failure.code}: ${failure.message}`) }).toEqual({ diff: [], failures: [] });
          // No echo applied: shopsync's own pushes come back, and each must be recognised as such.
          expect(levelStatuses.filter((status) => status !== 'echo')).toEqual([]);
          expect(pushes.filter((event) => !['applied', 'skipped'].includes(event.status)).map((event) => `${event.id} ${event.status}`)).toEqual([]);
          totals.runs += 1;
          totals.stockWrites += tally.stockWrites;
          totals.pushesApplied += pushes.filter((event) => event.status === 'applied').length;
          totals.echoes += levels.length;
          totals.released += tally.released;
          totals.restarts += tally.restarts;
          totals.lost += rig.lostResponses();
          totals.erpnextFaultsHit += erpnextFaultsHit;
        } finally {
          await rig.stop();
        }
      }),
      { numRuns: RUNS, seed: Number(process.env.STOCK_PROPERTY_SEED ?? 1313), endOnFailure: process.env.STOCK_PROPERTY_SHRINK === undefined },
    );
    // The property must have exercised what it claims to: stock moved, pushes applied, echoes judged, faults hit.
    expect(totals.runs).toBe(RUNS);
    expect(totals.stockWrites).toBeGreaterThan(20);
    expect(totals.pushesApplied).toBeGreaterThan(10);
    expect(totals.echoes).toBeGreaterThan(10);
    expect(totals.released).toBeGreaterThan(10);
    expect(totals.restarts).toBeGreaterThan(0);
    expect(totals.lost).toBeGreaterThan(0);
    expect(totals.erpnextFaultsHit).toBeGreaterThan(0);
  }, 120_000);
});
