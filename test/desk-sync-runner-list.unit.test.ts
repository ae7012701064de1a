import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';

/**
 * The Desk scripts of Sync Runner, run against a small fake of the `frappe` client object (issue 14).
 * The list's Running / Silent indicator repeats runner_health.runner_state in JS: every case of
 * runner_state_cases.json, which tests/test_runner_health.py runs through the Python rule, runs here
 * through the script, so the two cannot drift apart. The scripts are read, never changed, and
 * evaluated as Desk does: a plain script with `frappe` and `__` as globals.
 */
const APP_DIR = join(__dirname, '..', 'frappe_app', 'shopsync');
const DOCTYPE_DIR = join(APP_DIR, 'shopsync', 'doctype', 'sync_runner');

interface StateCase {
  readonly last_heartbeat: string | null;
  readonly heartbeat_seconds: number | null;
  readonly now: string;
  readonly expected: 'Running' | 'Silent';
  readonly why: string;
}

const CASES = (JSON.parse(readFileSync(join(APP_DIR, 'tests', 'runner_state_cases.json'), 'utf8')) as { cases: StateCase[] }).cases;

type Fn = (...args: unknown[]) => unknown;

/** A fake whose "now" is the site's time `siteNow`, reached the way Desk does: the user's now, converted to the system zone. */
function fakeFrappe(siteNow: () => string) {
  const listviewSettings: Record<string, Record<string, unknown>> = {};
  const formHandlers: Record<string, Record<string, Fn>> = {};
  const frappe = {
    listview_settings: listviewSettings,
    ui: { form: { on: (doctype: string, handlers: Record<string, Fn>) => void (formHandlers[doctype] = handlers) } },
    datetime: {
      // The user's now comes wrapped: a script that compares it without converting it to the site's zone reads no time.
      now_datetime: () => `USER(${siteNow()})`,
      convert_to_system_tz: (value: string) => value.replace(/^USER\((.*)\)$/, '$1'),
    },
  };
  return { frappe, listviewSettings, formHandlers };
}

function load(file: string, fake: ReturnType<typeof fakeFrappe>): void {
  const source = readFileSync(join(DOCTYPE_DIR, file), 'utf8');
  vm.runInNewContext(source, { frappe: fake.frappe, __: (text: string) => text }, { filename: file });
}

describe('sync_runner_list.js', () => {
  let now = '';
  const fake = fakeFrappe(() => now);
  load('sync_runner_list.js', fake);
  const settings = fake.listviewSettings['Sync Runner'] as { add_fields: string[]; get_indicator: Fn };

  it('reads the two fields its rule needs', () => {
    expect(settings.add_fields).toEqual(expect.arrayContaining(['last_heartbeat', 'heartbeat_seconds']));
  });

  it.each(CASES.map((c) => [c.why, c] as const))('decides like runner_health.runner_state: %s', (_why, c) => {
    now = c.now;
    const indicator = settings.get_indicator({ name: 'web-1:8787', last_heartbeat: c.last_heartbeat, heartbeat_seconds: c.heartbeat_seconds }) as string[];
    expect(indicator).toEqual([c.expected, c.expected === 'Running' ? 'green' : 'red', 'name,=,web-1:8787']);
  });

  it('uses the site time, not the user time it is given first', () => {
    now = '2026-12-05 03:00:30';
    expect((settings.get_indicator({ name: 'r', last_heartbeat: '2026-12-05 03:00:00', heartbeat_seconds: 60 }) as string[])[0]).toBe('Running');
  });
});

describe('sync_runner.js', () => {
  it('shows the runner read-only: no save', () => {
    const fake = fakeFrappe(() => '2026-12-05 03:00:00');
    load('sync_runner.js', fake);
    const frm = { disable_save: jest.fn(), doc: { name: 'web-1:8787' } };
    fake.formHandlers['Sync Runner']!.refresh!(frm);
    expect(frm.disable_save).toHaveBeenCalled();
  });
});
