import { resourceIdOf } from '../ids/shopify-gid';
import { isRecord, optionalString, parsed, rejected, type ParseResult } from '../webhooks/parse-result';
import { currencyExponent } from '../money/currency-exponent';
import { readShopMoney } from './shop-money';
import { shopifyTransaction, type ShopifyTransaction } from './shopify-transaction';

/** Reads an order_transactions/create body. */
export function parseTransaction(payload: unknown): ParseResult<ShopifyTransaction> {
  if (!isRecord(payload)) return rejected(['the transaction is not a JSON object']);
  const issues: string[] = [];
  const id = resourceIdOf(payload, 'OrderTransaction');
  const orderId = exactOrderId(payload.order_id);
  if (id === null) issues.push('the transaction has no exact id (admin_graphql_api_id)');
  if (orderId === null) issues.push('order_id is missing or was rounded (above 2^53)');
  // amount_set names the shop currency; the plain amount is in the transaction's `currency`.
  const currency = optionalString(payload.currency);
  const amountCents = readShopMoney(payload, 'amount', '', { currency, exponent: currencyExponent(currency), issues }, { required: true });
  if (id === null || orderId === null || amountCents === null) return rejected(issues);
  return parsed(
    shopifyTransaction(id, orderId, amountCents, {
      kind: optionalString(payload.kind),
      status: optionalString(payload.status),
      gateway: optionalString(payload.gateway),
      createdAt: optionalString(payload.created_at),
    }),
  );
}

/** `order_id` as an exact decimal string; a number above 2^53 was rounded by a JSON parser and is refused. */
function exactOrderId(raw: unknown): string | null {
  if (typeof raw === 'string' && /^\d+$/.test(raw)) return raw;
  return typeof raw === 'number' && Number.isSafeInteger(raw) ? String(raw) : null;
}

/**
 * The order id of an order_transactions/create payload, for the per-order claim rule and for naming
 * the order in a failure — even when the rest of the transaction cannot be read.
 */
export function transactionOrderId(payload: unknown): string | null {
  return isRecord(payload) ? exactOrderId(payload.order_id) : null;
}
