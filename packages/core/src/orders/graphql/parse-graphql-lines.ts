import { optionalString } from '../../webhooks/parse-result';
import { checkRowCeiling, isCount } from '../line-checks';
import type { MoneyScope } from '../shop-money';
import type { ShopifyLineItem, ShopifyShippingLine } from '../shopify-order';
import { gidIdOf, parseGraphqlTaxLines, readBagCents, sumBags } from './graphql-fields';
import type { GraphqlLineItem, GraphqlShippingLine } from './graphql-order';

// An order's lines from the Admin API, read to the same values and held to the same rules as the
// REST lines (parse-order.ts, parse-money-lines.ts); issues name the GraphQL field paths.

function parseLineItem(line: GraphqlLineItem, index: number, scope: MoneyScope): ShopifyLineItem | null {
  const { issues, exponent } = scope;
  const where = `lineItems[${index}]`;
  const id = gidIdOf(line.id, 'LineItem');
  if (id === null) issues.push(`${where} has no exact id`);
  const quantity = isCount(line.quantity, `${where}.quantity`, issues) ? line.quantity : null;
  const priceCents = readBagCents(line.originalUnitPriceSet, `${where}.originalUnitPriceSet`, scope, { required: true, nonNegative: true });
  checkRowCeiling(where, quantity, priceCents, exponent, issues);
  const currentQuantity = isCount(line.currentQuantity, `${where}.currentQuantity`, issues) ? line.currentQuantity : null;
  if (id === null || quantity === null || priceCents === null || currentQuantity === null) return null;
  return {
    id,
    sku: optionalString(line.sku),
    title: optionalString(line.title) ?? '',
    quantity,
    currentQuantity,
    priceCents,
    discountCents: sumBags(line.discountAllocations, ['allocatedAmountSet'], `${where}.discountAllocations`, scope),
    taxLines: parseGraphqlTaxLines(line.taxLines, where, scope),
    // Neither isGiftCard nor duties is selected by the client's OrderById: a gift card books as its
    // SKU, and duties leave the Sales Order short of totalPriceSet, which the total check parks.
    giftCard: false,
    dutiesCents: 0,
  };
}

export function parseGraphqlLineItems(lines: readonly GraphqlLineItem[], scope: MoneyScope): ShopifyLineItem[] {
  return lines.map((line, index) => parseLineItem(line, index, scope)).filter((line): line is ShopifyLineItem => line !== null);
}

/** Removed shipping lines are not read (the document does not ask for them), as REST's are skipped. */
export function parseGraphqlShippingLines(lines: readonly GraphqlShippingLine[], scope: MoneyScope): ShopifyShippingLine[] {
  return lines.flatMap((line, index) => {
    const where = `shippingLines[${index}]`;
    // The discounted price is the one the planner books; the document reads no other.
    const cents = readBagCents(line.discountedPriceSet, `${where}.discountedPriceSet`, scope, { required: true });
    if (cents === null) return [];
    return [{ title: optionalString(line.title) ?? 'Shipping', cents, taxLines: parseGraphqlTaxLines(line.taxLines, where, scope) }];
  });
}
