// Internal state of the simulated shop. Records hold cents and Dates; payload builders turn them into
// Shopify's REST JSON (decimal strings, offset timestamps) at the moment a webhook is triggered.

/** REST `financial_status` values (lower-case of OrderCreateFinancialStatus, notes §1.7). */
export const SHOPIFY_FINANCIAL_STATUSES = {
  pending: 'pending',
  authorized: 'authorized',
  partiallyPaid: 'partially_paid',
  paid: 'paid',
  partiallyRefunded: 'partially_refunded',
  refunded: 'refunded',
  voided: 'voided',
  expired: 'expired',
} as const;
export type ShopifyFinancialStatus = (typeof SHOPIFY_FINANCIAL_STATUSES)[keyof typeof SHOPIFY_FINANCIAL_STATUSES];

/** REST `cancel_reason` values. */
export const SHOPIFY_CANCEL_REASONS = {
  customer: 'customer',
  fraud: 'fraud',
  inventory: 'inventory',
  declined: 'declined',
  staff: 'staff',
  other: 'other',
} as const;
export type ShopifyCancelReason = (typeof SHOPIFY_CANCEL_REASONS)[keyof typeof SHOPIFY_CANCEL_REASONS];

export interface AddressRecord {
  firstName: string;
  lastName: string;
  company: string | null;
  address1: string;
  address2: string | null;
  city: string;
  province: string;
  provinceCode: string;
  country: string;
  countryCode: string;
  zip: string;
  phone: string | null;
}

export interface CustomerAddressRecord extends AddressRecord {
  id: number;
  isDefault: boolean;
}

export interface CustomerRecord {
  id: number;
  email: string | null;
  phone: string | null;
  firstName: string;
  lastName: string;
  /** Customers created by a checkout have no account yet: "disabled". */
  state: 'disabled' | 'invited' | 'enabled' | 'declined';
  note: string | null;
  verifiedEmail: boolean;
  taxExempt: boolean;
  currency: string;
  createdAt: Date;
  updatedAt: Date;
  addresses: CustomerAddressRecord[];
}

export interface LineItemRecord {
  id: number;
  productId: number;
  variantId: number;
  sku: string;
  title: string;
  variantTitle: string | null;
  vendor: string;
  unitPriceCents: number;
  /** Units ordered; never goes down (edits raise removedQuantity, refunds add refund lines). */
  quantity: number;
  /** Units an order edit took off the line. */
  removedQuantity: number;
  grams: number;
  taxable: boolean;
  requiresShipping: boolean;
  /** This line's share of the order discount (index 0 of discount_applications), for the units left after edits. */
  discountCents: number;
  taxCents: number;
}

export interface ShippingLineRecord {
  id: number;
  title: string;
  code: string;
  priceCents: number;
  taxCents: number;
}

export interface DiscountRecord {
  code: string;
  /** Percentage off the line items, e.g. 10 for 10 %. */
  percentage: number;
}

export interface TaxPolicy {
  rate: number;
  title: string;
  taxesIncluded: boolean;
  taxShipping: boolean;
}

export interface OrderRecord {
  id: number;
  orderNumber: number;
  token: string;
  checkoutToken: string;
  cartToken: string;
  confirmationNumber: string;
  createdAt: Date;
  updatedAt: Date;
  cancelledAt: Date | null;
  cancelReason: ShopifyCancelReason | null;
  closedAt: Date | null;
  financialStatus: ShopifyFinancialStatus;
  fulfillmentStatus: null | 'partial' | 'fulfilled' | 'restocked';
  customerId: number | null;
  email: string | null;
  phone: string | null;
  currency: string;
  test: boolean;
  tax: TaxPolicy;
  lines: LineItemRecord[];
  shippingLines: ShippingLineRecord[];
  discount: DiscountRecord | null;
  billingAddress: AddressRecord | null;
  shippingAddress: AddressRecord | null;
  note: string | null;
  tags: string[];
  paymentGatewayNames: string[];
  refunds: RefundRecord[];
  edits: OrderEditRecord[];
}

export interface OrderEditChangeRecord {
  lineItemId: number;
  delta: number;
}

/** A committed order edit: units taken off existing lines and new lines added. */
export interface OrderEditRecord {
  id: number;
  committedAt: Date;
  additions: OrderEditChangeRecord[];
  removals: OrderEditChangeRecord[];
}

export type ShopifyRestockType = 'no_restock' | 'cancel' | 'return';

export interface RefundLineRecord {
  id: number;
  lineItemId: number;
  quantity: number;
  restockType: ShopifyRestockType;
  subtotalCents: number;
  taxCents: number;
}

/** A refund: the goods and shipping given back and the one REFUND transaction that paid it. */
export interface RefundRecord {
  id: number;
  createdAt: Date;
  note: string | null;
  lines: RefundLineRecord[];
  shippingCents: number;
  shippingTaxCents: number;
  transactionId: number;
  amountCents: number;
  gateway: string;
}
