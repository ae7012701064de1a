import { resourceIdOf } from '../ids/shopify-gid';
import { isRecord, optionalString, parsed, rejected, type ParseResult } from '../webhooks/parse-result';
import { allocatedDiscountCents, dutiesCents, parseShippingLines, parseTaxLines } from './parse-money-lines';
import { currencyExponent } from '../money/currency-exponent';
import { checkRowCeiling, isCount } from './line-checks';
import { locationIdOf } from './location-id';
import { parseRefund } from './parse-refund';
import { parseFulfillments } from './shopify-fulfillment';
import { readShopMoney, type MoneyScope } from './shop-money';
import { customerRef, type ShopifyCustomerRef, type ShopifyLineItem, type ShopifyOrder } from './shopify-order';
import type { ShopifyRefund } from './shopify-refund';

function parseCustomer(value: unknown, issues: string[]): ShopifyCustomerRef | null {
  if (value === null || value === undefined) return null;
  if (!isRecord(value)) {
    issues.push('customer is not an object');
    return null;
  }
  return customerRef(resourceIdOf(value, 'Customer'), { firstName: value.first_name, lastName: value.last_name, email: value.email, phone: value.phone }, issues);
}

function parseLineItem(value: unknown, index: number, scope: MoneyScope): ShopifyLineItem | null {
  const { issues, exponent } = scope;
  const where = `line_items[${index}]`;
  if (!isRecord(value)) {
    issues.push(`${where} is not an object`);
    return null;
  }
  const id = resourceIdOf(value, 'LineItem');
  if (id === null) issues.push(`${where} has no exact id`);
  const rawQuantity = value.quantity;
  const quantity = isCount(rawQuantity, `${where}.quantity`, issues) ? rawQuantity : null;
  const priceCents = readShopMoney(value, 'price', where, scope, { required: true, nonNegative: true });
  checkRowCeiling(where, quantity, priceCents, exponent, issues);
  const current = value.current_quantity;
  const currentQuantity = current === undefined || current === null || !isCount(current, `${where}.current_quantity`, issues) ? null : current;
  if (id === null || quantity === null || priceCents === null) return null;
  return {
    id,
    sku: optionalString(value.sku),
    title: optionalString(value.title) ?? optionalString(value.name) ?? '',
    quantity,
    // API versions before 2024-01 have no current_quantity: nothing is known to be removed.
    currentQuantity: currentQuantity ?? quantity,
    priceCents,
    discountCents: allocatedDiscountCents(value.discount_allocations, where, scope),
    taxLines: parseTaxLines(value.tax_lines, where, scope),
    giftCard: value.gift_card === true,
    dutiesCents: dutiesCents(value.duties, where, scope),
  };
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
  const scope: MoneyScope = { currency, exponent: currencyExponent(currency), issues };
  const customer = parseCustomer(payload.customer, issues);
  if (!Array.isArray(payload.line_items)) issues.push('line_items is not a list');
  const rawLines = Array.isArray(payload.line_items) ? payload.line_items : [];
  const lineItems = rawLines.map((line, index) => parseLineItem(line, index, scope));
  const shippingLines = parseShippingLines(payload.shipping_lines, scope);
  const totalCents = readShopMoney(payload, 'total_price', '', scope, { required: true, nonNegative: true }) ?? 0;
  const refunds = (Array.isArray(payload.refunds) ? payload.refunds : []).flatMap((raw, index): ShopifyRefund[] => {
    const refund = parseRefund(raw, scope.exponent, currency);
    if (!refund.ok) issues.push(...refund.issues.map((issue) => `refunds[${index}]: ${issue}`));
    return refund.ok ? [refund.value] : [];
  });
  const order = {
    shippingLines,
    totalCents,
    currentTotalCents: readShopMoney(payload, 'current_total_price', '', scope) ?? totalCents,
    totalTaxCents: readShopMoney(payload, 'total_tax', '', scope) ?? 0,
    totalTipCents: readShopMoney(payload, 'total_tip_received', '', scope) ?? 0,
    outstandingCents: readShopMoney(payload, 'total_outstanding', '', scope) ?? 0,
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
