import type { TransactionRecord } from '../../shop-transactions';
import type { OrderRecord } from '../../types';
import type { View } from './resolve-fields';
import { dateTime, gid, moneyBag } from './wire-format';

/** An OrderTransaction, as Order.transactions and Refund.transactions show it. */
export function transactionView(tx: TransactionRecord, order: OrderRecord): View {
  return {
    __typename: 'OrderTransaction',
    id: gid('OrderTransaction', tx.id),
    kind: tx.kind,
    status: tx.status,
    gateway: tx.gateway,
    formattedGateway: tx.gateway === 'manual' ? 'Manual' : 'Shopify Payments',
    test: order.test,
    errorCode: null,
    processedAt: dateTime(tx.createdAt),
    createdAt: dateTime(tx.createdAt),
    amountSet: moneyBag(tx.amountCents, order.currency),
    parentTransaction: tx.parentId === null ? null : { id: gid('OrderTransaction', tx.parentId) },
    manualPaymentGateway: tx.gateway === 'manual',
    paymentId: `#${order.orderNumber}.${tx.id % 10}`,
    fees: [],
  };
}
