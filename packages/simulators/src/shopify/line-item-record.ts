import type { CatalogueEntry } from './catalogue';
import { parseAmountToCents } from './money';
import type { OrderShop } from './order-shop';
import { ShopifySimulatorInputError, type OrderLineInput } from './shop-inputs';
import type { LineItemRecord } from './types';

export type UnpricedLineItem = Omit<LineItemRecord, 'discountCents' | 'taxCents'>;

/** A checked request for a catalogue line; errors name `${field}.sku`, `.quantity` or `.price`. */
export interface LineChoice {
  entry: CatalogueEntry;
  quantity: number;
  unitPriceCents: number;
}

export function chooseLine(shop: OrderShop, input: OrderLineInput, field: string): LineChoice {
  const entry = shop.catalogue.get(input.sku);
  if (!entry) throw new ShopifySimulatorInputError(`${field}.sku`, `SKU ${JSON.stringify(input.sku)} is not in the catalogue`);
  const quantity = input.quantity ?? 1;
  if (!Number.isInteger(quantity) || quantity < 1) throw new ShopifySimulatorInputError(`${field}.quantity`, `quantity must be a positive integer, received ${quantity}`);
  return { entry, quantity, unitPriceCents: input.price === undefined ? entry.priceCents : priceCents(input.price, field) };
}

/** A new line item (it takes the next LineItem id), to be priced with the rest of the order. */
export function newLineItem(shop: OrderShop, { entry, quantity, unitPriceCents }: LineChoice): UnpricedLineItem {
  return {
    id: shop.ids.next('LineItem'),
    productId: entry.productId,
    variantId: entry.variantId,
    sku: entry.item.sku,
    title: entry.item.title,
    variantTitle: entry.item.variantTitle ?? null,
    vendor: entry.item.vendor,
    unitPriceCents,
    quantity,
    removedQuantity: 0,
    grams: entry.item.grams,
    taxable: entry.item.taxable ?? true,
    requiresShipping: entry.item.requiresShipping ?? true,
  };
}

function priceCents(price: string, field: string): number {
  try {
    return parseAmountToCents(price);
  } catch (err) {
    throw new ShopifySimulatorInputError(`${field}.price`, (err as Error).message);
  }
}
