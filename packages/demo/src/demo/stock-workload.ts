import type { Doc, ErpnextClient } from '@shopsync/erpnext-client';
import type { Store } from '@shopsync/runner';
import { SEED_SUPPLIER, type ErpnextSimulator, type ShopifySimulator } from '@shopsync/simulators';
import { ledgerOf } from './erpnext-findings';
import { binOf, deliverSalesOrder, materialIssue, materialReceipt, purchaseReceipt, stockCount, type StockSite } from './erpnext-stock';

/** The carrier the warehouse ships with: a Supplier, linked as the Delivery Note's transporter. */
export const DEMO_CARRIER = 'UPS';
export const STOCK_VOUCHER_DOCTYPES = ['Stock Entry', 'Stock Reconciliation', 'Purchase Receipt', 'Delivery Note'] as const;

/** What the demo's stock workload works with; `made` collects every stock voucher the demo itself submitted ("Doctype name"). */
export interface StockWorkload {
  readonly shopify: ShopifySimulator;
  readonly erp: ErpnextSimulator;
  readonly erpnext: ErpnextClient;
  readonly store: Store;
  readonly site: StockSite;
  /** The Shopify location mapped to the site's warehouse (the shop's primary location). */
  readonly locationId: number;
  readonly random: () => number;
  readonly made: Set<string>;
}

const voucher = (doctype: string, doc: Doc): string => `${doctype} ${String(doc.name)}`;

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * The SKUs the stock sync moves: Shopify variants whose SKU is an ERPNext stock Item. The ERPNext
 * simulator also seeds Items no Shopify variant carries (SKU2006-001, SKU2006-020, SKU-ZERO-VALUE):
 * stock moved for them would be parked as mapping.stock_item_unlinked, so the demo leaves them alone.
 */
export function syncedSkus(shopify: ShopifySimulator, erp: ErpnextSimulator): string[] {
  const stockItems = new Set(erp.docs('Item').filter((item) => Number(item.is_stock_item) === 1 && Number(item.disabled ?? 0) !== 1).map((item) => String(item.name)));
  return [...shopify.shop.inventory.items.values()].map((item) => item.sku).filter((sku) => stockItems.has(sku)).sort();
}

/**
 * Before the runner reads the Stock Ledger (its first read starts at the ledger's end): ERPNext is
 * brought to what the shop holds, as an operator does once before turning the stock sync on, and the
 * carrier the warehouse ships with is created. The simulators are seeded apart on one item: SKU-1010
 * has no stock in ERPNext (deliveries of it hit NegativeStockError in other tests) and 100 in Shopify.
 */
export async function alignOpeningStock(w: StockWorkload, skus: readonly string[]): Promise<string[]> {
  await w.erpnext.insertDoc('Supplier', { supplier_name: DEMO_CARRIER, supplier_group: 'Local' });
  const aligned: string[] = [];
  for (const sku of skus) {
    const { actual_qty } = await binOf(w.erpnext, sku, w.site.warehouse);
    const shopify = w.shopify.driver.getInventory(sku, w.locationId).available;
    if (actual_qty === shopify) continue;
    const doc = actual_qty < shopify ? await materialReceipt(w.erpnext, w.site, sku, shopify - actual_qty) : await materialIssue(w.erpnext, w.site, sku, actual_qty - shopify);
    aligned.push(`${sku}: ${actual_qty} → ${shopify} (${voucher('Stock Entry', doc)})`);
  }
  return aligned;
}

/**
 * What the warehouse does in ERPNext while the shop sells, one step at a time (the demo runs them
 * between waves of orders): goods received on two Purchase Receipts (one of two items) and two
 * Material Receipts, and one shelf counted (a Stock Reconciliation finding three units fewer than the
 * books), on SKUs drawn from the seed. Each step returns the voucher it submitted.
 */
export function plannedStockMoves(w: StockWorkload, skus: readonly string[]): Array<() => Promise<string>> {
  const [a, b, c, d, e] = shuffled(skus, w.random).concat(shuffled(skus, w.random)) as [string, string, string, string, string];
  const qty = () => 10 + Math.floor(w.random() * 21);
  const [qa, qb, qd, qa2, qe] = [qty(), qty(), qty(), qty(), qty()];
  const step = (doctype: string, submit: () => Promise<Doc>) => async (): Promise<string> => {
    const name = voucher(doctype, await submit());
    w.made.add(name);
    return name;
  };
  return [
    step('Purchase Receipt', () => purchaseReceipt(w.erpnext, w.site, SEED_SUPPLIER, [{ itemCode: a, qty: qa, rate: 12 }])),
    step('Stock Entry', () => materialReceipt(w.erpnext, w.site, b, qb)),
    step('Stock Reconciliation', async () => stockCount(w.erpnext, w.site, c, Math.max(0, (await binOf(w.erpnext, c, w.site.warehouse)).actual_qty - 3))),
    step('Purchase Receipt', () => purchaseReceipt(w.erpnext, w.site, SEED_SUPPLIER, [{ itemCode: d, qty: qd, rate: 9 }, { itemCode: a, qty: qa2, rate: 12 }])),
    step('Stock Entry', () => materialReceipt(w.erpnext, w.site, e, qe)),
  ];
}

/**
 * The warehouse ships a share of the booked, paid orders from ERPNext: a Delivery Note made from the
 * Sales Order (make_delivery_note), carrier and tracking number filled in, submitted. The first one
 * with a row of two units or more ships a unit less (a partial shipment; `state` counts across waves). Only
 * orders in `among` (Shopify ids) are looked at; orders edited, refunded or cancelled in Shopify are
 * left alone. Returns the notes made.
 */
export async function shipBookedOrders(w: StockWorkload, rate: number, among: ReadonlySet<number>, state: { shipped: number; partial: number }): Promise<string[]> {
  const orders = w.shopify.shop.orders.byId;
  const eligible = ledgerOf(w.erp)
    .salesOrders.filter((doc) => doc.docstatus === 1 && among.has(Number(doc.shopify_order_id)))
    .map((doc) => ({ name: String(doc.name), order: orders.get(Number(doc.shopify_order_id)) }))
    .filter(({ order }) => order !== undefined && order.cancelledAt === null && order.financialStatus === 'paid' && order.refunds.length === 0 && order.edits.length === 0 && order.fulfillmentStatus === null)
    .sort((x, y) => x.order!.id - y.order!.id);
  const notes: string[] = [];
  for (const { name } of eligible) {
    if (w.random() >= rate) continue;
    const trackingNumber = `1ZSHOPSYNC${String(state.shipped + 1).padStart(8, '0')}`;
    const note = await deliverSalesOrder(w.erpnext, name, { transporter: DEMO_CARRIER, trackingNumber }, (rows) => {
      if (state.partial > 0) return rows;
      const row = rows.findIndex((r) => Number(r.qty) >= 2);
      if (row < 0) return rows;
      state.partial += 1;
      return rows.map((r, i) => (i === row ? { ...r, qty: Number(r.qty) - 1 } : r));
    });
    if (note === null) continue;
    w.made.add(voucher('Delivery Note', note));
    notes.push(String(note.name));
    state.shipped += 1;
  }
  return notes;
}

/**
 * A merchant edits "Available" in Shopify's admin for `count` distinct SKUs: a few units fewer (found
 * damaged), or more when the shelf is nearly empty. The number set is never one shopsync pushed within
 * the echo window, which would make it indistinguishable from that push's echo. Returns what changed.
 */
export async function changeStockInShopify(w: StockWorkload, skus: readonly string[], count: number, echoWindowMs: number): Promise<Array<{ sku: string; from: number; to: number }>> {
  const since = new Date(Date.now() - echoWindowMs);
  // Items with a drift failure still open (an order Shopify never told shopsync about) come last, so
  // that each change is a failure of its own rather than another occurrence of that one.
  const open = new Set((await w.store.failures({ status: 'open', code: 'drift.stock_differs' })).flatMap((failure) => String(failure.details.items ?? '').split(', ')));
  const order = shuffled(skus, w.random);
  const changed: Array<{ sku: string; from: number; to: number }> = [];
  for (const [index, sku] of [...order.filter((sku) => !open.has(sku)), ...order.filter((sku) => open.has(sku))].slice(0, count).entries()) {
    const item = w.shopify.shop.inventory.itemBySku(sku)!;
    const pushed = new Set((await w.store.recentStockPushes(w.shopify.shop.domain, `gid://shopify/InventoryItem/${item.id}`, String(w.locationId), since)).map((push) => push.quantity));
    const from = w.shopify.driver.getInventory(sku, w.locationId).available;
    const step = from >= 10 ? -1 : 1;
    let to = from + step * (2 + index);
    while (pushed.has(to) || to === from) to += step;
    w.shopify.driver.changeInventory({ sku, locationId: w.locationId, set: to });
    changed.push({ sku, from, to });
  }
  return changed;
}
