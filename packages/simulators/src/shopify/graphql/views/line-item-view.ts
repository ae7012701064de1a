import { currentQuantity, effectiveQuantity } from '../../line-quantities';
import type { LineItemRecord, OrderRecord, ShippingLineRecord } from '../../types';
import type { SimContext } from '../sim-context';
import { productView, variantView } from './inventory-views';
import type { View } from './resolve-fields';
import { decimal, gid, moneyBag } from './wire-format';

export function taxLinesView(cents: number, order: OrderRecord, taxable: boolean): View[] {
  if (!taxable || order.tax.rate === 0 || cents === 0) return [];
  return [{ title: order.tax.title, rate: order.tax.rate, ratePercentage: Math.round(order.tax.rate * 10000) / 100, priceSet: moneyBag(cents, order.currency), source: 'Shopify', channelLiable: false }];
}

export function lineItemView(line: LineItemRecord, order: OrderRecord, ctx: SimContext): View {
  const c = order.currency;
  const kept = effectiveQuantity(line);
  const gross = line.unitPriceCents * kept;
  const net = gross - line.discountCents;
  const current = currentQuantity(order, line);
  const entry = ctx.shop.catalogue.get(line.sku);
  const remaining = () => ctx.shop.fulfillment.forOrder(order.id).flatMap((fo) => (fo.status === 'OPEN' || fo.status === 'IN_PROGRESS' ? fo.lines : [])).filter((l) => l.lineItemId === line.id).reduce((sum, l) => sum + l.remainingQuantity, 0);
  return {
    __typename: 'LineItem',
    id: gid('LineItem', line.id),
    name: line.variantTitle ? `${line.title} - ${line.variantTitle}` : line.title,
    title: line.title,
    variantTitle: line.variantTitle,
    sku: line.sku,
    vendor: line.vendor,
    quantity: line.quantity,
    currentQuantity: current,
    unfulfilledQuantity: remaining,
    fulfillableQuantity: remaining,
    refundableQuantity: current,
    nonFulfillableQuantity: 0,
    fulfillmentStatus: () => (remaining() === 0 && order.cancelledAt === null ? 'fulfilled' : 'unfulfilled'),
    requiresShipping: line.requiresShipping,
    taxable: line.taxable,
    isGiftCard: false,
    merchantEditable: true,
    restockable: true,
    canRestock: true,
    customAttributes: [],
    variant: () => (entry ? variantView(entry, ctx) : null),
    product: () => (entry ? productView(entry, ctx) : null),
    originalUnitPriceSet: moneyBag(line.unitPriceCents, c),
    originalTotalSet: moneyBag(line.unitPriceCents * line.quantity, c),
    discountedUnitPriceSet: moneyBag(kept > 0 ? Math.round(net / kept) : line.unitPriceCents, c),
    discountedUnitPriceAfterAllDiscountsSet: moneyBag(kept > 0 ? Math.round(net / kept) : line.unitPriceCents, c),
    discountedTotalSet: (args: { withCodeDiscounts?: boolean | null }) => moneyBag(args.withCodeDiscounts ? net : gross, c),
    totalDiscountSet: moneyBag(line.discountCents, c),
    discountAllocations: line.discountCents > 0 ? [{ allocatedAmountSet: moneyBag(line.discountCents, c) }] : [],
    taxLines: (args: { first?: number | null }) => taxLinesView(line.taxCents, order, line.taxable).slice(0, args.first ?? 100),
    originalUnitPrice: decimal(line.unitPriceCents),
  };
}

export function shippingLineView(line: ShippingLineRecord, order: OrderRecord): View {
  const c = order.currency;
  return {
    __typename: 'ShippingLine',
    id: gid('ShippingLine', line.id),
    title: line.title,
    code: line.code,
    source: 'shopify',
    carrierIdentifier: null,
    custom: false,
    isRemoved: false,
    phone: null,
    shippingRateHandle: null,
    deliveryCategory: null,
    originalPriceSet: moneyBag(line.priceCents, c),
    discountedPriceSet: moneyBag(line.priceCents, c),
    currentDiscountedPriceSet: moneyBag(line.priceCents, c),
    discountAllocations: [],
    taxLines: taxLinesView(line.taxCents, order, order.tax.taxShipping),
  };
}
