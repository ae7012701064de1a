import { centsToAmount } from '../money/cents';
import { OPERATION_KINDS, operationKey } from '../keys/operation-key';
import type { EnsureDocumentOperation } from '../plan/types';
import type { SyncSettings } from '../settings/sync-settings';
import { addDays } from './calendar-date';
import type { SalesOrderMoney } from './sales-order-money';
import type { ShopifyOrder } from './shopify-order';

/** A submitted Sales Order for the order, booked to the customer made by `customerKey`. */
export function ensureSalesOrder(
  shop: string,
  order: ShopifyOrder,
  money: SalesOrderMoney,
  orderDate: string,
  customerKey: string,
  settings: SyncSettings,
): EnsureDocumentOperation {
  const key = operationKey(OPERATION_KINDS.salesOrder, shop, order.id);
  const deliveryDate = addDays(orderDate, settings.deliveryDays);
  return {
    key,
    kind: 'ensure_document',
    doctype: 'Sales Order',
    doc: {
      customer: { $ref: customerKey },
      company: settings.company,
      order_type: 'Sales',
      transaction_date: orderDate,
      delivery_date: deliveryDate,
      currency: order.currency,
      po_no: order.name,
      // Shopify's total is exact to the cent; ERPNext's rounded total would differ from it.
      disable_rounded_total: 1,
      // Shopify already applied its prices and discounts; an ERPNext Pricing Rule must not change them.
      ignore_pricing_rule: 1,
      apply_discount_on: 'Net Total',
      discount_amount: centsToAmount(money.discountCents),
      shopsync_key: key,
      shopify_order_id: order.id,
      shopify_order_name: order.name,
      shopify_shop: shop,
      items: money.items.map((line) => ({
        item_code: line.itemCode,
        shopify_line_item_id: line.lineId,
        qty: line.qty,
        rate: centsToAmount(line.rateCents),
        warehouse: settings.defaultWarehouse,
        delivery_date: deliveryDate,
      })),
      taxes: money.charges.map((charge) => ({
        charge_type: 'Actual',
        account_head: charge.account,
        description: charge.description,
        tax_amount: centsToAmount(charge.cents),
      })),
    },
    submit: true,
    dependsOn: [customerKey],
  };
}
