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
  /** Share of booked, paid orders the warehouse ships from ERPNext (a Delivery Note each, with a tracking number). */
  readonly deliveryRate: number;
  /** Items whose available quantity the merchant changes by hand in Shopify (distinct SKUs): drift shopsync must surface. */
  readonly manualStockChanges: number;
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
  /** Shopify SKUs that are ERPNext stock Items: what the stock sync moves (items ERPNext alone holds are left alone). */
  readonly stockItems: number;
  /** Stock vouchers submitted in ERPNext between waves of orders: two Purchase Receipts, two Material Receipts, one Stock Reconciliation. */
  readonly stockMoves: number;
  /** Delivery Notes submitted in ERPNext for booked orders, each with a carrier and tracking number (one of them partial). */
  readonly deliveryNotes: number;
  /** Items whose available quantity was changed by hand in Shopify. */
  readonly manualStockChanges: number;
  /** inventorySetQuantities mutations sent to Shopify for ERPNext stock changes (not counting drift repairs). */
  readonly stockPushes: number;
  /** Items × mapped locations where Shopify's available ≠ max(0, floor(actual_qty − reserved_qty)) of ERPNext's Bins, after the drain and the Retry of drift failures. */
  readonly inventoryMismatches: number;
  /** Each mismatch in a sentence (empty when there is none). */
  readonly inventoryMismatchList: readonly string[];
  /** Events recorded as the echo of shopsync's own pushes and fulfillments, not acted on. */
  readonly echoesRecognised: number;
  /** Echoes acted on: level updates that wrote to Shopify without an operator's Retry, and stock vouchers in ERPNext neither the demo nor the seed made. */
  readonly echoesApplied: number;
  /** drift.stock_differs failures raised (each a level in Shopify that still differed from ERPNext when looked at again). */
  readonly stockDriftDetected: number;
  /**
   * Of those, failures on an item of an order one of whose webhooks Shopify never sent, that Retry found
   * matching ERPNext: Shopify had committed units to an order shopsync had not heard of yet — true at the
   * time — and once the order's later webhooks or the reconciliation booked it there was nothing to set.
   */
  readonly stockDriftFromLostWebhooks: number;
  /** Drifted levels set back to ERPNext's quantity by the operator's Retry. */
  readonly stockDriftRepaired: number;
  /** Shopify fulfillments (all made by shopsync from Delivery Notes: the demo fulfils nothing in Shopify). */
  readonly fulfillmentsPushed: number;
  /** Submitted Delivery Notes of shopsync's orders with no Shopify fulfillment carrying their tracking number. */
  readonly deliveryNotesWithoutFulfillment: number;
  /** Failures whose code is shopify.throttled or whose category is rate_limited. */
  readonly shopifyThrottledFailures: number;
  readonly erpnextRequests: number;
  readonly elapsedMs: number;
  readonly stateDir: string;
  /** Only with `--runners N --store postgres://…`: the runner processes, the kill, and what only several processes can get wrong. */
  readonly fleet?: FleetSummary;
}

/** The multi-runner demo: N `shopsync serve` processes on one PostgreSQL store, one of them SIGKILLed mid-run and restarted. */
export interface FleetSummary {
  readonly runners: number;
  /** The schema the run's store lived in (dropped at the end). */
  readonly schema: string;
  /** Webhooks each runner answered through the round-robin balancer, in runner order. */
  readonly webhooksPerRunner: readonly number[];
  /** Forwards no runner answered (the killed one): 502 to Shopify, which retried them. */
  readonly failedForwards: number;
  /** The SIGKILL: which runner (1-based), after which wave, how many events the store held claimed then, how long it stayed down. */
  readonly killed: { readonly runner: number; readonly afterWave: number; readonly claimedInStore: number; readonly downMs: number } | null;
  /** Runner exits nobody asked for (must be none). */
  readonly crashes: readonly string[];
  /** Events still pending or claimed at the end (must be 0). */
  readonly unfinished: number;
  /** Stored events whose Sync Log row in ERPNext is missing or holds another status, after the mirrors caught up (must be 0). */
  readonly syncLogsBehind: number;
  /** Failures whose Sync Failure row in ERPNext is missing or shows another state, after the mirrors caught up (must be 0). */
  readonly syncFailuresBehind: number;
  /** Sync Runner rows in ERPNext: one per runner, the restarted one on the same row (must equal runners). */
  readonly runnersInDesk: number;
  /** Stock Ledger entries (or Bin versions) carried by more than one stock/changed event: read by two runners' tails and taken twice (must be 0). */
  readonly stockEntriesTakenTwice: number;
  /** Tracking numbers carried by more than one Shopify fulfillment (must be 0). */
  readonly duplicateFulfillments: number;
  /** The backlog `shopsync status --json --db postgres://…` reports at the end (must be 0 and 0). */
  readonly statusBacklog: { readonly pending: number; readonly claimed: number } | null;
  /** Waits that timed out or commands that failed (must be none). */
  readonly problems: readonly string[];
  /** What this run does not exercise, in words (not an invariant). */
  readonly notExercised: readonly string[];
}
