import { DEFAULT_SYNC_SETTINGS, describeFailure, planEvent, type InboundEvent, type Plan, type SyncSettings } from '@shopsync/core';

/** Given/When/Then over the pure planner (STYLE C12): settings in, event in, plan out. */
export function given(overrides: Partial<SyncSettings> = {}) {
  const settings: SyncSettings = { ...DEFAULT_SYNC_SETTINGS, ...overrides };
  return {
    when(event: InboundEvent) {
      const plan: Plan = planEvent(event, settings);
      return {
        plan,
        thenPlan(check: (plan: Plan) => void) {
          check(plan);
          return plan;
        },
        thenFails(code: string) {
          expect(plan.outcome).toBe('failed');
          expect(plan.operations).toEqual([]);
          expect(plan.failure?.code).toBe(code);
          return describeFailure(plan.failure!);
        },
      };
    },
  };
}
