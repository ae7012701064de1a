/** The parts of a Shopify order the sync uses, read from the REST-shaped webhook payload. */
export interface ShopifyCustomerRef {
  readonly id: string;
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly email: string | null;
  readonly phone: string | null;
}

export interface ShopifyLineItem {
  readonly id: string;
  readonly sku: string | null;
  readonly title: string;
  readonly quantity: number;
  /** Unit price as Shopify's decimal string, e.g. "89.99". */
  readonly price: string;
}

export interface ShopifyOrder {
  readonly id: string;
  /** The merchant-facing name, e.g. "#1001". */
  readonly name: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly currency: string;
  readonly financialStatus: string | null;
  readonly test: boolean;
  readonly customer: ShopifyCustomerRef | null;
  readonly lineItems: readonly ShopifyLineItem[];
}
