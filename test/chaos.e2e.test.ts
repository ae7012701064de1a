import { rmSync } from 'node:fs';
import { CHAOS_DEFAULTS, INVARIANTS, chaosJson, runChaos, type ChaosReport } from '@shopsync/demo';

// `npm run chaos`, small and with a fixed seed: serve as a real child process, SIGKILLed twice and
// restarted, ERPNext down for 3 s and answering some requests with faults, webhooks duplicated and
// reordered — and after quiescence every invariant holds. The workload's rarer flows are made
// likelier than the command's defaults so that 25 orders exercise each of them.

describe('the chaos run', () => {
  let report: ChaosReport;

  beforeAll(async () => {
    report = await runChaos(
      { ...CHAOS_DEFAULTS, orders: 25, seed: 11, kills: 2, outageMs: 3_000, faultRate: 0.05, refundRate: 0.3, shippingRefundRate: 0.3, customerEditRate: 0.3, returnRate: 0.4, settleTimeoutMs: 60_000 },
      // The child processes get this environment less shopsync's own variables (the config file decides).
      { env: process.env, onProgress: () => undefined },
    );
    rmSync(report.stateDir, { recursive: true, force: true });
  }, 90_000);

  test('every invariant holds, and nothing was reported violated', () => {
    expect(report.violations).toEqual([]);
    expect(Object.keys(report.invariants).sort()).toEqual([...INVARIANTS].sort());
    expect(report.invariants).toEqual(Object.fromEntries(INVARIANTS.map((name) => [name, true])));
  });

  test('the faults of the plan all happened, and every flow of the workload ran', () => {
    expect(report.faults).toMatchObject({ kills: 2, outages: 1 });
    expect(report.faults.outageMs).toBeGreaterThanOrEqual(3_000);
    expect(report.faults.duplicateDeliveries).toBeGreaterThan(0);
    expect(report.faults.reorderedDeliveries).toBeGreaterThan(0);
    // Placed, paid later, cancelled, refunded, edited, fulfilled (and partly), returned, shipping refunded, customers edited.
    expect(Object.entries(report.details.workload).filter(([flow, n]) => flow !== 'refused' && n === 0)).toEqual([]);
    expect(report.events).toBeGreaterThan(report.orders * 3);
  });

  test('--json is one object with the counts, the invariants and the violations', () => {
    const json = JSON.parse(chaosJson(report)) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['orders', 'events', 'faults', 'invariants', 'violations']));
    expect(json).not.toHaveProperty('details');
  });
});
