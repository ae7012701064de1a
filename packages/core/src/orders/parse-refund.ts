import { resourceIdOf } from '../ids/shopify-gid';
import { sumCents } from '../money/cents';
import { currencyExponent } from '../money/currency-exponent';
import { isRecord, optionalString, parsed, rejected, type ParseResult } from '../webhooks/parse-result';
import type { RestockType, ShopifyRefund, ShopifyRefundLine, ShopifyRefundTransaction } from './shopify-refund';
import { readShopMoney, type MoneyScope } from './shop-money';

const RESTOCK_TYPES: readonly RestockType[] = ['no_restock', 'cancel', 'return', 'legacy_restock'];

function refundLine(raw: unknown, index: number, scope: MoneyScope): ShopifyRefundLine | null {
  const { issues } = scope;
  const where = `refund_line_items[${index}]`;
  if (!isRecord(raw)) return null;
  const lineItem = isRecord(raw.line_item) ? raw.line_item : null;
  const lineItemId = lineItem === null ? null : resourceIdOf(lineItem, 'LineItem');
  const quantity = raw.quantity;
  const restockType = RESTOCK_TYPES.find((type) => type === raw.restock_type) ?? 'no_restock';
  if (lineItemId === null) issues.push(`${where} has no exact line item id`);
  if (typeof quantity !== 'number' || !Number.isSafeInteger(quantity)) issues.push(`${where}.quantity is not a whole number`);
  else if (quantity < 0) issues.push(`${where}.quantity is below zero: ${quantity}`);
  const subtotalCents = readShopMoney(raw, 'subtotal', where, scope) ?? 0;
  const taxCents = readShopMoney(raw, 'total_tax', where, scope) ?? 0;
  if (lineItemId === null || typeof quantity !== 'number') return null;
  return { lineItemId, quantity, restockType, subtotalCents, taxCents };
}

function refundTransactions(raw: unknown, scope: MoneyScope): ShopifyRefundTransaction[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((transaction, index) => {
    if (!isRecord(transaction) || transaction.kind !== 'refund' || transaction.status !== 'success') return [];
    const id = resourceIdOf(transaction, 'OrderTransaction');
    // A plain amount is in the transaction's own currency, when it names one.
    const currency = optionalString(transaction.currency);
    const own = currency === null ? scope : { ...scope, currency, exponent: currencyExponent(currency) };
    const amountCents = readShopMoney(transaction, 'amount', `transactions[${index}]`, own);
    if (id === null || amountCents === null) return [];
    return [{ id, gateway: optionalString(transaction.gateway) ?? 'manual', amountCents }];
  });
}

/**
 * Reads one refund, from refunds/create or from an order payload's `refunds` list. Its money sets
 * name their currency; `exponent` (the order currency's decimals) reads amounts given without one,
 * and `currency`, when known, is named in issues.
 */
export function parseRefund(payload: unknown, exponent = 2, currency: string | null = null): ParseResult<ShopifyRefund> {
  if (!isRecord(payload)) return rejected(['the refund is not a JSON object']);
  const issues: string[] = [];
  const scope: MoneyScope = { currency, exponent, issues };
  const id = resourceIdOf(payload, 'Refund');
  if (id === null) issues.push('the refund has no exact id (admin_graphql_api_id)');
  const lines = (Array.isArray(payload.refund_line_items) ? payload.refund_line_items : []).map((raw, index) => refundLine(raw, index, scope));
  // The sum of `fields` over a list. They keep their sign: a refund discrepancy is a negative adjustment.
  const total = (list: unknown, name: string, fields: readonly string[]) =>
    sumCents((Array.isArray(list) ? list : []).map((item, index) => (isRecord(item) ? sumCents(fields.map((field) => readShopMoney(item, field, `${name}[${index}]`, scope) ?? 0)) : 0)));
  const shippingCents = total(payload.refund_shipping_lines, 'refund_shipping_lines', ['subtotal_amount']);
  const shippingTaxCents = total(payload.refund_shipping_lines, 'refund_shipping_lines', ['tax_amount']);
  const adjustmentCents = total(payload.order_adjustments, 'order_adjustments', ['amount', 'tax_amount']);
  const transactions = refundTransactions(payload.transactions, scope);
  if (id === null || issues.length > 0) return rejected(issues);
  return parsed({
    id,
    createdAt: optionalString(payload.created_at) ?? '',
    lines: lines.filter((line): line is ShopifyRefundLine => line !== null && line.quantity > 0),
    shippingCents,
    shippingTaxCents,
    adjustmentCents,
    transactions,
  });
}

/** The exact order id a refunds/create payload belongs to, or null when Shopify's JSON number was rounded. */
export function refundOrderId(payload: unknown): string | null {
  if (!isRecord(payload)) return null;
  const raw = payload.order_id;
  if (typeof raw === 'string' && /^\d+$/.test(raw)) return raw;
  return typeof raw === 'number' && Number.isSafeInteger(raw) ? String(raw) : null;
}
