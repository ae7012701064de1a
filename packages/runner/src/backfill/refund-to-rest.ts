import type { OrderAdjustment, OrderRefund, RefundLineItem, RefundShippingLine, ShopifyOrderDetail } from '@shopsync/shopify-client';
import { lineItemToRest } from './line-item-to-rest';
import { lower, moneySet, restId } from './rest-parts';
import { shopLocalTime, shopLocalTimeOrNull } from './shop-local-time';
import { transactionToRest } from './transaction-to-rest';

// One refund in the REST shape of a refunds/create body and of an order payload's `refunds` list —
// what packages/core/src/orders/parse-refund.ts reads, laid out as the simulator's refund-payload.ts.

/** The refund's copy of the order's line: the line without current_quantity, as Shopify's REST refund shows it. */
function refundedLineItem(lineItemId: string, order: ShopifyOrderDetail) {
  const orderLine = order.lineItems.find((candidate) => candidate.id === lineItemId);
  // getOrder reads every page of line items, so the line is there; its ids alone are what the planner reads.
  if (orderLine === undefined) return { id: restId(lineItemId), admin_graphql_api_id: lineItemId };
  const { current_quantity: _current, ...lineItem } = lineItemToRest(orderLine);
  return lineItem;
}

function refundLine(line: RefundLineItem, order: ShopifyOrderDetail) {
  return {
    id: line.id === null ? null : restId(line.id),
    quantity: line.quantity,
    line_item_id: restId(line.lineItem.id),
    location_id: line.location === null ? null : restId(line.location.id),
    restock_type: lower(line.restockType),
    // REST prints these two as JSON numbers; the planner reads the exact *_set strings.
    subtotal: Number(line.subtotalSet.shopMoney.amount),
    total_tax: Number(line.totalTaxSet.shopMoney.amount),
    subtotal_set: moneySet(line.subtotalSet),
    total_tax_set: moneySet(line.totalTaxSet),
    line_item: refundedLineItem(line.lineItem.id, order),
  };
}

function shippingLine(line: RefundShippingLine) {
  return {
    id: restId(line.id),
    shipping_line_id: line.shippingLine.id === null ? null : restId(line.shippingLine.id),
    subtotal_amount_set: moneySet(line.subtotalAmountSet),
    tax_amount_set: moneySet(line.taxAmountSet),
  };
}

function adjustment(value: OrderAdjustment, refund: OrderRefund, order: ShopifyOrderDetail) {
  return {
    id: restId(value.id),
    order_id: restId(order.id),
    refund_id: restId(refund.id),
    // Since shipping is refunded through refund shipping lines, an adjustment is a discrepancy between
    // the calculated and the refunded amount (OrderAdjustment in the 2026-10 schema); amounts keep Shopify's sign.
    kind: 'refund_discrepancy',
    reason: lower(value.reason),
    amount: value.amountSet.shopMoney.amount,
    amount_set: moneySet(value.amountSet),
    tax_amount: value.taxAmountSet.shopMoney.amount,
    tax_amount_set: moneySet(value.taxAmountSet),
  };
}

export function refundToRest(refund: OrderRefund, order: ShopifyOrderDetail, timeZone: string) {
  return {
    id: restId(refund.id),
    admin_graphql_api_id: refund.id,
    order_id: restId(order.id),
    created_at: shopLocalTimeOrNull(refund.createdAt, timeZone),
    processed_at: shopLocalTime(refund.processedAt, timeZone),
    note: refund.note,
    restock: refund.refundLineItems.nodes.some((line) => line.restockType !== 'NO_RESTOCK'),
    refund_line_items: refund.refundLineItems.nodes.map((line) => refundLine(line, order)),
    refund_shipping_lines: refund.refundShippingLines.nodes.map(shippingLine),
    order_adjustments: refund.orderAdjustments.nodes.map((value) => adjustment(value, refund, order)),
    transactions: refund.transactions.nodes.map((transaction) => transactionToRest(transaction, order, timeZone)),
  };
}

export type RestRefund = ReturnType<typeof refundToRest>;
