// Result shapes of the documents, as the client hands them out. Ids are GID strings, money amounts
// and UnsignedInt64 values are decimal strings (notes §2, §12.5); nothing is converted to numbers.

export interface Money {
  readonly amount: string;
  readonly currencyCode: string;
}

export interface MoneyBag {
  readonly shopMoney: Money;
  readonly presentmentMoney: Money;
}

export interface PageInfo {
  readonly hasNextPage: boolean;
  readonly endCursor: string | null;
}

export interface Page<T> {
  readonly nodes: readonly T[];
  readonly pageInfo: PageInfo;
}

export interface MailingAddress {
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly company: string | null;
  readonly address1: string | null;
  readonly address2: string | null;
  readonly city: string | null;
  readonly province: string | null;
  readonly provinceCode: string | null;
  readonly country: string | null;
  readonly countryCodeV2: string | null;
  readonly zip: string | null;
  readonly phone: string | null;
}

export interface TaxLine {
  readonly title: string;
  readonly rate: number | null;
  readonly priceSet: MoneyBag;
}

export interface OrderLineItem {
  readonly id: string;
  readonly sku: string | null;
  readonly name: string;
  readonly title: string;
  readonly variantTitle: string | null;
  readonly vendor: string | null;
  readonly quantity: number;
  readonly currentQuantity: number;
  readonly requiresShipping: boolean;
  readonly taxable: boolean;
  readonly variant: { readonly id: string } | null;
  readonly originalUnitPriceSet: MoneyBag;
  readonly discountAllocations: readonly { readonly allocatedAmountSet: MoneyBag }[];
  readonly taxLines: readonly TaxLine[];
}

export interface OrderTransaction {
  readonly id: string;
  readonly kind: string;
  readonly status: string;
  readonly gateway: string | null;
  readonly test: boolean;
  readonly processedAt: string | null;
  readonly createdAt: string;
  readonly errorCode: string | null;
  readonly amountSet: MoneyBag;
  readonly parentTransaction: { readonly id: string } | null;
}

/** The first page of a connection that is not paged further: hasNextPage says the page is not all. */
export interface FirstPage<T> {
  readonly nodes: readonly T[];
  readonly pageInfo: { readonly hasNextPage: boolean };
}

export interface RefundLineItem {
  readonly id: string | null;
  readonly quantity: number;
  /** NO_RESTOCK, CANCEL, RETURN or LEGACY_RESTOCK. */
  readonly restockType: string;
  readonly lineItem: { readonly id: string };
  readonly location: { readonly id: string } | null;
  /** The refunded units' amount after their discount share, before tax. */
  readonly subtotalSet: MoneyBag;
  readonly totalTaxSet: MoneyBag;
}

export interface RefundShippingLine {
  readonly id: string;
  readonly shippingLine: { readonly id: string | null };
  readonly subtotalAmountSet: MoneyBag;
  readonly taxAmountSet: MoneyBag;
}

/** The difference between a refund's calculated and refunded amounts. */
export interface OrderAdjustment {
  readonly id: string;
  readonly reason: string | null;
  readonly amountSet: MoneyBag;
  readonly taxAmountSet: MoneyBag;
}

export interface OrderRefund {
  readonly id: string;
  readonly legacyResourceId: string;
  readonly createdAt: string | null;
  readonly processedAt: string;
  readonly note: string | null;
  readonly refundLineItems: FirstPage<RefundLineItem>;
  readonly refundShippingLines: FirstPage<RefundShippingLine>;
  readonly orderAdjustments: FirstPage<OrderAdjustment>;
  readonly transactions: FirstPage<OrderTransaction>;
}

export interface FulfillmentOrderLineItem {
  readonly id: string;
  readonly sku: string | null;
  readonly totalQuantity: number;
  readonly remainingQuantity: number;
  readonly lineItem: { readonly id: string };
}

export interface FulfillmentOrder {
  readonly id: string;
  readonly status: string;
  readonly requestStatus: string;
  readonly updatedAt: string;
  readonly assignedLocation: { readonly name: string; readonly location: { readonly id: string } | null };
  readonly supportedActions: readonly { readonly action: string }[];
  readonly lineItems: { readonly pageInfo: { readonly hasNextPage: boolean }; readonly nodes: readonly FulfillmentOrderLineItem[] };
}

export interface ShopifyOrder {
  readonly id: string;
  readonly legacyResourceId: string;
  readonly name: string;
  readonly number: number;
  readonly confirmationNumber: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly processedAt: string;
  readonly cancelledAt: string | null;
  readonly cancelReason: string | null;
  readonly closed: boolean;
  readonly closedAt: string | null;
  readonly test: boolean;
  readonly edited: boolean;
  readonly displayFinancialStatus: string | null;
  readonly displayFulfillmentStatus: string;
  readonly email: string | null;
  readonly phone: string | null;
  readonly note: string | null;
  readonly tags: readonly string[];
  readonly poNumber: string | null;
  readonly sourceName: string | null;
  readonly currencyCode: string;
  readonly presentmentCurrencyCode: string;
  readonly taxesIncluded: boolean;
  readonly taxExempt: boolean;
  readonly paymentGatewayNames: readonly string[];
  readonly customer: { readonly id: string; readonly firstName: string | null; readonly lastName: string | null; readonly defaultEmailAddress: { readonly emailAddress: string } | null; readonly defaultPhoneNumber: { readonly phoneNumber: string } | null } | null;
  readonly billingAddress: MailingAddress | null;
  readonly shippingAddress: MailingAddress | null;
  readonly subtotalPriceSet: MoneyBag | null;
  readonly totalPriceSet: MoneyBag;
  readonly totalTaxSet: MoneyBag | null;
  readonly totalDiscountsSet: MoneyBag | null;
  readonly totalShippingPriceSet: MoneyBag;
  readonly currentTotalPriceSet: MoneyBag;
  readonly totalOutstandingSet: MoneyBag;
  readonly totalRefundedSet: MoneyBag;
  readonly discountCodes: readonly string[];
  readonly taxLines: readonly TaxLine[];
  readonly shippingLines: { readonly nodes: readonly { readonly id: string | null; readonly title: string; readonly code: string | null; readonly discountedPriceSet: MoneyBag; readonly taxLines: readonly TaxLine[] }[] };
  readonly lineItems: Page<OrderLineItem>;
  readonly transactions: readonly OrderTransaction[];
  /** Whether the order has refunds (at most one id); getOrder reads them with ORDER_REFUNDS. */
  readonly refunds: readonly { readonly id: string }[];
}

/** getOrder's result: every line item (all pages), the refunds and the fulfillment orders. */
export interface ShopifyOrderDetail extends Omit<ShopifyOrder, 'lineItems' | 'refunds'> {
  readonly lineItems: readonly OrderLineItem[];
  /** The first ORDER_REFUNDS_READ refunds: as many may mean more (Order.refunds cannot be paged). */
  readonly refunds: readonly OrderRefund[];
  readonly fulfillmentOrders: readonly FulfillmentOrder[];
}

export interface OrderSummary {
  readonly id: string;
  readonly legacyResourceId: string;
  readonly name: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly cancelledAt: string | null;
  readonly closed: boolean;
  readonly displayFinancialStatus: string | null;
  readonly displayFulfillmentStatus: string;
}

export interface ShopifyCustomer {
  readonly id: string;
  readonly legacyResourceId: string;
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly displayName: string;
  readonly state: string;
  readonly note: string | null;
  readonly tags: readonly string[];
  readonly taxExempt: boolean;
  readonly verifiedEmail: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly defaultEmailAddress: { readonly emailAddress: string } | null;
  readonly defaultPhoneNumber: { readonly phoneNumber: string } | null;
  readonly defaultAddress: (MailingAddress & { readonly id: string }) | null;
}

/** A customer as CustomerById reads it: with its addresses (the first CUSTOMER_ADDRESSES_READ). */
export interface ShopifyCustomerDetail extends ShopifyCustomer {
  readonly addressesV2: { readonly pageInfo: { readonly hasNextPage: boolean }; readonly nodes: ReadonlyArray<MailingAddress & { readonly id: string }> };
}

export interface ShopifyLocation {
  readonly id: string;
  readonly legacyResourceId: string;
  readonly name: string;
  readonly isActive: boolean;
  readonly fulfillsOnlineOrders: boolean;
  readonly shipsInventory: boolean;
  readonly hasActiveInventory: boolean;
  readonly address: { readonly address1: string | null; readonly city: string | null; readonly countryCode: string | null; readonly zip: string | null };
}

export interface ShopifyVariant {
  readonly id: string;
  readonly legacyResourceId: string;
  readonly sku: string | null;
  readonly title: string;
  readonly displayName: string;
  readonly price: string;
  readonly inventoryQuantity: number | null;
  readonly product: { readonly id: string; readonly title: string };
  readonly inventoryItem: { readonly id: string; readonly sku: string | null; readonly tracked: boolean };
}

export interface InventoryLevel {
  readonly id: string;
  readonly updatedAt: string;
  readonly location: { readonly id: string };
  readonly quantities: readonly { readonly name: string; readonly quantity: number }[];
}

export interface InventoryItemLevels {
  readonly id: string;
  readonly sku: string | null;
  readonly tracked: boolean;
  readonly inventoryLevels: { readonly nodes: readonly InventoryLevel[] };
}

export interface WebhookSubscription {
  readonly id: string;
  readonly topic: string;
  readonly uri: string;
  readonly format: string;
  readonly name: string | null;
  readonly includeFields: readonly string[];
  readonly filter: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly apiVersion: { readonly handle: string };
}

export interface BulkOperation {
  readonly id: string;
  readonly status: 'CREATED' | 'RUNNING' | 'COMPLETED' | 'FAILED' | 'CANCELING' | 'CANCELED' | 'EXPIRED';
  readonly type: 'QUERY' | 'MUTATION';
  readonly errorCode: string | null;
  readonly objectCount: string;
  readonly rootObjectCount: string;
  readonly fileSize: string | null;
  readonly url: string | null;
  readonly partialDataUrl: string | null;
  readonly query: string;
  readonly createdAt: string;
  readonly completedAt: string | null;
}
