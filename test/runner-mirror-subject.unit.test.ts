import { describeFailure, type FailureSubject } from '@shopsync/core';
import { subjectText } from '@shopsync/core';
import { shopifyAdminUrl, subjectFields, syncFailureEntry, syncLogEntry, type EventRecord, type EvidenceRecord, type FailureRecord } from '@shopsync/runner';

const SHOP = 'acme.myshopify.com';

function event(topic: string, payload: unknown, overrides: Partial<EventRecord> = {}): EventRecord {
  return {
    id: 7,
    shop: SHOP,
    webhookId: 'b5455',
    topic,
    resourceKey: `${SHOP}/order/5900004294646`,
    status: 'applied',
    attempts: 1,
    receivedAt: '2026-12-05T01:00:00.000Z',
    availableAt: '2026-12-05T01:00:00.000Z',
    finishedAt: '2026-12-05T01:00:01.000Z',
    reason: null,
    eventId: null,
    triggeredAt: null,
    apiVersion: null,
    payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    payloadHash: 'ab'.repeat(32),
    ...overrides,
  };
}

const operation = (doctype: string, name: string): EvidenceRecord => ({ id: 1, inboxId: 7, at: '2026-12-05T01:00:01.000Z', kind: 'operation', data: { step: 'created', doctype, name } });

function failure(details: Record<string, unknown>): FailureRecord {
  return {
    id: 3,
    inboxId: 7,
    topic: 'orders/create',
    resourceKey: `${SHOP}/order/5900004294646`,
    code: 'erpnext.validation',
    category: 'validation',
    retryable: false,
    message: 'Order #1042 was refused by ERPNext; fix the data in ERPNext as the message says, then retry.',
    details,
    status: 'open',
    createdAt: '2026-12-05T01:00:00.000Z',
    lastSeenAt: '2026-12-05T01:00:00.000Z',
    resolvedAt: null,
    occurrences: 1,
  };
}

describe('a mirrored Sync Log or Sync Failure says what it is about, and links to it', () => {
  test('the subject reads as the failure sentence starts', () => {
    const subjects: Array<[FailureSubject, string]> = [
      [{ kind: 'order', label: '#1042', shopifyId: '5900004294646' }, 'Order #1042'],
      [{ kind: 'customer', label: 'Ada Lovelace', shopifyId: '7301234567' }, 'Customer Ada Lovelace'],
      [{ kind: 'stock', label: 'SKU-1003 at location 98087769208' }, 'Stock of SKU-1003 at location 98087769208'],
      [{ kind: 'delivery_note', label: 'MAT-DN-2026-00012' }, 'Delivery Note MAT-DN-2026-00012'],
      [{ kind: 'event', label: 'orders/delete' }, 'Event orders/delete'],
    ];
    for (const [subject, text] of subjects) {
      expect(subjectText(subject)).toBe(text);
      // The same words core's sentence begins with.
      expect(describeFailure({ code: 'internal.unexpected', category: 'internal', retryable: false, subject, params: { message: 'x' } }).startsWith(`${text} `)).toBe(true);
    }
  });

  test('orders and customers link to their admin page; stock and Delivery Notes have none', () => {
    expect(shopifyAdminUrl(SHOP, { kind: 'order', label: '#1042', shopifyId: '5900004294646' })).toBe(`https://${SHOP}/admin/orders/5900004294646`);
    expect(shopifyAdminUrl(SHOP, { kind: 'customer', label: 'Ada', shopifyId: '7301234567' })).toBe(`https://${SHOP}/admin/customers/7301234567`);
    expect(shopifyAdminUrl(SHOP, { kind: 'stock', label: 'SKU-1 at location 1', shopifyId: '44' })).toBeNull();
    expect(shopifyAdminUrl(SHOP, { kind: 'delivery_note', label: 'MAT-DN-1' })).toBeNull();
    expect(shopifyAdminUrl(null, { kind: 'order', label: '#1', shopifyId: '1' })).toBeNull();
    expect(subjectFields({ kind: 'stock', label: 'SKU-1003 at location 98087769208', shopifyId: '44' }, SHOP)).toEqual({ subject: 'Stock of SKU-1003 at location 98087769208', shopify_id: '44' });
    expect(subjectFields({ kind: 'order', label: '#'.repeat(200) }, SHOP).subject).toHaveLength(140);
  });

  test('a Sync Log names its order or customer from the event payload', () => {
    const order = syncLogEntry(event('orders/create', { id: 5900004294646, name: '#1042' }), [operation('Customer', 'Ada'), operation('Sales Order', 'SAL-ORD-2026-00001')], event('orders/create', { id: 5900004294646, name: '#1042' }));
    expect(order).toMatchObject({ subject: 'Order #1042', shopify_id: '5900004294646', shopify_admin_url: `https://${SHOP}/admin/orders/5900004294646`, reference_doctype: 'Sales Order', reference_name: 'SAL-ORD-2026-00001', payload_hash: 'ab'.repeat(32) });
    const customerEvent = event('customers/create', { id: 7301234567, first_name: 'Ada', last_name: 'Lovelace' });
    expect(syncLogEntry(customerEvent, [], customerEvent)).toMatchObject({ subject: 'Customer Ada Lovelace', shopify_id: '7301234567', shopify_admin_url: `https://${SHOP}/admin/customers/7301234567` });
  });

  test('a Sync Log whose payload is unreadable, or whose event is gone, is still sent', () => {
    const broken = event('orders/create', '{not json');
    expect(syncLogEntry(broken, [], broken)).toMatchObject({ subject: 'Event orders/create' });
    const entry = syncLogEntry(broken, [], null);
    expect(entry).not.toHaveProperty('subject');
    expect(entry).not.toHaveProperty('payload_hash');
  });

  test('a Sync Failure takes its subject from its details, and the document that blocked it, else the one its event made', () => {
    const subject = { kind: 'order', label: '#1042', shopifyId: '5900004294646' };
    const blocked = syncFailureEntry(failure({ subject, doctype: 'Sales Invoice', name: 'ACC-SINV-2026-00003' }), event('orders/edited', {}), [operation('Sales Order', 'SAL-ORD-2026-00001')]);
    expect(blocked).toMatchObject({
      subject: 'Order #1042',
      shopify_id: '5900004294646',
      shopify_admin_url: `https://${SHOP}/admin/orders/5900004294646`,
      reference_doctype: 'Sales Invoice',
      reference_name: 'ACC-SINV-2026-00003',
    });
    expect(syncFailureEntry(failure({ subject }), null, [operation('Sales Order', 'SAL-ORD-2026-00001')])).toMatchObject({
      shopify_admin_url: `https://${SHOP}/admin/orders/5900004294646`,
      reference_doctype: 'Sales Order',
      reference_name: 'SAL-ORD-2026-00001',
    });
    const stock = syncFailureEntry(failure({ subject: { kind: 'stock', label: 'SKU-1003 at location 98087769208' } }), null);
    expect(stock).toMatchObject({ subject: 'Stock of SKU-1003 at location 98087769208' });
    expect(stock).not.toHaveProperty('shopify_admin_url');
    expect(stock).not.toHaveProperty('reference_doctype');
  });

  test('details without a readable subject add no subject fields', () => {
    for (const details of [{}, { subject: 'Order #1' }, { subject: { kind: 'planet', label: 'Mars' } }, { subject: { kind: 'order', label: '' } }]) {
      expect(syncFailureEntry(failure(details), null)).not.toHaveProperty('subject');
    }
    // A doctype without a name is no reference.
    expect(syncFailureEntry(failure({ doctype: 'Sales Order' }), null)).not.toHaveProperty('reference_doctype');
  });
});

describe('a Sync Log of a payment names its order as the failure does', () => {
  test('with the order’s stored state, "Order #1042"; without it, the id', () => {
    const event = { id: 1, shop: 'shop.myshopify.com', webhookId: 'w1', topic: 'order_transactions/create', resourceKey: 'shop.myshopify.com/order/5900004294646', status: 'applied', attempts: 1, receivedAt: '2026-12-05T10:00:00Z', availableAt: '2026-12-05T10:00:00Z', finishedAt: null, reason: null } as const;
    const stored = { topic: 'order_transactions/create', payload: JSON.stringify({ id: 7001, order_id: 5900004294646, kind: 'sale' }), payloadHash: 'h' };
    expect(syncLogEntry(event, [], stored, JSON.stringify({ id: 5900004294646, name: '#1042' }))).toMatchObject({ subject: 'Order #1042', shopify_admin_url: 'https://shop.myshopify.com/admin/orders/5900004294646' });
    expect(syncLogEntry(event, [], stored)).toMatchObject({ subject: 'Order id 5900004294646' });
  });
});
