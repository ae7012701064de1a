/** A REST refund as Shopify sends it (refunds/create, or inside an order's `refunds`), for the given lines. */
export function refundPayload(
  order: Record<string, unknown>,
  refundId: string,
  lines: Array<{ index: number; quantity: number }>,
  options: { shipping?: string; transaction?: boolean; restockType?: string } = {},
): Record<string, unknown> {
  const lineItems = order.line_items as Array<Record<string, unknown>>;
  let total = 0;
  const refundLines = lines.map(({ index, quantity }) => {
    const line = lineItems[index]!;
    const gross = Math.round(Number(line.price) * 100) * quantity;
    const lineQty = line.quantity as number;
    const discount = ((line.discount_allocations as Array<{ amount: string }>) ?? []).reduce((sum, d) => sum + Math.round(Number(d.amount) * 100), 0);
    const subtotal = gross - Math.round((discount * quantity) / lineQty);
    const lineTax = ((line.tax_lines as Array<{ price: string }>) ?? []).reduce((sum, t) => sum + Math.round(Number(t.price) * 100), 0);
    const tax = Math.round((lineTax * quantity) / lineQty);
    total += subtotal + tax;
    return {
      id: Number(`${refundId}${index}`),
      quantity,
      line_item_id: line.id,
      restock_type: options.restockType ?? 'return',
      subtotal_set: { shop_money: { amount: (subtotal / 100).toFixed(2), currency_code: 'USD' } },
      total_tax_set: { shop_money: { amount: (tax / 100).toFixed(2), currency_code: 'USD' } },
      line_item: { id: line.id, admin_graphql_api_id: line.admin_graphql_api_id, sku: line.sku, price: line.price },
    };
  });
  const shipping = options.shipping === undefined ? [] : [{ subtotal_amount_set: { shop_money: { amount: options.shipping, currency_code: 'USD' } }, tax_amount_set: { shop_money: { amount: '0.00', currency_code: 'USD' } } }];
  total += options.shipping === undefined ? 0 : Math.round(Number(options.shipping) * 100);
  return {
    id: Number(refundId),
    admin_graphql_api_id: `gid://shopify/Refund/${refundId}`,
    order_id: order.id,
    created_at: '2026-11-28T09:00:00-05:00',
    refund_line_items: refundLines,
    refund_shipping_lines: shipping,
    order_adjustments: [],
    transactions:
      options.transaction === false
        ? []
        : [{ id: Number(`7${refundId}`), admin_graphql_api_id: `gid://shopify/OrderTransaction/7${refundId}`, kind: 'refund', status: 'success', gateway: 'shopify_payments', amount: (total / 100).toFixed(2) }],
  };
}
