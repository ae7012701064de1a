import type { EventSummary, Store } from '@shopsync/runner';
import type { ErpnextSimulator, ShopifySimulator } from '@shopsync/simulators';
import { STOCK_VOUCHER_DOCTYPES } from './stock-workload';

const ALL = 1_000_000;

export interface StockFindings {
  /** inventorySetQuantities mutations sent for ERPNext stock changes (stock/changed events' `inventory_set` operations). */
  readonly stockPushes: number;
  /** Items × mapped locations where Shopify's available differs from max(0, floor(actual_qty − reserved_qty)) over ERPNext's Bins. */
  readonly inventoryMismatches: number;
  readonly mismatchDetails: readonly string[];
  /** Events recorded as the echo of shopsync's own writes (inventory_levels/update after a push, orders/fulfilled after a fulfillment). */
  readonly echoesRecognised: number;
  /**
   * Echoes acted on: inventory_levels/update events that wrote to Shopify without an operator's Retry
   * (only a drift repair may), plus stock vouchers in ERPNext that neither the demo nor the seed made
   * (shopsync never writes Shopify's stock or fulfillments back into ERPNext when ERPNext is the authority).
   */
  readonly echoesApplied: number;
  /** drift.stock_differs failures raised (any status now: the demo's Retry resolves them). */
  readonly stockDriftDetected: number;
  /**
   * Of those, failures on an item of an order one of whose webhooks Shopify never sent, which the
   * operator's Retry found matching ERPNext: a true difference at the time (units Shopify had committed
   * to an order shopsync had not heard of), gone once the order was booked — not a change in Shopify.
   */
  readonly stockDriftFromLostWebhooks: number;
  /** inventory_levels/update events that, retried by the operator, set Shopify to ERPNext's quantity. */
  readonly stockDriftRepaired: number;
  /** Successful fulfillments in the Shopify simulator (the demo fulfils nothing in Shopify itself: each is shopsync's, from a Delivery Note). */
  readonly fulfillmentsPushed: number;
  /** Submitted Delivery Notes of orders shopsync booked with no Shopify fulfillment carrying their tracking number. */
  readonly deliveryNotesWithoutFulfillment: number;
  /** Failures whose code is shopify.throttled or whose category is rate_limited. */
  readonly shopifyThrottledFailures: number;
}

const hasRetry = (trail: ReadonlyArray<{ kind: string }>) => trail.some((row) => row.kind === 'retry' || row.kind === 'requeue');

async function operationsOf(store: Store, events: readonly EventSummary[], step: string): Promise<number> {
  let count = 0;
  for (const event of events) {
    for (const row of await store.evidence(event.id)) if (row.kind === 'operation' && (row.data as { step?: unknown } | null)?.step === step) count += 1;
  }
  return count;
}

/** SKUs of the orders one of whose orders/* webhooks Shopify never sent (the demo's drop rate). */
function skusOfLostOrderWebhooks(shopify: ShopifySimulator): Set<string> {
  const skus = new Set<string>();
  for (const delivery of shopify.webhooks.deliveries()) {
    if (delivery.status !== 'dropped' || !delivery.topic.startsWith('orders/')) continue;
    const order = JSON.parse(delivery.body.toString('utf8')) as { line_items?: Array<{ sku?: unknown }> };
    for (const line of order.line_items ?? []) if (typeof line.sku === 'string') skus.add(line.sku);
  }
  return skus;
}

/** Shopify's available per mapped location and SKU against ERPNext's Bins, counted in the simulators themselves. */
function mismatches(shopify: ShopifySimulator, erp: ErpnextSimulator, locationWarehouses: Readonly<Record<string, string>>, skus: readonly string[]): string[] {
  const bins = erp.docs('Bin');
  const out: string[] = [];
  for (const [locationId, warehouse] of Object.entries(locationWarehouses)) {
    for (const sku of skus) {
      const bin = bins.find((row) => row.item_code === sku && row.warehouse === warehouse);
      const erpnext = Math.max(0, Math.floor(Number(bin?.actual_qty ?? 0) - Number(bin?.reserved_qty ?? 0)));
      const available = shopify.driver.getInventory(sku, Number(locationId)).available;
      if (available !== erpnext) out.push(`${sku} at location ${locationId}: Shopify ${available}, ERPNext ${erpnext} (${warehouse})`);
    }
  }
  return out;
}

/** Submitted Delivery Notes of Sales Orders shopsync booked, with no Shopify fulfillment of that order carrying the note's tracking number. */
function notesWithoutFulfillment(shopify: ShopifySimulator, erp: ErpnextSimulator): string[] {
  const orderOf = new Map(erp.docs('Sales Order').map((doc) => [String(doc.name), doc.shopify_order_id]));
  const out: string[] = [];
  for (const note of erp.docs('Delivery Note').filter((doc) => doc.docstatus === 1 && Number(doc.is_return ?? 0) !== 1)) {
    const rows = Array.isArray(note.items) ? (note.items as Array<Record<string, unknown>>) : [];
    const orderIds = new Set(rows.map((row) => orderOf.get(String(row.against_sales_order))).filter((id): id is string => typeof id === 'string' && id !== ''));
    for (const orderId of orderIds) {
      const fulfilled = shopify.shop.fulfillment.fulfillmentsOf(Number(orderId)).filter((f) => f.status === 'SUCCESS');
      const tracked = note.lr_no ? fulfilled.some((f) => f.tracking.some((t) => t.number === note.lr_no)) : fulfilled.length > 0;
      if (!tracked) out.push(`Delivery Note ${String(note.name)} of order ${orderId}`);
    }
  }
  return out;
}

/**
 * The stock and fulfillment outcome, counted after the drain and the operator's Retry of the drift
 * failures: Shopify and ERPNext from the simulators themselves, what shopsync sent and recognised
 * from its store. `knownVouchers`: the stock vouchers made before the runner started and by the demo.
 */
export async function stockFindings(input: {
  readonly store: Store;
  readonly shopify: ShopifySimulator;
  readonly erp: ErpnextSimulator;
  readonly locationWarehouses: Readonly<Record<string, string>>;
  readonly skus: readonly string[];
  readonly knownVouchers: ReadonlySet<string>;
}): Promise<StockFindings> {
  const { store, shopify, erp } = input;
  const changes = await store.listEvents({ topic: 'stock/changed', limit: ALL });
  const levels = await store.listEvents({ topic: 'inventory_levels/update', limit: ALL });
  const echoes = await store.listEvents({ status: 'echo', limit: ALL });
  let unaskedLevelWrites = 0;
  let repaired = 0;
  for (const level of levels.filter((event) => event.status === 'applied')) {
    if (hasRetry(await store.evidence(level.id))) repaired += 1;
    else unaskedLevelWrites += 1;
  }
  const strangeVouchers = STOCK_VOUCHER_DOCTYPES.flatMap((doctype) => erp.docs(doctype).map((doc) => `${doctype} ${String(doc.name)}`)).filter((name) => !input.knownVouchers.has(name));
  const failures = await store.failures({});
  const drift = failures.filter((failure) => failure.code === 'drift.stock_differs');
  const lostSkus = skusOfLostOrderWebhooks(shopify);
  let explained = 0;
  for (const failure of drift) {
    const skus = String(failure.details.items ?? '').split(', ');
    if ((await store.getEvent(failure.inboxId))?.status === 'skipped' && skus.some((sku) => lostSkus.has(sku))) explained += 1;
  }
  const detail = mismatches(shopify, erp, input.locationWarehouses, input.skus);
  return {
    stockPushes: await operationsOf(store, changes, 'inventory_set'),
    inventoryMismatches: detail.length,
    mismatchDetails: detail,
    echoesRecognised: echoes.length,
    echoesApplied: unaskedLevelWrites + strangeVouchers.length,
    stockDriftDetected: drift.length,
    stockDriftFromLostWebhooks: explained,
    stockDriftRepaired: repaired,
    fulfillmentsPushed: [...shopify.shop.orders.byId.keys()].flatMap((id) => shopify.shop.fulfillment.fulfillmentsOf(id)).filter((f) => f.status === 'SUCCESS').length,
    deliveryNotesWithoutFulfillment: notesWithoutFulfillment(shopify, erp).length,
    shopifyThrottledFailures: failures.filter((failure) => failure.code === 'shopify.throttled' || failure.category === 'rate_limited').length,
  };
}
