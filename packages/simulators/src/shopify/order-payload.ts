import { createHash } from 'node:crypto';
import { orderAddressJson } from './address-payload';
import { orderCustomerJson } from './customer-payload';
import { fulfillmentJson } from './fulfillment/fulfillment-payload';
import { lineItemJson, orderTaxLinesJson, shippingLineJson } from './line-item-payload';
import { formatCents, moneySet } from './money';
import { orderTotals } from './order-pricing';
import { refundedTotals } from './refund-amounts';
import { refundJson } from './refund-payload';
import { shopifyGid } from './shop-ids';
import type { ShopifyShop } from './shop-model';
import { formatShopTime } from './shop-time';
import type { OrderRecord } from './types';

/** Shopify's app id of the Online Store sales channel, which `source_name: "web"` orders carry. */
const ONLINE_STORE_APP_ID = 580111;

/**
 * The REST order JSON that every orders/* topic sends, with the key set, key order and nesting of
 * the documented 2026-07 orders/create sample. Money fields are derived from the lines, so
 * total_price = subtotal_price + shipping + (taxes_included ? 0 : total_tax) to the cent; they
 * describe the order after edits and before refunds, the current_* ones after both.
 */
export function orderJson(order: OrderRecord, shop: ShopifyShop) {
  const t = orderTotals(order);
  const c = order.currency;
  const time = (d: Date | null): string | null => (d === null ? null : formatShopTime(d, shop.timezoneOffset));
  const customer = order.customerId === null ? null : shop.customer(order.customerId);
  const { amountCents: refunded, taxCents: refundedTax, subtotalCents: refundedSubtotal } = refundedTotals(order);
  const discount = order.discount;
  return {
    id: order.id,
    admin_graphql_api_id: shopifyGid('Order', order.id),
    app_id: ONLINE_STORE_APP_ID,
    browser_ip: null as string | null,
    buyer_accepts_marketing: false,
    cancel_reason: order.cancelReason,
    cancelled_at: time(order.cancelledAt),
    cart_token: order.cartToken,
    checkout_token: order.checkoutToken,
    client_details: null as null,
    closed_at: time(order.closedAt),
    confirmation_number: order.confirmationNumber,
    confirmed: true,
    contact_email: order.email,
    created_at: time(order.createdAt),
    currency: c,
    // Edits are in the totals already (they re-price the lines); refunds lower only the current_* amounts.
    current_shipping_price_set: moneySet(t.shippingCents, c),
    current_subtotal_price: formatCents(t.subtotalCents - refundedSubtotal),
    current_subtotal_price_set: moneySet(t.subtotalCents - refundedSubtotal, c),
    current_total_additional_fees_set: null as null,
    current_total_discounts: formatCents(t.discountsCents),
    current_total_discounts_set: moneySet(t.discountsCents, c),
    current_total_duties_set: null as null,
    current_total_price: formatCents(t.totalCents - refunded),
    current_total_price_set: moneySet(t.totalCents - refunded, c),
    current_total_tax: formatCents(t.taxCents - refundedTax),
    current_total_tax_set: moneySet(t.taxCents - refundedTax, c),
    customer_locale: 'en',
    device_id: null as null,
    discount_codes: discount ? [{ code: discount.code, amount: formatCents(t.discountsCents), type: 'percentage' }] : [],
    duties_included: false,
    email: order.email,
    estimated_taxes: false,
    financial_status: order.financialStatus,
    fulfillment_status: order.fulfillmentStatus,
    landing_site: null as string | null,
    landing_site_ref: null as string | null,
    location_id: null as number | null,
    merchant_business_entity_id: Buffer.from(String(shop.shopId)).toString('base64').replace(/=+$/, ''),
    merchant_of_record_app_id: null as number | null,
    name: `#${order.orderNumber}`,
    note: order.note,
    note_attributes: [] as { name: string; value: string }[],
    // `number` is the shop-internal sequence, `order_number` the customer-facing one (1000 apart).
    number: order.orderNumber - 1000,
    order_number: order.orderNumber,
    order_status_url: `https://${shop.domain}/${shop.shopId}/orders/${order.token}/authenticate?key=${statusKey(order.token)}`,
    original_total_additional_fees_set: null as null,
    original_total_duties_set: null as null,
    payment_gateway_names: [...order.paymentGatewayNames],
    phone: order.phone,
    po_number: null as string | null,
    presentment_currency: c,
    processed_at: time(order.createdAt),
    reference: null as string | null,
    referring_site: null as string | null,
    source_identifier: null as string | null,
    source_name: 'web',
    source_url: null as string | null,
    subtotal_price: formatCents(t.subtotalCents),
    subtotal_price_set: moneySet(t.subtotalCents, c),
    tags: order.tags.join(', '),
    tax_exempt: customer?.taxExempt ?? false,
    tax_lines: orderTaxLinesJson(order, t.taxCents),
    taxes_included: order.tax.taxesIncluded,
    test: order.test,
    token: order.token,
    total_cash_rounding_payment_adjustment_set: moneySet(0, c),
    total_cash_rounding_refund_adjustment_set: moneySet(0, c),
    total_discounts: formatCents(t.discountsCents),
    total_discounts_set: moneySet(t.discountsCents, c),
    total_line_items_price: formatCents(t.lineItemsCents),
    total_line_items_price_set: moneySet(t.lineItemsCents, c),
    total_outstanding: formatCents(shop.transactions.outstandingCents(order)),
    total_price: formatCents(t.totalCents),
    total_price_set: moneySet(t.totalCents, c),
    total_shipping_price_set: moneySet(t.shippingCents, c),
    total_tax: formatCents(t.taxCents),
    total_tax_set: moneySet(t.taxCents, c),
    total_tip_received: '0.00',
    total_weight: t.weightGrams,
    updated_at: time(order.updatedAt),
    user_id: null as number | null,
    billing_address: order.billingAddress ? orderAddressJson(order.billingAddress) : null,
    customer: customer ? orderCustomerJson(customer, shop.timezoneOffset) : null,
    discount_applications: discount
      ? [{ target_type: 'line_item', type: 'discount_code', value: percentText(discount.percentage), value_type: 'percentage', allocation_method: 'across', target_selection: 'all', code: discount.code }]
      : [],
    fulfillments: shop.fulfillment.fulfillmentsOf(order.id).map((f) => fulfillmentJson(f, order, shop)) as unknown[],
    line_items: order.lines.map((line) => lineItemJson(line, order, shop)),
    payment_terms: null as null,
    refunds: order.refunds.map((refund) => refundJson(refund, order, shop)) as unknown[],
    shipping_address: order.shippingAddress ? orderAddressJson(order.shippingAddress) : null,
    shipping_lines: order.shippingLines.map((line) => shippingLineJson(line, order)),
    returns: [] as unknown[],
    line_item_groups: [] as unknown[],
  };
}

export type ShopifyOrderJson = ReturnType<typeof orderJson>;

/** Shopify prints percentage values with one decimal at least: 10 → "10.0". */
function percentText(p: number): string {
  return Number.isInteger(p) ? p.toFixed(1) : String(p);
}

/** Stable per order, so two serializations of the same order agree (no PRNG draw here). */
function statusKey(token: string): string {
  return createHash('sha256').update(token).digest('hex').slice(0, 32);
}
