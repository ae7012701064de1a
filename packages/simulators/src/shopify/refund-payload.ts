import { lineItemJson } from './line-item-payload';
import { formatCents, moneySet } from './money';
import { refundedShippingLines, refundedShippingSubtotalCents } from './refund-amounts';
import { shopifyGid } from './shop-ids';
import type { ShopifyShop } from './shop-model';
import { formatShopTime } from './shop-time';
import type { OrderRecord, RefundRecord } from './types';

/**
 * The REST refund JSON of refunds/create (and of an order's `refunds` list), with the key set of the
 * documented 2026-07 sample; `line_item` is the order's line as the order payload shows it.
 */
export function refundJson(refund: RefundRecord, order: OrderRecord, shop: ShopifyShop) {
  const c = order.currency;
  const time = formatShopTime(refund.createdAt, shop.timezoneOffset);
  return {
    id: refund.id,
    order_id: order.id,
    created_at: time,
    note: refund.note,
    user_id: null as number | null,
    processed_at: time,
    duties: [] as unknown[],
    total_duties_set: moneySet(0, c),
    return: null as null,
    refund_shipping_lines: refundedShippingLines(refund, order).map((line) => ({
      id: line.id,
      shipping_line_id: line.id,
      subtotal_amount_set: moneySet(refundedShippingSubtotalCents(line, order), c),
      tax_amount_set: moneySet(line.taxCents, c),
    })),
    restock: refund.lines.some((line) => line.restockType !== 'no_restock'),
    admin_graphql_api_id: shopifyGid('Refund', refund.id),
    order_adjustments: [] as unknown[],
    refund_line_items: refund.lines.map((line) => {
      const orderLine = order.lines.find((candidate) => candidate.id === line.lineItemId)!;
      // The refund's copy of the line lacks three keys the order's line has (documented sample).
      const { attributed_staffs: _staff, current_quantity: _current, sales_line_item_group_id: _group, ...lineItem } = lineItemJson(orderLine, order, shop);
      return {
        id: line.id,
        quantity: line.quantity,
        line_item_id: line.lineItemId,
        location_id: null as number | null,
        restock_type: line.restockType,
        subtotal: line.subtotalCents / 100,
        total_tax: line.taxCents / 100,
        subtotal_set: moneySet(line.subtotalCents, c),
        total_tax_set: moneySet(line.taxCents, c),
        line_item: lineItem,
      };
    }),
    transactions: [
      {
        id: refund.transactionId,
        order_id: order.id,
        kind: 'refund',
        gateway: refund.gateway,
        status: 'success',
        message: 'Refunded',
        created_at: time,
        test: order.test,
        authorization: null as string | null,
        location_id: null as number | null,
        user_id: null as number | null,
        parent_id: null as number | null,
        processed_at: time,
        device_id: null as number | null,
        error_code: null as string | null,
        source_name: 'web',
        receipt: {},
        amount: formatCents(refund.amountCents),
        currency: c,
        payment_id: `#${order.orderNumber}.2`,
        // Shopify's transaction money sets say `currency`, not `currency_code` (documented sample).
        total_unsettled_set: { presentment_money: { amount: '0.0', currency: c }, shop_money: { amount: '0.0', currency: c } },
        manual_payment_gateway: false,
        amount_rounding: null as string | null,
        admin_graphql_api_id: shopifyGid('OrderTransaction', refund.transactionId),
      },
    ],
  };
}

export type ShopifyRefundJson = ReturnType<typeof refundJson>;
