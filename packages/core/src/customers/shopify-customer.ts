export interface ShopifyAddress {
  readonly id: string;
  readonly address1: string | null;
  readonly address2: string | null;
  readonly city: string | null;
  readonly province: string | null;
  /** Shopify's English country name, e.g. "Canada" — what ERPNext's Country records are named. */
  readonly country: string | null;
  readonly zip: string | null;
  readonly phone: string | null;
  readonly isDefault: boolean;
}

/** A Shopify customer as the customers/* webhooks carry it. */
export interface ShopifyCustomer {
  readonly id: string;
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly updatedAt: string | null;
  readonly addresses: readonly ShopifyAddress[];
}
