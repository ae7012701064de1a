import type { GraphQLResolveInfo } from 'graphql';
import { currentQuantity, effectiveQuantity } from '../../line-quantities';
import { orderTotals } from '../../order-pricing';
import { refundedTotals } from '../../refund-amounts';
import type { OrderRecord } from '../../types';
import { connection, type ConnectionArgs } from '../connection';
import type { SimContext } from '../sim-context';
import { mailingAddressView } from './address-view';
import { customerView } from './customer-view';
import { fulfillmentOrderView, fulfillmentView } from './fulfillment-views';
import { lineItemView, shippingLineView, taxLinesView } from './line-item-view';
import { refundView } from './refund-view';
import type { View } from './resolve-fields';
import { transactionView } from './transaction-view';
import { dateTime, gid, moneyBag } from './wire-format';

const FULFILLMENT_STATUS = { partial: 'PARTIALLY_FULFILLED', fulfilled: 'FULFILLED', restocked: 'RESTOCKED' } as const;

/** The Order object over the shop's order record; money is derived from the lines (to the cent). */
export function orderView(order: OrderRecord, ctx: SimContext): View {
  const t = orderTotals(order);
  const c = order.currency;
  const money = (cents: number) => moneyBag(cents, c);
  const status = order.financialStatus;
  const received = ctx.shop.transactions.receivedCents(order.id);
  const outstanding = ctx.shop.transactions.outstandingCents(order);
  const customer = order.customerId === null ? null : ctx.shop.customers.get(order.customerId);
  const open = order.cancelledAt === null && order.fulfillmentStatus !== 'fulfilled';
  const fulfillmentOrders = () => ctx.shop.fulfillment.forOrder(order.id);
  const keptQuantity = order.lines.reduce((sum, l) => sum + effectiveQuantity(l), 0);
  const currentLineQuantity = order.lines.reduce((sum, l) => sum + currentQuantity(order, l), 0);
  // As in the REST payload: refunds lower the current_* amounts; the others describe the order before them.
  const refunded = refundedTotals(order);
  return {
    __typename: 'Order',
    id: gid('Order', order.id),
    legacyResourceId: String(order.id),
    name: `#${order.orderNumber}`,
    number: order.orderNumber - 1000,
    confirmationNumber: order.confirmationNumber,
    confirmed: true,
    createdAt: dateTime(order.createdAt),
    updatedAt: dateTime(order.updatedAt),
    processedAt: dateTime(order.createdAt),
    cancelledAt: dateTime(order.cancelledAt),
    cancelReason: order.cancelReason?.toUpperCase() ?? null,
    closed: order.closedAt !== null,
    closedAt: dateTime(order.closedAt),
    test: order.test,
    edited: order.edits.length > 0,
    displayFinancialStatus: status.toUpperCase(),
    displayFulfillmentStatus: order.fulfillmentStatus === null ? 'UNFULFILLED' : FULFILLMENT_STATUS[order.fulfillmentStatus],
    returnStatus: 'NO_RETURN',
    email: order.email,
    phone: order.phone,
    note: order.note,
    tags: [...order.tags],
    poNumber: null,
    sourceName: 'web',
    sourceIdentifier: null,
    customAttributes: [],
    currencyCode: c,
    presentmentCurrencyCode: c,
    taxesIncluded: order.tax.taxesIncluded,
    taxExempt: customer?.taxExempt ?? false,
    estimatedTaxes: false,
    dutiesIncluded: false,
    paymentGatewayNames: [...order.paymentGatewayNames],
    customer: customer ? customerView(customer, ctx) : null,
    billingAddress: order.billingAddress ? mailingAddressView(order.billingAddress, `${gid('MailingAddress', order.id * 10 + 1)}?model_name=Address`) : null,
    shippingAddress: order.shippingAddress ? mailingAddressView(order.shippingAddress, `${gid('MailingAddress', order.id * 10 + 2)}?model_name=Address`) : null,
    subtotalPriceSet: money(t.subtotalCents),
    currentSubtotalPriceSet: money(t.subtotalCents - refunded.subtotalCents),
    totalPriceSet: money(t.totalCents),
    currentTotalPriceSet: money(t.totalCents - refunded.amountCents),
    totalTaxSet: money(t.taxCents),
    currentTotalTaxSet: money(t.taxCents - refunded.taxCents),
    totalDiscountsSet: money(t.discountsCents),
    currentTotalDiscountsSet: money(t.discountsCents),
    totalShippingPriceSet: money(t.shippingCents),
    currentShippingPriceSet: money(t.shippingCents),
    totalOutstandingSet: money(outstanding),
    totalReceivedSet: money(received),
    netPaymentSet: money(received - refunded.amountCents),
    totalRefundedSet: money(refunded.amountCents),
    totalRefundedShippingSet: money(refunded.shippingCents),
    totalCapturableSet: money(status === 'authorized' ? t.totalCents : 0),
    totalTipReceivedSet: money(0),
    totalWeight: String(t.weightGrams),
    currentTotalWeight: String(t.weightGrams),
    subtotalLineItemsQuantity: keptQuantity,
    currentSubtotalLineItemsQuantity: currentLineQuantity,
    fullyPaid: status === 'paid',
    unpaid: status === 'pending' || status === 'authorized',
    capturable: status === 'authorized',
    canMarkAsPaid: status === 'pending',
    // What the simulator lets refundOrder refund (shop-refunds.ts).
    refundable: status === 'paid' || status === 'partially_refunded',
    restockable: false,
    requiresShipping: order.lines.some((l) => l.requiresShipping),
    fulfillable: open,
    discountCode: order.discount?.code ?? null,
    discountCodes: order.discount ? [order.discount.code] : [],
    taxLines: taxLinesView(t.taxCents, order, true),
    currentTaxLines: taxLinesView(t.taxCents, order, true),
    shippingLine: order.shippingLines[0] ? shippingLineView(order.shippingLines[0], order) : null,
    shippingLines: (args: ConnectionArgs, _c: unknown, info: GraphQLResolveInfo) => connection(order.shippingLines, args, (s) => String(s.id), (s) => shippingLineView(s, order), info, ctx.bulk),
    lineItems: (args: ConnectionArgs, _c: unknown, info: GraphQLResolveInfo) => connection(order.lines, args, (l) => String(l.id), (l) => lineItemView(l, order, ctx), info, ctx.bulk),
    transactions: (args: { first?: number | null }) => ctx.shop.transactions.of(order.id).slice(0, args.first ?? 100).map((tx) => transactionView(tx, order)),
    refunds: (args: { first?: number | null }) => order.refunds.slice(0, args.first ?? order.refunds.length).map((refund) => refundView(refund, order, ctx, orderView)),
    fulfillmentOrders: (args: ConnectionArgs, _c: unknown, info: GraphQLResolveInfo) => connection(fulfillmentOrders(), args, (f) => String(f.id), (f) => fulfillmentOrderView(f, order, ctx, orderView), info, ctx.bulk),
    fulfillments: (args: { first?: number | null }) => ctx.shop.fulfillment.fulfillmentsOf(order.id).slice(0, args.first ?? 100).map((f) => fulfillmentView(f, order, ctx, orderView)),
  };
}
