import { coreFailure } from '../failures/make-failure';
import { OPERATION_KINDS, operationKey } from '../keys/operation-key';
import { centsToAmount } from '../money/cents';
import { currencyExponent } from '../money/currency-exponent';
import { eventSubject, orderSubjectById } from '../plan/event-subject';
import type { InboundEvent, PlanContext } from '../plan/plan-context';
import { applyPlan, failedPlan, skippedPlan, type Operation, type Plan } from '../plan/types';
import type { SyncSettings } from '../settings/sync-settings';
import { calendarDateOf } from './calendar-date';
import { orderEffects } from './order-effects';
import { parseOrder } from './parse-order';
import { parseTransaction, transactionOrderId } from './parse-transaction';
import { planOrderEvent } from './plan-order-event';
import type { ShopifyOrder } from './shopify-order';
import type { ShopifyTransaction } from './shopify-transaction';

const GET_PAYMENT_ENTRY = 'erpnext.accounts.doctype.payment_entry.payment_entry.get_payment_entry';
const MONEY_IN = new Set(['sale', 'capture']);

/**
 * order_transactions/create: one Payment Entry per successful sale or capture, for that amount,
 * keyed by the transaction id — so partial captures are each booked once, and a transaction
 * delivered twice or replayed is adopted. Planned on the order's latest state (the snapshot).
 */
export function planTransactionEvent(event: InboundEvent, settings: SyncSettings, context: PlanContext): Plan {
  const parsed = parseTransaction(event.payload);
  if (!parsed.ok) {
    const orderId = transactionOrderId(event.payload);
    return failedPlan(coreFailure('payload.invalid', orderId === null ? eventSubject(event.topic) : orderSubjectById(orderId), { issues: parsed.issues.join('; ') }));
  }
  const snapshot = context.latestSnapshot === undefined || context.latestSnapshot === null ? null : parseOrder(context.latestSnapshot);
  return planPayment(event.shop, parsed.value, snapshot !== null && snapshot.ok ? snapshot.value : null, settings);
}

/**
 * A transaction's Payment Entry, on its order's latest state (null when unknown): against the
 * order's invoice, or against the Sales Order (an advance) when the invoice waits for fulfillment.
 * Reconcile plans an Admin API read with it, the worker an order_transactions/create body.
 */
export function planPayment(shop: string, transaction: ShopifyTransaction, order: ShopifyOrder | null, settings: SyncSettings): Plan {
  if (!MONEY_IN.has(transaction.kind)) {
    const why = transaction.kind === 'refund' ? 'refunds are booked with their credit note (refunds/create)' : 'it moves no money into the shop';
    return skippedPlan(`transaction ${transaction.id} is a ${transaction.kind}: ${why}`);
  }
  if (transaction.status !== 'success') return skippedPlan(`transaction ${transaction.id} has status ${transaction.status}: no money moved`);
  const subject = { kind: 'order', label: `id ${transaction.orderId}`, shopifyId: transaction.orderId } as const;
  if (order === null || order.id !== transaction.orderId) return failedPlan(coreFailure('order.not_yet_seen', subject, { what: 'payment', id: transaction.id }));
  const orderSubject = { kind: 'order', label: order.name, shopifyId: order.id } as const;
  const decision = orderEffects(order, settings);
  if (decision.kind === 'skip') return skippedPlan(decision.reason);
  const invoiced = decision.effects.includes('invoice');
  if (!invoiced && (order.financialStatus === 'pending' || order.financialStatus === 'authorized')) {
    // The orders/paid that says so has not been applied yet; waiting keeps the payment off the order as an advance.
    return failedPlan(coreFailure('order.not_yet_paid', orderSubject, { transactionId: transaction.id }));
  }
  const base = planOrderEvent({ kind: 'order.updated', shop, order }, settings, { appliedVersion: null });
  // With no applied version and an order that books (checked above), the order's plan is applied or failed.
  if (base.outcome !== 'applied') return base;
  const mapping = settings.paymentGateways[transaction.gateway];
  if (mapping === undefined) return failedPlan(coreFailure('mapping.gateway_unmapped', orderSubject, { gateway: transaction.gateway }));
  const against = invoiced ? { dt: 'Sales Invoice', key: operationKey(OPERATION_KINDS.salesInvoice, shop, order.id) } : { dt: 'Sales Order', key: operationKey(OPERATION_KINDS.salesOrder, shop, order.id) };
  const key = operationKey(OPERATION_KINDS.paymentEntry, shop, transaction.id);
  const date = calendarDateOf(transaction.createdAt) ?? calendarDateOf(order.updatedAt) ?? '';
  const payment: Operation = {
    key,
    kind: 'ensure_mapped_document',
    doctype: 'Payment Entry',
    method: GET_PAYMENT_ENTRY,
    args: { dt: against.dt, dn: { $ref: against.key }, party_amount: centsToAmount(transaction.amountCents, currencyExponent(order.currency)) },
    set: {
      posting_date: date,
      mode_of_payment: mapping.modeOfPayment,
      paid_to: mapping.account,
      reference_no: `${order.name} ${transaction.gateway} ${transaction.id}`,
      reference_date: date,
      shopsync_key: key,
      shopify_order_id: order.id,
      shopify_shop: shop,
    },
    tableEdits: [],
    submit: true,
    dependsOn: [against.key],
  };
  // The payment goes before a cancellation: money that was received is booked even when ERPNext
  // refuses to cancel the order (the conflict is then about the cancellation only).
  const cancels = base.operations.filter((op) => op.kind === 'cancel_document');
  const others = base.operations.filter((op) => op.kind !== 'cancel_document');
  return applyPlan([...others, payment, ...cancels]);
}
