// Selections shared by the order documents, concatenated into their text (GraphQL fragments would
// need the fragment definitions in every document that spreads them; plain text is simpler).

/** MoneyBag in shop and presentment currency (notes §4: amounts are Decimal strings). */
export const MONEY_BAG = 'shopMoney { amount currencyCode } presentmentMoney { amount currencyCode }';

export const MAILING_ADDRESS = 'firstName lastName company address1 address2 city province provinceCode country countryCodeV2 zip phone';

/** One line item; sized so 25 of them stay far below the 1000-point query limit. */
export const LINE_ITEM_FIELDS = `id sku name title variantTitle vendor quantity currentQuantity requiresShipping taxable
  variant { id }
  originalUnitPriceSet { ${MONEY_BAG} }
  discountAllocations { allocatedAmountSet { ${MONEY_BAG} } }
  taxLines { title rate priceSet { ${MONEY_BAG} } }`;

/** One OrderTransaction, as Order.transactions and Refund.transactions select it. */
export const TRANSACTION_FIELDS = `id kind status gateway test processedAt createdAt errorCode amountSet { ${MONEY_BAG} } parentTransaction { id }`;
