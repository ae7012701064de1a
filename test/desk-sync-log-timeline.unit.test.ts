import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';

/**
 * sync_log.js draws the evidence as a timeline (received → plan → each request and its answer →
 * result) into the form's HTML field (issue 14), run here against a small fake of Desk's `frappe`.
 * Whatever the evidence holds, the form still opens: an unknown kind or a broken JSON never throws.
 */
const SCRIPT = join(__dirname, '..', 'frappe_app', 'shopsync', 'shopsync', 'doctype', 'sync_log', 'sync_log.js');

type Refresh = (frm: unknown) => void;
const translate = (text: string, args?: unknown[]) => (args ?? []).reduce<string>((out, arg, i) => out.replace(`{${i}}`, String(arg)), text);

function loadRefresh(): Refresh {
  const handlers: Record<string, Record<string, Refresh>> = {};
  const frappe = { ui: { form: { on: (doctype: string, h: Record<string, Refresh>) => { handlers[doctype] = h; } } }, set_route: jest.fn() };
  vm.runInNewContext(readFileSync(SCRIPT, 'utf8'), { frappe, __: translate }, { filename: 'sync_log.js' });
  return handlers['Sync Log']!.refresh!;
}

/** Refreshes a form of `doc` and answers the HTML drawn into evidence_timeline and the buttons added. */
function render(doc: Record<string, unknown>): { html: string; buttons: string[]; saveDisabled: number } {
  let html = '';
  const buttons: string[] = [];
  let saveDisabled = 0;
  const frm = {
    doc,
    get_field: (name: string) => (name === 'evidence_timeline' ? { $wrapper: { html: (value: string) => { html = value; } } } : undefined),
    add_custom_button: (label: string) => buttons.push(label),
    disable_save: () => { saveDisabled += 1; },
  };
  loadRefresh()(frm);
  return { html, buttons, saveDisabled };
}

const text = (html: string) => html.split(/<[^>]+>/).map((part) => part.trim()).filter(Boolean).join('\n');

describe('sync_log.js', () => {
  test('the evidence reads as received, plan, each request and its answer, result', () => {
    const evidence = [
      { at: '2026-12-05T01:00:00.000Z', kind: 'received', data: { topic: 'orders/create', webhookId: 'b5455' } },
      { at: '2026-12-05T01:00:00.100Z', kind: 'plan', data: { outcome: 'applied', operations: [{ key: 'so:1042', kind: 'ensure_document', doctype: 'Sales Order' }] } },
      { at: '2026-12-05T01:00:00.200Z', kind: 'operation', data: { key: 'so:1042', step: 'created', submitted: true, doctype: 'Sales Order', name: 'SAL-ORD-2026-00001' } },
      { at: '2026-12-05T01:00:00.300Z', kind: 'operation', data: { key: 'so:1042', step: 'updated', changed: ['delivery_date'], doctype: 'Sales Order', name: 'SAL-ORD-2026-00001' } },
      { at: '2026-12-05T01:00:00.400Z', kind: 'result', data: { status: 'applied', reason: null } },
    ];
    const { html, buttons } = render({ evidence: JSON.stringify(evidence), reference_doctype: 'Sales Order', reference_name: 'SAL-ORD-2026-00001', status: 'Applied' });
    expect(text(html).split('\n')).toEqual([
      '2026-12-05 01:00:00', 'Received', 'orders/create · webhook b5455',
      '2026-12-05 01:00:00', 'Plan', 'applied · 1 operation(s)', 'ensure_document Sales Order',
      '2026-12-05 01:00:00', 'Operation', 'Request: ensure_document · Sales Order', 'Answer: created · Sales Order SAL-ORD-2026-00001 · submitted',
      '2026-12-05 01:00:00', 'Operation', 'Request: ensure_document · Sales Order', 'Answer: updated · Sales Order SAL-ORD-2026-00001', 'Changed: delivery_date',
      '2026-12-05 01:00:00', 'Result', 'applied',
    ]);
    expect(buttons).toEqual(['Open Sales Order']);
  });

  test('unknown kinds, odd data and markup in values are shown, escaped, without throwing', () => {
    const evidence = [
      { at: '2026-12-05T01:00:00Z', kind: 'duplicate_delivery', data: { webhookId: '<img src=x onerror=alert(1)>' } },
      { kind: 'toString', data: null },
      { kind: 'plan', data: 'not an object' },
      { kind: 'operation', data: { step: 'inventory_set', quantities: [{ sku: 'SKU-1003', quantity: 4 }] } },
      null,
      7,
    ];
    const { html } = render({ evidence: JSON.stringify(evidence), status: 'Failed', event_id: 'shop/b5455' });
    expect(html).not.toContain('<img');
    expect(html).toContain('duplicate_delivery');
    expect(html).toContain('Answer: inventory_set');
    expect(html.match(/<li/g)).toHaveLength(6);
  });

  test('the form has no Save button: the runner writes every field', () => {
    for (const status of ['Received', 'Applied', 'Failed']) {
      expect(render({ status, event_id: 'e', evidence: '[]' }).saveDisabled).toBe(1);
    }
  });

  test('no evidence, broken JSON, or a form without the field: a sentence, never an error', () => {
    expect(text(render({}).html)).toBe('No evidence was recorded.');
    expect(text(render({ evidence: '{not json' }).html)).toBe('The evidence is not a list; see Raw Evidence.');
    expect(text(render({ evidence: '{"plan": []}' }).html)).toBe('The evidence is not a list; see Raw Evidence.');
    const refresh = loadRefresh();
    expect(() => refresh({ doc: { evidence: '[]' }, add_custom_button: jest.fn(), disable_save: jest.fn() })).not.toThrow();
    expect(render({ status: 'Failed', event_id: 'e' }).buttons).toEqual(['Sync Failures']);
  });
});
