import type { GraphQLResolveInfo } from 'graphql';
import type { FulfillmentOrderRecord, FulfillmentRecord } from '../../fulfillment/fulfillment-types';
import type { OrderRecord } from '../../types';
import { connection, type ConnectionArgs } from '../connection';
import type { SimContext } from '../sim-context';
import { locationView, variantView } from './inventory-views';
import { lineItemView } from './line-item-view';
import type { View } from './resolve-fields';
import { dateTime, gid } from './wire-format';

const OPEN_ACTIONS = ['CREATE_FULFILLMENT', 'REQUEST_FULFILLMENT', 'HOLD', 'MOVE'];

// Each view here links back to its Order through the `orderView` it is handed (order-view.ts hands
// itself), so that this file does not import its parent.

export function fulfillmentOrderView(fo: FulfillmentOrderRecord, order: OrderRecord, ctx: SimContext, orderView: (order: OrderRecord, ctx: SimContext) => View): View {
  const location = ctx.shop.inventory.location(fo.locationId);
  const open = fo.status === 'OPEN' || fo.status === 'IN_PROGRESS';
  const lines = fo.lines.map((l) => {
    const line = order.lines.find((x) => x.id === l.lineItemId);
    const entry = ctx.shop.catalogue.get(l.sku);
    const item = ctx.shop.inventory.itemBySku(l.sku);
    return {
      __typename: 'FulfillmentOrderLineItem',
      id: gid('FulfillmentOrderLineItem', l.id),
      sku: l.sku,
      totalQuantity: l.totalQuantity,
      remainingQuantity: l.remainingQuantity,
      requiresShipping: true,
      productTitle: line?.title ?? l.sku,
      variantTitle: line?.variantTitle ?? null,
      vendor: line?.vendor ?? null,
      inventoryItemId: item ? gid('InventoryItem', item.id) : null,
      lineItem: () => (line ? lineItemView(line, order, ctx) : null),
      variant: () => (entry ? variantView(entry, ctx) : null),
      warnings: [],
      image: null,
      weight: null,
    } as View;
  });
  return {
    __typename: 'FulfillmentOrder',
    id: gid('FulfillmentOrder', fo.id),
    orderId: gid('Order', order.id),
    orderName: `#${order.orderNumber}`,
    orderProcessedAt: dateTime(order.createdAt),
    order: () => orderView(order, ctx),
    status: fo.status,
    requestStatus: 'UNSUBMITTED',
    createdAt: dateTime(fo.createdAt),
    updatedAt: dateTime(fo.updatedAt),
    fulfillAt: dateTime(fo.createdAt),
    fulfillBy: null,
    fulfillmentHolds: [],
    deliveryMethod: null,
    destination: null,
    internationalDuties: null,
    supportedActions: (open ? OPEN_ACTIONS : []).map((action) => ({ action, externalUrl: null })),
    assignedLocation: { name: location.name, address1: location.address1, address2: null, city: location.city, zip: location.zip, countryCode: location.countryCode, province: null, phone: null, location: () => locationView(location, ctx) },
    lineItems: (args: ConnectionArgs, _c: unknown, info: GraphQLResolveInfo) => connection(lines, args, (l) => String(l.id), (l) => l, info, ctx.bulk),
    fulfillments: (args: ConnectionArgs, _c: unknown, info: GraphQLResolveInfo) =>
      connection(ctx.shop.fulfillment.fulfillmentsOf(order.id).filter((f) => f.fulfillmentOrderIds.includes(fo.id)), args, (f) => String(f.id), (f) => fulfillmentView(f, order, ctx, orderView), info, ctx.bulk),
  };
}

export function fulfillmentView(f: FulfillmentRecord, order: OrderRecord, ctx: SimContext, orderView: (order: OrderRecord, ctx: SimContext) => View): View {
  const lines = f.lines.map((l) => {
    const line = order.lines.find((x) => x.id === l.lineItemId);
    return { __typename: 'FulfillmentLineItem', id: gid('FulfillmentLineItem', l.id), quantity: l.quantity, originalTotalSet: null, discountedTotalSet: null, lineItem: () => (line ? lineItemView(line, order, ctx) : null) } as View;
  });
  return {
    __typename: 'Fulfillment',
    id: gid('Fulfillment', f.id),
    legacyResourceId: String(f.id),
    name: f.name,
    status: f.status,
    displayStatus: f.status === 'SUCCESS' ? 'FULFILLED' : 'CANCELED',
    createdAt: dateTime(f.createdAt),
    updatedAt: dateTime(f.updatedAt),
    deliveredAt: null,
    inTransitAt: null,
    estimatedDeliveryAt: null,
    requiresShipping: true,
    totalQuantity: f.lines.reduce((sum, l) => sum + l.quantity, 0),
    trackingInfo: (args: { first?: number | null }) => f.tracking.slice(0, args.first ?? f.tracking.length),
    location: () => locationView(ctx.shop.inventory.location(f.locationId), ctx),
    order: () => orderView(order, ctx),
    fulfillmentLineItems: (args: ConnectionArgs, _c: unknown, info: GraphQLResolveInfo) => connection(lines, args, (l) => String(l.id), (l) => l, info, ctx.bulk),
  };
}
