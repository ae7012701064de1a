import type { Failure } from '../failures/failure';
import { coreFailure } from '../failures/make-failure';
import { OPERATION_KINDS, operationKey } from '../keys/operation-key';
import { compareVersions, type PlanContext } from '../plan/plan-context';
import { applyPlan, failedPlan, skippedPlan, supersededPlan, type Operation, type Plan } from '../plan/types';
import type { SyncSettings } from '../settings/sync-settings';
import { calendarDateOf } from './calendar-date';
import { ensureCreditNotes } from './ensure-credit-notes';
import { ensureDeliveryNotes } from './ensure-delivery-notes';
import { ensureStockReturns } from './ensure-stock-returns';
import { returnedUnits } from './returned-units';
import { ensureOrderCustomer } from './ensure-order-customer';
import { ensureSalesInvoice } from './ensure-sales-invoice';
import { ensureSalesOrder } from './ensure-sales-order';
import { orderEffects } from './order-effects';
import type { OrderEvent } from './order-event';
import { salesOrderMoney } from './sales-order-money';
import type { ShopifyOrder } from './shopify-order';

const isFailure = (value: Operation | Failure): value is Failure => 'category' in value;

/**
 * Every order topic is planned the same way: from the order's state in the payload, compute what
 * ERPNext must hold, and ensure each piece by its key. Pieces that exist are adopted without a
 * write, so duplicates and any arrival order converge on the same documents; an event older than
 * the version already applied is superseded and changes nothing.
 */
function planOrderState(shop: string, order: ShopifyOrder, settings: SyncSettings, context: PlanContext): Plan {
  if (context.appliedVersion !== null && compareVersions(order.updatedAt, context.appliedVersion) < 0) {
    return supersededPlan(`order ${order.name} version ${order.updatedAt} is older than the applied ${context.appliedVersion}`);
  }
  const subject = { kind: 'order', label: order.name, shopifyId: order.id } as const;
  const salesOrderKey = operationKey(OPERATION_KINDS.salesOrder, shop, order.id);
  const decision = orderEffects(order, settings);
  if (decision.kind === 'skip') return skippedPlan(decision.reason, order.updatedAt);
  if (order.currency !== settings.companyCurrency) {
    return failedPlan(coreFailure('mapping.currency_unsupported', subject, { orderCurrency: order.currency, companyCurrency: settings.companyCurrency }));
  }
  const orderDate = calendarDateOf(order.createdAt);
  if (orderDate === null) return failedPlan(coreFailure('payload.invalid', subject, { issues: 'created_at is not a timestamp' }));
  const money = salesOrderMoney(order, settings, subject);
  if (!money.ok) return failedPlan(money.failure);
  const customer = ensureOrderCustomer(shop, order, settings);
  // The Sales Order follows the order's content even when it is about to be cancelled: a paid order is
  // invoiced from it first, and the invoice must be for what Shopify charged.
  const operations: Array<Operation | Failure> = [customer, ensureSalesOrder(shop, order, money.money, orderDate, customer.key, settings)];
  const invoice = ensureSalesInvoice(shop, order, orderDate, salesOrderKey);
  if (decision.effects.includes('invoice')) operations.push(invoice);
  if (decision.effects.includes('delivery_notes')) {
    operations.push(...ensureDeliveryNotes(shop, order, salesOrderKey, settings));
    const returned = returnedUnits(order);
    for (const refund of order.refunds) operations.push(...ensureStockReturns(shop, order, refund, settings, returned));
  }
  if (decision.effects.includes('invoice')) {
    const refunds = ensureCreditNotes(shop, order, invoice.key, settings, subject);
    if (!Array.isArray(refunds)) return failedPlan(refunds);
    operations.push(...refunds);
  }
  if (decision.effects.includes('cancel_sales_order')) {
    const key = operationKey(OPERATION_KINDS.cancelSalesOrder, shop, order.id);
    operations.push({ key, kind: 'cancel_document', doctype: 'Sales Order', target: { $ref: salesOrderKey }, dependsOn: [salesOrderKey] });
  }
  const failure = operations.find(isFailure);
  if (failure !== undefined) return failedPlan(failure);
  return applyPlan(operations as Operation[], order.updatedAt);
}

function assertNever(value: never): never {
  throw new Error(`unhandled order event ${JSON.stringify(value)}`);
}

export function planOrderEvent(event: OrderEvent, settings: SyncSettings, context: PlanContext): Plan {
  switch (event.kind) {
    case 'order.created':
    case 'order.updated':
    case 'order.paid':
    case 'order.cancelled':
    case 'order.fulfilled':
      return planOrderState(event.shop, event.order, settings, context);
    default:
      return assertNever(event.kind);
  }
}
