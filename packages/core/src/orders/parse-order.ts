import { resourceIdOf } from '../ids/shopify-gid';
import { isRecord, optionalString, parsed, rejected, type ParseResult } from '../webhooks/parse-result';
import { allocatedDiscountCents, dutiesCents, parseShippingLines, parseTaxLines } from './parse-money-lines';
import { currencyExponent } from '../money/currency-exponent';
import { locationIdOf } from './location-id';
import { parseRefund } from './parse-refund';
import { parseFulfillments } from './shopify-fulfillment';
import { shopMoneyCents } from './shop-money';
import type { ShopifyCustomerRef, ShopifyLineItem, ShopifyOrder } from './shopify-order';
import type { ShopifyRefund } from './shopify-refund';

function parseCustomer(value: unknown, issues: string[]): ShopifyCustomerRef | null {
  if (value === null || value === undefined) return null;
  if (!isRecord(value)) {
    issues.push('customer is not an object');
    return null;
  }
  const id = resourceIdOf(value, 'Customer');
  if (id === null) {
    issues.push('customer has no exact id');
    return null;
  }
  return {
    id,
    firstName: optionalString(value.first_name),
    lastName: optionalString(value.last_name),
    email: optionalString(value.email),
    phone: optionalString(value.phone),
  };
}

function parseLineItem(value: unknown, index: number, issues: string[], exponent: number): ShopifyLineItem | null {
  const where = `line_items[${index}]`;
  if (!isRecord(value)) {
    issues.push(`${where} is not an object`);
    return null;
  }
  const id = resourceIdOf(value, 'LineItem');
  const quantity = value.quantity;
  const priceCents = shopMoneyCents(value, 'price', exponent);
  if (id === null) issues.push(`${where} has no exact id`);
  if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 0) issues.push(`${where}.quantity is not a whole number`);
  if (priceCents === null) issues.push(`${where}.price is not a decimal amount`);
  const current = value.current_quantity;
  const currentIsCount = typeof current === 'number' && Number.isInteger(current) && current >= 0;
  if (current !== undefined && current !== null && !currentIsCount) issues.push(`${where}.current_quantity is not a whole number`);
  if (id === null || typeof quantity !== 'number' || priceCents === null) return null;
  return {
    id,
    sku: optionalString(value.sku),
    title: optionalString(value.title) ?? optionalString(value.name) ?? '',
    quantity,
    // API versions before 2024-01 have no current_quantity: nothing is known to be removed.
    currentQuantity: currentIsCount ? current : quantity,
    priceCents,
    discountCents: allocatedDiscountCents(value.discount_allocations, where, issues, exponent),
    taxLines: parseTaxLines(value.tax_lines, where, issues, exponent),
    giftCard: value.gift_card === true,
    dutiesCents: dutiesCents(value.duties, exponent),
  };
}

function money(payload: Record<string, unknown>, field: string, issues: string[], exponent: number): number {
  const cents = shopMoneyCents(payload, field, exponent);
  if (cents === null) issues.push(`${field} is missing or has more decimals than the currency's ${exponent}`);
  return cents ?? 0;
}

/** Reads an `orders/*` webhook body; every problem is reported at once. */
export function parseOrder(payload: unknown): ParseResult<ShopifyOrder> {
  if (!isRecord(payload)) return rejected(['the payload is not a JSON object']);
  const issues: string[] = [];
  const id = resourceIdOf(payload, 'Order');
  if (id === null) issues.push('the order has no exact id (admin_graphql_api_id)');
  const name = optionalString(payload.name);
  if (name === null) issues.push('name is missing');
  const createdAt = optionalString(payload.created_at);
  const updatedAt = optionalString(payload.updated_at) ?? createdAt;
  if (createdAt === null) issues.push('created_at is missing');
  const currency = optionalString(payload.currency);
  if (currency === null) issues.push('currency is missing');
  // Amounts are read in the currency's minor units: fils for KWD (3 decimals), yen for JPY (0).
  const exponent = currencyExponent(currency);
  const customer = parseCustomer(payload.customer, issues);
  if (!Array.isArray(payload.line_items)) issues.push('line_items is not a list');
  const rawLines = Array.isArray(payload.line_items) ? payload.line_items : [];
  const lineItems = rawLines.map((line, index) => parseLineItem(line, index, issues, exponent));
  const shippingLines = parseShippingLines(payload.shipping_lines, issues, exponent);
  const totalCents = money(payload, 'total_price', issues, exponent);
  const refunds = (Array.isArray(payload.refunds) ? payload.refunds : []).flatMap((raw, index): ShopifyRefund[] => {
    const refund = parseRefund(raw, exponent);
    if (!refund.ok) issues.push(...refund.issues.map((issue) => `refunds[${index}]: ${issue}`));
    return refund.ok ? [refund.value] : [];
  });
  const order = {
    shippingLines,
    totalCents,
    currentTotalCents: shopMoneyCents(payload, 'current_total_price', exponent) ?? totalCents,
    totalTaxCents: shopMoneyCents(payload, 'total_tax', exponent) ?? 0,
    totalTipCents: shopMoneyCents(payload, 'total_tip_received', exponent) ?? 0,
    outstandingCents: shopMoneyCents(payload, 'total_outstanding', exponent) ?? 0,
  };
  if (issues.length > 0 || id === null || name === null || createdAt === null || updatedAt === null || currency === null) {
    return rejected(issues);
  }
  return parsed({
    id,
    name,
    createdAt,
    updatedAt,
    currency,
    presentmentCurrency: optionalString(payload.presentment_currency),
    financialStatus: optionalString(payload.financial_status),
    fulfillmentStatus: optionalString(payload.fulfillment_status),
    locationId: locationIdOf(payload.location_id),
    cancelledAt: optionalString(payload.cancelled_at),
    cancelReason: optionalString(payload.cancel_reason),
    test: payload.test === true,
    taxesIncluded: payload.taxes_included === true,
    customer,
    lineItems: lineItems.filter((line): line is ShopifyLineItem => line !== null),
    refunds,
    fulfillments: parseFulfillments(payload.fulfillments),
    gatewayNames: Array.isArray(payload.payment_gateway_names) ? payload.payment_gateway_names.filter((g): g is string => typeof g === 'string') : [],
    ...order,
  });
}
