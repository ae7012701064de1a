import { createErpnextClient, type ErpnextClient } from '@shopsync/erpnext-client';
import { createErpnextSimulator, type ErpnextSimulator } from '@shopsync/simulators';

// Issue 11 point 9: record_sync_logs copied every Sync Log for each entry, so the mirror slowed to
// ~2 requests/s past ~2,600 logs. Speed lives in scripts/bench-erpnext-sim.ts; this test pins the
// cause instead, by the rows the site store reads per request: it must not grow with the table.
describe('ERPNext simulator: the companion app upserts by a unique key, not by scanning', () => {
  let sim: ErpnextSimulator;
  let client: ErpnextClient;

  beforeEach(async () => {
    sim = createErpnextSimulator({ apiKey: 'k', apiSecret: 's' });
    const { url } = await sim.listen();
    client = createErpnextClient({ baseUrl: url, apiKey: 'k', apiSecret: 's' });
  });
  afterEach(async () => sim.close());

  const call = (method: string, entries: object[]) => client.callMethod<Array<{ result: string }>>(`shopsync.api.${method}`, { entries }, { verb: 'POST' });
  const rowsReadBy = async (work: () => Promise<unknown>): Promise<number> => {
    const before = sim.rowsRead();
    await work();
    return sim.rowsRead() - before;
  };

  async function grow(method: string, entry: (i: number) => object, from: number, to: number): Promise<void> {
    for (let start = from; start < to; start += 100) await call(method, Array.from({ length: Math.min(100, to - start) }, (_, k) => entry(start + k)));
  }

  const log = (i: number, status = 'Applied') => ({ event_id: `evt-${i}`, status, topic: 'orders/create' });
  const failure = (i: number, state = 'open') => ({ failure_key: `evt-${i}:mapping.sku_unmapped`, state, code: 'mapping.sku_unmapped', category: 'mapping', message: 'SKU has no Item' });

  test('record_sync_logs: a created, an updated and an unchanged entry read as many rows at 400 logs as at 100', async () => {
    // One request of each kind of entry: new, a status change of an existing log, and a repeat.
    const request = (size: number) => call('record_sync_logs', [log(size), log(1, 'Failed'), log(2)]).then((results) => expect(results.map((r) => r.result)).toEqual(['created', 'updated', 'unchanged']));
    await grow('record_sync_logs', log, 0, 100);
    const at100 = await rowsReadBy(() => request(100));
    await grow('record_sync_logs', log, 101, 400);
    await call('record_sync_logs', [log(1)]);
    const at400 = await rowsReadBy(() => request(400));
    expect(sim.countDocs('Sync Log')).toBe(401);
    expect(at400).toBe(at100);
    // A few rows per entry (the row found, the row reread to save it), never a pass over the table:
    // before the fix this request read 504 rows at 100 logs and 2,004 at 400.
    expect(at100).toBeLessThanOrEqual(15);
  });

  test('record_sync_failures: creating, walking a status and repeating read as many rows at 400 failures as at 100', async () => {
    const request = (size: number) =>
      call('record_sync_failures', [failure(size), failure(1, 'retrying'), failure(2)]).then((results) => expect(results.map((r) => r.result)).toEqual(['created', 'updated', 'unchanged']));
    await grow('record_sync_failures', failure, 0, 100);
    const at100 = await rowsReadBy(() => request(100));
    await grow('record_sync_failures', failure, 101, 400);
    await call('record_sync_failures', [failure(1)]);
    const at400 = await rowsReadBy(() => request(400));
    expect(sim.countDocs('Sync Failure')).toBe(401);
    expect(at400).toBe(at100);
    // Before the fix: 909 rows at 100 failures, 3,609 at 400.
    expect(at100).toBeLessThanOrEqual(15);
  });

  test('the unique index still refuses a second log whose event_id differs only by case or trailing spaces', async () => {
    await call('record_sync_logs', [log(7)]);
    await expect(client.insertDoc('Sync Log', { event_id: 'EVT-7  ', status: 'Applied' })).rejects.toMatchObject({ code: 'erpnext.unique_violation', message: 'Event ID must be unique' });
    expect(sim.countDocs('Sync Log')).toBe(1);
  });

  test('a request rolled back leaves no trace in the lookup: the same event is created again', async () => {
    const badLink = { ...log(9), reference_doctype: 'Sales Order', reference_name: 'SAL-ORD-MISSING' };
    await expect(call('record_sync_logs', [log(8), badLink])).rejects.toMatchObject({ code: expect.stringMatching(/^erpnext\./) });
    expect(sim.countDocs('Sync Log')).toBe(0);
    expect((await call('record_sync_logs', [log(8)])).map((r) => r.result)).toEqual(['created']);
  });
});
