import { DEMO_MAPPING } from '@shopsync/demo';
import { parseConfig, type Config, type Scheduler } from '@shopsync/runner';
import type { HealthReport } from '../packages/runner/src/mirror/health-report';
import { scheduleJobs } from '../packages/runner/src/schedule/runner-jobs';
import { defaultRunnerName, runnerHealthEntry, type RunnerIdentity } from '../packages/runner/src/mirror/runner-health-entry';
import { openShopifyOutages, sendHeartbeat, type HeartbeatDeps } from '../packages/runner/src/mirror/send-heartbeat';

// The heartbeat (issue 14): the entry is built from the store's counts without IO, a heartbeat that
// does not arrive is a result and a log line (never an exception), and the job is scheduled at
// mirror.heartbeatSeconds only while mirroring is on. Ports are fakes; nothing sleeps.

const IDENTITY: RunnerIdentity = {
  runnerName: 'web-1:8787',
  version: '0.1.0',
  shops: ['a.myshopify.com', 'b.myshopify.com'],
  startedAt: new Date('2026-12-05T02:00:00.000Z'),
  heartbeatSeconds: 60,
};

const HEALTH: HealthReport = {
  backlog: { pending: 7, claimed: 2 },
  events: { pending: 7, claimed: 2, applied: 40 },
  deliveries: 49,
  duplicateDeliveries: 3,
  failures: { mapping: { open: 2, retrying: 1 }, transient: { retrying: 4 }, auth: { ignored: 1 } },
  openFailures: 2,
  lastSuccess: [
    { flow: 'customers', at: '2026-12-05T02:58:00.000Z', topic: 'customers/update' },
    { flow: 'orders', at: '2026-12-05T02:59:00.000Z', topic: 'orders/paid' },
  ],
};

describe('runnerHealthEntry', () => {
  test('sends the backlog, failures and last success per flow, and who the runner is', () => {
    expect(runnerHealthEntry(IDENTITY, HEALTH, false)).toEqual({
      runner_name: 'web-1:8787',
      version: '0.1.0',
      shops: ['a.myshopify.com', 'b.myshopify.com'],
      started_at: '2026-12-05T02:00:00.000Z',
      heartbeat_seconds: 60,
      pending: 7,
      claimed: 2,
      open_failures: 2,
      retrying_failures: 5,
      erpnext_outage: false,
      flows: [
        { flow: 'customers', last_success: '2026-12-05T02:58:00.000Z', topic: 'customers/update' },
        { flow: 'orders', last_success: '2026-12-05T02:59:00.000Z', topic: 'orders/paid' },
      ],
    });
  });

  test('says nothing about an outage when there is no breaker, and never sends a time of the beat', () => {
    const entry = runnerHealthEntry(IDENTITY, HEALTH, null);
    expect(entry).not.toHaveProperty('erpnext_outage');
    expect(entry).not.toHaveProperty('last_heartbeat');
  });

  test('names the shops whose Shopify breaker is open, and says nothing of Shopify without breakers', () => {
    expect(runnerHealthEntry(IDENTITY, HEALTH, false, ['b.myshopify.com'])).toMatchObject({ erpnext_outage: false, shopify_outages: ['b.myshopify.com'] });
    // None open is said too, so the Desk clears the shops of an outage that is over.
    expect(runnerHealthEntry(IDENTITY, HEALTH, false, [])).toMatchObject({ shopify_outages: [] });
    expect(runnerHealthEntry(IDENTITY, HEALTH, false, null)).not.toHaveProperty('shopify_outages');
  });

  test('the default name is host and port, cut to a Data column', () => {
    expect(defaultRunnerName('web-1', 8787)).toBe('web-1:8787');
    expect(defaultRunnerName('h'.repeat(200), 1)).toHaveLength(140);
  });
});

function deps(callMethod: HeartbeatDeps['erpnext']['callMethod']) {
  const warnings: Array<[Record<string, unknown>, string]> = [];
  const store: HeartbeatDeps['store'] = {
    counts: async () => ({ byStatus: { pending: 1 }, deliveries: 1, duplicateDeliveries: 0, unfinished: 1 }) as never,
    failureCounts: async () => [{ category: 'mapping', status: 'open', count: 1 }],
    lastApplied: async () => [{ topic: 'orders/create', lastAppliedAt: '2026-12-05T02:00:00.000Z' }, { topic: 'orders/paid', lastAppliedAt: '2026-12-05T02:30:00.000Z' }],
  };
  const logger = { warn: (bindings: Record<string, unknown>, msg: string) => void warnings.push([bindings, msg]) } as unknown as HeartbeatDeps['logger'];
  return { deps: { store, erpnext: { callMethod }, identity: IDENTITY, erpnextOutage: () => true, logger }, warnings };
}

describe('sendHeartbeat', () => {
  test('posts one entry to record_runner_health and returns the site’s answer', async () => {
    const calls: unknown[] = [];
    const { deps: d, warnings } = deps(async (method, args, options) => {
      calls.push([method, args, options]);
      return { runner_name: 'web-1:8787', name: 'web-1:8787', ok: true, result: 'created', last_heartbeat: '2026-12-05 03:00:00.000000', message: '' };
    });
    expect(await sendHeartbeat(d)).toEqual({ ok: true, result: 'created', message: '', lastHeartbeat: '2026-12-05 03:00:00.000000' });
    expect(calls).toEqual([
      [
        'shopsync.api.record_runner_health',
        { entry: expect.objectContaining({ pending: 1, open_failures: 1, erpnext_outage: true, flows: [{ flow: 'orders', last_success: '2026-12-05T02:30:00.000Z', topic: 'orders/paid' }] }) },
        { verb: 'POST' },
      ],
    ]);
    expect(warnings).toEqual([]);
  });

  test('a runner whose Shopify breaker is open for one shop sends that shop, and only it', async () => {
    const entries: unknown[] = [];
    const { deps: d } = deps(async (_method, args) => {
      entries.push((args as { entry: unknown }).entry);
      return { ok: true, result: 'updated', last_heartbeat: '2026-12-05 03:00:00.000000', message: '' };
    });
    const breakers = new Map([
      ['b.myshopify.com', { isOpen: () => true }],
      ['a.myshopify.com', { isOpen: () => false }],
    ]);
    await sendHeartbeat({ ...d, shopifyOutages: () => openShopifyOutages(breakers) });
    await sendHeartbeat({ ...d, shopifyOutages: () => openShopifyOutages(new Map()) });
    await sendHeartbeat(d);
    expect(entries[0]).toMatchObject({ shopify_outages: ['b.myshopify.com'] });
    expect(entries[1]).not.toHaveProperty('shopify_outages');
    expect(entries[2]).not.toHaveProperty('shopify_outages');
  });

  test('open Shopify breakers are named in order; none open is an empty list, no breakers is null', () => {
    const breaker = (open: boolean) => ({ isOpen: () => open });
    expect(openShopifyOutages(new Map([['c.myshopify.com', breaker(true)], ['a.myshopify.com', breaker(true)], ['b.myshopify.com', breaker(false)]]))).toEqual(['a.myshopify.com', 'c.myshopify.com']);
    expect(openShopifyOutages(new Map([['a.myshopify.com', breaker(false)]]))).toEqual([]);
    expect(openShopifyOutages(new Map())).toBeNull();
  });

  test('ERPNext unreachable: resolves with the failure and logs it, so the next beat simply tries again', async () => {
    const { deps: d, warnings } = deps(async () => Promise.reject(new Error('connect ECONNREFUSED')));
    expect(await sendHeartbeat(d)).toEqual({ ok: false, result: 'unsent', message: 'connect ECONNREFUSED', lastHeartbeat: null });
    expect(warnings.map(([, msg]) => msg)).toEqual(['runner_health.unsent']);
  });

  test('an entry the app refuses is logged with its reason', async () => {
    const { deps: d, warnings } = deps(async () => ({ ok: false, result: 'invalid', message: 'missing runner_name', last_heartbeat: null }));
    expect(await sendHeartbeat(d)).toMatchObject({ ok: false, result: 'invalid', message: 'missing runner_name' });
    expect(warnings).toEqual([[{ runnerName: 'web-1:8787', result: 'invalid', message: 'missing runner_name' }, 'runner_health.refused']]);
  });
});

function config(mirror: Record<string, unknown>): Config {
  const parsed = parseConfig({
    shops: [{ domain: 'a.myshopify.com', webhookSecrets: ['w'] }],
    erpnext: { url: 'http://127.0.0.1:8000', apiKey: 'k', apiSecret: 's' },
    store: { path: ':memory:' },
    mapping: DEMO_MAPPING,
    mirror,
  });
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  return parsed.config;
}

function scheduled(cfg: Config) {
  const jobs: Array<[string, number, Record<string, unknown> | undefined]> = [];
  const scheduler = { every: (name: string, ms: number, _job: unknown, options?: Record<string, unknown>) => void jobs.push([name, ms, options]) } as unknown as Scheduler;
  const idle = async () => undefined;
  scheduleJobs(scheduler, { config: cfg, now: () => new Date(0), prune: idle, mirror: idle, mirrorFailures: idle, heartbeat: idle });
  return jobs.find(([name]) => name === 'runner.heartbeat');
}

describe('the heartbeat job', () => {
  test('beats every mirror.heartbeatSeconds (60 by default)', () => {
    expect(config({}).mirror).toMatchObject({ heartbeatSeconds: 60 });
    expect(config({}).mirror.runnerName).toBeUndefined();
    expect(scheduled(config({}))).toEqual(['runner.heartbeat', 60_000, { failedEvent: 'runner_health.failed' }]);
    expect(scheduled(config({ heartbeatSeconds: 15 }))?.[1]).toBe(15_000);
  });

  test('is off with heartbeatSeconds null, or when nothing is mirrored (the app may not be installed)', () => {
    expect(scheduled(config({ heartbeatSeconds: null }))).toBeUndefined();
    expect(scheduled(config({ syncLogs: false, syncFailures: false }))).toBeUndefined();
    expect(scheduled(config({ syncLogs: false }))).toBeDefined();
  });

  test('the config refuses what the app would refuse', () => {
    const problems = (mirror: Record<string, unknown>) => {
      const parsed = parseConfig({ shops: [{ domain: 'a.myshopify.com', webhookSecrets: ['w'] }], erpnext: { url: 'http://127.0.0.1:8000', apiKey: 'k', apiSecret: 's' }, store: { path: ':memory:' }, mapping: DEMO_MAPPING, mirror });
      return parsed.ok ? [] : parsed.problems;
    };
    expect(problems({ heartbeatSeconds: 0 })).toEqual([expect.stringMatching(/^mirror\.heartbeatSeconds: /)]);
    expect(problems({ heartbeatSeconds: 86_401 })).toEqual([expect.stringMatching(/^mirror\.heartbeatSeconds: /)]);
    expect(problems({ runnerName: '<web-1>' })).toEqual(['mirror.runnerName: must not contain < or >']);
    expect(problems({ runnerName: 'x'.repeat(141) })).toEqual([expect.stringMatching(/^mirror\.runnerName: /)]);
  });
});
