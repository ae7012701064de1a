import { customerDisplayName } from '../customers/customer-display-name';
import { OPERATION_KINDS, operationKey } from '../keys/operation-key';
import type { EnsureDocumentOperation } from '../plan/types';
import type { SyncSettings } from '../settings/sync-settings';
import type { ShopifyOrder } from './shopify-order';

/** The Customer an order is booked to: its Shopify customer, or the shop's one guest customer. */
export function ensureOrderCustomer(shop: string, order: ShopifyOrder, settings: SyncSettings): EnsureDocumentOperation {
  const common = { customer_type: 'Individual', customer_group: settings.customerGroup, territory: settings.territory, shopify_shop: shop };
  if (order.customer === null) {
    const key = operationKey(OPERATION_KINDS.guestCustomer, shop, 'guest');
    return {
      key,
      kind: 'ensure_document',
      doctype: 'Customer',
      doc: { ...common, customer_name: settings.guestCustomerName, shopsync_key: key },
      submit: false,
      dependsOn: [],
    };
  }
  const key = operationKey(OPERATION_KINDS.customer, shop, order.customer.id);
  return {
    key,
    kind: 'ensure_document',
    doctype: 'Customer',
    doc: {
      ...common,
      customer_name: customerDisplayName(order.customer),
      shopify_customer_id: order.customer.id,
      shopsync_key: key,
    },
    submit: false,
    dependsOn: [],
  };
}
