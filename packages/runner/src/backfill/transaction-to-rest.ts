import type { OrderTransaction, ShopifyOrderDetail } from '@shopsync/shopify-client';
import { lower, restId } from './rest-parts';
import { shopLocalTime, shopLocalTimeOrNull } from './shop-local-time';

/**
 * One of an order's transactions in the REST shape of an order_transactions/create body: what
 * packages/core/src/orders/parse-transaction.ts reads (ids, order_id, kind, status, gateway, amount,
 * created_at). Payments are planned from these events, so a backfill that enqueued only the orders
 * would leave paid orders without their Payment Entries.
 */
export function transactionToRest(transaction: OrderTransaction, order: ShopifyOrderDetail, timeZone: string) {
  return {
    id: restId(transaction.id),
    admin_graphql_api_id: transaction.id,
    order_id: restId(order.id),
    kind: lower(transaction.kind),
    status: lower(transaction.status),
    gateway: transaction.gateway,
    amount: transaction.amountSet.shopMoney.amount,
    currency: transaction.amountSet.shopMoney.currencyCode,
    test: transaction.test,
    error_code: transaction.errorCode,
    parent_id: transaction.parentTransaction === null ? null : restId(transaction.parentTransaction.id),
    created_at: shopLocalTime(transaction.createdAt, timeZone),
    processed_at: shopLocalTimeOrNull(transaction.processedAt, timeZone),
  };
}
