import { coreFailure } from '../failures/make-failure';
import type { Failure, FailureSubject } from '../failures/failure';
import { sumCents } from '../money/cents';
import type { SyncSettings } from '../settings/sync-settings';
import type { ChargeRow } from './sales-order-money';
import type { ShopifyOrder } from './shopify-order';
import type { ShopifyRefund } from './shopify-refund';

export interface CreditNoteMoney {
  readonly lines: ReadonlyArray<{ readonly lineId: string; readonly qty: number }>;
  /** Positive: the part of the returned lines' list price that was discounted, taken off the return. */
  readonly discountCents: number;
  /** Negative amounts: tax, shipping and adjustments given back. */
  readonly charges: readonly ChargeRow[];
  /** Negative: ERPNext's grand total of the return invoice. */
  readonly grandTotalCents: number;
}

/**
 * The credit note (return Sales Invoice) for one refund: exactly the refunded lines and quantities at
 * the invoiced rate, the discount share they carried, their tax, refunded shipping and adjustments.
 * Its total must equal the money Shopify refunded, or it is a validation failure with both numbers.
 */
export function creditNoteMoney(order: ShopifyOrder, refund: ShopifyRefund, settings: SyncSettings, subject: FailureSubject): { ok: true; money: CreditNoteMoney } | { ok: false; failure: Failure } {
  const charges: ChargeRow[] = [];
  let grossCents = 0;
  let subtotalCents = 0;
  const lines: Array<{ lineId: string; qty: number }> = [];
  const taxByTitle = new Map<string, number>();
  for (const refunded of refund.lines) {
    const line = order.lineItems.find((candidate) => candidate.id === refunded.lineItemId);
    if (line === undefined) return { ok: false, failure: coreFailure('payload.invalid', subject, { issues: `refund ${refund.id} returns line ${refunded.lineItemId}, which the order does not have` }) };
    lines.push({ lineId: line.id, qty: refunded.quantity });
    grossCents += refunded.quantity * line.priceCents;
    subtotalCents += refunded.subtotalCents;
    const title = line.taxLines[0]?.title ?? 'Tax';
    if (refunded.taxCents !== 0) taxByTitle.set(title, (taxByTitle.get(title) ?? 0) + refunded.taxCents);
  }
  for (const [title, cents] of taxByTitle) {
    const account = settings.taxAccounts[title];
    if (account === undefined) return { ok: false, failure: coreFailure('mapping.tax_account_unmapped', subject, { taxTitle: title }) };
    charges.push({ account, description: `${title} refunded`, cents: -cents });
  }
  const shippingBack = refund.shippingCents + refund.shippingTaxCents - refund.adjustmentCents;
  if (shippingBack !== 0) {
    if (settings.shippingAccount === null) return { ok: false, failure: coreFailure('mapping.shipping_account_unmapped', subject, { amount: shippingBack / 100 }) };
    charges.push({ account: settings.shippingAccount, description: 'Shipping and adjustments refunded', cents: -shippingBack });
  }
  const discountCents = grossCents - subtotalCents;
  const grandTotalCents = -grossCents + discountCents + sumCents(charges.map((charge) => charge.cents));
  const refundedCents = sumCents(refund.transactions.map((transaction) => transaction.amountCents));
  if (-grandTotalCents !== refundedCents) {
    return { ok: false, failure: coreFailure('validation.refund_mismatch', subject, { refundId: refund.id, erpnextTotal: -grandTotalCents / 100, shopifyTotal: refundedCents / 100 }) };
  }
  return { ok: true, money: { lines, discountCents, charges, grandTotalCents } };
}
