import type { CatalogueEntry } from './catalogue';
import type { ShopFulfillment } from './fulfillment/shop-fulfillment';
import type { Prng } from './prng';
import type { IdGenerator } from './shop-ids';
import type { CustomerInput } from './shop-inputs';
import type { ShopTransactions } from './shop-transactions';
import type { CustomerRecord, TaxPolicy } from './types';

/**
 * The shop as its orders see it: what ShopOrders, editOrder and the line records read and call.
 * ShopifyShop implements it; the order parts name this and not the shop, which holds them.
 */
export interface OrderShop {
  readonly currency: string;
  readonly tax: TaxPolicy;
  readonly prng: Prng;
  readonly ids: IdGenerator;
  readonly catalogue: ReadonlyMap<string, CatalogueEntry>;
  readonly firstOrderNumber: number;
  readonly fulfillment: ShopFulfillment;
  readonly transactions: ShopTransactions;
  /** The instant a change happens; `previous` keeps `updated_at` strictly increasing per resource. */
  changeInstant(previous?: Date | null): Date;
  createCustomer(input?: CustomerInput): CustomerRecord;
  customer(id: number): CustomerRecord;
}
