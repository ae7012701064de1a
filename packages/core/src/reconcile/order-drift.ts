import type { Plan, Revision } from '../plan/types';

/** A document a plan says ERPNext must hold: by key, in this docstatus, with this content (if it has a revision). */
export interface ExpectedDocument {
  readonly key: string;
  readonly doctype: string;
  /** 0 for masters (Customer, Contact, Address), 1 submitted, 2 cancelled. */
  readonly docstatus: 0 | 1 | 2;
  readonly revision: Revision | null;
}

/** What ERPNext holds for a key: the newest document of its amendment chain, and its content digest when compared. */
export interface FoundDocument {
  readonly name: string;
  readonly docstatus: number;
  readonly digest: string | null;
}

export type DriftKind = 'missing' | 'not_submitted' | 'cancelled' | 'not_cancelled' | 'content_differs';

export interface DriftFinding {
  readonly key: string;
  readonly doctype: string;
  readonly name: string | null;
  readonly kind: DriftKind;
}

/**
 * Every document the plan for an order's current state ensures (submitted, or a master), and the
 * ones it cancels. Reconciliation plans the order as a webhook would, so "what ERPNext must hold"
 * has one definition: the planner's.
 */
export function expectedDocuments(plan: Plan): ExpectedDocument[] {
  const expected = new Map<string, ExpectedDocument>();
  for (const op of plan.operations) {
    if (op.kind === 'ensure_document' || op.kind === 'ensure_mapped_document') {
      const revision = op.kind === 'ensure_document' ? (op.revision ?? null) : null;
      expected.set(op.key, { key: op.key, doctype: op.doctype, docstatus: op.submit ? 1 : 0, revision });
    }
  }
  for (const op of plan.operations) {
    if (op.kind !== 'cancel_document') continue;
    const target = expected.get(op.target.$ref);
    if (target !== undefined) expected.set(target.key, { ...target, docstatus: 2, revision: null });
  }
  return [...expected.values()];
}

function findingFor(expected: ExpectedDocument, found: FoundDocument | undefined): DriftKind | null {
  if (found === undefined) return 'missing';
  if (expected.docstatus === 2) return found.docstatus === 2 ? null : 'not_cancelled';
  if (found.docstatus === 2) return 'cancelled';
  if (expected.docstatus === 1 && found.docstatus === 0) return 'not_submitted';
  if (expected.revision !== null && found.digest !== null && found.digest !== expected.revision.digest) return 'content_differs';
  return null;
}

/** The differences between what the plan says ERPNext must hold and what it holds, one per document. */
export function orderDrift(expected: readonly ExpectedDocument[], found: ReadonlyMap<string, FoundDocument>): DriftFinding[] {
  return expected.flatMap((document) => {
    const held = found.get(document.key);
    const kind = findingFor(document, held);
    return kind === null ? [] : [{ key: document.key, doctype: document.doctype, name: held?.name ?? null, kind }];
  });
}

const DRIFT_WORDS: Readonly<Record<DriftKind, string>> = {
  missing: 'is missing in ERPNext',
  not_submitted: 'is still a draft in ERPNext',
  cancelled: 'was cancelled in ERPNext although Shopify still holds it',
  not_cancelled: 'is still submitted in ERPNext although the order was cancelled in Shopify',
  content_differs: 'differs from the Shopify order (lines, quantities, prices, discount, taxes or shipping)',
};

/** One sentence per finding, naming the document and what differs. */
export function describeDrift(finding: DriftFinding): string {
  return `${finding.doctype} ${finding.name ?? finding.key} ${DRIFT_WORDS[finding.kind]}`;
}
