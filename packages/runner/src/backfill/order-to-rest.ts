import type { ShopifyOrderDetail } from '@shopsync/shopify-client';
import { lineItemToRest } from './line-item-to-rest';
import { refundToRest } from './refund-to-rest';
import { address, fulfillmentStatus, lower, moneySet, restId, taxLines } from './rest-parts';
import { shopLocalTime, shopLocalTimeOrNull } from './shop-local-time';

type ShippingLine = ShopifyOrderDetail['shippingLines']['nodes'][number];

function shippingLine(line: ShippingLine) {
  const discounted = line.discountedPriceSet.shopMoney.amount;
  return {
    id: line.id === null ? null : restId(line.id),
    title: line.title,
    code: line.code,
    // The document reads only the discounted price, which is the one the planner books; `price` is
    // required by the payload shape, so it carries the same amount.
    price: discounted,
    price_set: moneySet(line.discountedPriceSet),
    discounted_price: discounted,
    discounted_price_set: moneySet(line.discountedPriceSet),
    tax_lines: taxLines(line.taxLines),
  };
}

/**
 * An order as the client's getOrder reads it (OrderById, OrderRefunds), in the REST shape of an
 * orders/* webhook body — every field packages/core/src/orders/parse-order.ts reads, with timestamps
 * in the shop's local time as REST prints them, and its refunds as the order payload's `refunds` list
 * carries them. Fulfillments are empty: the client does not read them, so orders whose fulfillments
 * matter are refused before conversion (backfill-limits.ts).
 */
export function orderToRest(order: ShopifyOrderDetail, timeZone: string) {
  const customer = order.customer;
  const money = (bag: { shopMoney: { amount: string } }) => bag.shopMoney.amount;
  return {
    id: restId(order.id),
    admin_graphql_api_id: order.id,
    name: order.name,
    email: order.email,
    phone: order.phone,
    created_at: shopLocalTime(order.createdAt, timeZone),
    updated_at: shopLocalTime(order.updatedAt, timeZone),
    processed_at: shopLocalTime(order.processedAt, timeZone),
    cancelled_at: shopLocalTimeOrNull(order.cancelledAt, timeZone),
    cancel_reason: lower(order.cancelReason),
    closed_at: shopLocalTimeOrNull(order.closedAt, timeZone),
    currency: order.currencyCode,
    presentment_currency: order.presentmentCurrencyCode,
    financial_status: lower(order.displayFinancialStatus),
    fulfillment_status: fulfillmentStatus(order.displayFulfillmentStatus),
    test: order.test,
    taxes_included: order.taxesIncluded,
    tax_exempt: order.taxExempt,
    note: order.note,
    tags: order.tags.join(', '),
    payment_gateway_names: [...order.paymentGatewayNames],
    customer:
      customer === null
        ? null
        : { id: restId(customer.id), admin_graphql_api_id: customer.id, first_name: customer.firstName, last_name: customer.lastName, email: customer.defaultEmailAddress?.emailAddress ?? null, phone: customer.defaultPhoneNumber?.phoneNumber ?? null },
    billing_address: address(order.billingAddress),
    shipping_address: address(order.shippingAddress),
    line_items: order.lineItems.map(lineItemToRest),
    shipping_lines: order.shippingLines.nodes.map(shippingLine),
    tax_lines: taxLines(order.taxLines),
    subtotal_price: order.subtotalPriceSet === null ? null : money(order.subtotalPriceSet),
    total_price: money(order.totalPriceSet),
    total_price_set: moneySet(order.totalPriceSet),
    current_total_price: money(order.currentTotalPriceSet),
    current_total_price_set: moneySet(order.currentTotalPriceSet),
    total_tax: order.totalTaxSet === null ? '0.00' : money(order.totalTaxSet),
    ...(order.totalTaxSet === null ? {} : { total_tax_set: moneySet(order.totalTaxSet) }),
    ...(order.totalDiscountsSet === null ? {} : { total_discounts: money(order.totalDiscountsSet), total_discounts_set: moneySet(order.totalDiscountsSet) }),
    total_shipping_price_set: moneySet(order.totalShippingPriceSet),
    total_outstanding: money(order.totalOutstandingSet),
    // Not selected by the document (totalTipReceivedSet). A tip makes the planner's total check fail
    // the order visibly (validation.total_mismatch) instead of booking it without the tip.
    total_tip_received: '0.00',
    discount_codes: order.discountCodes.map((code) => ({ code })),
    refunds: order.refunds.map((refund) => refundToRest(refund, order, timeZone)),
    fulfillments: [] as unknown[],
  };
}

export type RestOrder = ReturnType<typeof orderToRest>;
