import { DEFAULT_FIELD_AUTHORITY, type FieldAuthority } from '../authority/field-authority';
import { DEFAULT_STOCK_FORMULA } from '../inventory/stock-formula';

/** When a paid order gets its Sales Invoice and Payment Entry. */
export type InvoicePolicy = 'on_paid' | 'on_fulfilled';

export interface PaymentGatewayMapping {
  readonly modeOfPayment: string;
  /** The bank/cash account the money lands in (Payment Entry paid_to). */
  readonly account: string;
}

/** What the core needs to know about the ERPNext side to map an order; loaded by the runner from config. */
export interface SyncSettings {
  readonly company: string;
  /** The company's currency: orders whose shop currency differs are refused until multi-currency lands. */
  readonly companyCurrency: string;
  readonly defaultWarehouse: string;
  /**
   * Shopify location id → the ERPNext warehouse it is. A Sales Order line is reserved in the warehouse
   * of the order's location (point of sale), else the default; a Delivery Note takes the goods from
   * the warehouse of the location that fulfilled them, else from the Sales Order line's.
   */
  readonly locationWarehouses: Readonly<Record<string, string>>;
  /** The Sales Orders' naming series (one of the doctype's series options in ERPNext); null: ERPNext's default. */
  readonly salesOrderNamingSeries: string | null;
  readonly customerGroup: string;
  readonly territory: string;
  /** ERPNext Customer that receives guest checkouts (orders without a Shopify customer). */
  readonly guestCustomerName: string;
  /** Delivery date = the order's date + this many days (ERPNext requires a delivery date on Sales Orders). */
  readonly deliveryDays: number;
  /** Shopify tax line title → ERPNext tax account; an unmapped title is a mapping failure naming it. */
  readonly taxAccounts: Readonly<Record<string, string>>;
  readonly shippingAccount: string | null;
  readonly tipAccount: string | null;
  readonly dutiesAccount: string | null;
  /**
   * Where the cents go that no unit rate can carry: on a taxes-included order a line is booked at its
   * net (after discount and tax) per unit, and a net not divisible by the quantity leaves a remainder.
   * Only needed when a remainder exists; then an unset account is a mapping failure.
   */
  readonly roundingAccount: string | null;
  /** The (non-stock) Item that gift card sales are booked to. */
  readonly giftCardItem: string | null;
  /** Shopify test orders (Bogus gateway) are skipped unless this is set. */
  readonly syncTestOrders: boolean;
  readonly invoicePolicy: InvoicePolicy;
  /** Shopify gateway name (e.g. "shopify_payments", "Cash on Delivery (COD)", "manual") → ERPNext payment. */
  readonly paymentGateways: Readonly<Record<string, PaymentGatewayMapping>>;
  /** Where goods are shipped from: `erpnext` (Delivery Note → Shopify fulfillment) or `shopify` (fulfillment → Delivery Note). */
  readonly fulfillmentAuthority: 'erpnext' | 'shopify';
  /** Who owns each mapped field (`Doctype.field` → shopify | set_on_create | erpnext). */
  readonly fieldAuthority: FieldAuthority;
  /**
   * The ERPNext site's time zone (System Settings → Time Zone, an IANA name): stock vouchers dated by a
   * Shopify event are posted at that event's instant on the site's clock. `doctor` compares it with the site's.
   */
  readonly erpnextTimeZone: string;
  /**
   * ERPNext → Shopify stock: more warehouses counted into a location besides its own in
   * locationWarehouses (many warehouses → one location), by Shopify location id.
   */
  readonly extraStockWarehouses: Readonly<Record<string, readonly string[]>>;
  /** Warehouses no Shopify location sells from (work in progress, transit): their stock moves are not pushed. */
  readonly unsoldWarehouses: readonly string[];
  /** The quantity offered in Shopify, over Bin fields (inventory/stock-formula.ts), e.g. "actual_qty - reserved_qty". */
  readonly stockFormula: string;
}

/** Every warehouse whose Bins count into each mapped location: its own first, then the extra ones. */
export function stockWarehousesOf(settings: Pick<SyncSettings, 'locationWarehouses' | 'extraStockWarehouses'>): Record<string, readonly string[]> {
  const out: Record<string, string[]> = {};
  for (const [locationId, warehouse] of Object.entries(settings.locationWarehouses)) out[locationId] = [warehouse];
  for (const [locationId, warehouses] of Object.entries(settings.extraStockWarehouses)) out[locationId] = [...new Set([...(out[locationId] ?? []), ...warehouses])];
  return out;
}

/** Keys without a default: names in the operator's ERPNext that nothing could guess. */
export type RequiredSettingKey = 'company' | 'companyCurrency' | 'defaultWarehouse' | 'customerGroup' | 'territory';

/**
 * The value of every other key when the config leaves it out: the one source of the defaults. The
 * runner's zod schema of the config's `mapping` section takes each `.default()` from here (zod may
 * not be imported by the core, STYLE C1), and `shopsync init` writes what that schema fills in. The
 * config's `fieldAuthority` holds overrides of this table, so leaving it out means "none".
 */
export const SYNC_SETTINGS_DEFAULTS = {
  locationWarehouses: {},
  salesOrderNamingSeries: null,
  guestCustomerName: 'Shopify Guest',
  deliveryDays: 7,
  taxAccounts: {},
  shippingAccount: null,
  tipAccount: null,
  dutiesAccount: null,
  roundingAccount: null,
  giftCardItem: null,
  syncTestOrders: false,
  invoicePolicy: 'on_paid',
  paymentGateways: {},
  fulfillmentAuthority: 'erpnext',
  fieldAuthority: DEFAULT_FIELD_AUTHORITY,
  erpnextTimeZone: 'UTC',
  extraStockWarehouses: {},
  unsoldWarehouses: [],
  stockFormula: DEFAULT_STOCK_FORMULA,
} as const satisfies Omit<SyncSettings, RequiredSettingKey>;

/** The settings of the simulated site (a fresh ERPNext after the setup wizard): `plan` without --config, and tests. */
export const DEFAULT_SYNC_SETTINGS: SyncSettings = {
  company: 'Shopsync Demo',
  companyCurrency: 'USD',
  defaultWarehouse: 'Stores - SD',
  customerGroup: 'Individual',
  territory: 'All Territories',
  ...SYNC_SETTINGS_DEFAULTS,
};
