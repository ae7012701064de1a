import {
  DEFAULT_FIELD_AUTHORITY,
  FIELD_OWNERS,
  normalizePhone,
  planEvent,
  splitByAuthority,
  type EnsureDocumentOperation,
  type Plan,
  type UpdateDocumentOperation,
} from '@shopsync/core';
import { createShopifySimulator } from '@shopsync/simulators';
import { MAPPED_SETTINGS, SHOP } from './support/order-fixtures';

function simulatedCustomer(): Record<string, unknown> {
  const shopify = createShopifySimulator({ seed: 3, now: () => new Date('2026-11-27T15:00:00Z') });
  return JSON.parse(JSON.stringify(shopify.driver.createCustomer({ firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' }))) as Record<string, unknown>;
}

const plan = (payload: unknown, settings = MAPPED_SETTINGS, appliedVersion: string | null = null): Plan =>
  planEvent({ shop: SHOP, topic: 'customers/update', payload }, settings, { appliedVersion });
const op = <T>(p: Plan, kind: string, doctype: string) => p.operations.find((o) => o.kind === kind && o.doctype === doctype) as T;

describe('customers/create and customers/update', () => {
  test('ensure the Customer by Shopify id, its Contact, and an Address per Shopify address id', () => {
    const p = plan(simulatedCustomer());
    expect(p.operations.map((o) => `${o.kind} ${o.doctype}`)).toEqual([
      'ensure_document Customer',
      'update_document Customer',
      'ensure_document Contact',
      'update_document Contact',
      'ensure_document Address',
      'update_document Address',
    ]);
    expect(op<EnsureDocumentOperation>(p, 'ensure_document', 'Address').key).toMatch(new RegExp(`^address:${SHOP}:\\d+$`));
  });

  test('the same customer via customers/create and via an order ensures the same Customer key', () => {
    const customer = simulatedCustomer();
    const viaCustomer = op<EnsureDocumentOperation>(plan(customer), 'ensure_document', 'Customer').key;
    expect(viaCustomer).toBe(`customer:${SHOP}:${String(customer.admin_graphql_api_id).split('/').pop()}`);
  });

  test('an update never carries ERPNext-owned or create-only fields', () => {
    const update = op<UpdateDocumentOperation>(plan(simulatedCustomer()), 'update_document', 'Customer');
    expect(Object.keys(update.changes)).toEqual(['customer_name']);
  });

  test('an older customers/update than the applied version is superseded', () => {
    expect(plan(simulatedCustomer(), MAPPED_SETTINGS, '2099-01-01T00:00:00Z').outcome).toBe('superseded');
  });

  test('an address without line 1, city or country is left out instead of failing the customer', () => {
    const customer = simulatedCustomer();
    const address = { ...(customer.default_address as Record<string, unknown>), city: null };
    const p = plan({ ...customer, addresses: [address], default_address: address });
    expect(p.operations.some((o) => o.doctype === 'Address')).toBe(false);
    expect(p.outcome).toBe('applied');
  });

  test('no e-mail and no usable phone: no Contact', () => {
    const p = plan({ ...simulatedCustomer(), email: null, phone: 'call me' });
    expect(p.operations.some((o) => o.doctype === 'Contact')).toBe(false);
  });
});

describe('field authority is data, one test per rule', () => {
  const doc = { customer_name: 'N', customer_group: 'G', tax_id: 'T', unknown_field: 'U' };

  test.each(Object.entries(DEFAULT_FIELD_AUTHORITY))('%s is %s', (key, owner) => {
    const [doctype, field] = key.split('.') as [string, string];
    const { onCreate, onUpdate } = splitByAuthority(doctype, { [field]: 'value' }, DEFAULT_FIELD_AUTHORITY);
    expect([field in onCreate, field in onUpdate]).toEqual([owner !== 'erpnext', owner === 'shopify']);
  });

  test('every owner in the table is a known owner', () => {
    expect(Object.values(DEFAULT_FIELD_AUTHORITY).every((owner) => (FIELD_OWNERS as readonly string[]).includes(owner))).toBe(true);
  });

  test('a field without a rule is set on create only (never overwritten)', () => {
    expect(splitByAuthority('Customer', doc, DEFAULT_FIELD_AUTHORITY).onUpdate).toEqual({ customer_name: 'N' });
  });

  test('settings may hand a field to ERPNext: then shopsync stops updating it', () => {
    const authority = { ...DEFAULT_FIELD_AUTHORITY, 'Customer.customer_name': 'set_on_create' as const };
    const update = op<UpdateDocumentOperation | undefined>(plan(simulatedCustomer(), { ...MAPPED_SETTINGS, fieldAuthority: authority }), 'update_document', 'Customer');
    expect(update).toBeUndefined();
  });
});

describe('phones fit ERPNext’s limits', () => {
  test.each([
    ['+1 (555) 010-0100', '+1 (555) 010-0100'],
    ['+1 555-010-0100 ext. 12', '+1 555-010-0100'],
    ['555.010.0100 x99', '555.010.0100'],
    ['+44 20 7946 0958 0000 0000 0000', null],
    ['call me', null],
    [null, null],
  ])('%p becomes %p', (raw, expected) => {
    expect(normalizePhone(raw)).toBe(expected);
  });
});
