import { DEFAULT_SHOPIFY_CATALOGUE, type CatalogueEntry, type ShopifyCatalogueItem } from './catalogue';
import { parseAmountToCents } from './money';
import { derivePrng, type Prng } from './prng';
import { buildAddress, emailFor } from './shop-addresses';
import { createIdGenerator, type IdGenerator } from './shop-ids';
import { ShopifySimulatorInputError, type CustomerInput, type UpdateCustomerInput } from './shop-inputs';
import { parseUtcOffset, nextUpdateInstant } from './shop-time';
import { samplePerson, samplePhone } from './sample-people';
import type { OrderShop } from './order-shop';
import { ShopOrders } from './shop-orders';
import { ShopTransactions } from './shop-transactions';
import { ShopFulfillment } from './fulfillment/shop-fulfillment';
import { DEFAULT_SHOPIFY_LOCATIONS, type LocationInput } from './inventory/inventory-types';
import { ShopInventory } from './inventory/shop-inventory';
import type { CustomerRecord, TaxPolicy } from './types';

export interface ShopifyShopOptions {
  /** Default `shopsync-demo.myshopify.com`. */
  shopDomain?: string;
  /** Seed of every random decision (ids, names, tokens). Default 1. */
  seed?: number;
  /** The shop's clock. Default the wall clock. */
  now?: () => Date;
  /** UTC offset printed in REST timestamps. Default "-05:00". */
  timezoneOffset?: string;
  /** Shop currency, ISO 4217. Default "USD". */
  currency?: string;
  catalogue?: readonly ShopifyCatalogueItem[];
  /** Default 0.06 ("State Tax"), added on top of prices (taxes_included false). */
  taxRate?: number;
  taxTitle?: string;
  taxesIncluded?: boolean;
  taxShipping?: boolean;
  /** Default 1001, Shopify's first order number ("#1001"). */
  firstOrderNumber?: number;
  /** Default: "Shop location" (fulfils online orders) and "East Warehouse". */
  locations?: readonly LocationInput[];
  /** `available` of every SKU at the primary location when the shop opens. Default 100. */
  initialAvailable?: number;
}

/** The in-memory shop: settings, catalogue, customers (here) and orders (`orders`). */
export class ShopifyShop implements OrderShop {
  readonly domain: string;
  readonly shopId: number;
  readonly timezoneOffset: string;
  readonly currency: string;
  readonly tax: TaxPolicy;
  readonly now: () => Date;
  readonly prng: Prng;
  readonly ids: IdGenerator;
  readonly catalogue: ReadonlyMap<string, CatalogueEntry>;
  readonly customers = new Map<number, CustomerRecord>();
  readonly firstOrderNumber: number;
  readonly orders: ShopOrders;
  readonly inventory: ShopInventory;
  readonly fulfillment: ShopFulfillment;
  readonly transactions: ShopTransactions;

  constructor(options: ShopifyShopOptions = {}) {
    this.domain = options.shopDomain ?? 'shopsync-demo.myshopify.com';
    this.timezoneOffset = options.timezoneOffset ?? '-05:00';
    parseUtcOffset(this.timezoneOffset);
    this.currency = options.currency ?? 'USD';
    this.now = options.now ?? (() => new Date());
    this.prng = derivePrng(options.seed ?? 1, 'shop');
    this.ids = createIdGenerator(this.prng);
    this.shopId = this.ids.next('Shop');
    this.firstOrderNumber = options.firstOrderNumber ?? 1001;
    const rate = options.taxRate ?? 0.06;
    if (!(rate >= 0 && rate < 1)) throw new Error(`taxRate must be a fraction in [0, 1), received ${rate}`);
    this.tax = { rate, title: options.taxTitle ?? 'State Tax', taxesIncluded: options.taxesIncluded ?? false, taxShipping: options.taxShipping ?? false };
    const entries = (options.catalogue ?? DEFAULT_SHOPIFY_CATALOGUE).map((item): [string, CatalogueEntry] => [
      item.sku,
      { item, productId: this.ids.next('Product'), variantId: this.ids.next('ProductVariant'), priceCents: parseAmountToCents(item.price) },
    ]);
    this.catalogue = new Map(entries);
    // Separate PRNG streams: adding inventory and fulfillment must not shift the ids of orders and
    // customers that existing seeds produce.
    const seed = options.seed ?? 1;
    this.inventory = new ShopInventory(createIdGenerator(derivePrng(seed, 'inventory')), this.now, this.catalogue.values(), options.locations ?? DEFAULT_SHOPIFY_LOCATIONS, options.initialAvailable ?? 100);
    this.fulfillment = new ShopFulfillment(createIdGenerator(derivePrng(seed, 'fulfillment')), this.inventory, (previous) => this.changeInstant(previous));
    this.transactions = new ShopTransactions(createIdGenerator(derivePrng(seed, 'transactions')));
    this.orders = new ShopOrders(this);
  }

  /** The instant a change happens; `previous` keeps `updated_at` strictly increasing per resource. */
  changeInstant(previous: Date | null = null): Date {
    return nextUpdateInstant(this.now(), previous);
  }

  createCustomer(input: CustomerInput = {}): CustomerRecord {
    const person = { ...samplePerson(this.prng), ...pickDefined({ firstName: input.firstName, lastName: input.lastName }) };
    const id = this.ids.next('Customer');
    const at = this.changeInstant();
    const addresses =
      input.address === null
        ? []
        : [{ ...buildAddress(input.address, person, this.prng), id: this.ids.next('MailingAddress'), isDefault: true }];
    const customer: CustomerRecord = {
      id,
      email: input.email === undefined ? emailFor(person, this.prng) : input.email,
      phone: input.phone === undefined ? samplePhone(this.prng) : input.phone,
      ...person,
      state: 'disabled',
      note: input.note ?? null,
      verifiedEmail: true,
      taxExempt: input.taxExempt ?? false,
      currency: this.currency,
      createdAt: at,
      updatedAt: at,
      addresses,
    };
    this.customers.set(id, customer);
    return customer;
  }

  updateCustomer(id: number, patch: UpdateCustomerInput): CustomerRecord {
    const customer = this.customer(id);
    Object.assign(customer, pickDefined(patch));
    customer.updatedAt = this.changeInstant(customer.updatedAt);
    return customer;
  }

  customer(id: number): CustomerRecord {
    const customer = this.customers.get(id);
    if (!customer) throw new ShopifySimulatorInputError('customer.id', `no customer with id ${id}`);
    return customer;
  }
}

function pickDefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
