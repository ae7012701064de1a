import { coreFailure } from '../failures/make-failure';
import type { Failure, FailureSubject } from '../failures/failure';
import { centsToAmount, sumCents } from '../money/cents';
import { currencyExponent } from '../money/currency-exponent';
import type { SyncSettings } from '../settings/sync-settings';
import { orderedQuantity } from './ordered-quantity';
import type { ShopifyLineItem, ShopifyOrder, ShopifyShippingLine, ShopifyTaxLine } from './shopify-order';
import type { ChargeRow } from './charge-row';
import { taxCharges } from './tax-charges';
import { roundingCharge, unitRate, type RateRemainder } from './unit-rates';

export type { ChargeRow } from './charge-row';

export interface MoneyItem {
  readonly lineId: string;
  readonly itemCode: string;
  readonly qty: number;
  readonly rateCents: number;
}


export interface SalesOrderMoney {
  readonly items: readonly MoneyItem[];
  /**
   * Header discount on the net total. Tax-exclusive orders: every discount allocation, lines at list
   * price. Taxes-included orders: 0 — their lines are booked at their net rates (below), because
   * ERPNext spreads a header discount over lines by amount, not as Shopify allocated it.
   */
  readonly discountCents: number;
  readonly charges: readonly ChargeRow[];
  /** What ERPNext's grand total will be: Σ rate×qty − discount + Σ charges. */
  readonly grandTotalCents: number;
}

export type MoneyResult = { readonly ok: true; readonly money: SalesOrderMoney } | { readonly ok: false; readonly failure: Failure };

interface BookedLine {
  readonly line: ShopifyLineItem;
  readonly qty: number;
  readonly itemCode: string;
}

type FixedChargeCode = 'mapping.shipping_account_unmapped' | 'mapping.tip_account_unmapped' | 'mapping.duties_account_unmapped';

function fixedCharge(cents: number, account: string | null, description: string, code: FixedChargeCode, subject: FailureSubject, exponent: number): ChargeRow[] | Failure {
  if (cents === 0) return [];
  if (account === null) return coreFailure(code, subject, { amount: centsToAmount(cents, exponent) });
  return [{ account, description, cents }];
}

function bookedLines(order: ShopifyOrder, settings: SyncSettings, subject: FailureSubject): BookedLine[] | Failure {
  const result: BookedLine[] = [];
  for (const line of order.lineItems) {
    const qty = orderedQuantity(line, order.refunds);
    if (qty === 0) continue;
    const itemCode = line.giftCard ? settings.giftCardItem : line.sku;
    if (line.giftCard && itemCode === null) return coreFailure('mapping.gift_card_item_unmapped', subject, { lineTitle: line.title });
    if (itemCode === null) return coreFailure('mapping.sku_missing', subject, { lineTitle: line.title });
    result.push({ line, qty, itemCode });
  }
  return result;
}

const taxOf = (taxLines: readonly ShopifyTaxLine[]): number => sumCents(taxLines.map((tax) => tax.cents));

/**
 * Taxes-included prices hold the line's tax, and its discount allocations are gross too: Shopify's
 * revenue of a line is qty × price − discounts − its own tax lines. Each line is booked at that net,
 * per unit, so ERPNext's net_amount of the line is Shopify's revenue (less a remainder under one
 * cent per unit, booked on the rounding account).
 */
export function includedTaxLineNetCents(line: ShopifyLineItem, qty: number): number {
  return qty * line.priceCents - line.discountCents - taxOf(line.taxLines);
}

function lineMoney(order: ShopifyOrder, booked: readonly BookedLine[]): { items: MoneyItem[]; discountCents: number; remainders: RateRemainder[] } {
  if (!order.taxesIncluded) {
    const items = booked.map(({ line, qty, itemCode }) => ({ lineId: line.id, itemCode, qty, rateCents: line.priceCents }));
    return { items, discountCents: sumCents(booked.map(({ line }) => line.discountCents)), remainders: [] };
  }
  const items: MoneyItem[] = [];
  const remainders: RateRemainder[] = [];
  for (const { line, qty, itemCode } of booked) {
    const netCents = includedTaxLineNetCents(line, qty);
    const { rateCents, remainderCents } = unitRate(netCents, qty);
    items.push({ lineId: line.id, itemCode, qty, rateCents });
    remainders.push({ lineTitle: line.title, netCents, qty, cents: remainderCents });
  }
  return { items, discountCents: 0, remainders };
}

const isFailure = (value: unknown): value is Failure => typeof value === 'object' && value !== null && 'code' in value && 'category' in value;

/**
 * The Sales Order's money, in shop currency, and the proof that it adds up: the grand total ERPNext
 * will compute must equal Shopify's total to the cent, or the order is a validation failure showing
 * both numbers — never a silent post with a different amount. Revenue (lines, shipping) is booked net
 * of tax and each tax once on its account, whether Shopify's prices include tax or not.
 */
export function salesOrderMoney(order: ShopifyOrder, settings: SyncSettings, subject: FailureSubject): MoneyResult {
  const exponent = currencyExponent(order.currency);
  const booked = bookedLines(order, settings, subject);
  if (isFailure(booked)) return { ok: false, failure: booked };
  const { items, discountCents, remainders } = lineMoney(order, booked);
  // Shipping prices include their tax exactly when the line prices do.
  const shippingNet = (line: ShopifyShippingLine) => line.cents - (order.taxesIncluded ? taxOf(line.taxLines) : 0);
  const taxLines = [...booked.flatMap(({ line }) => line.taxLines), ...order.shippingLines.flatMap((line) => line.taxLines)];
  const parts = [
    taxCharges(taxLines, settings, subject),
    ...order.shippingLines.map((line) => fixedCharge(shippingNet(line), settings.shippingAccount, line.title, 'mapping.shipping_account_unmapped', subject, exponent)),
    fixedCharge(order.totalTipCents, settings.tipAccount, 'Tip', 'mapping.tip_account_unmapped', subject, exponent),
    fixedCharge(sumCents(order.lineItems.map((line) => line.dutiesCents)), settings.dutiesAccount, 'Duties', 'mapping.duties_account_unmapped', subject, exponent),
    roundingCharge(remainders, settings, subject, exponent),
  ];
  const failed = parts.find(isFailure);
  if (failed !== undefined) return { ok: false, failure: failed };
  const charges = parts.flatMap((part) => part as ChargeRow[]);
  const netCents = sumCents(items.map((line) => line.qty * line.rateCents));
  const grandTotalCents = netCents - discountCents + sumCents(charges.map((charge) => charge.cents));
  if (grandTotalCents !== order.totalCents) {
    return { ok: false, failure: coreFailure('validation.total_mismatch', subject, { erpnextTotal: centsToAmount(grandTotalCents, exponent), shopifyTotal: centsToAmount(order.totalCents, exponent) }) };
  }
  return { ok: true, money: { items, discountCents, charges, grandTotalCents } };
}
