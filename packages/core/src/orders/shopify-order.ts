import { optionalString } from '../webhooks/parse-result';
import type { ShopifyFulfillment } from './shopify-fulfillment';
import type { ShopifyRefund } from './shopify-refund';

/** The parts of a Shopify order the sync uses, read from the REST-shaped webhook payload. */
export interface ShopifyCustomerRef {
  readonly id: string;
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly email: string | null;
  readonly phone: string | null;
}

/** The customer from its exact id and the fields as read off either wire shape; no id is an issue. */
export function customerRef(id: string | null, fields: { firstName: unknown; lastName: unknown; email: unknown; phone: unknown }, issues: string[]): ShopifyCustomerRef | null {
  if (id === null) {
    issues.push('customer has no exact id');
    return null;
  }
  return {
    id,
    firstName: optionalString(fields.firstName),
    lastName: optionalString(fields.lastName),
    email: optionalString(fields.email),
    phone: optionalString(fields.phone),
  };
}

/** A tax charged on a line or on shipping, in shop money. */
export interface ShopifyTaxLine {
  readonly title: string;
  readonly rate: number;
  readonly cents: number;
}

export interface ShopifyLineItem {
  readonly id: string;
  readonly sku: string | null;
  readonly title: string;
  /** Units ordered, counting units later removed by an edit or refunded (it never goes down). */
  readonly quantity: number;
  /** Units still on the order: without removed and refunded units (REST current_quantity, 2024-01+). */
  readonly currentQuantity: number;
  /** Unit price before discounts, shop money. */
  readonly priceCents: number;
  /** The line's share of every discount, for its units after edits, shop money. */
  readonly discountCents: number;
  readonly taxLines: readonly ShopifyTaxLine[];
  readonly giftCard: boolean;
  readonly dutiesCents: number;
}

export interface ShopifyShippingLine {
  readonly title: string;
  /** After shipping discounts, shop money. */
  readonly cents: number;
  readonly taxLines: readonly ShopifyTaxLine[];
}

export interface ShopifyOrder {
  readonly id: string;
  /** The merchant-facing name, e.g. "#1001". */
  readonly name: string;
  readonly createdAt: string;
  /** The version: events carrying an older updated_at than the one applied are superseded. */
  readonly updatedAt: string;
  /** The shop's currency: every amount below is shop money, whatever the buyer paid in. */
  readonly currency: string;
  readonly presentmentCurrency: string | null;
  readonly financialStatus: string | null;
  readonly fulfillmentStatus: string | null;
  readonly cancelledAt: string | null;
  readonly cancelReason: string | null;
  /** The location that took the order (point of sale); null for online orders. */
  readonly locationId: string | null;
  readonly test: boolean;
  readonly taxesIncluded: boolean;
  readonly customer: ShopifyCustomerRef | null;
  readonly lineItems: readonly ShopifyLineItem[];
  readonly shippingLines: readonly ShopifyShippingLine[];
  readonly totalCents: number;
  readonly currentTotalCents: number;
  readonly totalTaxCents: number;
  readonly totalTipCents: number;
  readonly outstandingCents: number;
  readonly gatewayNames: readonly string[];
  readonly refunds: readonly ShopifyRefund[];
  readonly fulfillments: readonly ShopifyFulfillment[];
}
