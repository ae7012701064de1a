import type { Doc } from '@shopsync/erpnext-client';
import { useSubscribedHarness } from './support/e2e-harness';
import { receiveStock } from './support/erpnext-stock';
import { useTempDir } from './support/temp-dir';

const TOPICS = ['orders/create', 'orders/updated', 'orders/paid', 'orders/fulfilled', 'orders/partially_fulfilled', 'order_transactions/create'];
const SITE = { company: 'Shopsync Demo', warehouse: 'Stores - SD' };

/**
 * A fulfillment of an item without stock parks erpnext.validation.negative_stock. Its sentence must
 * say what fixes it: the Delivery Note is dated when Shopify fulfilled it, so stock received after that
 * does not cover it (a retry failed again every time in the chaos runs); stock received no later does.
 */
describe('a delivery that meets no stock', () => {
  const { harness, settle } = useSubscribedHarness(useTempDir(), TOPICS, { fulfillmentAuthority: 'shopify' });

  test('its failure says to receive stock dated no later than the delivery; doing that and retrying books it', async () => {
    const order = harness().shopify.driver.createOrder({ customer: 'new', lines: [{ sku: 'SKU-1010', quantity: 1 }] });
    harness().shopify.driver.fulfilOrder(order.id, {});
    await settle();
    const store = harness().primary.store;
    const [failure] = await store.failures({ status: 'open' });
    expect(failure?.code).toBe('erpnext.validation.negative_stock');
    expect(failure?.message).toContain('with a posting date and time no later than the ones ERPNext names');
    // Written in one request with its submit (batched writes), the refused Delivery Note left nothing behind;
    // the date to receive stock by is the one ERPNext names in the sentence ("… on 2026-12-05 10:00:00 for …").
    expect(harness().erp.docs('Delivery Note').filter((doc: Doc) => doc.shopify_order_id === String(order.id))).toEqual([]);
    const postingDate = / on (\d{4}-\d{2}-\d{2}) /.exec(failure!.message)?.[1];
    expect(postingDate).toBeDefined();
    // Backdated to the delivery's own moment, as the sentence says.
    await receiveStock(harness().erpnext, SITE, 'SKU-1010', 5, 10, { set_posting_time: 1, posting_date: postingDate!, posting_time: '00:00:00' });
    await store.actOnFailure(failure!.id, 'retry', new Date());
    await harness().primary.runner.drained();
    const notes = harness().erp.docs('Delivery Note').filter((doc: Doc) => doc.shopify_order_id === String(order.id));
    expect(notes.map((doc: Doc) => doc.docstatus)).toEqual([1]);
    expect(await store.failures({ status: 'open' })).toEqual([]);
  });
});
