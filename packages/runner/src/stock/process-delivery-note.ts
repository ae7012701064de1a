import { coreFailure, fulfillmentOfDeliveryNote, subjectOf, unsentLines, type DeliveryNoteDoc, type SalesOrderLinks } from '@shopsync/core';
import type { ClaimedEvent } from '../store/store';
import { earlierAttempt, remainingByLine } from './earlier-send';
import { legacyId, type PushDeps, type PushVerdict } from './push-deps';

/** The ledger key of the fulfillment a Delivery Note became, and the reverse key an echo is recognised by. */
export const fulfillmentKey = (shop: string, deliveryNote: string): string => `fulfillment:${shop}:${deliveryNote}`;
export const fulfillmentEchoKey = (shop: string, fulfillmentId: string): string => `fulfillment-made:${shop}:${legacyId(fulfillmentId)}`;
const SHOPIFY_FULFILLMENT = 'Shopify Fulfillment';
/** The ledger name of a note whose lines had nothing left to fulfil when it came. */
const NOTHING_SENT = 'none: nothing left to fulfil';

/**
 * The Sales Orders the note's rows deliver: the Shopify order each books (make_delivery_note does not
 * copy the header's shopify_order_id, so this is how a note finds its order) and the Shopify line ids
 * of their rows, for rows that do not carry their own.
 */
async function salesOrderLinks(note: DeliveryNoteDoc, deps: PushDeps): Promise<SalesOrderLinks> {
  const orders = new Map<string, { shopifyOrderId: string | null; shop: string | null }>();
  const lineIds = new Map<string, string>();
  for (const name of new Set(note.items.map((row) => row.against_sales_order ?? '').filter((name) => name !== ''))) {
    const order = await deps.erpnext.getDoc<Record<string, unknown>>('Sales Order', name);
    orders.set(name, { shopifyOrderId: order.shopify_order_id ? String(order.shopify_order_id) : null, shop: order.shopify_shop ? String(order.shopify_shop) : null });
    for (const row of (order.items as Array<Record<string, unknown>> | undefined) ?? []) if (row.shopify_line_item_id) lineIds.set(String(row.name), String(row.shopify_line_item_id));
  }
  return { orders, lineIds };
}

/**
 * With ERPNext as the fulfillment authority, a submitted Delivery Note of a Shopify order becomes one
 * fulfillment of its lines (capped at what remains; tracking from lr_no and transporter_name), once:
 * the fulfillment is remembered under the note's key. fulfillmentCreate has no idempotency: each send
 * records what its lines had remaining first, and an attempt after a send whose answer was lost sends
 * only what has not left the lines since (unsent-lines.ts). A cancelled note is a conflict: a
 * fulfillment is cancelled by a person, not silently.
 */
export async function processDeliveryNote(event: ClaimedEvent, payload: { name: string }, deps: PushDeps): Promise<PushVerdict> {
  if (deps.settings.fulfillmentAuthority !== 'erpnext') return { status: 'skipped', reason: 'Shopify is the fulfillment authority: Delivery Notes are not sent to Shopify' };
  const key = fulfillmentKey(event.shop, payload.name);
  const made = await deps.store.findOperation(key);
  if (event.topic === 'delivery_notes/cancelled') {
    if (made === null) return { status: 'skipped', reason: `Delivery Note ${payload.name} was cancelled before it became a Shopify fulfillment` };
    // Its lines were already fulfilled in Shopify when it came: no fulfillment of shopsync's stands for it.
    if (made.name === NOTHING_SENT) return { status: 'skipped', reason: `Delivery Note ${payload.name} was cancelled; it never became a Shopify fulfillment (nothing was left to fulfil)` };
    return { failure: coreFailure('conflict.delivery_note_cancelled', subjectOf(event.topic, payload), { fulfillment: made.name }) };
  }
  if (made !== null) return { status: 'skipped', reason: `Delivery Note ${payload.name} is already Shopify fulfillment ${made.name}` };
  const note = await deps.erpnext.getDoc<DeliveryNoteDoc & Record<string, unknown>>('Delivery Note', payload.name);
  const decision = fulfillmentOfDeliveryNote(note, await salesOrderLinks(note, deps), event.shop);
  if (decision.kind === 'cancelled') return { status: 'skipped', reason: `Delivery Note ${payload.name} is cancelled; its cancellation is its own event` };
  if (decision.kind === 'skip') return { status: 'skipped', reason: decision.reason };
  const { request } = decision;
  await deps.store.addEvidence(event.claim.inboxId, 'plan', { kind: 'fulfillment', deliveryNote: payload.name, ...request }, deps.now());
  if (deps.mode === 'shadow') return { status: 'skipped', reason: 'shadow mode (fulfillment): the fulfillment is recorded, nothing was sent' };
  const orderGid = `gid://shopify/Order/${request.orderId}`;
  const requested = request.lines.map((line) => ({ lineItemId: `gid://shopify/LineItem/${line.lineItemId}`, quantity: line.quantity }));
  const earlier = earlierAttempt(await deps.store.evidence(event.claim.inboxId));
  // Sent and answered, but the ledger key was not written (a crash in between): adopt that answer.
  if (earlier?.step === 'fulfillment_created') return settle(event, payload.name, earlier.fulfillments, deps);
  const remaining = remainingByLine(await deps.shopify.orders.fulfillmentOrders(orderGid));
  const lines = earlier?.step === 'fulfillment_sending' ? unsentLines(requested, earlier.remaining, remaining) : requested;
  if (lines.length === 0) {
    await deps.store.recordOperation(key, { doctype: SHOPIFY_FULFILLMENT, name: 'sent by an earlier attempt whose answer was lost' }, event.claim.inboxId, deps.now());
    return { status: 'applied', reason: `Delivery Note ${payload.name} reached Shopify in an earlier attempt whose answer was lost: nothing sent again` };
  }
  await deps.store.addEvidence(event.claim.inboxId, 'operation', { step: 'fulfillment_sending', orderId: orderGid, lines, tracking: request.tracking, remaining: Object.fromEntries(remaining) }, deps.now());
  const result = await deps.shopify.fulfillments.create({ orderId: orderGid, lines, tracking: request.tracking, notifyCustomer: false });
  const fulfillments = result.fulfillments.map((f) => f.id);
  await deps.store.addEvidence(event.claim.inboxId, 'operation', { step: 'fulfillment_created', fulfillments, shortfalls: result.shortfalls }, deps.now());
  return settle(event, payload.name, fulfillments, deps);
}

/** The note's fulfillments remembered: under the note's key (made once) and each under its echo key. */
async function settle(event: ClaimedEvent, deliveryNote: string, fulfillments: readonly string[], deps: PushDeps): Promise<PushVerdict> {
  const key = fulfillmentKey(event.shop, deliveryNote);
  if (fulfillments.length === 0) {
    await deps.store.recordOperation(key, { doctype: SHOPIFY_FULFILLMENT, name: NOTHING_SENT }, event.claim.inboxId, deps.now());
    return { status: 'skipped', reason: `nothing of Delivery Note ${deliveryNote} was left to fulfil in Shopify (already fulfilled)` };
  }
  for (const id of fulfillments) await deps.store.recordOperation(fulfillmentEchoKey(event.shop, id), { doctype: 'Delivery Note', name: deliveryNote }, event.claim.inboxId, deps.now());
  await deps.store.recordOperation(key, { doctype: SHOPIFY_FULFILLMENT, name: fulfillments.join(', ') }, event.claim.inboxId, deps.now());
  return { status: 'applied', reason: null };
}
