import { defineShopifyDocument } from '../../graphql/shopify-document';
import { MONEY_BAG, TRANSACTION_FIELDS } from './order-fields';

/**
 * How many refunds ORDER_REFUNDS reads. `Order.refunds` is a list, not a connection, so it cannot be
 * paged: an order with this many refunds may have more, and callers must not take the list as whole.
 */
export const ORDER_REFUNDS_READ = 5;

/**
 * An order's refunds with everything a REST refund carries that the engine reads: the lines given
 * back (quantity, restock type, amount and tax), the shipping given back, any order adjustment (a
 * discrepancy between calculated and refunded amounts) and the refund transactions. Each connection
 * says whether it has more than the page read. Sized to stay under 1000 points: 5 refunds × (15
 * lines, 2 shipping lines, 2 adjustments, 3 transactions) costs 946.
 */
export const ORDER_REFUNDS = defineShopifyDocument(
  'OrderRefunds',
  `query OrderRefunds($id: ID!) {
  order(id: $id) {
    id
    refunds(first: ${ORDER_REFUNDS_READ}) {
      id legacyResourceId createdAt processedAt note
      refundLineItems(first: 15) {
        pageInfo { hasNextPage }
        nodes { id quantity restockType lineItem { id } location { id } subtotalSet { ${MONEY_BAG} } totalTaxSet { ${MONEY_BAG} } }
      }
      refundShippingLines(first: 2) {
        pageInfo { hasNextPage }
        nodes { id shippingLine { id } subtotalAmountSet { ${MONEY_BAG} } taxAmountSet { ${MONEY_BAG} } }
      }
      orderAdjustments(first: 2) {
        pageInfo { hasNextPage }
        nodes { id reason amountSet { ${MONEY_BAG} } taxAmountSet { ${MONEY_BAG} } }
      }
      transactions(first: 3) {
        pageInfo { hasNextPage }
        nodes { ${TRANSACTION_FIELDS} }
      }
    }
  }
}`,
);
