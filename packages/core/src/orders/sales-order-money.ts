import { coreFailure } from '../failures/make-failure';
import type { Failure, FailureSubject } from '../failures/failure';
import { sumCents } from '../money/cents';
import type { SyncSettings } from '../settings/sync-settings';
import { orderedQuantity } from './ordered-quantity';
import type { ShopifyOrder } from './shopify-order';

export interface MoneyItem {
  readonly lineId: string;
  readonly itemCode: string;
  readonly qty: number;
  readonly rateCents: number;
}

/** An ERPNext "Actual" charge: a fixed amount on an account (tax, shipping, tip, duties). */
export interface ChargeRow {
  readonly account: string;
  readonly description: string;
  readonly cents: number;
}

export interface SalesOrderMoney {
  readonly items: readonly MoneyItem[];
  /** Header discount on the net total: every discount allocation, plus the tax inside tax-included prices. */
  readonly discountCents: number;
  readonly charges: readonly ChargeRow[];
  /** What ERPNext's grand total will be: Σ rate×qty − discount + Σ charges. */
  readonly grandTotalCents: number;
}

export type MoneyResult = { readonly ok: true; readonly money: SalesOrderMoney } | { readonly ok: false; readonly failure: Failure };

function taxCharges(order: ShopifyOrder, settings: SyncSettings, subject: FailureSubject): ChargeRow[] | Failure {
  const byTitle = new Map<string, { cents: number; rate: number }>();
  for (const tax of [...order.lineItems.flatMap((line) => line.taxLines), ...order.shippingLines.flatMap((line) => line.taxLines)]) {
    const seen = byTitle.get(tax.title) ?? { cents: 0, rate: tax.rate };
    byTitle.set(tax.title, { cents: seen.cents + tax.cents, rate: seen.rate });
  }
  const rows: ChargeRow[] = [];
  for (const [title, { cents, rate }] of byTitle) {
    if (cents === 0) continue;
    const account = settings.taxAccounts[title];
    if (account === undefined) return coreFailure('mapping.tax_account_unmapped', subject, { taxTitle: title });
    rows.push({ account, description: `${title} ${Math.round(rate * 10_000) / 100}%`, cents });
  }
  return rows;
}

function fixedCharge(cents: number, account: string | null, description: string, code: 'mapping.shipping_account_unmapped' | 'mapping.tip_account_unmapped' | 'mapping.duties_account_unmapped', subject: FailureSubject): ChargeRow[] | Failure {
  if (cents === 0) return [];
  if (account === null) return coreFailure(code, subject, { amount: cents / 100 });
  return [{ account, description, cents }];
}

function items(order: ShopifyOrder, settings: SyncSettings, subject: FailureSubject): MoneyItem[] | Failure {
  const result: MoneyItem[] = [];
  for (const line of order.lineItems) {
    const qty = orderedQuantity(line, order.refunds);
    if (qty === 0) continue;
    const itemCode = line.giftCard ? settings.giftCardItem : line.sku;
    if (line.giftCard && itemCode === null) return coreFailure('mapping.gift_card_item_unmapped', subject, { lineTitle: line.title });
    if (itemCode === null) return coreFailure('mapping.sku_missing', subject, { lineTitle: line.title });
    result.push({ lineId: line.id, itemCode, qty, rateCents: line.priceCents });
  }
  return result;
}

const isFailure = (value: unknown): value is Failure => typeof value === 'object' && value !== null && 'code' in value && 'category' in value;

/**
 * The Sales Order's money, in shop currency, and the proof that it adds up: the grand total ERPNext
 * will compute must equal Shopify's total to the cent, or the order is a validation failure showing
 * both numbers — never a silent post with a different amount.
 */
export function salesOrderMoney(order: ShopifyOrder, settings: SyncSettings, subject: FailureSubject): MoneyResult {
  const lines = items(order, settings, subject);
  if (isFailure(lines)) return { ok: false, failure: lines };
  const parts = [
    taxCharges(order, settings, subject),
    ...order.shippingLines.map((line) => fixedCharge(line.cents, settings.shippingAccount, line.title, 'mapping.shipping_account_unmapped', subject)),
    fixedCharge(order.totalTipCents, settings.tipAccount, 'Tip', 'mapping.tip_account_unmapped', subject),
    fixedCharge(sumCents(order.lineItems.map((line) => line.dutiesCents)), settings.dutiesAccount, 'Duties', 'mapping.duties_account_unmapped', subject),
  ];
  const failed = parts.find(isFailure);
  if (failed !== undefined) return { ok: false, failure: failed };
  const charges = parts.flatMap((part) => part as ChargeRow[]);
  const lineDiscounts = sumCents(order.lineItems.filter((line) => orderedQuantity(line, order.refunds) > 0).map((line) => line.discountCents));
  const includedTax = order.taxesIncluded ? order.totalTaxCents : 0;
  const discountCents = lineDiscounts + includedTax;
  const netCents = sumCents(lines.map((line) => line.qty * line.rateCents));
  const grandTotalCents = netCents - discountCents + sumCents(charges.map((charge) => charge.cents));
  if (grandTotalCents !== order.totalCents) {
    return { ok: false, failure: coreFailure('validation.total_mismatch', subject, { erpnextTotal: grandTotalCents / 100, shopifyTotal: order.totalCents / 100 }) };
  }
  return { ok: true, money: { items: lines, discountCents, charges, grandTotalCents } };
}
