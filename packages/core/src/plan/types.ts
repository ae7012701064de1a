import type { Failure } from '../failures/failure';

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
}

export type Operation = EnsureDocumentOperation;

/** The terminal status the event gets once every operation succeeded (DESIGN G2). */
export type PlanOutcome = 'applied' | 'skipped' | 'superseded' | 'failed';

export interface Plan {
  readonly outcome: PlanOutcome;
  /** Why nothing is written, for skipped and superseded plans. */
  readonly reason: string | null;
  readonly operations: readonly Operation[];
  readonly failure: Failure | null;
}

export function isDocRef(value: unknown): value is DocRef {
  return typeof value === 'object' && value !== null && typeof (value as { $ref?: unknown }).$ref === 'string';
}

export const skippedPlan = (reason: string): Plan => ({ outcome: 'skipped', reason, operations: [], failure: null });

export const failedPlan = (failure: Failure): Plan => ({ outcome: 'failed', reason: null, operations: [], failure });

export const applyPlan = (operations: readonly Operation[]): Plan => ({
  outcome: 'applied',
  reason: null,
  operations,
  failure: null,
});
