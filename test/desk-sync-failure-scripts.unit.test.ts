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

interface DialogField {
  fieldtype: string;
  fieldname: string;
  label?: string;
  options?: string;
  click?: Fn;
}

/** A frappe.ui.Dialog that records its fields and whether it was shown or hidden. */
class FakeDialog {
  static made: FakeDialog[] = [];
  fields: DialogField[];
  title: string;
  shown = false;
  hidden = false;
  constructor(opts: { title: string; fields: DialogField[] }) {
    this.title = opts.title;
    this.fields = opts.fields;
    FakeDialog.made.push(this);
  }
  show(): void { this.shown = true; }
  hide(): void { this.hidden = true; }
}

interface Fake {
  frappe: Record<string, unknown>;
  listviewSettings: Record<string, Record<string, unknown>>;
  formHandlers: Record<string, Handlers>;
  calls: Array<{ method: string; args?: unknown }>;
  confirms: string[];
  /** What xcall answers, by the method's last dotted part; a per-name list otherwise. */
  answers: Record<string, unknown>;
}

// As Frappe's frappe.utils.escape_html (frappe/public/js/frappe/utils/utils.js) maps them.
const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#x60;', '=': '&#x3D;' };
const escapeHtml = (text: unknown) => (text == null ? '' : String(text).replace(/[&<>"'`=]/g, (c) => HTML_ENTITIES[c] ?? c));

function fakeFrappe(): Fake {
  const listviewSettings: Fake['listviewSettings'] = {};
  const formHandlers: Fake['formHandlers'] = {};
  const calls: Fake['calls'] = [];
  const confirms: string[] = [];
  const answers: Fake['answers'] = {};
  const frappe = {
    listview_settings: listviewSettings,
    ui: { form: { on: (doctype: string, handlers: Handlers) => { formHandlers[doctype] = handlers; } }, Dialog: FakeDialog },
    utils: { escape_html: escapeHtml },
    call: (opts: { method: string; args?: unknown }) => {
      calls.push({ method: opts.method, args: opts.args });
      return Promise.resolve({ message: [{ name: 'SF-0001', ok: true }] });
    },
    xcall: (method: string, args?: unknown) => {
      calls.push({ method, args });
      const name = method.split('.').pop() as string;
      return Promise.resolve(name in answers ? answers[name] : [{ name: 'SF-0001', ok: true }]);
    },
    show_alert: jest.fn(),
    msgprint: jest.fn(),
    set_route: jest.fn(),
    confirm: (message: string, yes: Fn) => { confirms.push(message); return yes(); },
  };
  return { frappe, listviewSettings, formHandlers, calls, confirms, answers };
}

/** Lets the promise callbacks queued by a click run (no timers involved). */
const settle = () => new Promise((resolve) => setImmediate(resolve));

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

describe('sync_failure_list.js: Group by code', () => {
  const GROUPS = [
    {
      code: 'erpnext.server_error', category: 'internal', count: 27, retry_safe: 20, shops: ['a.myshopify.com', 'b.myshopify.com'],
      oldest: '2026-12-04 23:00:00', latest: '2026-12-05 01:00:00.123456', sample: 'Order #1042 could not be saved: ERPNext answered 500.',
    },
    {
      code: 'mapping.<img src=x onerror=alert(1)>', category: 'mapping', count: 2, retry_safe: 0, shops: [],
      oldest: null, latest: null, sample: '<script>alert(1)</script>',
    },
  ];

  function openList(answers: Record<string, unknown>) {
    const fake = fakeFrappe();
    Object.assign(fake.answers, answers);
    load('sync_failure_list.js', fake);
    const inner: Array<[string, Fn]> = [];
    const listview = {
      page: { add_action_item: jest.fn(), add_inner_button: (label: string, action: Fn) => { inner.push([label, action]); }, add_menu_item: jest.fn() },
      call_for_selected_items: jest.fn(),
      refresh: jest.fn(),
      filters: [],
    };
    (fake.listviewSettings['Sync Failure']!.onload as Fn)(listview);
    return { fake, listview, inner };
  }

  async function openDialog(answers: Record<string, unknown>) {
    const opened = openList(answers);
    const button = opened.inner.find(([label]) => label === 'Group by code');
    expect(button).toBeDefined();
    FakeDialog.made = [];
    await button![1]();
    return { ...opened, dialogs: [...FakeDialog.made] };
  }

  const html = (dialog: FakeDialog) => dialog.fields.filter((f) => f.fieldtype === 'HTML').map((f) => f.options ?? '');
  const buttons = (dialog: FakeDialog) => dialog.fields.filter((f) => f.fieldtype === 'Button');

  it('lists each open code as count × code · category · last seen, with everything escaped', async () => {
    const { dialogs, fake } = await openDialog({ failure_groups: { groups: GROUPS, note: '' } });
    expect(dialogs).toHaveLength(1);
    const [dialog] = dialogs as [FakeDialog];
    expect(dialog.shown).toBe(true);
    const [first, second] = html(dialog) as [string, string];
    expect(first).toContain('27 × erpnext.server_error · internal · last seen 2026-12-05 01:00');
    expect(first).toContain('20 retry-safe · a.myshopify.com, b.myshopify.com · open since 2026-12-04 23:00');
    expect(first).toContain('Order #1042 could not be saved: ERPNext answered 500.');
    expect(second).not.toMatch(/<img|<script/);
    expect(second).toContain('&lt;img src&#x3D;x');
    expect(new Set(dialog.fields.map((f) => f.fieldname)).size).toBe(dialog.fields.length);
    expect(fake.calls.map((c) => c.method)).toEqual([`${MODULE}.failure_groups`]);
  });

  it('gives every group Requeue all and Ignore all, each confirmed with the count, then calls act_on_code and refreshes', async () => {
    for (const [index, action] of [[0, 'requeue'], [0, 'ignore'], [1, 'requeue'], [1, 'ignore']] as const) {
      const answer = { total: 27, results: [], message: 'Requeued 27 failures of erpnext.server_error. Not changed (1): SF-1: <b>why</b>.' };
      const { dialogs, fake, listview } = await openDialog({ failure_groups: { groups: GROUPS, note: '' }, act_on_code: answer });
      const [dialog] = dialogs as [FakeDialog];
      expect(buttons(dialog).map((b) => b.label)).toEqual(['Requeue all', 'Ignore all', 'Requeue all', 'Ignore all']);
      const group = GROUPS[index]!;
      const button = buttons(dialog)[index * 2 + (action === 'requeue' ? 0 : 1)]!;
      button.click!();
      await settle();
      expect(fake.confirms).toHaveLength(1);
      expect(fake.confirms[0]).toContain(`all ${group.count} open failures of`);
      expect(fake.confirms[0]).not.toContain('<img');
      expect(fake.calls.at(-1)).toEqual({ method: `${MODULE}.act_on_code`, args: { code: group.code, action } });
      expectWhitelisted(fake.calls);
      expect(dialog.hidden).toBe(true);
      expect(listview.refresh).toHaveBeenCalledTimes(1);
      const shown = (fake.frappe.msgprint as jest.Mock).mock.calls[0][0] as { message: string };
      expect(shown.message).toContain('Requeued 27 failures of erpnext.server_error.');
      expect(shown.message).not.toContain('<b>');
    }
  });

  it('says so when nothing is open, and shows the server note when the count was cut short', async () => {
    const empty = await openDialog({ failure_groups: { groups: [], note: '' } });
    expect(empty.dialogs).toEqual([]);
    expect(empty.fake.frappe.msgprint).toHaveBeenCalledWith('No open failures.');

    const note = 'Counted the 10000 most recent open failures only; act on the largest groups and open the list again.';
    const { dialogs } = await openDialog({ failure_groups: { groups: GROUPS.slice(0, 1), note } });
    expect(html(dialogs[0]!).at(-1)).toContain(note);
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

  it('has no Save button: every field is read-only and changes go through the actions', () => {
    for (const status of ['Open', 'Retry Requested', 'Retrying', 'Resolved', 'Ignored']) {
      const { frm } = form({ status, __onload: { allowed_actions: [] } });
      (handlers.refresh as Fn)(frm);
      expect(frm.disable_save).toHaveBeenCalledTimes(1);
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
