import { resourceIdOf } from '../ids/shopify-gid';
import { isRecord, optionalString, parsed, rejected, type ParseResult } from '../webhooks/parse-result';
import { shopMoneyCents } from './shop-money';

/** A Shopify order transaction (order_transactions/create): money moved, or an attempt to move it. */
export interface ShopifyTransaction {
  readonly id: string;
  readonly orderId: string;
  /** sale, capture, authorization, void, refund, change, emv_authorization, suggested_refund. */
  readonly kind: string;
  /** success, failure, error, pending. */
  readonly status: string;
  readonly gateway: string;
  readonly amountCents: number;
  readonly createdAt: string;
}

export function parseTransaction(payload: unknown): ParseResult<ShopifyTransaction> {
  if (!isRecord(payload)) return rejected(['the transaction is not a JSON object']);
  const issues: string[] = [];
  const id = resourceIdOf(payload, 'OrderTransaction');
  const rawOrder = payload.order_id;
  const orderId = typeof rawOrder === 'string' && /^\d+$/.test(rawOrder) ? rawOrder : typeof rawOrder === 'number' && Number.isSafeInteger(rawOrder) ? String(rawOrder) : null;
  const amountCents = shopMoneyCents(payload, 'amount', 'amount_set');
  if (id === null) issues.push('the transaction has no exact id (admin_graphql_api_id)');
  if (orderId === null) issues.push('order_id is missing or was rounded (above 2^53)');
  if (amountCents === null) issues.push('amount is missing');
  if (id === null || orderId === null || amountCents === null) return rejected(issues);
  return parsed({
    id,
    orderId,
    kind: optionalString(payload.kind) ?? 'unknown',
    status: optionalString(payload.status) ?? 'unknown',
    gateway: optionalString(payload.gateway) ?? 'manual',
    amountCents,
    createdAt: optionalString(payload.created_at) ?? '',
  });
}

/** The order id of an order_transactions/create payload, for the per-order claim rule. */
export function transactionOrderId(payload: unknown): string | null {
  const result = parseTransaction(payload);
  return result.ok ? result.value.orderId : null;
}
