import { currentQuantity, effectiveQuantity } from './line-quantities';
import { formatCents, moneySet, type MoneySetJson } from './money';
import { shopifyGid } from './shop-ids';
import type { ShopifyShop } from './shop-model';
import type { LineItemRecord, OrderRecord, ShippingLineRecord, TaxPolicy } from './types';

// The array entries of an order payload. The 2026-07 sample leaves tax_lines and
// discount_allocations empty; their shapes come from the same package's inferred schema and the
// real 2025-04 exemplar: tax line {price, rate, title, price_set, channel_liable}, allocation
// {amount, amount_set, discount_application_index}.

export interface TaxLineJson {
  price: string;
  rate: number;
  title: string;
  price_set: MoneySetJson;
  channel_liable: boolean;
}

export interface DiscountAllocationJson {
  amount: string;
  amount_set: MoneySetJson;
  discount_application_index: number;
}

export function taxLinesJson(taxCents: number, tax: TaxPolicy, taxable: boolean, currency: string): TaxLineJson[] {
  if (!taxable || tax.rate === 0) return [];
  return [{ price: formatCents(taxCents), rate: tax.rate, title: tax.title, price_set: moneySet(taxCents, currency), channel_liable: false }];
}

function discountAllocationsJson(cents: number, currency: string): DiscountAllocationJson[] {
  // Index 0: the simulator's only discount application is the order's discount code.
  return cents > 0 ? [{ amount: formatCents(cents), amount_set: moneySet(cents, currency), discount_application_index: 0 }] : [];
}

/** `quantity` is what was ordered; money fields describe the units left after edits, before refunds. */
export function lineItemJson(line: LineItemRecord, order: OrderRecord, shop: ShopifyShop) {
  const c = order.currency;
  const open = order.cancelledAt === null && order.fulfillmentStatus !== 'fulfilled';
  const current = currentQuantity(order, line);
  const kept = effectiveQuantity(line) > 0;
  return {
    id: line.id,
    admin_graphql_api_id: shopifyGid('LineItem', line.id),
    attributed_staffs: [] as { id: string; quantity: number }[],
    current_quantity: current,
    fulfillable_quantity: open ? Math.max(0, current - shop.fulfillment.fulfilledQuantity(order.id, line.id)) : 0,
    fulfillment_service: 'manual',
    fulfillment_status: null as string | null,
    gift_card: false,
    grams: line.grams,
    name: line.variantTitle ? `${line.title} - ${line.variantTitle}` : line.title,
    price: formatCents(line.unitPriceCents),
    price_set: moneySet(line.unitPriceCents, c),
    product_exists: true,
    product_id: line.productId,
    properties: [] as { name: string; value: string }[],
    quantity: line.quantity,
    requires_shipping: line.requiresShipping,
    sales_line_item_group_id: null as number | null,
    sku: line.sku,
    taxable: line.taxable,
    title: line.title,
    // Shopify leaves this "0.00" for code discounts and reports them in discount_allocations
    // (the REST docs call total_discount legacy); consumers must sum the allocations.
    total_discount: '0.00',
    total_discount_set: moneySet(0, c),
    variant_id: line.variantId,
    variant_inventory_management: 'shopify',
    variant_title: line.variantTitle,
    vendor: line.vendor,
    tax_lines: taxLinesJson(line.taxCents, order.tax, line.taxable && kept, c),
    duties: [] as unknown[],
    discount_allocations: discountAllocationsJson(line.discountCents, c),
  };
}

export function shippingLineJson(line: ShippingLineRecord, order: OrderRecord) {
  const c = order.currency;
  return {
    id: line.id,
    carrier_identifier: null as string | null,
    code: line.code,
    current_discounted_price_set: moneySet(line.priceCents, c),
    discounted_price: formatCents(line.priceCents),
    discounted_price_set: moneySet(line.priceCents, c),
    is_removed: false,
    phone: null as string | null,
    price: formatCents(line.priceCents),
    price_set: moneySet(line.priceCents, c),
    requested_fulfillment_service_id: null as string | null,
    source: 'shopify',
    title: line.title,
    tax_lines: taxLinesJson(line.taxCents, order.tax, order.tax.taxShipping, c),
    discount_allocations: [] as DiscountAllocationJson[],
  };
}

/** Order-level tax_lines: one entry per (title, rate), summing lines and shipping. */
export function orderTaxLinesJson(order: OrderRecord, taxCents: number): TaxLineJson[] {
  return taxLinesJson(taxCents, order.tax, taxCents > 0, order.currency);
}
