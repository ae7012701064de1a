import { coreFailure } from '../failures/make-failure';
import { applyPlan, failedPlan, type Plan } from '../plan/types';
import type { SyncSettings } from '../settings/sync-settings';
import { calendarDateOf } from './calendar-date';
import { ensureOrderCustomer } from './ensure-order-customer';
import { ensureSalesOrder } from './ensure-sales-order';
import type { OrderEvent } from './order-event';
import type { ShopifyOrder } from './shopify-order';

function assertNever(value: never): never {
  throw new Error(`unhandled order event ${JSON.stringify(value)}`);
}

/**
 * Until the full state table lands, created, updated and paid all ensure the same two documents:
 * whichever of them arrives first books the order, the others adopt what it made.
 */
function planEnsureOrder(shop: string, order: ShopifyOrder, settings: SyncSettings): Plan {
  const subject = { kind: 'order', label: order.name, shopifyId: order.id } as const;
  const lineWithoutSku = order.lineItems.find((line) => line.sku === null && line.quantity > 0);
  if (lineWithoutSku !== undefined) return failedPlan(coreFailure('mapping.sku_missing', subject, { lineTitle: lineWithoutSku.title }));
  if (order.currency !== settings.companyCurrency) {
    return failedPlan(
      coreFailure('mapping.currency_unsupported', subject, { orderCurrency: order.currency, companyCurrency: settings.companyCurrency }),
    );
  }
  const orderDate = calendarDateOf(order.createdAt);
  if (orderDate === null) return failedPlan(coreFailure('payload.invalid', subject, { issues: 'created_at is not a timestamp' }));
  const customer = ensureOrderCustomer(shop, order, settings);
  return applyPlan([customer, ensureSalesOrder(shop, order, orderDate, customer.key, settings)]);
}

export function planOrderEvent(event: OrderEvent, settings: SyncSettings): Plan {
  switch (event.kind) {
    case 'order.created':
    case 'order.updated':
    case 'order.paid':
      return planEnsureOrder(event.shop, event.order, settings);
    default:
      return assertNever(event);
  }
}
