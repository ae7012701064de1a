import type { Store } from '../store';

/** Every Store method, so the thread's proxy forwards exactly the contract (the compiler checks both ways). */
export const STORE_METHODS = [
  'acceptDeliveries',
  'acceptDelivery',
  'knownWebhookIds',
  'recordFinding',
  'claimNext',
  'finish',
  'scheduleRetry',
  'deferEvent',
  'park',
  'addEvidence',
  'findOperation',
  'recordOperation',
  'resourceVersion',
  'advanceVersion',
  'recordAll',
  'listEvents',
  'getEvent',
  'evidence',
  'failures',
  'getFailure',
  'failureCounts',
  'lastApplied',
  'counts',
  'shadowPlans',
  'requeueEvent',
  'actOnFailure',
  'eventsToMirror',
  'markMirrored',
  'pruneEvidence',
  'ping',
  'close',
  'stockCursor',
  'enqueueStockRead',
  'recordStockPushes',
  'recentStockPushes',
  'unbookedOrderPayloads',
] as const satisfies ReadonlyArray<keyof Store>;

export type StoreMethod = (typeof STORE_METHODS)[number];

// Fails to compile when a port gains a method this list does not forward.
type Unforwarded = Exclude<keyof Store, StoreMethod>;
const everyMethodForwarded: [Unforwarded] extends [never] ? true : Unforwarded = true;
void everyMethodForwarded;

/** What acknowledges a webhook goes first: an ack waits for at most the batch already running. */
const INGRESS: ReadonlySet<StoreMethod> = new Set(['acceptDeliveries', 'acceptDelivery', 'knownWebhookIds']);

/**
 * Calls whose answer is a promise to someone outside the runner: an acknowledged webhook (Shopify will
 * not send it again), an operator's request, the echo ledger written before a push to Shopify. A
 * group commit holding one of them is fsynced (synchronous=FULL) before anyone hears back. The rest
 * — claims, evidence, settles, cursors — is the workers' progress: a power loss that undoes it only
 * replays events, which every write survives (idempotent by key, G1), so those commits skip the fsync
 * (synchronous=NORMAL still survives a crash of the process). A later durable commit fsyncs the WAL
 * with everything before it.
 */
const DURABLE: ReadonlySet<StoreMethod> = new Set(['acceptDeliveries', 'acceptDelivery', 'recordFinding', 'requeueEvent', 'actOnFailure', 'recordStockPushes']);

/** The synchronous level of one group commit, given the store's configured level. */
export function commitSynchronous(calls: readonly StoreCall[], configured: 'FULL' | 'NORMAL'): 'FULL' | 'NORMAL' {
  return configured === 'FULL' && calls.some((call) => DURABLE.has(call.method)) ? 'FULL' : 'NORMAL';
}

export interface StoreCall {
  readonly id: number;
  readonly method: StoreMethod;
  readonly args: readonly unknown[];
}

export type StoreAnswer = { readonly id: number; readonly ok: true; readonly value: unknown } | { readonly id: number; readonly ok: false; readonly error: StoreCallError };

/** An error as it crosses the thread boundary: what a caller logs and matches on. */
export interface StoreCallError {
  readonly name: string;
  readonly message: string;
  readonly code?: string;
}

/** The calls of one group commit: ingress first, then the rest in arrival order (a worker's calls keep their order). */
export function commitOrder(calls: readonly StoreCall[]): StoreCall[] {
  return [...calls.filter((call) => INGRESS.has(call.method)), ...calls.filter((call) => !INGRESS.has(call.method))];
}

export function toCallError(error: unknown): StoreCallError {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { name: error.name, message: error.message, ...(typeof code === 'string' ? { code } : {}) };
  }
  return { name: 'Error', message: String(error) };
}

export function fromCallError(error: StoreCallError): Error {
  const rebuilt = new Error(error.message);
  rebuilt.name = error.name;
  if (error.code !== undefined) Object.assign(rebuilt, { code: error.code });
  return rebuilt;
}
