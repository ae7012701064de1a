export interface DemoOptions {
  readonly orders: number;
  /** Probability that Shopify delivers a webhook a second time (same webhook id, same body). */
  readonly duplicateRate: number;
  /** Share of orders placed by a customer who ordered before. */
  readonly returningRate: number;
  /** Share of orders placed as a guest checkout (no Shopify customer). */
  readonly guestRate: number;
  readonly seed: number;
  readonly workerConcurrency: number;
}

export interface DemoSummary {
  readonly orders: number;
  readonly webhooksTriggered: number;
  readonly deliveries: number;
  readonly duplicateDeliveries: number;
  readonly eventsStored: number;
  readonly customers: number;
  readonly salesOrders: number;
  readonly submittedSalesOrders: number;
  readonly duplicatesInErpnext: number;
  readonly salesInvoices: number;
  readonly paymentEntries: number;
  readonly duplicateInvoicesOrPayments: number;
  /** Orders, invoices and payments whose amount differs from the Shopify order's total by a cent or more. */
  readonly totalsNotMatchingShopify: number;
  readonly applied: number;
  readonly failed: number;
  readonly erpnextRequests: number;
  readonly elapsedMs: number;
  readonly stateDir: string;
}
