import type { ErpnextFindings } from '../demo/erpnext-findings';
import type { ReconcileOutcome } from './reconcile-drift';
import type { RetryOutcome } from './retry-parked';
import type { StoreFindings } from './store-findings';
import { INVARIANTS, type InvariantName } from './types';

/** At most this many sentences per invariant; the rest are counted. */
const PER_INVARIANT = 50;

export interface ChaosEvidence {
  readonly quiet: { readonly ok: boolean; readonly waitedMs: number };
  /** What was still pending or claimed when quiescence did not come. */
  readonly unfinished: readonly string[];
  /** Deliveries Shopify gave up on (8 retries failed): the run can no longer say what ERPNext must hold. */
  readonly gaveUp: number;
  readonly crashes: readonly string[];
  /** ERPNext once the run settled, before any retry by hand; and at the very end. */
  readonly before: ErpnextFindings;
  readonly after: ErpnextFindings;
  readonly customerDrift: readonly string[];
  readonly store: StoreFindings;
  readonly retry: RetryOutcome;
  readonly drift: ReconcileOutcome;
}

const duplicatesOf = (findings: ErpnextFindings) => [...findings.duplicateOrders, ...findings.duplicateDocuments, ...findings.unexpected];

/** The sentences behind each invariant: it holds when there are none. */
function sentencesOf(e: ChaosEvidence): Record<InvariantName, readonly string[]> {
  return {
    quiescent: [
      ...(e.quiet.ok ? [] : [`not quiescent after ${(e.quiet.waitedMs / 1000).toFixed(0)} s`, ...e.unfinished]),
      ...(e.gaveUp > 0 ? [`Shopify gave up ${e.gaveUp} deliveries after 8 retries`] : []),
    ],
    serveStayedUp: e.crashes,
    // The same duplicate seen before and after the retries is one sentence.
    noDuplicateDocuments: [...new Set([...duplicatesOf(e.before), ...duplicatesOf(e.after)])],
    everyAcknowledgedWebhookStored: e.store.notStored,
    everyEventFinalWithEvidence: e.store.unfinished,
    erpnextMatchesShopify: [...e.before.missing.map((entry) => entry.sentence), ...e.before.amounts, ...e.before.states, ...e.customerDrift],
    nothingParkedThatRetryFixes: [...e.retry.fixedByRetry, ...e.retry.problems],
    reconcileFindsNoUnexplainedDrift: [...e.drift.unexplained, ...e.drift.problems],
  };
}

/** Each invariant a named boolean, and every violation a sentence prefixed with its invariant's name. */
export function judgeInvariants(evidence: ChaosEvidence): { invariants: Record<InvariantName, boolean>; violations: string[] } {
  const sentences = sentencesOf(evidence);
  const invariants = Object.fromEntries(INVARIANTS.map((name) => [name, sentences[name].length === 0])) as Record<InvariantName, boolean>;
  const violations = INVARIANTS.flatMap((name) => {
    const all = sentences[name];
    const shown = all.slice(0, PER_INVARIANT).map((sentence) => `${name}: ${sentence}`);
    return all.length > PER_INVARIANT ? [...shown, `${name}: … and ${all.length - PER_INVARIANT} more`] : shown;
  });
  return { invariants, violations };
}
