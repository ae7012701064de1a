import type { OrderLineItem } from '@shopsync/shopify-client';
import { moneySet, restId, taxLines } from './rest-parts';

/** One line item in the REST shape of an order payload's `line_items` (parse-order.ts reads these). */
export function lineItemToRest(line: OrderLineItem) {
  return {
    id: restId(line.id),
    admin_graphql_api_id: line.id,
    sku: line.sku,
    name: line.name,
    title: line.title,
    variant_title: line.variantTitle,
    variant_id: line.variant === null ? null : restId(line.variant.id),
    vendor: line.vendor,
    quantity: line.quantity,
    // Units still on the order: Shopify's currentQuantity already leaves out units edited away and refunded.
    current_quantity: line.currentQuantity,
    requires_shipping: line.requiresShipping,
    taxable: line.taxable,
    price: line.originalUnitPriceSet.shopMoney.amount,
    price_set: moneySet(line.originalUnitPriceSet),
    discount_allocations: line.discountAllocations.map((allocation) => ({ amount: allocation.allocatedAmountSet.shopMoney.amount, amount_set: moneySet(allocation.allocatedAmountSet) })),
    tax_lines: taxLines(line.taxLines),
    // Not selected by the client's OrderById document (isGiftCard, duties); see backfill-limits.ts.
    gift_card: false,
    duties: [] as unknown[],
  };
}
