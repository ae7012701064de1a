import fc from 'fast-check';
import type { ShopifyOrder, ShopifyTransaction } from '@shopsync/core';

// Any ShopifyOrder the REST parser can give: the values, not a consistent order (totals need not
// add up). The stored webhook body must carry each of them back exactly, whatever they are.

/** Exact ids, past 2^53 too: REST would round those as numbers, so the body keeps their digits. */
const id = fc.bigInt({ min: 1n, max: 2n ** 63n }).map(String);
const text = fc.string({ minLength: 1, maxLength: 12 });
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null });
const cents = fc.integer({ min: -1_000_000_000, max: 1_000_000_000 });
const timestamp = fc.constantFrom('2026-11-27T10:15:00-05:00', '2026-06-30T23:30:00-04:00', '2026-11-28T01:30:00+05:30');
// Rates as Shopify prints them; -0 would come back as 0 from JSON, and Shopify never sends it.
const rate = fc.integer({ min: 0, max: 2500 }).map((basis) => basis / 10_000);
const taxLines = fc.array(fc.record({ title: text, rate, cents }), { maxLength: 2 });

const lineItem = fc
  .record({ id, sku: maybe(text), title: fc.string({ maxLength: 12 }), quantity: fc.integer({ min: 0, max: 1_000 }), removed: fc.nat(), priceCents: fc.integer({ min: 0, max: 100_000_000 }), discountCents: cents, taxLines, giftCard: fc.boolean(), dutiesCents: cents })
  .map(({ removed, ...line }) => ({ ...line, currentQuantity: line.quantity === 0 ? 0 : line.quantity - (removed % (line.quantity + 1)) }));

const refund = fc.record({
  id,
  createdAt: fc.oneof(timestamp, fc.constant('')),
  lines: fc.array(fc.record({ lineItemId: id, quantity: fc.integer({ min: 1, max: 50 }), restockType: fc.constantFrom('no_restock' as const, 'cancel' as const, 'return' as const, 'legacy_restock' as const), subtotalCents: cents, taxCents: cents }), { maxLength: 3 }),
  shippingCents: cents,
  shippingTaxCents: cents,
  adjustmentCents: cents,
  transactions: fc.array(fc.record({ id, gateway: text, amountCents: cents }), { maxLength: 2 }),
});

const fulfillment = fc.record({
  id,
  status: text,
  createdAt: fc.oneof(timestamp, fc.constant('')),
  trackingNumber: maybe(text),
  locationId: maybe(id),
  lines: fc.array(fc.record({ lineItemId: id, quantity: fc.integer({ min: 1, max: 50 }) }), { maxLength: 3 }),
});

export const shopifyOrder: fc.Arbitrary<ShopifyOrder> = fc.record({
  id,
  name: text,
  createdAt: timestamp,
  updatedAt: timestamp,
  currency: fc.constantFrom('USD', 'EUR', 'JPY', 'KWD'),
  presentmentCurrency: maybe(fc.constantFrom('USD', 'CAD')),
  financialStatus: maybe(fc.constantFrom('pending', 'paid', 'partially_refunded')),
  fulfillmentStatus: maybe(fc.constantFrom('partial', 'fulfilled')),
  cancelledAt: maybe(timestamp),
  cancelReason: maybe(fc.constantFrom('customer', 'fraud')),
  locationId: maybe(id),
  test: fc.boolean(),
  taxesIncluded: fc.boolean(),
  customer: maybe(fc.record({ id, firstName: maybe(text), lastName: maybe(text), email: maybe(text), phone: maybe(text) })),
  lineItems: fc.array(lineItem, { maxLength: 3 }),
  shippingLines: fc.array(fc.record({ title: text, cents, taxLines }), { maxLength: 2 }),
  totalCents: fc.integer({ min: 0, max: 1_000_000_000 }),
  currentTotalCents: cents,
  totalTaxCents: cents,
  totalTipCents: cents,
  outstandingCents: cents,
  gatewayNames: fc.array(fc.string({ maxLength: 8 }), { maxLength: 2 }),
  refunds: fc.array(refund, { maxLength: 2 }),
  fulfillments: fc.array(fulfillment, { maxLength: 2 }),
});

export const shopifyTransaction: fc.Arbitrary<ShopifyTransaction> = fc.record({
  id,
  orderId: id,
  kind: fc.constantFrom('sale', 'capture', 'authorization', 'refund'),
  status: fc.constantFrom('success', 'failure', 'pending'),
  gateway: text,
  amountCents: cents,
  createdAt: fc.oneof(timestamp, fc.constant('')),
});
