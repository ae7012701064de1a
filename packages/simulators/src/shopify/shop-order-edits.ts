import { chooseLine, newLineItem, type LineChoice } from './line-item-record';
import { currentQuantity } from './line-quantities';
import { priceOrderLines } from './order-pricing';
import type { OrderShop } from './order-shop';
import { ShopifySimulatorInputError, type OrderLineInput } from './shop-inputs';
import type { LineItemRecord, OrderEditRecord, OrderRecord, ShopifyFinancialStatus } from './types';

export interface EditOrderInput {
  /** Units to take off existing lines. */
  removals?: { lineItemId: number; quantity: number }[];
  /** New lines, priced from the catalogue unless `price` is given. */
  additions?: OrderLineInput[];
}

/**
 * Shopify's "Edit order", committed at once: removed units leave the line (its `quantity` stays),
 * added units are new lines, and the order is re-priced on what it now holds, so the code discount
 * is spread again. Everything is checked before anything changes.
 */
export function editOrder(shop: OrderShop, order: OrderRecord, input: EditOrderInput): OrderEditRecord {
  if (order.cancelledAt) throw new ShopifySimulatorInputError('id', `order ${order.id} is cancelled and cannot be edited`);
  const removals = removalsByLine(shop, order, input.removals ?? []);
  const additions = (input.additions ?? []).map((addition) => chooseLine(shop, addition, 'additions'));
  if (removals.size === 0 && additions.length === 0) throw new ShopifySimulatorInputError('removals', 'an edit needs at least one removal or addition');
  const id = shop.ids.next('OrderEdit');
  order.updatedAt = shop.changeInstant(order.updatedAt);
  for (const [line, quantity] of removals) removeUnits(shop, order, line, quantity);
  const added = addLines(shop, order, additions);
  order.financialStatus = financialStatusAfterEdit(order, shop.transactions.outstandingCents(order));
  const edit: OrderEditRecord = {
    id,
    committedAt: order.updatedAt,
    additions: added.map((line) => ({ lineItemId: line.id, delta: line.quantity })),
    removals: [...removals].map(([line, quantity]) => ({ lineItemId: line.id, delta: quantity })),
  };
  order.edits.push(edit);
  return edit;
}

/** Units of a line an edit may still remove: neither removed, refunded nor fulfilled already. */
function removableQuantity(shop: OrderShop, order: OrderRecord, line: LineItemRecord): number {
  return currentQuantity(order, line) - shop.fulfillment.fulfilledQuantity(order.id, line.id);
}

function removalsByLine(shop: OrderShop, order: OrderRecord, removals: readonly { lineItemId: number; quantity: number }[]): Map<LineItemRecord, number> {
  const byLine = new Map<LineItemRecord, number>();
  for (const removal of removals) {
    const line = order.lines.find((candidate) => candidate.id === removal.lineItemId);
    if (!line) throw new ShopifySimulatorInputError('removals.lineItemId', `order ${order.id} has no line item ${removal.lineItemId}`);
    if (!Number.isInteger(removal.quantity) || removal.quantity < 1) {
      throw new ShopifySimulatorInputError('removals.quantity', `quantity must be a positive integer, received ${removal.quantity}`);
    }
    const total = (byLine.get(line) ?? 0) + removal.quantity;
    const removable = removableQuantity(shop, order, line);
    if (total > removable) throw new ShopifySimulatorInputError('removals.quantity', `cannot remove ${total} of line item ${line.id} (${line.sku}): ${removable} removable`);
    byLine.set(line, total);
  }
  return byLine;
}

function removeUnits(shop: OrderShop, order: OrderRecord, line: LineItemRecord, quantity: number): void {
  line.removedQuantity += quantity;
  shop.fulfillment.removeUnits(order, line.id, quantity);
}

/** Adds the new lines and re-prices every line on the units it now holds; returns the new lines. */
function addLines(shop: OrderShop, order: OrderRecord, choices: readonly LineChoice[]): LineItemRecord[] {
  const fresh = choices.map((choice) => newLineItem(shop, choice));
  const priced = priceOrderLines([...order.lines, ...fresh], order.shippingLines, order.discount, order.tax);
  order.lines = priced.lines;
  order.shippingLines = priced.shippingLines;
  const added = order.lines.slice(order.lines.length - fresh.length);
  shop.fulfillment.addEditedLines(order, added);
  return added;
}

/** Unpaid orders keep their status (they will be paid at the new total); paid ones owe or are owed the difference. */
function financialStatusAfterEdit(order: OrderRecord, outstandingCents: number): ShopifyFinancialStatus {
  const status = order.financialStatus;
  if (status === 'pending' || status === 'authorized') return status;
  if (outstandingCents > 0) return 'partially_paid';
  if (status !== 'partially_paid') return status;
  return order.refunds.length > 0 ? 'partially_refunded' : 'paid';
}
