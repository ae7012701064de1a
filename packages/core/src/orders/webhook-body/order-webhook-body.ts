import { formatCents } from '../../money/cents';
import { currencyExponent } from '../../money/currency-exponent';
import type { ShopifyFulfillment } from '../shopify-fulfillment';
import type { ShopifyLineItem, ShopifyOrder, ShopifyShippingLine, ShopifyTaxLine } from '../shopify-order';
import { refundWebhookBody } from './refund-webhook-body';
import { restIds } from './rest-ids';

// The inbox holds webhook bodies: the worker plans an event from its topic's payload, and keeps the
// applied order's body as the snapshot its refunds and payments are planned on (plan-refund-event.ts,
// plan-transaction-event.ts). An order read another way (the Admin API) is stored as the body this
// writes: exactly the fields parseOrder reads, so parseOrder(orderWebhookBody(order)) is `order`.

type Amount = (cents: number) => string;

const taxLines = (lines: readonly ShopifyTaxLine[], amount: Amount) => lines.map((line) => ({ title: line.title, rate: line.rate, price: amount(line.cents) }));

function lineItem(line: ShopifyLineItem, amount: Amount) {
  return {
    ...restIds('LineItem', line.id),
    sku: line.sku,
    title: line.title,
    quantity: line.quantity,
    current_quantity: line.currentQuantity,
    price: amount(line.priceCents),
    // The line's discount is held as one sum: one allocation carries it.
    discount_allocations: line.discountCents === 0 ? [] : [{ amount: amount(line.discountCents) }],
    tax_lines: taxLines(line.taxLines, amount),
    gift_card: line.giftCard,
    duties: line.dutiesCents === 0 ? [] : [{ price: amount(line.dutiesCents) }],
  };
}

/** The price held is after shipping discounts, so it is both the price and the discounted price. */
function shippingLine(line: ShopifyShippingLine, amount: Amount) {
  return { title: line.title, price: amount(line.cents), discounted_price: amount(line.cents), tax_lines: taxLines(line.taxLines, amount) };
}

function fulfillment(value: ShopifyFulfillment) {
  return {
    ...restIds('Fulfillment', value.id),
    status: value.status,
    created_at: value.createdAt === '' ? null : value.createdAt,
    tracking_number: value.trackingNumber,
    location_id: value.locationId,
    line_items: value.lines.map((line) => ({ ...restIds('LineItem', line.lineItemId), quantity: line.quantity })),
  };
}

/** An order as the body of an orders/* webhook: amounts as decimal strings in the order's currency. */
export function orderWebhookBody(order: ShopifyOrder) {
  const exponent = currencyExponent(order.currency);
  const amount: Amount = (cents) => formatCents(cents, exponent);
  const customer = order.customer;
  return {
    ...restIds('Order', order.id),
    name: order.name,
    created_at: order.createdAt,
    updated_at: order.updatedAt,
    currency: order.currency,
    presentment_currency: order.presentmentCurrency,
    financial_status: order.financialStatus,
    fulfillment_status: order.fulfillmentStatus,
    location_id: order.locationId,
    cancelled_at: order.cancelledAt,
    cancel_reason: order.cancelReason,
    test: order.test,
    taxes_included: order.taxesIncluded,
    customer: customer === null ? null : { ...restIds('Customer', customer.id), first_name: customer.firstName, last_name: customer.lastName, email: customer.email, phone: customer.phone },
    line_items: order.lineItems.map((line) => lineItem(line, amount)),
    shipping_lines: order.shippingLines.map((line) => shippingLine(line, amount)),
    total_price: amount(order.totalCents),
    current_total_price: amount(order.currentTotalCents),
    total_tax: amount(order.totalTaxCents),
    total_tip_received: amount(order.totalTipCents),
    total_outstanding: amount(order.outstandingCents),
    payment_gateway_names: [...order.gatewayNames],
    refunds: order.refunds.map((refund) => refundWebhookBody(refund, order.id, amount)),
    fulfillments: order.fulfillments.map(fulfillment),
  };
}
