import type { IdGenerator } from '../shop-ids';
import type { ShopInventory } from '../inventory/shop-inventory';
import { effectiveQuantity } from '../line-quantities';
import type { LineItemRecord, OrderRecord } from '../types';
import type { FulfillmentOrderRecord, FulfillmentRecord, FulfillmentRequest, FulfillmentUserError } from './fulfillment-types';

const FULFILLABLE = new Set(['OPEN', 'IN_PROGRESS']);

/** The shop's fulfillment orders and fulfillments, with fulfillmentCreate's validation rules. */
export class ShopFulfillment {
  private readonly byOrder = new Map<number, FulfillmentOrderRecord[]>();
  private readonly byId = new Map<number, FulfillmentOrderRecord>();
  private readonly fulfillments = new Map<number, FulfillmentRecord[]>();

  constructor(
    private readonly ids: IdGenerator,
    private readonly inventory: ShopInventory,
    private readonly changeInstant: (previous: Date | null) => Date,
  ) {}

  /** A new order gets one open fulfillment order at the primary location; its stock is committed. */
  open(order: OrderRecord): FulfillmentOrderRecord {
    const fo = this.newFulfillmentOrder(order.id, order.createdAt);
    this.addLines(fo, order.lines);
    return fo;
  }

  /** An edit took units off a line: they are no longer fulfillable and their committed stock is released. */
  removeUnits(order: OrderRecord, lineItemId: number, quantity: number): void {
    const fo = this.forOrder(order.id).find((f) => FULFILLABLE.has(f.status) && f.lines.some((l) => l.lineItemId === lineItemId));
    const line = fo?.lines.find((l) => l.lineItemId === lineItemId);
    if (!fo || !line) return;
    line.totalQuantity -= quantity;
    line.remainingQuantity -= quantity;
    this.inventory.release(line.sku, fo.locationId, quantity);
    fo.lines = fo.lines.filter((l) => l.totalQuantity > 0);
    if (fo.lines.every((l) => l.remainingQuantity === 0)) fo.status = 'CLOSED';
    fo.updatedAt = this.changeInstant(fo.updatedAt);
    this.settleFulfillmentStatus(order);
  }

  /** An edit added lines: they join the open fulfillment order (a new one if all are closed) and commit stock. */
  addEditedLines(order: OrderRecord, lines: readonly LineItemRecord[]): void {
    if (!lines.some((l) => l.requiresShipping)) return;
    const open = this.forOrder(order.id).find((f) => FULFILLABLE.has(f.status));
    const fo = open ?? this.newFulfillmentOrder(order.id, order.updatedAt);
    this.addLines(fo, lines);
    if (open) open.updatedAt = this.changeInstant(open.updatedAt);
    this.settleFulfillmentStatus(order);
  }

  /** Units of a line shipped by fulfillments so far. */
  fulfilledQuantity(orderId: number, lineItemId: number): number {
    return this.fulfillmentsOf(orderId)
      .filter((f) => f.status === 'SUCCESS')
      .flatMap((f) => f.lines)
      .filter((l) => l.lineItemId === lineItemId)
      .reduce((sum, l) => sum + l.quantity, 0);
  }

  /** Cancelling an order closes what is still open and puts the unshipped stock back. */
  cancel(order: OrderRecord): void {
    for (const fo of this.forOrder(order.id)) {
      if (!FULFILLABLE.has(fo.status)) continue;
      for (const line of fo.lines) this.inventory.release(line.sku, fo.locationId, line.remainingQuantity);
      fo.status = 'CLOSED';
      fo.updatedAt = this.changeInstant(fo.updatedAt);
    }
  }

  forOrder(orderId: number): FulfillmentOrderRecord[] {
    return this.byOrder.get(orderId) ?? [];
  }

  fulfillmentOrder(id: number): FulfillmentOrderRecord | undefined {
    return this.byId.get(id);
  }

  fulfillmentsOf(orderId: number): FulfillmentRecord[] {
    return this.fulfillments.get(orderId) ?? [];
  }

  /**
   * fulfillmentCreate. All checks run before anything changes, so a rejected request changes
   * nothing; messages are the ones Shopify returned in the captures of notes §5.
   */
  create(request: FulfillmentRequest, order: (id: number) => OrderRecord): { ok: true; fulfillment: FulfillmentRecord } | { ok: false; userErrors: FulfillmentUserError[] } {
    const plan: { fo: FulfillmentOrderRecord; takes: { lineId: number; quantity: number }[] }[] = [];
    const errors: FulfillmentUserError[] = [];
    request.lineItemsByFulfillmentOrder.forEach((group, g) => {
      const fo = group.fulfillmentOrderId === null ? undefined : this.byId.get(group.fulfillmentOrderId);
      if (!fo) return errors.push({ field: ['fulfillment'], message: 'Fulfillment order does not exist.' });
      if (!FULFILLABLE.has(fo.status)) return errors.push({ field: ['fulfillment'], message: `Fulfillment order ${fo.id} has an unfulfillable status= ${fo.status.toLowerCase()}.` });
      const wanted = group.lines ?? fo.lines.filter((l) => l.remainingQuantity > 0).map((l) => ({ id: l.id, quantity: l.remainingQuantity }));
      const takes: { lineId: number; quantity: number }[] = [];
      wanted.forEach((w, i) => {
        const field = ['fulfillment', 'lineItemsByFulfillmentOrder', String(g), 'fulfillmentOrderLineItems', String(i), 'quantity'];
        if (w.quantity <= 0) return errors.push({ field, message: 'Quantity must be greater than 0' });
        const line = fo.lines.find((l) => l.id === w.id);
        if (!line || w.quantity > line.remainingQuantity) return errors.push({ field: ['fulfillment'], message: 'Invalid fulfillment order line item quantity requested.' });
        takes.push({ lineId: line.id, quantity: w.quantity });
      });
      plan.push({ fo, takes });
    });
    const first = plan[0]?.fo;
    if (first && plan.some((p) => p.fo.orderId !== first.orderId || p.fo.locationId !== first.locationId)) {
      errors.push({ field: ['fulfillment'], message: 'All fulfillment orders must belong to the same order and be assigned to the same location.' });
    }
    if (errors.length > 0 || !first) return { ok: false, userErrors: errors.length > 0 ? errors : [{ field: ['fulfillment'], message: 'Fulfillment order does not exist.' }] };
    return { ok: true, fulfillment: this.apply(plan, request, order(first.orderId)) };
  }

  private newFulfillmentOrder(orderId: number, at: Date): FulfillmentOrderRecord {
    const location = this.inventory.primaryLocation();
    const fo: FulfillmentOrderRecord = { id: this.ids.next('FulfillmentOrder'), orderId, locationId: location.id, status: 'OPEN', lines: [], createdAt: at, updatedAt: at };
    this.byOrder.set(orderId, [...this.forOrder(orderId), fo]);
    this.byId.set(fo.id, fo);
    return fo;
  }

  private addLines(fo: FulfillmentOrderRecord, lines: readonly LineItemRecord[]): void {
    for (const line of lines.filter((l) => l.requiresShipping)) {
      const quantity = effectiveQuantity(line);
      fo.lines.push({ id: this.ids.next('FulfillmentOrderLineItem'), lineItemId: line.id, sku: line.sku, totalQuantity: quantity, remainingQuantity: quantity });
      this.inventory.commit(line.sku, fo.locationId, quantity);
    }
  }

  /** After an edit: an order with fulfillments is fulfilled exactly when nothing is left open. */
  private settleFulfillmentStatus(order: OrderRecord): void {
    if (this.fulfillmentsOf(order.id).length === 0) return;
    order.fulfillmentStatus = this.forOrder(order.id).every((fo) => fo.status === 'CLOSED') ? 'fulfilled' : 'partial';
  }

  private apply(plan: { fo: FulfillmentOrderRecord; takes: { lineId: number; quantity: number }[] }[], request: FulfillmentRequest, order: OrderRecord): FulfillmentRecord {
    const at = this.changeInstant(order.updatedAt);
    const lines: FulfillmentRecord['lines'] = [];
    for (const { fo, takes } of plan) {
      for (const take of takes) {
        const line = fo.lines.find((l) => l.id === take.lineId);
        if (!line) continue;
        line.remainingQuantity -= take.quantity;
        this.inventory.ship(line.sku, fo.locationId, take.quantity);
        lines.push({ id: this.ids.next('FulfillmentLineItem'), lineItemId: line.lineItemId, fulfillmentOrderLineId: line.id, quantity: take.quantity });
      }
      fo.status = fo.lines.every((l) => l.remainingQuantity === 0) ? 'CLOSED' : 'IN_PROGRESS';
      fo.updatedAt = at;
    }
    const existing = this.fulfillmentsOf(order.id);
    const fulfillment: FulfillmentRecord = {
      id: this.ids.next('Fulfillment'),
      orderId: order.id,
      locationId: plan[0]?.fo.locationId ?? this.inventory.primaryLocation().id,
      name: `#${order.orderNumber}.${existing.length + 1}`,
      status: 'SUCCESS',
      tracking: request.tracking,
      lines,
      fulfillmentOrderIds: plan.map((p) => p.fo.id),
      notifyCustomer: request.notifyCustomer,
      createdAt: at,
      updatedAt: at,
    };
    this.fulfillments.set(order.id, [...existing, fulfillment]);
    const all = this.forOrder(order.id);
    order.fulfillmentStatus = all.every((fo) => fo.status === 'CLOSED') ? 'fulfilled' : 'partial';
    order.updatedAt = at;
    return fulfillment;
  }
}
