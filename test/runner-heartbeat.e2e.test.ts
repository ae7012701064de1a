import { hostname } from 'node:os';
import { healthReport } from '../packages/runner/src/mirror/health-report';
import { startHarness, type Harness } from './support/e2e-harness';
import { useTempDir } from './support/temp-dir';

type Row = Record<string, unknown>;

/** Frappe's naive datetime of an instant on the simulated site (UTC), as the app stores it. */
const siteTime = (iso: string) => `${new Date(iso).toISOString().replace('T', ' ').replace('Z', '')}000`;

describe('the runner’s heartbeat reaches the companion app’s Sync Runner (issue 14)', () => {
  const dir = useTempDir();
  let harness: Harness;

  beforeEach(async () => {
    harness = await startHarness(dir(), { duplicateRate: 0 });
    for (const topic of ['orders/create', 'orders/paid']) harness.shopify.webhooks.subscribe({ topic, address: harness.primary.webhookUrl });
  });
  afterEach(async () => harness.stop());

  const runners = (): Row[] => [...harness.erp.docs('Sync Runner')];

  /** A beat of our own: the first call may join a scheduled one in flight, the second is fresh. */
  async function beat() {
    await harness.primary.runner.heartbeat();
    return harness.primary.runner.heartbeat();
  }

  test('one row per runner with its backlog, failures and last success per flow, by the numbers of its store', async () => {
    // One order applies; a second one is refused by ERPNext and parked (an open failure).
    harness.shopify.driver.createOrder({ customer: 'new' });
    await harness.shopify.webhooks.drain();
    await harness.primary.runner.drained();
    harness.erp.faults.inject({ kind: 'status', method: 'POST', path: /Sales%20Order|Sales Order|apply_documents/, status: 417, excType: 'ValidationError', times: 1 });
    harness.shopify.driver.createOrder({ customer: 'new', financialStatus: 'pending' });
    await harness.shopify.webhooks.drain();
    await harness.primary.runner.drained();
    // A third order arrives while the workers are stopped: its events wait in the backlog.
    await harness.primary.runner.workers.stop();
    harness.shopify.driver.createOrder({ customer: 'new' });
    await harness.shopify.webhooks.drain();

    const answer = await beat();
    expect(answer).toMatchObject({ ok: true, result: expect.stringMatching(/^(created|updated)$/) });
    const health = await healthReport(harness.primary.store);
    expect(health.openFailures).toBe(1);
    expect(health.backlog.pending).toBeGreaterThan(0);
    const rows = runners();
    expect(rows).toHaveLength(1);
    const name = `${hostname()}:0`;
    expect(rows[0]).toMatchObject({
      name,
      runner_name: name,
      version: '0.1.0',
      shops: harness.shopify.shop.domain,
      heartbeat_seconds: 60,
      pending: health.backlog.pending,
      claimed: health.backlog.claimed,
      open_failures: 1,
      retrying_failures: 0,
      erpnext_outage: 0,
      last_heartbeat: answer.lastHeartbeat,
    });
    const flows = (rows[0]!.flows as Row[]).map((row) => [row.flow, row.last_success, row.topic]);
    expect(flows).toEqual(health.lastSuccess.map((row) => [row.flow, siteTime(row.at), row.topic]));
    expect(flows.map(([flow]) => flow)).toContain('orders');
  });

  test('a beat again updates the same row: the site’s clock moves last_heartbeat, the flows are replaced, not added', async () => {
    harness.shopify.driver.createOrder({ customer: 'new' });
    await harness.shopify.webhooks.drain();
    await harness.primary.runner.drained();
    const first = await beat();
    const flowsBefore = (runners()[0]!.flows as Row[]).length;
    const second = await harness.primary.runner.heartbeat();
    expect(second).toMatchObject({ ok: true, result: 'updated' });
    expect(String(second.lastHeartbeat) > String(first.lastHeartbeat)).toBe(true);
    expect(runners()).toHaveLength(1);
    expect((runners()[0]!.flows as Row[])).toHaveLength(flowsBefore);
  });

  test('ERPNext unreachable: the heartbeat resolves as unsent, the row keeps its last beat, the next beat arrives', async () => {
    const before = await beat();
    harness.erp.faults.inject({ kind: 'status', path: /record_runner_health/, status: 503, times: 1 });
    expect(await harness.primary.runner.heartbeat()).toMatchObject({ ok: false, result: 'unsent' });
    expect(runners()[0]!.last_heartbeat).toBe(before.lastHeartbeat);
    expect(await harness.primary.runner.heartbeat()).toMatchObject({ ok: true, result: 'updated' });
  });

  test('the shops whose Shopify is unreachable are stored one per line; an entry without them (an older runner) leaves them', async () => {
    const send = (entry: Record<string, unknown>) => harness.erpnext.callMethod('shopsync.api.record_runner_health', { entry: { runner_name: 'other', heartbeat_seconds: 60, ...entry } }, { verb: 'POST' });
    const row = () => runners().find((r) => r.name === 'other');
    expect(await send({ shopify_outages: ['a.myshopify.com', 'b.myshopify.com'] })).toMatchObject({ ok: true, result: 'created' });
    expect(row()).toMatchObject({ shopify_outages: 'a.myshopify.com\nb.myshopify.com' });
    expect(await send({})).toMatchObject({ ok: true, result: 'updated' });
    expect(row()).toMatchObject({ shopify_outages: 'a.myshopify.com\nb.myshopify.com' });
    expect(await send({ shopify_outages: [] })).toMatchObject({ ok: true, result: 'updated' });
    expect(row()).toMatchObject({ shopify_outages: '' });
  });

  test('the app refuses an entry that names its own heartbeat time, and writes nothing', async () => {
    const answer = await harness.erpnext.callMethod('shopsync.api.record_runner_health', { entry: { runner_name: 'other', heartbeat_seconds: 60, last_heartbeat: '2030-01-01T00:00:00Z' } }, { verb: 'POST' });
    expect(answer).toEqual({ runner_name: 'other', name: null, ok: false, result: 'invalid', last_heartbeat: null, message: 'unknown field(s): last_heartbeat' });
    expect(runners().map((row) => row.name)).not.toContain('other');
  });
});
