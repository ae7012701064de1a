import { formatCents } from '../../money/cents';
import { currencyExponent } from '../../money/currency-exponent';
import type { ShopifyTransaction } from '../shopify-transaction';
import { restId, restIds } from './rest-ids';

/**
 * A transaction as an order_transactions/create body: what parseTransaction reads back into the same
 * ShopifyTransaction. `currency` is the one its amount is in (the shop's, for an Admin API read).
 */
export function transactionWebhookBody(transaction: ShopifyTransaction, currency: string) {
  return {
    ...restIds('OrderTransaction', transaction.id),
    order_id: restId(transaction.orderId),
    kind: transaction.kind,
    status: transaction.status,
    gateway: transaction.gateway,
    amount: formatCents(transaction.amountCents, currencyExponent(currency)),
    currency,
    created_at: transaction.createdAt === '' ? null : transaction.createdAt,
  };
}
