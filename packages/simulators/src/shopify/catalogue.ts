// The default catalogue uses the item codes the ERPNext simulator seeds (SKU-1001 … SKU-1010), so an
// order created here maps to existing Items there without any setup.

export interface ShopifyCatalogueItem {
  sku: string;
  title: string;
  /** Unit price as Shopify prints it, e.g. "24.00". */
  price: string;
  grams: number;
  vendor: string;
  variantTitle?: string | null;
  taxable?: boolean;
  requiresShipping?: boolean;
}

/** A catalogue item as the shop lists it: with its product and variant ids and its price in cents. */
export interface CatalogueEntry {
  item: ShopifyCatalogueItem;
  productId: number;
  variantId: number;
  priceCents: number;
}

export const DEFAULT_SHOPIFY_CATALOGUE: readonly ShopifyCatalogueItem[] = [
  { sku: 'SKU-1001', title: 'Classic Cotton T-Shirt', price: '19.99', grams: 180, vendor: 'Shopsync Apparel', variantTitle: 'M / Navy' },
  { sku: 'SKU-1002', title: 'Hooded Sweatshirt', price: '49.00', grams: 650, vendor: 'Shopsync Apparel', variantTitle: 'L / Grey' },
  { sku: 'SKU-1003', title: 'Canvas Tote Bag', price: '15.50', grams: 220, vendor: 'Shopsync Goods' },
  { sku: 'SKU-1004', title: 'Ceramic Coffee Mug', price: '12.75', grams: 350, vendor: 'Shopsync Goods' },
  { sku: 'SKU-1005', title: 'Stainless Water Bottle', price: '27.40', grams: 400, vendor: 'Shopsync Goods', variantTitle: '750 ml' },
  { sku: 'SKU-1006', title: 'Wool Beanie', price: '22.00', grams: 90, vendor: 'Shopsync Apparel' },
  { sku: 'SKU-1007', title: 'Leather Wallet', price: '64.95', grams: 120, vendor: 'Shopsync Leather' },
  { sku: 'SKU-1008', title: 'Notebook A5 Dotted', price: '9.99', grams: 250, vendor: 'Shopsync Paper' },
  { sku: 'SKU-1009', title: 'Wireless Earbuds', price: '89.00', grams: 60, vendor: 'Shopsync Audio' },
  { sku: 'SKU-1010', title: 'Gift Wrapping Kit', price: '7.25', grams: 150, vendor: 'Shopsync Paper' },
];
