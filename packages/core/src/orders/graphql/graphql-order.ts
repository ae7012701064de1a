/**
 * An order as the Admin GraphQL API returns it: the fields parse-graphql-order.ts reads, and no
 * more. The core cannot import the Shopify client, so this is its structural view of the client's
 * `ShopifyOrderDetail` (OrderById with every page of line items, plus OrderRefunds): the client's type
 * must satisfy it, which the runner's call of parseGraphqlOrder checks at compile time. Ids are GIDs,
 * amounts Decimal strings, instants UTC ("2026-11-27T15:15:00Z"), enums upper-case (notes §4).
 *
 * What the client's documents do not select is not here either, and the parser says what it stands
 * for instead (parse-graphql-order.ts): fulfillments, a point-of-sale location, tips, duties, gift cards.
 */

export interface GraphqlMoneyBag {
  readonly shopMoney: { readonly amount: string; readonly currencyCode: string };
}

export interface GraphqlTaxLine {
  readonly title: string;
  readonly rate: number | null;
  readonly priceSet: GraphqlMoneyBag;
}

export interface GraphqlLineItem {
  readonly id: string;
  readonly sku: string | null;
  readonly title: string;
  readonly quantity: number;
  /** Units still on the order: Shopify leaves out units edited away and refunded. */
  readonly currentQuantity: number;
  readonly originalUnitPriceSet: GraphqlMoneyBag;
  readonly discountAllocations: readonly { readonly allocatedAmountSet: GraphqlMoneyBag }[];
  readonly taxLines: readonly GraphqlTaxLine[];
}

export interface GraphqlShippingLine {
  readonly title: string;
  readonly discountedPriceSet: GraphqlMoneyBag;
  readonly taxLines: readonly GraphqlTaxLine[];
}

export interface GraphqlTransaction {
  readonly id: string;
  readonly kind: string;
  readonly status: string;
  readonly gateway: string | null;
  readonly createdAt: string;
  readonly amountSet: GraphqlMoneyBag;
}

/** A connection read as one page: an order with more than the page holds is refused before it is parsed. */
interface Nodes<T> {
  readonly nodes: readonly T[];
}

export interface GraphqlRefund {
  readonly id: string;
  readonly createdAt: string | null;
  readonly refundLineItems: Nodes<{
    readonly quantity: number;
    /** NO_RESTOCK, CANCEL, RETURN or LEGACY_RESTOCK. */
    readonly restockType: string;
    readonly lineItem: { readonly id: string };
    readonly subtotalSet: GraphqlMoneyBag;
    readonly totalTaxSet: GraphqlMoneyBag;
  }>;
  readonly refundShippingLines: Nodes<{ readonly subtotalAmountSet: GraphqlMoneyBag; readonly taxAmountSet: GraphqlMoneyBag }>;
  readonly orderAdjustments: Nodes<{ readonly amountSet: GraphqlMoneyBag; readonly taxAmountSet: GraphqlMoneyBag }>;
  readonly transactions: Nodes<GraphqlTransaction>;
}

export interface GraphqlCustomer {
  readonly id: string;
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly defaultEmailAddress: { readonly emailAddress: string } | null;
  readonly defaultPhoneNumber: { readonly phoneNumber: string } | null;
}

export interface GraphqlOrder {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly cancelledAt: string | null;
  readonly cancelReason: string | null;
  readonly test: boolean;
  readonly displayFinancialStatus: string | null;
  readonly displayFulfillmentStatus: string;
  readonly currencyCode: string;
  readonly presentmentCurrencyCode: string;
  readonly taxesIncluded: boolean;
  readonly paymentGatewayNames: readonly string[];
  readonly customer: GraphqlCustomer | null;
  readonly totalPriceSet: GraphqlMoneyBag;
  readonly currentTotalPriceSet: GraphqlMoneyBag;
  readonly totalTaxSet: GraphqlMoneyBag | null;
  readonly totalOutstandingSet: GraphqlMoneyBag;
  /** Without removed shipping lines: the document does not ask for them (includeRemovals). */
  readonly shippingLines: Nodes<GraphqlShippingLine>;
  /** Every page of them. */
  readonly lineItems: readonly GraphqlLineItem[];
  readonly refunds: readonly GraphqlRefund[];
  /** Not part of the order's state the planner reads: each becomes an order_transactions/create of its own. */
  readonly transactions: readonly GraphqlTransaction[];
}
