import { fulfillmentOfDeliveryNote, subjectOf, type DeliveryNoteDoc } from '@shopsync/core';
import type { ClaimedEvent } from '../store/store';
import { legacyId, type PushDeps, type PushVerdict } from './push-deps';

/** The ledger key of the fulfillment a Delivery Note became, and the reverse key an echo is recognised by. */
export const fulfillmentKey = (shop: string, deliveryNote: string): string => `fulfillment:${shop}:${deliveryNote}`;
export const fulfillmentEchoKey = (shop: string, fulfillmentId: string): string => `fulfillment-made:${shop}:${legacyId(fulfillmentId)}`;
const SHOPIFY_FULFILLMENT = 'Shopify Fulfillment';

/** Shopify line ids of the Sales Order Items the note's rows deliver, for rows that do not carry their own. */
async function soLineIds(note: DeliveryNoteDoc, deps: PushDeps): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const orders = [...new Set(note.items.filter((row) => !row.shopify_line_item_id && row.against_sales_order).map((row) => String(row.against_sales_order)))];
  for (const name of orders) {
    const order = await deps.erpnext.getDoc<Record<string, unknown>>('Sales Order', name);
    for (const row of (order.items as Array<Record<string, unknown>> | undefined) ?? []) if (row.shopify_line_item_id) out.set(String(row.name), String(row.shopify_line_item_id));
  }
  return out;
}

/**
 * With ERPNext as the fulfillment authority, a submitted Delivery Note of a Shopify order becomes one
 * fulfillment of its lines (capped at what remains; tracking from lr_no and transporter_name), once:
 * the fulfillment is remembered under the note's key. fulfillmentCreate has no idempotency, so a
 * replay after a lost response re-reads the fulfillment orders first, and lines already fulfilled have
 * nothing left. A cancelled note is a conflict: a fulfillment is cancelled by a person, not silently.
 */
export async function processDeliveryNote(event: ClaimedEvent, payload: { name: string }, deps: PushDeps): Promise<PushVerdict> {
  if (deps.settings.fulfillmentAuthority !== 'erpnext') return { status: 'skipped', reason: 'Shopify is the fulfillment authority: Delivery Notes are not sent to Shopify' };
  const key = fulfillmentKey(event.shop, payload.name);
  const made = await deps.store.findOperation(key);
  if (event.topic === 'delivery_notes/cancelled') {
    if (made === null) return { status: 'skipped', reason: `Delivery Note ${payload.name} was cancelled before it became a Shopify fulfillment` };
    return { failure: { code: 'conflict.delivery_note_cancelled', category: 'conflict', retryable: false, subject: subjectOf(event.topic, payload), params: { fulfillment: made.name } } };
  }
  if (made !== null) return { status: 'skipped', reason: `Delivery Note ${payload.name} is already Shopify fulfillment ${made.name}` };
  const note = await deps.erpnext.getDoc<DeliveryNoteDoc & Record<string, unknown>>('Delivery Note', payload.name);
  const decision = fulfillmentOfDeliveryNote(note, await soLineIds(note, deps));
  if (decision.kind === 'cancelled') return { status: 'skipped', reason: `Delivery Note ${payload.name} is cancelled; its cancellation is its own event` };
  if (decision.kind === 'skip') return { status: 'skipped', reason: decision.reason };
  const { request } = decision;
  await deps.store.addEvidence(event.claim.inboxId, 'plan', { kind: 'fulfillment', deliveryNote: payload.name, ...request }, deps.now());
  if (deps.mode === 'shadow') return { status: 'skipped', reason: 'shadow mode (fulfillment): the fulfillment is recorded, nothing was sent' };
  const orderGid = `gid://shopify/Order/${request.orderId}`;
  const lines = request.lines.map((line) => ({ lineItemId: `gid://shopify/LineItem/${line.lineItemId}`, quantity: line.quantity }));
  await deps.store.addEvidence(event.claim.inboxId, 'operation', { step: 'fulfillment_sending', orderId: orderGid, lines, tracking: request.tracking }, deps.now());
  const result = await deps.shopify.fulfillments.create({ orderId: orderGid, lines, tracking: request.tracking, notifyCustomer: false });
  const [first] = result.fulfillments;
  await deps.store.addEvidence(event.claim.inboxId, 'operation', { step: 'fulfillment_created', fulfillments: result.fulfillments.map((f) => f.id), shortfalls: result.shortfalls }, deps.now());
  if (first === undefined) {
    await deps.store.recordOperation(key, { doctype: SHOPIFY_FULFILLMENT, name: 'none: nothing left to fulfil' }, event.claim.inboxId, deps.now());
    return { status: 'skipped', reason: `nothing of Delivery Note ${payload.name} was left to fulfil in Shopify (already fulfilled)` };
  }
  for (const fulfillment of result.fulfillments) await deps.store.recordOperation(fulfillmentEchoKey(event.shop, fulfillment.id), { doctype: 'Delivery Note', name: payload.name }, event.claim.inboxId, deps.now());
  await deps.store.recordOperation(key, { doctype: SHOPIFY_FULFILLMENT, name: result.fulfillments.map((f) => f.id).join(', ') }, event.claim.inboxId, deps.now());
  return { status: 'applied', reason: null };
}
