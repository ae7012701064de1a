import { createErpnextClient } from '@shopsync/erpnext-client';
import { startHarness, type Harness } from './support/e2e-harness';
import { useTempDir } from './support/temp-dir';

describe('customers/create and customers/update over real HTTP, each webhook delivered twice', () => {
  const dir = useTempDir();
  let harness: Harness;

  beforeEach(async () => {
    harness = await startHarness(dir(), { duplicateRate: 1 });
    for (const topic of ['customers/create', 'customers/update', 'orders/create']) {
      harness.shopify.webhooks.subscribe({ topic, address: harness.primary.webhookUrl });
    }
  });
  afterEach(async () => harness.stop());

  async function settle() {
    await harness.shopify.webhooks.drain();
    await harness.primary.runner.drained();
  }

  const synced = (doctype: string) => harness.erp.docs(doctype).filter((doc) => typeof doc.shopsync_key === 'string');

  test('one Customer, one Contact and one Address, linked to each other, from duplicated webhooks', async () => {
    const customer = harness.shopify.driver.createCustomer({ firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' });
    await settle();
    const [erpCustomer] = synced('Customer');
    expect(synced('Customer')).toHaveLength(1);
    expect(erpCustomer).toMatchObject({ customer_name: 'Ada Lovelace', shopify_customer_id: String(customer.id) });
    const contacts = synced('Contact');
    const addresses = synced('Address');
    expect([contacts.length, addresses.length]).toEqual([1, 1]);
    expect(contacts[0]?.links).toEqual([expect.objectContaining({ link_doctype: 'Customer', link_name: erpCustomer!.name })]);
    expect(addresses[0]?.links).toEqual([expect.objectContaining({ link_doctype: 'Customer', link_name: erpCustomer!.name })]);
    expect(await harness.primary.store.counts()).toMatchObject({ byStatus: { applied: 1 } });
  });

  test('a Shopify edit updates Shopify-owned fields and leaves what the operator set in ERPNext alone', async () => {
    const customer = harness.shopify.driver.createCustomer({ firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' });
    await settle();
    const name = synced('Customer')[0]!.name as string;
    const operator = createErpnextClient({ baseUrl: harness.erpUrl, apiKey: 'e2e-key', apiSecret: 'e2e-secret' });
    await operator.updateDoc('Customer', name, { customer_group: 'Commercial' });
    harness.shopify.driver.updateCustomer(customer.id, { firstName: 'Augusta', email: 'augusta@example.com' });
    await settle();
    expect(synced('Customer')[0]).toMatchObject({ customer_name: 'Augusta Lovelace', customer_group: 'Commercial' });
    expect(synced('Contact')[0]?.email_ids).toEqual([expect.objectContaining({ email_id: 'augusta@example.com', is_primary: 1 })]);
    expect([synced('Customer').length, synced('Contact').length, synced('Address').length]).toEqual([1, 1, 1]);
  });

  test('two different orders of one new customer at once: one Customer, both orders booked', async () => {
    harness.shopify.webhooks.configure({ concurrency: 8, duplicateRate: 1 });
    const customer = harness.shopify.driver.createCustomer({ firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com' });
    const first = harness.shopify.driver.createOrder({ customer: { id: customer.id }, financialStatus: 'pending' });
    const second = harness.shopify.driver.createOrder({ customer: { id: customer.id }, financialStatus: 'pending' });
    await settle();
    expect(synced('Customer')).toHaveLength(1);
    const orders = harness.erp.docs('Sales Order').map((doc) => doc.shopify_order_id).sort();
    expect(orders).toEqual([String(first.id), String(second.id)].sort());
  });
});
