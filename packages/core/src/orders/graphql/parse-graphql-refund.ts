import { optionalString, parsed, rejected, type ParseResult } from '../../webhooks/parse-result';
import type { MoneyScope } from '../shop-money';
import type { RestockType, ShopifyRefund, ShopifyRefundLine, ShopifyRefundTransaction } from '../shopify-refund';
import { gidIdOf, readBagCents, restEnum, sumBags } from './graphql-fields';
import type { GraphqlRefund } from './graphql-order';
import type { ShopClock } from './shop-local-time';

const RESTOCK_TYPES: readonly RestockType[] = ['no_restock', 'cancel', 'return', 'legacy_restock'];

type RefundLineNode = GraphqlRefund['refundLineItems']['nodes'][number];

function refundLine(line: RefundLineNode, index: number, scope: MoneyScope): ShopifyRefundLine | null {
  const { issues } = scope;
  const where = `refundLineItems[${index}]`;
  const lineItemId = gidIdOf(line.lineItem?.id, 'LineItem');
  if (lineItemId === null) issues.push(`${where} has no exact line item id`);
  const quantity = line.quantity;
  if (typeof quantity !== 'number' || !Number.isSafeInteger(quantity)) issues.push(`${where}.quantity is not a whole number`);
  else if (quantity < 0) issues.push(`${where}.quantity is below zero: ${quantity}`);
  const restockType = RESTOCK_TYPES.find((type) => type === restEnum(line.restockType)) ?? 'no_restock';
  const subtotalCents = readBagCents(line.subtotalSet, `${where}.subtotalSet`, scope) ?? 0;
  const taxCents = readBagCents(line.totalTaxSet, `${where}.totalTaxSet`, scope) ?? 0;
  if (lineItemId === null || typeof quantity !== 'number') return null;
  return { lineItemId, quantity, restockType, subtotalCents, taxCents };
}

/** Successful refund transactions only, as parse-refund.ts keeps them: money that left the merchant. */
function refundTransactions(refund: GraphqlRefund, scope: MoneyScope): ShopifyRefundTransaction[] {
  return refund.transactions.nodes.flatMap((transaction, index) => {
    if (restEnum(transaction.kind) !== 'refund' || restEnum(transaction.status) !== 'success') return [];
    const id = gidIdOf(transaction.id, 'OrderTransaction');
    const amountCents = readBagCents(transaction.amountSet, `transactions[${index}].amountSet`, scope);
    if (id === null || amountCents === null) return [];
    return [{ id, gateway: optionalString(transaction.gateway) ?? 'manual', amountCents }];
  });
}

/**
 * One refund of an Admin API order, read to what parseRefund reads from the REST refund: the goods,
 * shipping and adjustments it gives back, and the money that moved. Issues are relative to the
 * refund, like parseRefund's; the order's parser says which refund.
 */
export function parseGraphqlRefund(refund: GraphqlRefund, exponent: number, currency: string | null, clock: ShopClock): ParseResult<ShopifyRefund> {
  const issues: string[] = [];
  const scope: MoneyScope = { currency, exponent, issues };
  const id = gidIdOf(refund.id, 'Refund');
  if (id === null) issues.push('the refund has no exact id (id)');
  const lines = refund.refundLineItems.nodes.map((line, index) => refundLine(line, index, scope));
  const shipping = refund.refundShippingLines.nodes;
  const shippingCents = sumBags(shipping, ['subtotalAmountSet'], 'refundShippingLines', scope);
  const shippingTaxCents = sumBags(shipping, ['taxAmountSet'], 'refundShippingLines', scope);
  // A refund discrepancy keeps its sign (negative = given back), with its tax.
  const adjustmentCents = sumBags(refund.orderAdjustments.nodes, ['amountSet', 'taxAmountSet'], 'orderAdjustments', scope);
  const transactions = refundTransactions(refund, scope);
  if (id === null || issues.length > 0) return rejected(issues);
  return parsed({
    id,
    createdAt: refund.createdAt === null ? '' : clock(refund.createdAt) ?? '',
    lines: lines.filter((line): line is ShopifyRefundLine => line !== null && line.quantity > 0),
    shippingCents,
    shippingTaxCents,
    adjustmentCents,
    transactions,
  });
}
