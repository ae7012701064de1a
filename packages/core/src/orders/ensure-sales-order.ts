import { centsToAmount } from '../money/cents';
import { currencyExponent } from '../money/currency-exponent';
import { OPERATION_KINDS, operationKey } from '../keys/operation-key';
import { contentDigest, type ContentShape } from '../plan/document-content';
import type { DocFields, EnsureDocumentOperation } from '../plan/types';
import type { SyncSettings } from '../settings/sync-settings';
import { addDays } from './calendar-date';
import type { SalesOrderMoney } from './sales-order-money';
import type { ShopifyOrder } from './shopify-order';

/** What an edit in Shopify can change: the lines, their quantities and prices, the discount and the charges. */
export const SALES_ORDER_CONTENT: ContentShape = {
  fields: ['discount_amount'],
  tables: [
    { table: 'items', fields: ['shopify_line_item_id', 'item_code', 'qty', 'rate'] },
    { table: 'taxes', fields: ['account_head', 'tax_amount'] },
  ],
};

/**
 * A submitted Sales Order for the order, booked to the customer made by `customerKey`. It carries a
 * revision: when Shopify's order is edited, the runner replaces a Sales Order that no longer matches.
 */
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
  // Amounts leave in the currency's own decimals: a KWD rate is 12.345, not 12.35.
  const amount = (cents: number) => centsToAmount(cents, currencyExponent(order.currency));
  const warehouse = (order.locationId === null ? undefined : settings.locationWarehouses[order.locationId]) ?? settings.defaultWarehouse;
  const doc: DocFields = {
      ...(settings.salesOrderNamingSeries === null ? {} : { naming_series: settings.salesOrderNamingSeries }),
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
      discount_amount: amount(money.discountCents),
      shopsync_key: key,
      shopify_order_id: order.id,
      shopify_order_name: order.name,
      shopify_shop: shop,
      items: money.items.map((line) => ({
        item_code: line.itemCode,
        shopify_line_item_id: line.lineId,
        qty: line.qty,
        rate: amount(line.rateCents),
        warehouse,
        delivery_date: deliveryDate,
      })),
      taxes: money.charges.map((charge) => ({
        charge_type: 'Actual',
        account_head: charge.account,
        description: charge.description,
        tax_amount: amount(charge.cents),
      })),
  };
  return {
    key,
    kind: 'ensure_document',
    doctype: 'Sales Order',
    doc,
    submit: true,
    dependsOn: [customerKey],
    revision: { digest: contentDigest(doc, SALES_ORDER_CONTENT), shape: SALES_ORDER_CONTENT },
  };
}
