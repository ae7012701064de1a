import { resourceIdOf } from '../ids/shopify-gid';
import { sumCents } from '../money/cents';
import { currencyExponent } from '../money/currency-exponent';
import { isRecord, optionalString, parsed, rejected, type ParseResult } from '../webhooks/parse-result';
import type { RestockType, ShopifyRefund, ShopifyRefundLine, ShopifyRefundTransaction } from './shopify-refund';
import { shopMoneyCents } from './shop-money';

const RESTOCK_TYPES: readonly RestockType[] = ['no_restock', 'cancel', 'return', 'legacy_restock'];

function refundLine(raw: unknown, index: number, issues: string[], exponent: number): ShopifyRefundLine | null {
  const where = `refund_line_items[${index}]`;
  if (!isRecord(raw)) return null;
  const lineItem = isRecord(raw.line_item) ? raw.line_item : null;
  const lineItemId = lineItem === null ? null : resourceIdOf(lineItem, 'LineItem');
  const quantity = raw.quantity;
  const restockType = RESTOCK_TYPES.find((type) => type === raw.restock_type) ?? 'no_restock';
  if (lineItemId === null) issues.push(`${where} has no exact line item id`);
  if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 0) issues.push(`${where}.quantity is not a whole number`);
  if (lineItemId === null || typeof quantity !== 'number') return null;
  return { lineItemId, quantity, restockType, subtotalCents: shopMoneyCents(raw, 'subtotal', exponent) ?? 0, taxCents: shopMoneyCents(raw, 'total_tax', exponent) ?? 0 };
}

function refundTransactions(raw: unknown, exponent: number): ShopifyRefundTransaction[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((transaction) => {
    if (!isRecord(transaction) || transaction.kind !== 'refund' || transaction.status !== 'success') return [];
    const id = resourceIdOf(transaction, 'OrderTransaction');
    // A plain amount is in the transaction's own currency, when it names one.
    const currency = optionalString(transaction.currency);
    const amountCents = shopMoneyCents(transaction, 'amount', currency === null ? exponent : currencyExponent(currency));
    if (id === null || amountCents === null) return [];
    return [{ id, gateway: optionalString(transaction.gateway) ?? 'manual', amountCents }];
  });
}

/**
 * Reads one refund, from refunds/create or from an order payload's `refunds` list. Its money sets
 * name their currency; `exponent` (the order currency's decimals) reads amounts given without one.
 */
export function parseRefund(payload: unknown, exponent = 2): ParseResult<ShopifyRefund> {
  if (!isRecord(payload)) return rejected(['the refund is not a JSON object']);
  const issues: string[] = [];
  const id = resourceIdOf(payload, 'Refund');
  if (id === null) issues.push('the refund has no exact id (admin_graphql_api_id)');
  const lines = (Array.isArray(payload.refund_line_items) ? payload.refund_line_items : []).map((raw, index) => refundLine(raw, index, issues, exponent));
  const shipping = Array.isArray(payload.refund_shipping_lines) ? payload.refund_shipping_lines.filter(isRecord) : [];
  const adjustments = Array.isArray(payload.order_adjustments) ? payload.order_adjustments.filter(isRecord) : [];
  if (id === null || issues.length > 0) return rejected(issues);
  return parsed({
    id,
    createdAt: optionalString(payload.created_at) ?? '',
    lines: lines.filter((line): line is ShopifyRefundLine => line !== null && line.quantity > 0),
    shippingCents: sumCents(shipping.map((line) => shopMoneyCents(line, 'subtotal_amount', exponent) ?? 0)),
    shippingTaxCents: sumCents(shipping.map((line) => shopMoneyCents(line, 'tax_amount', exponent) ?? 0)),
    adjustmentCents: sumCents(adjustments.map((adjustment) => (shopMoneyCents(adjustment, 'amount', exponent) ?? 0) + (shopMoneyCents(adjustment, 'tax_amount', exponent) ?? 0))),
    transactions: refundTransactions(payload.transactions, exponent),
  });
}

/** The exact order id a refunds/create payload belongs to, or null when Shopify's JSON number was rounded. */
export function refundOrderId(payload: unknown): string | null {
  if (!isRecord(payload)) return null;
  const raw = payload.order_id;
  if (typeof raw === 'string' && /^\d+$/.test(raw)) return raw;
  return typeof raw === 'number' && Number.isSafeInteger(raw) ? String(raw) : null;
}
