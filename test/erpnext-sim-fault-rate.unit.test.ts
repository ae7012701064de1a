import { FaultRegistry, createPrng } from '@shopsync/simulators';

// The ERPNext simulator's faults with a `rate`: a seeded draw per request the fault otherwise
// matches; without a rate, faults behave as before (every matching request, `times` of them).

describe('FaultRegistry with a rate', () => {
  test('affects about `rate` of the matching requests, the same ones for the same seed', () => {
    const run = () => {
      const faults = new FaultRegistry();
      const prng = createPrng(5);
      faults.inject({ kind: 'status', status: 502, method: 'POST', rate: 0.1, random: () => prng.next() });
      return Array.from({ length: 2_000 }, () => faults.take('POST', '/api/resource/Sales Order', ['status']) !== undefined);
    };
    const hits = run();
    expect(hits.filter(Boolean).length).toBeGreaterThan(150);
    expect(hits.filter(Boolean).length).toBeLessThan(250);
    expect(run()).toEqual(hits);
  });

  test('draws only for requests it otherwise matches, and a spared request meets the next fault', () => {
    const faults = new FaultRegistry();
    let draws = 0;
    faults.inject({ kind: 'status', status: 429, method: 'PUT', rate: 0.5, random: () => (draws += 1) && 0.9 });
    faults.inject({ kind: 'status', status: 500, times: 1 });
    expect(faults.take('GET', '/api/resource/Customer', ['status'])?.status).toBe(500);
    expect(draws).toBe(0);
    expect(faults.take('PUT', '/api/resource/Customer/C-1', ['status'])).toBeUndefined();
    expect(draws).toBe(1);
  });

  test('`times` still bounds a rated fault, and a rate needs a generator', () => {
    const faults = new FaultRegistry();
    faults.inject({ kind: 'commit-then-drop', rate: 1, random: () => 0, times: 2 });
    expect([1, 2, 3].map(() => faults.take('POST', '/api/resource/Sales Invoice', ['commit-then-drop'])?.kind)).toEqual(['commit-then-drop', 'commit-then-drop', undefined]);
    expect(() => faults.inject({ kind: 'status', status: 503, rate: 0.5 })).toThrow(/random/);
    expect(() => faults.inject({ kind: 'status', status: 503, rate: 2, random: Math.random })).toThrow(/probability/);
  });
});
