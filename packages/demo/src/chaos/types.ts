import type { WorkloadRates } from '../demo/place-demo-orders';

export interface ChaosOptions extends WorkloadRates {
  readonly orders: number;
  readonly seed: number;
  /** Times `serve` is SIGKILLed at seeded moments, then restarted. */
  readonly kills: number;
  /** How long ERPNext is down (answers 503 SessionStopped to everything, or stops listening), in ms; 0 for none. */
  readonly outageMs: number;
  /** Share of ERPNext writes answered with a fault (5xx, 429, commit-then-drop, commit-then-timeout); reads meet half as many (5xx, 429). */
  readonly faultRate: number;
  /** Share of webhooks Shopify delivers twice. */
  readonly duplicateRate: number;
  /** Shopify sends the next webhook chosen among this many ready ones (1: in order). */
  readonly reorderWindow: number;
  /** Refunds of the shipping alone on some paid orders. */
  readonly shippingRefunds: boolean;
  /** Share of paid orders fulfilled in Shopify (Shopify is the fulfillment authority); some partly. */
  readonly fulfilRate: number;
  /** Share of fulfilled orders of which a shipped unit comes back (a refund with restock `return`). */
  readonly returnRate: number;
  /** Share of paid orders whose shipping alone is refunded (when `shippingRefunds`). */
  readonly shippingRefundRate: number;
  /** Share of orders after which their customer's name or phone is edited in Shopify. */
  readonly customerEditRate: number;
  /** Longest wait for quiescence after the workload and the faults are over. */
  readonly settleTimeoutMs: number;
}

/** The defaults of `shopsync-demo chaos`: with `--orders 1000` a real test of several minutes. */
export const CHAOS_DEFAULTS: Omit<ChaosOptions, 'orders'> = {
  seed: 1,
  kills: 5,
  outageMs: 180_000,
  faultRate: 0.03,
  duplicateRate: 0.3,
  reorderWindow: 8,
  shippingRefunds: true,
  returningRate: 0.3,
  guestRate: 0.1,
  pendingRate: 0.3,
  refundRate: 0.15,
  editRate: 0.3,
  fulfilRate: 0.5,
  returnRate: 0.2,
  shippingRefundRate: 0.1,
  customerEditRate: 0.15,
  settleTimeoutMs: 600_000,
};

/** Each invariant, a named boolean; every false one has at least one violation sentence. */
export const INVARIANTS = [
  'quiescent',
  'serveStayedUp',
  'noDuplicateDocuments',
  'everyAcknowledgedWebhookStored',
  'everyEventFinalWithEvidence',
  'erpnextMatchesShopify',
  'nothingParkedThatRetryFixes',
  'reconcileFindsNoUnexplainedDrift',
] as const;
export type InvariantName = (typeof INVARIANTS)[number];

export interface Violation {
  readonly invariant: InvariantName;
  readonly sentence: string;
}

export interface ChaosReport {
  readonly orders: number;
  /** Events stored in the inbox (distinct webhooks). */
  readonly events: number;
  /** What was done to the run, by kind. */
  readonly faults: Readonly<Record<string, number>>;
  readonly invariants: Readonly<Record<InvariantName, boolean>>;
  readonly violations: readonly string[];
  readonly seed: number;
  readonly elapsedMs: number;
  /** Where the config, the SQLite state and serve's log are kept. */
  readonly stateDir: string;
  /** For the text summary (not in --json): what the workload did, events by status, parked failures, reconcile, the faults as they happened. */
  readonly details: ChaosDetails;
}

export interface ChaosDetails {
  readonly workload: Readonly<Record<string, number>>;
  readonly byStatus: Readonly<Record<string, number>>;
  readonly deliveries: number;
  /** Failures still parked at the end, each with its code and sentence. */
  readonly parked: readonly string[];
  readonly reconcile: { readonly compared: number; readonly explained: number; readonly notCompared: readonly string[] };
  readonly faultLog: readonly string[];
}
