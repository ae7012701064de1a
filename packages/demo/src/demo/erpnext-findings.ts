import type { ErpnextSimulator, ShopifySimulator } from '@shopsync/simulators';

type Doc = Readonly<Record<string, unknown>>;

/** A document Shopify's data says ERPNext must hold, and the amount it must carry (in cents, as ERPNext signs it). */
interface Owed {
  readonly kind: 'customer' | 'sales-invoice' | 'payment-entry' | 'credit-note' | 'refund-payment' | 'delivery-note';
  readonly key: string;
  readonly what: string;
  readonly cents: number | null;
}

export interface ErpnextFindings {
  /** Shopify orders with more than one Sales Order, not counting those an amendment replaced. */
  readonly duplicateOrders: readonly string[];
  /** Customers, Contacts, Addresses, invoices, payments, credit notes, refund payments and deliveries booked twice for one Shopify record. */
  readonly duplicateDocuments: readonly string[];
  /** Submitted documents no Shopify record asks for (a payment for a transaction that does not exist …). */
  readonly unexpected: readonly string[];
  /** Amounts differing from Shopify's by a cent or more. */
  readonly amounts: readonly string[];
  /** Sales Orders submitted for a cancelled Shopify order, or cancelled for one that is not. */
  readonly states: readonly string[];
  /** What Shopify holds and ERPNext lacks, by kind of document. */
  readonly missing: ReadonlyArray<{ readonly kind: string; readonly sentence: string }>;
  readonly ledger: ReturnType<typeof ledgerOf>;
}

const cents = (value: unknown) => Math.round(Number(value) * 100);
const PAID = new Set(['paid', 'partially_paid', 'partially_refunded', 'refunded']);

function groupBy(docs: readonly Doc[], field: string): Map<string, Doc[]> {
  const groups = new Map<string, Doc[]>();
  for (const doc of docs) {
    const key = String(doc[field]);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [doc]);
    else group.push(doc);
  }
  return groups;
}

function twice(docs: readonly Doc[], field: string, what: string): string[] {
  return [...groupBy(docs, field)].filter(([, list]) => list.length > 1).map(([id, list]) => `${what} ${id}: ${list.length} documents (${list.map((doc) => String(doc.name)).join(', ')})`);
}

/** The synced documents ERPNext holds, by kind; a Sales Order an amendment replaced (after an edit in Shopify) is history, not a booking. */
export function ledgerOf(erp: Pick<ErpnextSimulator, 'docs'>) {
  const synced = (doctype: string) => erp.docs(doctype).filter((doc) => typeof doc.shopify_order_id === 'string');
  const submitted = (docs: readonly Doc[], isReturn: boolean) => docs.filter((doc) => (doc.is_return === 1) === isReturn && doc.docstatus === 1);
  const allSalesOrders = synced('Sales Order');
  const replaced = new Set(allSalesOrders.map((doc) => doc.amended_from).filter((name) => typeof name === 'string'));
  const invoices = synced('Sales Invoice');
  const payments = synced('Payment Entry');
  const deliveries = synced('Delivery Note');
  return {
    customers: erp.docs('Customer').filter((doc) => typeof doc.shopsync_key === 'string'),
    contacts: erp.docs('Contact').filter((doc) => typeof doc.shopsync_key === 'string'),
    addresses: erp.docs('Address').filter((doc) => typeof doc.shopsync_key === 'string'),
    allSalesOrders,
    salesOrders: allSalesOrders.filter((doc) => !replaced.has(doc.name)),
    invoices: submitted(invoices, false),
    creditNotes: submitted(invoices, true),
    payments: payments.filter((doc) => doc.payment_type === 'Receive' && doc.docstatus === 1),
    refunds: payments.filter((doc) => doc.payment_type === 'Pay' && doc.docstatus === 1),
    deliveryNotes: submitted(deliveries, false),
    deliveryReturns: submitted(deliveries, true),
  };
}

/** The Shopify customer a synced Contact belongs to: the Customer its link names, whatever its own key says. */
const linkedCustomer = (doc: Doc) => {
  const links = Array.isArray(doc.links) ? (doc.links as Doc[]) : [];
  return String(links.find((link) => link.link_doctype === 'Customer')?.link_name ?? `(no Customer link; key ${String(doc.shopsync_key)})`);
};

/**
 * Documents booked twice for one Shopify record, by kind. A Contact is one per Shopify customer, so
 * two linked to one Customer are a duplicate even under different keys (the key's unique index is only
 * as good as the site's column); an Address is one per Shopify address id, which only its key carries.
 */
export function duplicateDocumentsIn(ledger: Pick<ReturnType<typeof ledgerOf>, 'customers' | 'contacts' | 'addresses' | 'invoices' | 'payments' | 'creditNotes' | 'refunds' | 'deliveryNotes' | 'deliveryReturns'>): string[] {
  const contacts = ledger.contacts.map((doc) => ({ ...doc, linked_customer: linkedCustomer(doc) }));
  return [
    ...twice(ledger.customers.filter((doc) => Boolean(doc.shopify_customer_id)), 'shopify_customer_id', 'Customers of Shopify customer'),
    ...twice(contacts, 'linked_customer', 'Contacts of Customer'),
    ...twice(ledger.addresses, 'shopsync_key', 'Addresses with key'),
    ...twice(ledger.invoices, 'shopify_order_id', 'Sales Invoices of order'),
    ...[ledger.payments, ledger.creditNotes, ledger.refunds, ledger.deliveryNotes, ledger.deliveryReturns].flatMap((docs) => twice(docs, 'shopsync_key', 'documents with key')),
  ];
}

/** Every document each Shopify order asks for: its customer, invoice, a payment per sale or capture, a credit note and refund payment per refund, a delivery per fulfillment. */
function owedBy(shopify: ShopifySimulator, deliveries: boolean): Owed[] {
  const shop = shopify.shop.domain;
  return [...shopify.shop.orders.byId.values()].flatMap((order): Owed[] => {
    const total = cents(shopify.driver.getOrder(order.id).total_price);
    const name = `order ${order.id}`;
    return [
      ...(order.customerId === null ? [] : [{ kind: 'customer' as const, key: `customer:${shop}:${order.customerId}`, what: `customer ${order.customerId} of ${name}`, cents: null }]),
      ...(order.cancelledAt === null && PAID.has(order.financialStatus) ? [{ kind: 'sales-invoice' as const, key: `sales-invoice:${shop}:${order.id}`, what: `the invoice of ${name}`, cents: total }] : []),
      ...shopify.shop.transactions
        .of(order.id)
        .filter((tx) => tx.kind === 'SALE' || tx.kind === 'CAPTURE')
        .map((tx) => ({ kind: 'payment-entry' as const, key: `payment-entry:${shop}:${tx.id}`, what: `payment ${tx.id} of ${name}`, cents: tx.amountCents })),
      ...order.refunds.flatMap((refund) => [
        { kind: 'credit-note' as const, key: `credit-note:${shop}:${refund.id}`, what: `the credit note of refund ${refund.id} of ${name}`, cents: -refund.amountCents },
        { kind: 'refund-payment' as const, key: `refund-payment:${shop}:${refund.id}`, what: `the refund payment of refund ${refund.id} of ${name}`, cents: refund.amountCents },
      ]),
      ...(deliveries
        ? shopify.shop.fulfillment
            .fulfillmentsOf(order.id)
            .filter((fulfillment) => fulfillment.status === 'SUCCESS')
            .map((fulfillment) => ({ kind: 'delivery-note' as const, key: `delivery-note:${shop}:${fulfillment.id}`, what: `the Delivery Note of fulfillment ${fulfillment.id} of ${name}`, cents: null }))
        : []),
    ];
  });
}

/**
 * ERPNext against Shopify, counted in the ERPNext simulator itself (the ground truth, not shopsync's
 * own state) and checked against the Shopify simulator to the cent: every Sales Order and invoice
 * against the order's total, every Payment Entry against its transaction, every credit note and
 * refund payment against its refund. `deliveries`: Shopify is the fulfillment authority, so each
 * fulfillment is owed a Delivery Note.
 */
export function erpnextFindings(erp: ErpnextSimulator, shopify: ShopifySimulator, options: { deliveries: boolean }): ErpnextFindings {
  const ledger = ledgerOf(erp);
  const keyed = [...ledger.customers, ...ledger.invoices, ...ledger.payments, ...ledger.creditNotes, ...ledger.refunds, ...ledger.deliveryNotes];
  const byKey = new Map(keyed.map((doc) => [String(doc.shopsync_key), doc]));
  const owed = owedBy(shopify, options.deliveries);
  const shop = shopify.shop.domain;
  const owedKeys = new Set([...owed.map((entry) => entry.key), `guest-customer:${shop}:guest`, ...[...shopify.shop.customers.keys()].map((id) => `customer:${shop}:${id}`)]);
  const amountOf = (doc: Doc) => cents(doc.paid_amount !== undefined ? doc.paid_amount : doc.grand_total);
  const salesOrders = groupBy(ledger.salesOrders, 'shopify_order_id');
  const amounts: string[] = [];
  const states: string[] = [];
  const missing: Array<{ kind: string; sentence: string }> = [];
  for (const order of shopify.shop.orders.byId.values()) {
    const total = cents(shopify.driver.getOrder(order.id).total_price);
    const docs = salesOrders.get(String(order.id)) ?? [];
    if (docs.length === 0) missing.push({ kind: 'sales-order', sentence: `order ${order.id} has no Sales Order` });
    for (const doc of docs) {
      if (cents(doc.grand_total) !== total) amounts.push(`Sales Order ${String(doc.name)} of order ${order.id}: ${cents(doc.grand_total)} cents, Shopify ${total}`);
      if ((doc.docstatus === 2) !== (order.cancelledAt !== null)) states.push(`Sales Order ${String(doc.name)} of order ${order.id} has docstatus ${String(doc.docstatus)}; Shopify: ${order.cancelledAt === null ? 'not ' : ''}cancelled`);
    }
  }
  for (const entry of owed) {
    const doc = byKey.get(entry.key);
    if (doc === undefined) missing.push({ kind: entry.kind, sentence: `${entry.what} is missing (${entry.key})` });
    else if (entry.cents !== null && amountOf(doc) !== entry.cents) amounts.push(`${entry.what}: ${String(doc.name)} holds ${amountOf(doc)} cents, Shopify ${entry.cents}`);
  }
  return {
    duplicateOrders: twice(ledger.salesOrders, 'shopify_order_id', 'Sales Orders of order'),
    duplicateDocuments: duplicateDocumentsIn(ledger),
    unexpected: keyed.filter((doc) => !owedKeys.has(String(doc.shopsync_key))).map((doc) => `${String(doc.doctype)} ${String(doc.name)} (${String(doc.shopsync_key)}) answers to nothing Shopify holds`),
    amounts,
    states,
    missing,
    ledger,
  };
}
