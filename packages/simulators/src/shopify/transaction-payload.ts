import { formatCents } from './money';
import { shopifyGid } from './shop-ids';
import type { ShopifyShop } from './shop-model';
import { formatShopTime } from './shop-time';
import type { TransactionRecord } from './shop-transactions';
import type { OrderRecord } from './types';

/** Card gateways get card details; manual ones (COD, bank transfer) none, as Shopify's payloads show. */
const MANUAL_GATEWAYS = new Set(['manual', 'Cash on Delivery (COD)', 'Bank Deposit']);

/** The REST JSON of order_transactions/create, with the documented 2026-07 sample's key set. */
export function transactionJson(transaction: TransactionRecord, order: OrderRecord, shop: ShopifyShop) {
  const c = order.currency;
  const time = formatShopTime(transaction.createdAt, shop.timezoneOffset);
  const manual = MANUAL_GATEWAYS.has(transaction.gateway);
  return {
    id: transaction.id,
    order_id: order.id,
    kind: transaction.kind.toLowerCase(),
    gateway: transaction.gateway,
    status: transaction.status.toLowerCase(),
    message: null as string | null,
    created_at: time,
    test: order.test,
    authorization: manual ? null : String(transaction.id).slice(-6),
    location_id: null as number | null,
    user_id: null as number | null,
    parent_id: transaction.parentId,
    processed_at: time,
    device_id: null as number | null,
    error_code: null as string | null,
    source_name: 'web',
    payment_details: manual
      ? null
      : {
          credit_card_bin: null as string | null,
          avs_result_code: null as string | null,
          cvv_result_code: null as string | null,
          credit_card_number: '•••• •••• •••• 4242',
          credit_card_company: 'Visa',
          buyer_action_info: null as unknown,
          credit_card_name: null as string | null,
          credit_card_wallet: null as string | null,
          credit_card_expiration_month: null as number | null,
          credit_card_expiration_year: null as number | null,
          payment_method_name: 'visa',
        },
    receipt: {},
    amount: formatCents(transaction.amountCents),
    currency: c,
    payment_id: `#${order.orderNumber}.${transaction.id % 10}`,
    total_unsettled_set: { presentment_money: { amount: '0.0', currency: c }, shop_money: { amount: '0.0', currency: c } },
    manual_payment_gateway: manual,
    amount_rounding: null as string | null,
    admin_graphql_api_id: shopifyGid('OrderTransaction', transaction.id),
  };
}
