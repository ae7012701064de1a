import fc from 'fast-check';
import { orderWebhookBody, parseOrder, resourceKeyOf, transactionWebhookBody } from '@shopsync/core';
import { parseTransaction } from '../packages/core/src/orders/parse-transaction';
import { shopifyOrder, shopifyTransaction } from './support/shopify-order-arbitrary';

// The inbox holds webhook bodies. An order read over the Admin API is parsed straight into a
// ShopifyOrder and stored as the body orderWebhookBody writes; the worker reads it back with the
// REST parser. These properties are why that is no conversion: the stored body reads back to exactly
// the order (and transaction) it was written from, after the JSON text the inbox keeps.

const throughInbox = (body: unknown) => JSON.parse(JSON.stringify(body)) as unknown;

describe('the stored webhook body reads back to the value it was written from', () => {
  test('parseOrder(orderWebhookBody(order)) is the order', () => {
    fc.assert(
      fc.property(shopifyOrder, (order) => {
        expect(parseOrder(throughInbox(orderWebhookBody(order)))).toEqual({ ok: true, value: order });
      }),
      { numRuns: 300 },
    );
  });

  test('parseTransaction(transactionWebhookBody(transaction)) is the transaction', () => {
    fc.assert(
      fc.property(shopifyTransaction, fc.constantFrom('USD', 'JPY', 'KWD'), (transaction, currency) => {
        expect(parseTransaction(throughInbox(transactionWebhookBody(transaction, currency)))).toEqual({ ok: true, value: transaction });
      }),
      { numRuns: 300 },
    );
  });

  test('the bodies queue with their order, as the webhooks of the same order do', () => {
    fc.assert(
      fc.property(shopifyOrder, shopifyTransaction, (order, transaction) => {
        const ofOrder = { ...transaction, orderId: order.id };
        expect(resourceKeyOf('s.myshopify.com', 'orders/updated', throughInbox(orderWebhookBody(order)))).toBe(`s.myshopify.com/order/${order.id}`);
        expect(resourceKeyOf('s.myshopify.com', 'order_transactions/create', throughInbox(transactionWebhookBody(ofOrder, order.currency)))).toBe(`s.myshopify.com/order/${order.id}`);
      }),
      { numRuns: 100 },
    );
  });
});
