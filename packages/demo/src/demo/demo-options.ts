export interface DemoOptions {
  readonly orders: number;
  /** Probability that Shopify delivers a webhook a second time (same webhook id, same body). */
  readonly duplicateRate: number;
  /** Probability that Shopify never sends a webhook at all: what reconciliation must find. */
  readonly dropRate: number;
  /** Share of orders placed by a customer who ordered before. */
  readonly returningRate: number;
  /** Share of orders placed as a guest checkout (no Shopify customer). */
  readonly guestRate: number;
  /** Share of orders placed unpaid (manual payment): later paid, or cancelled (one in four). */
  readonly pendingRate: number;
  /** Share of paid orders that get a partial refund of one unit of their first line. */
  readonly refundRate: number;
  /** Share of unpaid orders edited before they are paid or cancelled: a unit removed, or a line added. */
  readonly editRate: number;
  readonly seed: number;
  readonly workerConcurrency: number;
}

export interface DemoSummary {
  readonly orders: number;
  readonly webhooksTriggered: number;
  readonly deliveries: number;
  readonly duplicateDeliveries: number;
  readonly eventsStored: number;
  /** Webhooks Shopify never sent (the drop rate). */
  readonly droppedWebhooks: number;
  /** Orders reconciliation found different in ERPNext after the webhooks were applied, repaired, and still different after the repair. */
  readonly driftFound: number;
  readonly driftRepaired: number;
  readonly driftRemaining: number;
  /** Orders reconciliation could not compare (named in its report; e.g. refunded orders the converter does not read in full). */
  readonly notReconciled: number;
  readonly customers: number;
  readonly salesOrders: number;
  readonly submittedSalesOrders: number;
  readonly duplicatesInErpnext: number;
  readonly cancelledSalesOrders: number;
  /** Sales Orders that replaced an earlier one after the order was edited in Shopify (ERPNext amendments). */
  readonly amendedSalesOrders: number;
  readonly salesInvoices: number;
  readonly creditNotes: number;
  readonly refundPayments: number;
  readonly paymentEntries: number;
  readonly duplicateInvoicesOrPayments: number;
  /** Orders, invoices and payments that differ from Shopify's total (credit notes: from the money refunded) by a cent or more. */
  readonly totalsNotMatchingShopify: number;
  /** Payments, refunds and paid orders Shopify holds whose Payment Entry, credit note or invoice ERPNext lacks. */
  readonly documentsMissing: number;
  /** Sync Log rows in ERPNext: one per stored event, mirrored with its status and evidence. */
  readonly syncLogs: number;
  readonly applied: number;
  readonly failed: number;
  readonly erpnextRequests: number;
  readonly elapsedMs: number;
  readonly stateDir: string;
}
