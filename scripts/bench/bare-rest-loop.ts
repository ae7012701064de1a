import { createErpnextClient, type ErpnextClient } from '@shopsync/erpnext-client';
import type { ConfigInput } from '@shopsync/runner';

type Mapping = NonNullable<ConfigInput['mapping']>;

const MAKE_SALES_INVOICE = 'erpnext.selling.doctype.sales_order.sales_order.make_sales_invoice';
const GET_PAYMENT_ENTRY = 'erpnext.accounts.doctype.payment_entry.payment_entry.get_payment_entry';

/** The parts of Shopify's orders/create body the bare loop books (the same orders shopsync gets). */
interface OrderBody {
  readonly name: string;
  readonly currency: string;
  readonly total_discounts?: string;
  readonly total_price: string;
  readonly payment_gateway_names?: readonly string[];
  readonly line_items: ReadonlyArray<{ readonly sku: string | null; readonly quantity: number; readonly price: string }>;
  readonly tax_lines?: ReadonlyArray<{ readonly title: string; readonly price: string }>;
  readonly shipping_lines?: ReadonlyArray<{ readonly title: string; readonly price: string }>;
}

export interface BareLoopOptions {
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly apiSecret: string;
  /** orders/create bodies, one per order. */
  readonly orders: readonly string[];
  readonly concurrency: number;
  readonly mapping: Mapping;
  /** Goes into every customer name, so reruns against one site never collide. */
  readonly runLabel: string;
  /** Site date (YYYY-MM-DD) for transaction, posting and reference dates. */
  readonly today: string;
}

export interface BareLoopResult {
  readonly orders: number;
  readonly seconds: number;
  readonly ordersPerSecond: number;
  /** Requests the client sent (its own http.request events, retries included), in all and by "METHOD /path". */
  readonly requests: number;
  readonly requestsPerOrder: number;
  readonly byPath: Record<string, number>;
  /** Orders whose Sales Invoice grand total differs from Shopify's total_price (0: the documents carry the order's money). */
  readonly totalMismatches: number;
}

const amount = (value: string | undefined) => Number(value ?? 0);

/** The Sales Order core would plan for the order (ensure-sales-order.ts), less every shopsync field. */
function salesOrder(order: OrderBody, customer: string, o: BareLoopOptions): Record<string, unknown> {
  const taxes = (order.tax_lines ?? []).filter((t) => o.mapping.taxAccounts?.[t.title] !== undefined && amount(t.price) !== 0).map((t) => ({ charge_type: 'Actual', account_head: o.mapping.taxAccounts![t.title], description: t.title, tax_amount: amount(t.price) }));
  const shipping = (order.shipping_lines ?? []).filter((s) => amount(s.price) !== 0 && o.mapping.shippingAccount !== undefined).map((s) => ({ charge_type: 'Actual', account_head: o.mapping.shippingAccount, description: s.title, tax_amount: amount(s.price) }));
  return {
    customer,
    company: o.mapping.company,
    order_type: 'Sales',
    transaction_date: o.today,
    delivery_date: o.today,
    currency: order.currency,
    po_no: `${order.name} ${o.runLabel}`,
    disable_rounded_total: 1,
    ignore_pricing_rule: 1,
    apply_discount_on: 'Net Total',
    discount_amount: amount(order.total_discounts),
    items: order.line_items.map((line) => ({ item_code: line.sku, qty: line.quantity, rate: amount(line.price), warehouse: o.mapping.defaultWarehouse, delivery_date: o.today })),
    taxes: [...taxes, ...shipping],
    docstatus: 1,
  };
}

/**
 * One paid new-customer order with the fewest requests a bare REST client needs (issue 15's "A"):
 * POST Customer; POST Sales Order submitted; POST make_sales_invoice, POST Sales Invoice submitted;
 * POST get_payment_entry, POST Payment Entry submitted. Six requests, no look-ups, no shopsync keys.
 */
async function bookOrder(client: ErpnextClient, body: string, index: number, o: BareLoopOptions): Promise<boolean> {
  const order = JSON.parse(body) as OrderBody;
  const group = o.mapping.customerGroup ?? 'Individual';
  const territory = o.mapping.territory ?? 'All Territories';
  const customer = await client.insertDoc<{ name: string }>('Customer', { customer_name: `Bench A ${o.runLabel} ${index + 1}`, customer_type: 'Individual', customer_group: group, territory });
  const so = await client.insertDoc<{ name: string }>('Sales Order', salesOrder(order, customer.name, o));
  const draftInvoice = await client.callMethod<Record<string, unknown>>(MAKE_SALES_INVOICE, { source_name: so.name }, { verb: 'POST' });
  const invoice = await client.insertDoc<{ name: string; outstanding_amount?: number; grand_total: number }>('Sales Invoice', { ...draftInvoice, posting_date: o.today, set_posting_time: 1, due_date: o.today, docstatus: 1 });
  const gateway = o.mapping.paymentGateways?.[order.payment_gateway_names?.[0] ?? ''] ?? Object.values(o.mapping.paymentGateways ?? {})[0];
  if (gateway === undefined) throw new Error('the mapping has no payment gateway for the bare loop');
  const draftPayment = await client.callMethod<Record<string, unknown>>(GET_PAYMENT_ENTRY, { dt: 'Sales Invoice', dn: invoice.name, party_amount: invoice.outstanding_amount ?? invoice.grand_total }, { verb: 'POST' });
  await client.insertDoc('Payment Entry', { ...draftPayment, posting_date: o.today, mode_of_payment: gateway.modeOfPayment, paid_to: gateway.account, reference_no: `${order.name} ${o.runLabel}`, reference_date: o.today, docstatus: 1 });
  return Math.abs(invoice.grand_total - amount(order.total_price)) < 0.005;
}

/** Books every order, `concurrency` orders at a time (the client allows as many requests in flight). */
export async function runBareLoop(o: BareLoopOptions): Promise<BareLoopResult> {
  const byPath: Record<string, number> = {};
  let requests = 0;
  const client = createErpnextClient({
    baseUrl: o.baseUrl,
    apiKey: o.apiKey,
    apiSecret: o.apiSecret,
    concurrency: o.concurrency,
    onEvent: (event) => {
      if (event.type !== 'http.request') return;
      requests += 1;
      const key = `${event.method} ${event.path}`;
      byPath[key] = (byPath[key] ?? 0) + 1;
    },
  });
  let next = 0;
  let totalMismatches = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < o.orders.length) {
      const index = next;
      next += 1;
      if (!(await bookOrder(client, o.orders[index]!, index, o))) totalMismatches += 1;
    }
  };
  await Promise.all(Array.from({ length: Math.min(o.concurrency, o.orders.length) }, worker));
  const seconds = (performance.now() - started) / 1000;
  return {
    orders: o.orders.length,
    seconds: Math.round(seconds * 100) / 100,
    ordersPerSecond: Math.round((o.orders.length / seconds) * 10) / 10,
    requests,
    requestsPerOrder: Math.round((requests / o.orders.length) * 100) / 100,
    byPath,
    totalMismatches,
  };
}
