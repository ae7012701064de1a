import { coreFailure } from '../failures/make-failure';
import type { Failure, FailureSubject } from '../failures/failure';
import { centsToAmount, sumCents } from '../money/cents';
import { currencyExponent } from '../money/currency-exponent';
import type { SyncSettings } from '../settings/sync-settings';
import { orderedQuantity } from './ordered-quantity';
import type { ChargeRow } from './charge-row';
import { includedTaxLineNetCents } from './sales-order-money';
import type { ShopifyOrder, ShopifyTaxLine } from './shopify-order';
import type { ShopifyRefund } from './shopify-refund';
import { splitByTitle } from './tax-charges';
import { roundingCharge, unitRate, type RateRemainder } from './unit-rates';

export interface CreditNoteMoney {
  readonly lines: ReadonlyArray<{ readonly lineId: string; readonly qty: number }>;
  /** Positive: the part of the returned lines' list price that was discounted, taken off the return (tax-exclusive orders). */
  readonly discountCents: number;
  /** Negative amounts: tax, shipping, adjustments and rounding given back. */
  readonly charges: readonly ChargeRow[];
  /** Negative: ERPNext's grand total of the return invoice. */
  readonly grandTotalCents: number;
}

type Result = { ok: true; money: CreditNoteMoney } | { ok: false; failure: Failure };

function addTax(byTitle: Map<string, number>, cents: number, taxLines: readonly ShopifyTaxLine[]): void {
  for (const part of splitByTitle(cents, taxLines)) byTitle.set(part.title, (byTitle.get(part.title) ?? 0) + part.cents);
}

/**
 * The credit note (return Sales Invoice) for one refund: exactly the refunded lines and quantities at
 * the invoiced rate, their tax back on each tax's account, refunded shipping and adjustments. Its
 * total must equal the money Shopify refunded, or it is a validation failure with both numbers.
 *
 * Tax-exclusive orders: lines return at list price and the discount share they carried comes off as
 * the header discount. Taxes-included orders: a refund line's subtotal includes its tax (Shopify's
 * line prices do; its refunded shipping subtotal does not), so the line's revenue given back is
 * subtotal − tax; it returns at the invoiced net rate, and what that rate cannot carry is rounding.
 */
export function creditNoteMoney(order: ShopifyOrder, refund: ShopifyRefund, settings: SyncSettings, subject: FailureSubject): Result {
  const exponent = currencyExponent(order.currency);
  const lines: Array<{ lineId: string; qty: number }> = [];
  const remainders: RateRemainder[] = [];
  const taxByTitle = new Map<string, number>();
  let bookedCents = 0;
  let subtotalCents = 0;
  for (const refunded of refund.lines) {
    const line = order.lineItems.find((candidate) => candidate.id === refunded.lineItemId);
    if (line === undefined) return { ok: false, failure: coreFailure('payload.invalid', subject, { issues: `refund ${refund.id} returns line ${refunded.lineItemId}, which the order does not have` }) };
    lines.push({ lineId: line.id, qty: refunded.quantity });
    addTax(taxByTitle, refunded.taxCents, line.taxLines);
    if (order.taxesIncluded) {
      const invoiced = orderedQuantity(line, order.refunds);
      const { rateCents } = unitRate(includedTaxLineNetCents(line, invoiced), invoiced);
      const netCents = refunded.subtotalCents - refunded.taxCents;
      bookedCents += refunded.quantity * rateCents;
      remainders.push({ lineTitle: line.title, netCents, qty: refunded.quantity, cents: netCents - refunded.quantity * rateCents });
    } else {
      bookedCents += refunded.quantity * line.priceCents;
      subtotalCents += refunded.subtotalCents;
    }
  }
  // Refunded shipping is given back net, and its tax on the tax's account, when prices include tax;
  // tax-exclusive orders keep their shipping tax with the shipping, as they always have.
  if (order.taxesIncluded) addTax(taxByTitle, refund.shippingTaxCents, order.shippingLines.flatMap((line) => line.taxLines));
  const shippingBack = refund.shippingCents - refund.adjustmentCents + (order.taxesIncluded ? 0 : refund.shippingTaxCents);
  const charges: ChargeRow[] = [];
  for (const [title, cents] of taxByTitle) {
    const account = settings.taxAccounts[title];
    if (account === undefined) return { ok: false, failure: coreFailure('mapping.tax_account_unmapped', subject, { taxTitle: title }) };
    charges.push({ account, description: `${title} refunded`, cents: -cents });
  }
  if (shippingBack !== 0) {
    if (settings.shippingAccount === null) return { ok: false, failure: coreFailure('mapping.shipping_account_unmapped', subject, { amount: centsToAmount(shippingBack, exponent) }) };
    charges.push({ account: settings.shippingAccount, description: 'Shipping and adjustments refunded', cents: -shippingBack });
  }
  const rounding = roundingCharge(remainders, settings, subject, exponent);
  if (!Array.isArray(rounding)) return { ok: false, failure: rounding };
  charges.push(...rounding.map((row) => ({ ...row, cents: -row.cents })));
  const discountCents = order.taxesIncluded ? 0 : bookedCents - subtotalCents;
  const grandTotalCents = -bookedCents + discountCents + sumCents(charges.map((charge) => charge.cents));
  const refundedCents = sumCents(refund.transactions.map((transaction) => transaction.amountCents));
  if (-grandTotalCents !== refundedCents) {
    return { ok: false, failure: coreFailure('validation.refund_mismatch', subject, { refundId: refund.id, erpnextTotal: centsToAmount(-grandTotalCents, exponent), shopifyTotal: centsToAmount(refundedCents, exponent) }) };
  }
  return { ok: true, money: { lines, discountCents, charges, grandTotalCents } };
}
