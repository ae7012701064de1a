import { currencyExponent } from '../../money/currency-exponent';
import { optionalString, parsed, rejected, type ParseResult } from '../../webhooks/parse-result';
import type { MoneyScope } from '../shop-money';
import { customerRef, type ShopifyCustomerRef, type ShopifyOrder } from '../shopify-order';
import type { ShopifyRefund } from '../shopify-refund';
import { gidIdOf, readBagCents, restEnum } from './graphql-fields';
import type { GraphqlCustomer, GraphqlOrder } from './graphql-order';
import { parseGraphqlLineItems, parseGraphqlShippingLines } from './parse-graphql-lines';
import { parseGraphqlRefund } from './parse-graphql-refund';
import { shopClock, unknownTimeZone, type ShopClock } from './shop-local-time';

/** displayFulfillmentStatus → REST fulfillment_status, which stays null while nothing shipped. */
const FULFILLMENT_STATUS: ReadonlyMap<string, string> = new Map([
  ['FULFILLED', 'fulfilled'],
  ['PARTIALLY_FULFILLED', 'partial'],
  ['RESTOCKED', 'restocked'],
]);

function parseCustomer(customer: GraphqlCustomer | null, issues: string[]): ShopifyCustomerRef | null {
  if (customer === null) return null;
  const fields = { firstName: customer.firstName, lastName: customer.lastName, email: customer.defaultEmailAddress?.emailAddress, phone: customer.defaultPhoneNumber?.phoneNumber };
  return customerRef(gidIdOf(customer.id, 'Customer'), fields, issues);
}

/** An instant in the shop's wall-clock time, as REST prints it; an issue when it is not an instant. */
function localTime(clock: ShopClock | null, instant: string | null, path: string, issues: string[]): string | null {
  if (instant === null || clock === null) return null;
  const local = clock(instant);
  if (local === null) issues.push(`${path} is not an ISO-8601 instant: ${JSON.stringify(instant)}`);
  return local;
}

/**
 * Reads an order from the Admin GraphQL API into the same ShopifyOrder that parseOrder reads from
 * its orders/* webhook body, so backfill, reconcile and requeue plan what a webhook would. Every
 * problem is reported at once, named by its GraphQL path. `timeZone` is the shop's (Shop.ianaTimezone):
 * REST timestamps are shop-local, and the planner books on their calendar date.
 *
 * What the client's documents do not select reads as a webhook body without it: no fulfillments
 * (an order whose fulfillments matter is refused before it is parsed, admin-read/read-limits.ts),
 * no point-of-sale location, no tip, duties or gift cards. A tip or duties would leave the Sales
 * Order short of the order's total, and the planner's total check parks it instead of booking it short.
 */
export function parseGraphqlOrder(order: GraphqlOrder, timeZone: string): ParseResult<ShopifyOrder> {
  const issues: string[] = [];
  const clock = shopClock(timeZone);
  if (clock === null) issues.push(unknownTimeZone(timeZone));
  const id = gidIdOf(order.id, 'Order');
  if (id === null) issues.push('the order has no exact id (id)');
  const name = optionalString(order.name);
  if (name === null) issues.push('name is missing');
  const created = optionalString(order.createdAt);
  if (created === null) issues.push('createdAt is missing');
  const createdAt = localTime(clock, created, 'createdAt', issues);
  const updatedAt = localTime(clock, optionalString(order.updatedAt), 'updatedAt', issues) ?? createdAt;
  const cancelledAt = localTime(clock, order.cancelledAt, 'cancelledAt', issues);
  const currency = optionalString(order.currencyCode);
  if (currency === null) issues.push('currencyCode is missing');
  // Amounts are read in the currency's minor units: fils for KWD (3 decimals), yen for JPY (0).
  const scope: MoneyScope = { currency, exponent: currencyExponent(currency), issues };
  const customer = parseCustomer(order.customer, issues);
  const lineItems = parseGraphqlLineItems(order.lineItems, scope);
  const shippingLines = parseGraphqlShippingLines(order.shippingLines.nodes, scope);
  const totalCents = readBagCents(order.totalPriceSet, 'totalPriceSet', scope, { required: true, nonNegative: true }) ?? 0;
  const refunds = order.refunds.flatMap((raw, index): ShopifyRefund[] => {
    const refund = clock === null ? null : parseGraphqlRefund(raw, scope.exponent, currency, clock);
    if (refund !== null && !refund.ok) issues.push(...refund.issues.map((issue) => `refunds[${index}]: ${issue}`));
    return refund !== null && refund.ok ? [refund.value] : [];
  });
  const money = {
    totalCents,
    currentTotalCents: readBagCents(order.currentTotalPriceSet, 'currentTotalPriceSet', scope) ?? totalCents,
    totalTaxCents: readBagCents(order.totalTaxSet, 'totalTaxSet', scope) ?? 0,
    totalTipCents: 0,
    outstandingCents: readBagCents(order.totalOutstandingSet, 'totalOutstandingSet', scope) ?? 0,
  };
  if (issues.length > 0 || id === null || name === null || createdAt === null || updatedAt === null || currency === null) return rejected(issues);
  return parsed({
    id,
    name,
    createdAt,
    updatedAt,
    currency,
    presentmentCurrency: optionalString(order.presentmentCurrencyCode),
    financialStatus: restEnum(order.displayFinancialStatus),
    fulfillmentStatus: FULFILLMENT_STATUS.get(order.displayFulfillmentStatus) ?? null,
    locationId: null,
    cancelledAt,
    cancelReason: restEnum(order.cancelReason),
    test: order.test === true,
    taxesIncluded: order.taxesIncluded === true,
    customer,
    lineItems,
    refunds,
    fulfillments: [],
    gatewayNames: order.paymentGatewayNames.filter((gateway) => typeof gateway === 'string'),
    shippingLines,
    ...money,
  });
}
