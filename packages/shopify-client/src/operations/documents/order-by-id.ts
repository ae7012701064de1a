import { defineShopifyDocument } from '../../graphql/shopify-document';
import { LINE_ITEM_FIELDS, MAILING_ADDRESS, MONEY_BAG, TRANSACTION_FIELDS } from './order-fields';

/**
 * An order with everything the engine maps to ERPNext: header, money, addresses, the first page of
 * line items (more via ORDER_LINE_ITEMS_PAGE) and transactions. Fulfillment orders come from
 * ORDER_FULFILLMENT_ORDERS and refunds from ORDER_REFUNDS so that each document stays under 1000
 * points (notes §2); `refunds(first: 1)` only tells whether there are any to read.
 */
export const ORDER_BY_ID = defineShopifyDocument(
  'OrderById',
  `query OrderById($id: ID!, $lineItemsFirst: Int = 25) {
  order(id: $id) {
    id legacyResourceId name number confirmationNumber createdAt updatedAt processedAt
    cancelledAt cancelReason closed closedAt test edited
    displayFinancialStatus displayFulfillmentStatus
    email phone note tags poNumber sourceName
    currencyCode presentmentCurrencyCode taxesIncluded taxExempt paymentGatewayNames
    customer { id firstName lastName defaultEmailAddress { emailAddress } defaultPhoneNumber { phoneNumber } }
    billingAddress { ${MAILING_ADDRESS} }
    shippingAddress { ${MAILING_ADDRESS} }
    subtotalPriceSet { ${MONEY_BAG} }
    totalPriceSet { ${MONEY_BAG} }
    totalTaxSet { ${MONEY_BAG} }
    totalDiscountsSet { ${MONEY_BAG} }
    totalShippingPriceSet { ${MONEY_BAG} }
    currentTotalPriceSet { ${MONEY_BAG} }
    totalOutstandingSet { ${MONEY_BAG} }
    totalRefundedSet { ${MONEY_BAG} }
    discountCodes
    taxLines { title rate priceSet { ${MONEY_BAG} } }
    shippingLines(first: 5) { nodes { id title code discountedPriceSet { ${MONEY_BAG} } taxLines { title rate priceSet { ${MONEY_BAG} } } } }
    lineItems(first: $lineItemsFirst) {
      pageInfo { hasNextPage endCursor }
      nodes { ${LINE_ITEM_FIELDS} }
    }
    transactions(first: 10) { ${TRANSACTION_FIELDS} }
    refunds(first: 1) { id }
  }
}`,
);
