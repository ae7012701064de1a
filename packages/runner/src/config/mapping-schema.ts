import { FIELD_OWNERS, isKnownTimeZone, parseStockFormula, SYNC_SETTINGS_DEFAULTS, type SyncSettings } from '@shopsync/core';
import { z } from 'zod';

// Every default is the core's (SYNC_SETTINGS_DEFAULTS): one source, read by the planner's tests, by
// `plan` without a config, by this schema and so by `init`'s template.
const D = SYNC_SETTINGS_DEFAULTS;

/**
 * The config's `mapping` section: how Shopify maps onto the operator's ERPNext. It parses to the
 * core's SyncSettings (checked by `satisfies` below and by test/settings-defaults.unit.test.ts), except
 * that `fieldAuthority` holds overrides, merged onto the core's table by settingsFrom() (create-runner.ts).
 */
export const MappingSchema = z.object({
  company: z.string().min(1),
  companyCurrency: z.string().length(3),
  defaultWarehouse: z.string().min(1),
  /** Shopify location id → ERPNext warehouse: where a point-of-sale order reserves and a fulfillment ships from. */
  locationWarehouses: z.record(z.string().regex(/^\d+$/, 'must be a Shopify location id (digits)'), z.string().min(1)).default(D.locationWarehouses),
  /** The Sales Orders' naming series, one of the series options of Sales Order in ERPNext; null keeps ERPNext's default. */
  salesOrderNamingSeries: z.string().min(1).nullable().default(D.salesOrderNamingSeries),
  customerGroup: z.string().min(1),
  territory: z.string().min(1),
  guestCustomerName: z.string().min(1).default(D.guestCustomerName),
  deliveryDays: z.number().int().min(0).default(D.deliveryDays),
  /** Shopify tax line title → ERPNext tax account (an "Actual" row on the order). */
  taxAccounts: z.record(z.string(), z.string().min(1)).default(D.taxAccounts),
  shippingAccount: z.string().min(1).nullable().default(D.shippingAccount),
  tipAccount: z.string().min(1).nullable().default(D.tipAccount),
  dutiesAccount: z.string().min(1).nullable().default(D.dutiesAccount),
  /** Unit-rate remainders of taxes-included lines (net not divisible by the quantity), e.g. "Round Off - SD". */
  roundingAccount: z.string().min(1).nullable().default(D.roundingAccount),
  giftCardItem: z.string().min(1).nullable().default(D.giftCardItem),
  syncTestOrders: z.boolean().default(D.syncTestOrders),
  invoicePolicy: z.enum(['on_paid', 'on_fulfilled']).default(D.invoicePolicy),
  /** Shopify gateway name → ERPNext Mode of Payment and the account the money lands in. */
  paymentGateways: z.record(z.string(), z.object({ modeOfPayment: z.string().min(1), account: z.string().min(1) })).default(D.paymentGateways),
  fulfillmentAuthority: z.enum(['erpnext', 'shopify']).default(D.fulfillmentAuthority),
  /** Overrides of the default field authority, e.g. { "Customer.customer_name": "set_on_create" }; none when left out. */
  fieldAuthority: z.record(z.string().regex(/^[A-Z][A-Za-z ]+\.[a-z_]+$/, 'must be "Doctype.field"'), z.enum(FIELD_OWNERS)).default({}),
  /** More warehouses whose Bins count into a Shopify location besides its own (many warehouses → one location). */
  extraStockWarehouses: z.record(z.string().regex(/^\d+$/, 'must be a Shopify location id (digits)'), z.array(z.string().min(1))).default(D.extraStockWarehouses),
  /** Warehouses no location sells from (work in progress, goods in transit): their stock moves are not pushed, and doctor does not list them. */
  unsoldWarehouses: z.array(z.string().min(1)).default([...D.unsoldWarehouses]),
  /** The quantity pushed to Shopify per location, over Bin fields; floored at 0. */
  stockFormula: z
    .string()
    .superRefine((text, ctx) => {
      const parsed = parseStockFormula(text);
      if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.error });
    })
    .default(D.stockFormula),
  /** The ERPNext site's time zone (System Settings → Time Zone), e.g. "Europe/Berlin": Delivery Notes are posted on its clock. */
  erpnextTimeZone: z.string().refine(isKnownTimeZone, 'must be an IANA time zone name such as "UTC" or "America/New_York"').default(D.erpnextTimeZone),
}) satisfies z.ZodType<SyncSettings>;

/**
 * The settings' shape is written twice: the core holds the type and its defaults (sync-settings.ts)
 * and may not import zod (STYLE C1), so this schema repeats it. `satisfies` above checks one way only
 * (the schema's output fits SyncSettings); this checks both, so a key or a type that one has and the
 * other lacks does not compile. `readonly` is the core's (zod outputs mutable values): not compared.
 */
type Frozen<T> = T extends readonly (infer E)[] ? readonly Frozen<E>[] : T extends object ? { readonly [K in keyof T]: Frozen<T[K]> } : T;
type Same<A, B> = (<T>() => T extends Frozen<A> ? 1 : 2) extends <T>() => T extends Frozen<B> ? 1 : 2 ? true : false;
const _mappingIsSyncSettings: Same<z.output<typeof MappingSchema>, SyncSettings> = true;

export type MappingConfig = z.infer<typeof MappingSchema>;

