import type { ShopifyRefund } from '../shopify-refund';
import { restId, restIds } from './rest-ids';

/**
 * One refund as an order body's `refunds` list carries it — which, with its `order_id`, is also a
 * refunds/create body: what parseRefund reads back into the same ShopifyRefund, amounts in the
 * order's currency (`amount` formats them). Shipping and adjustments are held as sums, so each is one
 * entry, and none when it is zero.
 */
export function refundWebhookBody(refund: ShopifyRefund, orderId: string, amount: (cents: number) => string) {
  const shipped = refund.shippingCents !== 0 || refund.shippingTaxCents !== 0;
  return {
    ...restIds('Refund', refund.id),
    order_id: restId(orderId),
    created_at: refund.createdAt === '' ? null : refund.createdAt,
    refund_line_items: refund.lines.map((line) => ({
      quantity: line.quantity,
      restock_type: line.restockType,
      subtotal: amount(line.subtotalCents),
      total_tax: amount(line.taxCents),
      line_item: restIds('LineItem', line.lineItemId),
    })),
    refund_shipping_lines: shipped ? [{ subtotal_amount: amount(refund.shippingCents), tax_amount: amount(refund.shippingTaxCents) }] : [],
    // The adjustment's tax is in its sum (parse-refund.ts adds amount and tax_amount).
    order_adjustments: refund.adjustmentCents === 0 ? [] : [{ kind: 'refund_discrepancy', amount: amount(refund.adjustmentCents) }],
    // Only successful refunds are held: the money that left the merchant.
    transactions: refund.transactions.map((transaction) => ({
      ...restIds('OrderTransaction', transaction.id),
      kind: 'refund',
      status: 'success',
      gateway: transaction.gateway,
      amount: amount(transaction.amountCents),
    })),
  };
}
