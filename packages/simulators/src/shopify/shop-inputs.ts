import type { DiscountRecord, ShopifyCancelReason } from './types';

// What a driver (test, demo, HTTP caller) may ask the shop to do. Everything is optional: omitted
// values are filled from the seeded PRNG, so `createOrder({})` is a valid, realistic order.

export interface AddressInput {
  firstName?: string;
  lastName?: string;
  company?: string | null;
  address1?: string;
  address2?: string | null;
  city?: string;
  province?: string;
  provinceCode?: string;
  country?: string;
  countryCode?: string;
  zip?: string;
  phone?: string | null;
}

export interface CustomerInput {
  email?: string | null;
  phone?: string | null;
  firstName?: string;
  lastName?: string;
  note?: string | null;
  taxExempt?: boolean;
  /** Default address; `null` creates a customer without addresses. */
  address?: AddressInput | null;
}

export type UpdateCustomerInput = Omit<CustomerInput, 'address'> & { state?: 'disabled' | 'invited' | 'enabled' | 'declined' };

export interface OrderLineInput {
  sku: string;
  quantity?: number;
  /** Overrides the catalogue price for this line, e.g. "18.00". */
  price?: string;
}

export interface CreateOrderInput {
  /**
   * `'new'` (default) creates a customer in the same checkout (customers/create fires too);
   * `{ id }` reuses an existing one; `null` is a guest checkout; an object creates a customer
   * with those details.
   */
  customer?: 'new' | null | { id: number } | CustomerInput;
  /** Contact email; for guests defaults to a generated one, for customers to the customer's. */
  email?: string | null;
  /** Defaults to 1–3 random catalogue items. */
  lines?: OrderLineInput[];
  /** `null` for no shipping line (e.g. digital goods). Defaults to "Standard Shipping" 5.00. */
  shipping?: { title?: string; code?: string; price: string } | null;
  discount?: DiscountRecord | null;
  /** Online checkouts with automatic capture are paid at once (default); "pending" is manual payment. */
  financialStatus?: 'pending' | 'authorized' | 'paid';
  shippingAddress?: AddressInput;
  billingAddress?: AddressInput;
  note?: string | null;
  tags?: string[];
  test?: boolean;
}

export interface UpdateOrderInput {
  note?: string | null;
  tags?: string[];
  email?: string | null;
  phone?: string | null;
  shippingAddress?: AddressInput;
}

export interface CancelOrderInput {
  reason?: ShopifyCancelReason;
}

/** A driver asked for something the shop cannot do; `field` names the offending input. */
export class ShopifySimulatorInputError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(message);
    this.name = 'ShopifySimulatorInputError';
    this.field = field;
  }
}
