import type { Failure } from '../failures/failure';
import type { ContentShape } from './document-content';

/** Stands for the ERPNext name of the document that the operation with this key made or adopted. */
export interface DocRef {
  readonly $ref: string;
}

export type DocValue = string | number | boolean | null | DocRef | readonly DocValue[] | { readonly [field: string]: DocValue };

export type DocFields = { readonly [field: string]: DocValue };

/**
 * Create the document unless one with this key exists, then (optionally) submit it. Replaying it
 * after a crash at any point is safe: the key sits in a unique field, so ERPNext refuses a second
 * document and the runner adopts the first.
 */
export interface EnsureDocumentOperation {
  readonly key: string;
  readonly kind: 'ensure_document';
  readonly doctype: string;
  readonly doc: DocFields;
  readonly submit: boolean;
  readonly dependsOn: readonly string[];
  /** Set when the document must follow later changes of its source (an order edited in Shopify). */
  readonly revision?: Revision;
}

/**
 * How an existing document is kept equal to `doc`. The runner compares the content `shape` of the
 * document ERPNext holds with `digest` (contentDigest of `doc`); when they differ it makes ERPNext's
 * own correction of a submitted document: cancel it, then insert an amendment (`amended_from`) that
 * holds `doc`, keyed `<key>~<n>`. A submitted document linked to the old one blocks the cancel, and
 * the event becomes a conflict naming the blocker; nothing is half-changed.
 */
export interface Revision {
  readonly digest: string;
  readonly shape: ContentShape;
}

/**
 * Like ensure_document, but the draft comes from one of ERPNext's mapper methods (make_sales_invoice,
 * get_payment_entry …), which set the links ERPNext itself relies on (so_detail, references); `set`
 * is merged over the draft, always including the key.
 */
export interface EnsureMappedDocumentOperation {
  readonly key: string;
  readonly kind: 'ensure_mapped_document';
  readonly doctype: string;
  readonly method: string;
  readonly args: DocFields;
  readonly set: DocFields;
  /** Row edits on the draft's child tables, e.g. keep only the refunded lines of a return. */
  readonly tableEdits: readonly TableEdit[];
  readonly submit: boolean;
  readonly dependsOn: readonly string[];
}

/** Rows of a mapped draft matched by a field (the Shopify line id): kept and changed, or dropped. */
export interface TableEdit {
  readonly table: string;
  readonly matchField: string;
  readonly rows: ReadonlyArray<{ readonly match: string; readonly set: DocFields }>;
  readonly dropUnmatched: boolean;
}

/** Cancel a submitted document; already cancelled counts as done. A submitted dependant blocks it. */
export interface CancelDocumentOperation {
  readonly key: string;
  readonly kind: 'cancel_document';
  readonly doctype: string;
  readonly target: DocRef;
  readonly dependsOn: readonly string[];
}

/**
 * Bring the listed fields of an existing document to these values. Idempotent by value: the runner
 * compares first and writes only what differs, so it is not remembered by key; a child table given
 * here replaces the document's table whole (Frappe's PUT semantics).
 */
export interface UpdateDocumentOperation {
  readonly key: string;
  readonly kind: 'update_document';
  readonly doctype: string;
  readonly target: DocRef;
  readonly changes: DocFields;
  readonly dependsOn: readonly string[];
}

export type Operation = EnsureDocumentOperation | EnsureMappedDocumentOperation | CancelDocumentOperation | UpdateDocumentOperation;

/**
 * A plan is one of four outcomes (DESIGN G2), each with exactly the fields it can have: only an applied
 * plan writes, only a failed plan carries a failure, skipped and superseded plans say why. Every shape
 * keeps all five keys (the absent ones null or empty) because the plan is recorded as evidence as it
 * is, and `shopsync events show`, the shadow summary and the Desk read those keys.
 */
export type Plan = AppliedPlan | SkippedPlan | SupersededPlan | FailedPlan;

/** The terminal status the event gets once every operation succeeded (DESIGN G2). */
export type PlanOutcome = Plan['outcome'];

export interface AppliedPlan {
  readonly outcome: 'applied';
  readonly reason: null;
  readonly operations: readonly Operation[];
  readonly failure: null;
  /** The resource version this plan brings ERPNext to (the order's updated_at), when it has one. */
  readonly version: string | null;
}

/** Nothing to write; the version is remembered all the same, so older events are superseded. */
export interface SkippedPlan {
  readonly outcome: 'skipped';
  readonly reason: string;
  readonly operations: readonly [];
  readonly failure: null;
  readonly version: string | null;
}

export interface SupersededPlan {
  readonly outcome: 'superseded';
  readonly reason: string;
  readonly operations: readonly [];
  readonly failure: null;
  readonly version: null;
}

export interface FailedPlan {
  readonly outcome: 'failed';
  readonly reason: null;
  readonly operations: readonly [];
  readonly failure: Failure;
  readonly version: null;
}

export function isDocRef(value: unknown): value is DocRef {
  return typeof value === 'object' && value !== null && typeof (value as { $ref?: unknown }).$ref === 'string';
}

export const skippedPlan = (reason: string, version: string | null = null): SkippedPlan => ({ outcome: 'skipped', reason, operations: [], failure: null, version });

export const supersededPlan = (reason: string): SupersededPlan => ({ outcome: 'superseded', reason, operations: [], failure: null, version: null });

export const failedPlan = (failure: Failure): FailedPlan => ({ outcome: 'failed', reason: null, operations: [], failure, version: null });

export const applyPlan = (operations: readonly Operation[], version: string | null = null): AppliedPlan => ({
  outcome: 'applied',
  reason: null,
  operations,
  failure: null,
  version,
});
