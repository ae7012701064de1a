import type { Failure, FailureSubject } from '../failures/failure';
import { coreFailure } from '../failures/make-failure';
import { OPERATION_KINDS, operationKey } from '../keys/operation-key';
import { centsToAmount } from '../money/cents';
import { currencyExponent } from '../money/currency-exponent';
import type { Operation } from '../plan/types';
import type { SyncSettings } from '../settings/sync-settings';
import { calendarDateOf } from './calendar-date';
import { creditNoteMoney } from './credit-note-money';
import { creditNoteRows } from './credit-note-rows';
import type { ShopifyOrder } from './shopify-order';
import type { ShopifyRefund } from './shopify-refund';

const MAKE_SALES_RETURN = 'erpnext.accounts.doctype.sales_invoice.sales_invoice.make_sales_return';
const GET_PAYMENT_ENTRY = 'erpnext.accounts.doctype.payment_entry.payment_entry.get_payment_entry';

/**
 * Per Shopify refund: a credit note (ERPNext's make_sales_return of the invoice, cut down to the
 * refunded lines; a refund of shipping only keeps one row at quantity 0, credit-note-rows.ts) and,
 * for the money that moved, a refund Payment Entry through the gateway's account.
 * Restocking is not booked here: stock moves with Delivery Notes (returns of a delivered line).
 */
function refundOperations(shop: string, order: ShopifyOrder, refund: ShopifyRefund, invoiceKey: string, settings: SyncSettings, subject: FailureSubject): Operation[] | Failure {
  const money = creditNoteMoney(order, refund, settings, subject);
  if (!money.ok) return money.failure;
  if (money.money.grandTotalCents === 0) return [];
  const rows = creditNoteRows(order, refund, money.money, subject);
  if (!('table' in rows)) return rows;
  const amount = (cents: number) => centsToAmount(cents, currencyExponent(order.currency));
  const date = calendarDateOf(refund.createdAt) ?? calendarDateOf(order.updatedAt) ?? '';
  const key = operationKey(OPERATION_KINDS.creditNote, shop, refund.id);
  const creditNote: Operation = {
    key,
    kind: 'ensure_mapped_document',
    doctype: 'Sales Invoice',
    method: MAKE_SALES_RETURN,
    args: { source_name: { $ref: invoiceKey } },
    set: {
      posting_date: date,
      set_posting_time: 1,
      disable_rounded_total: 1,
      apply_discount_on: 'Net Total',
      discount_amount: amount(-money.money.discountCents),
      taxes: money.money.charges.map((charge) => ({ charge_type: 'Actual', account_head: charge.account, description: charge.description, tax_amount: amount(charge.cents) })),
      shopsync_key: key,
      shopify_order_id: order.id,
      shopify_shop: shop,
    },
    tableEdits: [rows],
    submit: true,
    dependsOn: [invoiceKey],
  };
  const gateway = refund.transactions[0]?.gateway ?? 'manual';
  const mapping = settings.paymentGateways[gateway];
  if (mapping === undefined) return coreFailure('mapping.gateway_unmapped', subject, { gateway });
  const paymentKey = operationKey(OPERATION_KINDS.refundPayment, shop, refund.id);
  const payment: Operation = {
    key: paymentKey,
    kind: 'ensure_mapped_document',
    doctype: 'Payment Entry',
    method: GET_PAYMENT_ENTRY,
    args: { dt: 'Sales Invoice', dn: { $ref: key } },
    set: {
      posting_date: date,
      mode_of_payment: mapping.modeOfPayment,
      paid_from: mapping.account,
      reference_no: `${order.name} refund (${gateway})`,
      reference_date: date,
      shopsync_key: paymentKey,
      shopify_order_id: order.id,
      shopify_shop: shop,
    },
    tableEdits: [],
    submit: true,
    dependsOn: [key],
  };
  return [creditNote, payment];
}

export function ensureCreditNotes(shop: string, order: ShopifyOrder, invoiceKey: string, settings: SyncSettings, subject: FailureSubject): Operation[] | Failure {
  const operations: Operation[] = [];
  for (const refund of order.refunds) {
    const result = refundOperations(shop, order, refund, invoiceKey, settings, subject);
    if (!Array.isArray(result)) return result;
    operations.push(...result);
  }
  return operations;
}
