import { applyPlan, failedPlan, skippedPlan, supersededPlan, type Failure, type Operation, type Plan, type SkippedPlan } from '@shopsync/core';

// A Plan is a union on `outcome` (packages/core/src/plan/types.ts). Its JSON is recorded as evidence
// and read by `shopsync events show`, the shadow summary and the Desk, so every outcome keeps the
// same five keys in the same order.

const FAILURE: Failure = { code: 'payload.invalid', category: 'validation', retryable: false, subject: { kind: 'event', label: 'orders/create' }, params: { issues: 'x' } };
const OPERATION: Operation = { key: 'customer:s:1', kind: 'ensure_document', doctype: 'Customer', doc: {}, submit: false, dependsOn: [] };

// Type-level checks, read by `tsc -p tsconfig.json`.
function failureOf(plan: Plan): Failure | null {
  if (plan.outcome === 'failed') return plan.failure;
  const none: null = plan.failure;
  return none;
}
// @ts-expect-error only an applied plan writes
const _skippedThatWrites: SkippedPlan = { outcome: 'skipped', reason: 'r', operations: [OPERATION], failure: null, version: null };
// @ts-expect-error a failed plan carries its failure
const _failedWithoutFailure: Plan = { outcome: 'failed', reason: null, operations: [], failure: null, version: null };
// @ts-expect-error a skipped plan says why
const _skippedWithoutReason: Plan = { outcome: 'skipped', reason: null, operations: [], failure: null, version: null };

describe('a plan is one of four outcomes with one JSON shape', () => {
  test('each outcome keeps the five keys, in the order evidence has always had them', () => {
    for (const plan of [applyPlan([OPERATION], 'v'), skippedPlan('why', 'v'), supersededPlan('older'), failedPlan(FAILURE)]) {
      expect(Object.keys(plan)).toEqual(['outcome', 'reason', 'operations', 'failure', 'version']);
    }
  });

  test('the failure is there exactly when the plan failed', () => {
    expect(failureOf(failedPlan(FAILURE))).toBe(FAILURE);
    expect([applyPlan([]), skippedPlan('why'), supersededPlan('older')].map(failureOf)).toEqual([null, null, null]);
  });
});
