import type { ShopifyShop } from './shop-model';
import { formatShopTime } from './shop-time';
import type { OrderEditChangeRecord, OrderEditRecord, OrderRecord } from './types';

const change = ({ lineItemId, delta }: OrderEditChangeRecord) => ({ id: lineItemId, delta });

/** The orders/edited body, with the documented 2026-07 sample's keys; the simulator edits only line items. */
export function orderEditJson(edit: OrderEditRecord, order: OrderRecord, shop: ShopifyShop) {
  const committedAt = formatShopTime(edit.committedAt, shop.timezoneOffset);
  return {
    order_edit: {
      id: edit.id,
      app_id: null as number | null,
      created_at: committedAt,
      committed_at: committedAt,
      notify_customer: false,
      order_id: order.id,
      staff_note: '',
      user_id: null as number | null,
      line_items: { additions: edit.additions.map(change), removals: edit.removals.map(change) },
      discounts: { line_item: { additions: [] as unknown[], removals: [] as unknown[] } },
      shipping_lines: { additions: [] as unknown[], removals: [] as unknown[] },
    },
  };
}

export type ShopifyOrderEditJson = ReturnType<typeof orderEditJson>;
