import type { GraphQLResolveInfo } from 'graphql';
import { refundedShippingLines, refundedShippingSubtotalCents } from '../../refund-amounts';
import type { OrderRecord, RefundLineRecord, RefundRecord, ShippingLineRecord } from '../../types';
import { connection, type ConnectionArgs } from '../connection';
import type { SimContext } from '../sim-context';
import { lineItemView, shippingLineView } from './line-item-view';
import type { View } from './resolve-fields';
import { transactionView } from './transaction-view';
import { dateTime, gid, moneyBag } from './wire-format';

// A Refund over the shop's refund record, with the amounts its REST payload (refund-payload.ts) prints.
// It links back to its Order through the `orderView` it is handed (order-view.ts hands itself), so
// that this file does not import its parent.

type Args = ConnectionArgs;
type Info = GraphQLResolveInfo;

function refundLineItemView(line: RefundLineRecord, order: OrderRecord, ctx: SimContext): View {
  const c = order.currency;
  const orderLine = order.lines.find((candidate) => candidate.id === line.lineItemId);
  if (orderLine === undefined) throw new Error(`refund line ${line.id} names line item ${line.lineItemId}, which order ${order.id} does not have`);
  return {
    __typename: 'RefundLineItem',
    id: gid('RefundLineItem', line.id),
    quantity: line.quantity,
    restockType: line.restockType.toUpperCase(),
    restocked: line.restockType !== 'no_restock',
    lineItem: () => lineItemView(orderLine, order, ctx),
    // The REST refund says location_id: null; the simulator restocks without naming a location.
    location: null,
    priceSet: moneyBag(orderLine.unitPriceCents, c),
    subtotalSet: moneyBag(line.subtotalCents, c),
    totalTaxSet: moneyBag(line.taxCents, c),
  };
}

function refundShippingLineView(line: ShippingLineRecord, order: OrderRecord): View {
  return {
    __typename: 'RefundShippingLine',
    // The REST refund gives a refunded shipping line its shipping line's id; so does this.
    id: `gid://shopify/RefundShippingLine/${line.id}`,
    shippingLine: shippingLineView(line, order),
    subtotalAmountSet: moneyBag(refundedShippingSubtotalCents(line, order), order.currency),
    taxAmountSet: moneyBag(line.taxCents, order.currency),
  };
}

export function refundView(refund: RefundRecord, order: OrderRecord, ctx: SimContext, orderView: (order: OrderRecord, ctx: SimContext) => View): View {
  const transactions = ctx.shop.transactions.of(order.id).filter((tx) => tx.id === refund.transactionId);
  const shipping = refundedShippingLines(refund, order);
  return {
    __typename: 'Refund',
    id: gid('Refund', refund.id),
    legacyResourceId: String(refund.id),
    createdAt: dateTime(refund.createdAt),
    updatedAt: dateTime(refund.createdAt),
    processedAt: dateTime(refund.createdAt),
    note: refund.note,
    order: () => orderView(order, ctx),
    duties: [],
    return: null,
    staffMember: null,
    totalRefundedSet: moneyBag(refund.amountCents, order.currency),
    refundLineItems: (args: Args, _c: unknown, info: Info) => connection(refund.lines, args, (l) => String(l.id), (l) => refundLineItemView(l, order, ctx), info, ctx.bulk),
    refundShippingLines: (args: Args, _c: unknown, info: Info) => connection(shipping, args, (s) => String(s.id), (s) => refundShippingLineView(s, order), info, ctx.bulk),
    // The simulator's refunds are always exactly what their lines and shipping add up to: no discrepancy.
    orderAdjustments: (args: Args, _c: unknown, info: Info) => connection([], args, () => '', () => ({}), info, ctx.bulk),
    transactions: (args: Args, _c: unknown, info: Info) => connection(transactions, args, (tx) => String(tx.id), (tx) => transactionView(tx, order), info, ctx.bulk),
  };
}
