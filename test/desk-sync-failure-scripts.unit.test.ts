import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';

/**
 * The Desk scripts of Sync Failure, run against a small fake of the `frappe` client object (issue 14):
 * a button that disappears, a formatter that throws or a method that is not whitelisted fails here,
 * not in an operator's browser. The scripts are read, never changed, and evaluated as Desk does: as
 * a plain script with `frappe` and `__` as globals.
 */
const DOCTYPE_DIR = join(__dirname, '..', 'frappe_app', 'shopsync', 'shopsync', 'doctype', 'sync_failure');
const MODULE = 'shopsync.shopsync.doctype.sync_failure.sync_failure';

type Fn = (...args: unknown[]) => unknown;
type Handlers = Record<string, Fn>;

/** Names of the functions sync_failure.py whitelists (decorator line, then `def name(`). */
function whitelisted(): Set<string> {
  const source = readFileSync(join(DOCTYPE_DIR, 'sync_failure.py'), 'utf8');
  return new Set([...source.matchAll(/^@frappe\.whitelist\([^)]*\)\s*\ndef (\w+)\(/gm)].map((m) => m[1] as string));
}

const translate = (text: string, args?: unknown[]) =>
  (args ?? []).reduce<string>((out, arg, i) => out.replace(`{${i}}`, String(arg)), text);

interface Fake {
  frappe: Record<string, unknown>;
  listviewSettings: Record<string, Record<string, unknown>>;
  formHandlers: Record<string, Handlers>;
  calls: Array<{ method: string; args?: unknown }>;
}

function fakeFrappe(): Fake {
  const listviewSettings: Fake['listviewSettings'] = {};
  const formHandlers: Fake['formHandlers'] = {};
  const calls: Fake['calls'] = [];
  const frappe = {
    listview_settings: listviewSettings,
    ui: { form: { on: (doctype: string, handlers: Handlers) => { formHandlers[doctype] = handlers; } } },
    call: (opts: { method: string; args?: unknown }) => {
      calls.push({ method: opts.method, args: opts.args });
      return Promise.resolve({ message: [{ name: 'SF-0001', ok: true }] });
    },
    xcall: (method: string, args?: unknown) => {
      calls.push({ method, args });
      return Promise.resolve([{ name: 'SF-0001', ok: true }]);
    },
    show_alert: jest.fn(),
    msgprint: jest.fn(),
    set_route: jest.fn(),
    confirm: (_message: string, yes: Fn) => yes(),
  };
  return { frappe, listviewSettings, formHandlers, calls };
}

function load(file: string, fake: Fake): void {
  const source = readFileSync(join(DOCTYPE_DIR, file), 'utf8');
  vm.runInNewContext(source, { frappe: fake.frappe, __: translate }, { filename: file });
}

function expectWhitelisted(calls: Fake['calls']): void {
  const allowed = whitelisted();
  expect(calls.length).toBeGreaterThan(0);
  for (const { method } of calls) {
    expect(method.startsWith(`${MODULE}.`)).toBe(true);
    expect(allowed).toContain(method.slice(MODULE.length + 1));
  }
}

describe('sync_failure_list.js', () => {
  const fake = fakeFrappe();
  load('sync_failure_list.js', fake);
  const settings = fake.listviewSettings['Sync Failure'] as Record<string, unknown>;

  it('registers the list settings of Sync Failure', () => {
    expect(settings).toBeDefined();
    expect(typeof settings.get_indicator).toBe('function');
  });

  it('gives every status and category an indicator with a colour and a filter', () => {
    const getIndicator = settings.get_indicator as Fn;
    const statuses = ['Open', 'Retry Requested', 'Retrying', 'Resolved', 'Ignored', 'Unknown'];
    const categories = ['transient', 'rate_limited', 'auth', 'mapping', 'validation', 'conflict', 'drift', 'internal', '', undefined];
    for (const status of statuses) {
      for (const category of categories) {
        const indicator = getIndicator({ name: 'SF-0001', status, category, code: 'erpnext.server_error' }) as unknown[];
        expect(indicator).toHaveLength(3);
        const [label, colour, filter] = indicator as [string, string, string];
        expect(label).toEqual(expect.any(String));
        expect(label.length).toBeGreaterThan(0);
        expect(colour).toMatch(/^[a-z]+$/);
        expect(filter).toMatch(/^[a-z_]+,=,/);
      }
    }
  });

  it('formats every column it formats without throwing', () => {
    const formatters = (settings.formatters ?? {}) as Record<string, Fn>;
    for (const [field, format] of Object.entries(formatters)) {
      for (const value of ['', null, undefined, 'erpnext.server_error', 'Order #1042: ' + 'x'.repeat(300)]) {
        expect(() => format(value, { fieldname: field }, { name: 'SF-0001', status: 'Open' })).not.toThrow();
      }
    }
  });

  it('adds the bulk actions, each calling a whitelisted method with the selected names', async () => {
    const actions: Array<[string, Fn]> = [];
    const listview = {
      page: {
        add_action_item: (label: string, action: Fn) => { actions.push([label, action]); },
        add_inner_button: jest.fn(),
        add_menu_item: jest.fn(),
      },
      call_for_selected_items: (method: string, args?: unknown) => { fake.calls.push({ method, args }); },
      get_checked_items: (namesOnly?: boolean) => (namesOnly ? ['SF-0001'] : [{ name: 'SF-0001', status: 'Open', category: 'internal' }]),
      refresh: jest.fn(),
      filters: [],
    };
    expect(() => (settings.onload as Fn)(listview)).not.toThrow();
    expect(actions.map(([label]) => label)).toEqual(expect.arrayContaining(['Retry', 'Requeue', 'Ignore']));
    for (const [, action] of actions) {
      await action();
    }
    expectWhitelisted(fake.calls);
  });
});

describe('sync_failure.js', () => {
  const fake = fakeFrappe();
  load('sync_failure.js', fake);
  const handlers = fake.formHandlers['Sync Failure'] as Handlers;

  function form(doc: Record<string, unknown>) {
    const buttons: Array<{ label: string; action: Fn; group?: string }> = [];
    const frm = {
      doc: { doctype: 'Sync Failure', name: 'SF-0001', ...doc },
      add_custom_button: (label: string, action: Fn, group?: string) => { buttons.push({ label, action, group }); },
      reload_doc: jest.fn(),
      set_intro: jest.fn(),
      dashboard: { add_comment: jest.fn(), set_headline: jest.fn() },
      disable_save: jest.fn(),
    };
    return { frm, buttons };
  }

  it('shows the actions the controller allows and calls their whitelisted methods with the one name', async () => {
    const { frm, buttons } = form({ status: 'Open', __onload: { allowed_actions: ['retry', 'requeue', 'ignore'] } });
    (handlers.refresh as Fn)(frm);
    const actions = buttons.filter((b) => b.group === 'Actions');
    expect(actions.map((b) => b.label)).toEqual(['Retry', 'Requeue', 'Ignore']);
    for (const button of actions) {
      await button.action();
    }
    expectWhitelisted(fake.calls);
    for (const { args } of fake.calls) {
      expect(args).toEqual({ names: ['SF-0001'] });
    }
  });

  it('shows no action the controller did not send', () => {
    for (const onload of [undefined, {}, { allowed_actions: [] }]) {
      const { frm, buttons } = form({ status: 'Resolved', __onload: onload });
      expect(() => (handlers.refresh as Fn)(frm)).not.toThrow();
      expect(buttons.filter((b) => b.group === 'Actions')).toEqual([]);
    }
  });
});
