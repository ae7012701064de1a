import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkRunnerHealth } from '../packages/simulators/src/erpnext/methods/shopsync-runner-methods';

/**
 * The ERPNext simulator's `shopsync.api.record_runner_health` checks entries as the app does
 * (frappe_app/shopsync/runner_health.py): every refused entry of runner_health_invalid_cases.json,
 * which tests/test_runner_health.py runs through the Python parser, is refused here with the same words.
 */
interface InvalidCase {
  readonly label: string;
  readonly entry: unknown;
  readonly reason: string;
}

const FIXTURE = join(__dirname, '..', 'frappe_app', 'shopsync', 'tests', 'runner_health_invalid_cases.json');
const CASES = (JSON.parse(readFileSync(FIXTURE, 'utf8')) as { cases: InvalidCase[] }).cases;

describe('the simulator refuses what the app refuses', () => {
  it.each(CASES.map((c) => [c.label, c] as const))('%s', (_label, c) => {
    expect(checkRunnerHealth(c.entry)).toEqual({ invalid: c.reason });
  });
});

describe('a good entry becomes the values the app stores', () => {
  it('as test_runner_health.TestParse.test_a_full_entry expects them', () => {
    const checked = checkRunnerHealth({
      runner_name: 'web-1:8787',
      version: '0.1.0',
      shops: ['a.myshopify.com', 'b.myshopify.com'],
      started_at: '2026-12-05T02:00:00Z',
      heartbeat_seconds: 60,
      pending: 3,
      claimed: 1,
      open_failures: 2,
      retrying_failures: 0,
      erpnext_outage: false,
      flows: [
        { flow: 'orders', last_success: '2026-12-05T02:59:00.250Z', topic: 'orders/paid' },
        { flow: 'customers', last_success: '2026-12-05T02:58:00Z', topic: 'customers/update' },
      ],
    });
    expect(checked).toEqual({
      name: 'web-1:8787',
      fields: {
        runner_name: 'web-1:8787',
        version: '0.1.0',
        shops: 'a.myshopify.com\nb.myshopify.com',
        started_at: '2026-12-05 02:00:00.000000',
        heartbeat_seconds: 60,
        pending: 3,
        claimed: 1,
        open_failures: 2,
        retrying_failures: 0,
        erpnext_outage: 0,
      },
      flows: [
        { flow: 'customers', last_success: '2026-12-05 02:58:00.000000', topic: 'customers/update' },
        { flow: 'orders', last_success: '2026-12-05 02:59:00.250000', topic: 'orders/paid' },
      ],
    });
  });

  it('the shops whose Shopify is unreachable, one per line as test_runner_health stores them', () => {
    const entry = { runner_name: 'r', heartbeat_seconds: 5 };
    expect(checkRunnerHealth({ ...entry, shopify_outages: ['b.myshopify.com', 'a.myshopify.com'] })).toMatchObject({ fields: { shopify_outages: 'b.myshopify.com\na.myshopify.com' } });
    expect(checkRunnerHealth({ ...entry, shopify_outages: [] })).toMatchObject({ fields: { shopify_outages: '' } });
    // An older runner does not send it: accepted, and the stored value is left alone.
    expect(checkRunnerHealth(entry)).toEqual({ name: 'r', fields: { runner_name: 'r', heartbeat_seconds: 5 }, flows: [] });
  });

  it('reads a naive datetime in the site zone (UTC), not the host zone', () => {
    const checked = checkRunnerHealth({ runner_name: 'r', heartbeat_seconds: 5, started_at: '2026-12-05 02:00:00' });
    expect(checked).toMatchObject({ fields: { started_at: '2026-12-05 02:00:00.000000' } });
  });
});
