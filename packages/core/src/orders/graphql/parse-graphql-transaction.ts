import { currencyExponent } from '../../money/currency-exponent';
import { optionalString, parsed, rejected, type ParseResult } from '../../webhooks/parse-result';
import { shopifyTransaction, type ShopifyTransaction } from '../shopify-transaction';
import type { MoneyScope } from '../shop-money';
import { gidIdOf, readBagCents, restEnum } from './graphql-fields';
import type { GraphqlOrder, GraphqlTransaction } from './graphql-order';
import { shopClock, unknownTimeZone, type ShopClock } from './shop-local-time';

/** One transaction, as parseTransaction reads it from an order_transactions/create body. */
function parseOne(transaction: GraphqlTransaction, orderId: string, clock: ShopClock, scope: MoneyScope): ShopifyTransaction | null {
  const { issues } = scope;
  const id = gidIdOf(transaction.id, 'OrderTransaction');
  if (id === null) issues.push('the transaction has no exact id (id)');
  const amountCents = readBagCents(transaction.amountSet, 'amountSet', scope, { required: true });
  if (id === null || amountCents === null) return null;
  return shopifyTransaction(id, orderId, amountCents, {
    kind: restEnum(transaction.kind),
    status: restEnum(transaction.status),
    gateway: optionalString(transaction.gateway),
    createdAt: clock(transaction.createdAt),
  });
}

/**
 * An Admin API order's transactions, each as the order_transactions/create webhook Shopify sent for
 * it would read: payments are planned from these, one event each, not from the order. Timestamps
 * are put in the shop's time zone, as REST prints them. Every problem is reported at once, each
 * naming its transaction (`transactions[1]: …`).
 */
export function parseGraphqlTransactions(order: Pick<GraphqlOrder, 'id' | 'currencyCode' | 'transactions'>, timeZone: string): ParseResult<ShopifyTransaction[]> {
  const orderId = gidIdOf(order.id, 'Order');
  const clock = shopClock(timeZone);
  if (orderId === null) return rejected(['the order has no exact id (id)']);
  if (clock === null) return rejected([unknownTimeZone(timeZone)]);
  const issues: string[] = [];
  const transactions = order.transactions.flatMap((transaction, index) => {
    const own: string[] = [];
    // The amount set names its currency; the order's reads it when it does not.
    const value = parseOne(transaction, orderId, clock, { currency: order.currencyCode, exponent: currencyExponent(order.currencyCode), issues: own });
    issues.push(...own.map((issue) => `transactions[${index}]: ${issue}`));
    return value === null ? [] : [value];
  });
  return issues.length > 0 ? rejected(issues) : parsed(transactions);
}
