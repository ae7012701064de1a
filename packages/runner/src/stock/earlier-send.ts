import type { FulfillmentOrder } from '@shopsync/shopify-client';
import type { EvidenceRecord } from '../store/store';

// fulfillmentCreate has no idempotency key: a Delivery Note's event remembers, in its own evidence,
// what each send found remaining and what it got back, so the next attempt knows what an earlier one did.

/** Fulfillment orders a fulfillment can be created in (as the client's planFulfillment counts them). */
const FULFILLABLE: ReadonlySet<string> = new Set(['OPEN', 'IN_PROGRESS']);

export type EarlierAttempt = { readonly step: 'fulfillment_created'; readonly fulfillments: string[] } | { readonly step: 'fulfillment_sending'; readonly remaining: Record<string, number> };

/** The last send this event's evidence shows, when an earlier attempt got that far (null: none did). */
export function earlierAttempt(trail: readonly EvidenceRecord[]): EarlierAttempt | null {
  for (const row of [...trail].reverse()) {
    if (row.kind !== 'operation') continue;
    const data = row.data as { step?: string; fulfillments?: string[]; remaining?: Record<string, number> };
    if (data.step === 'fulfillment_created') return { step: data.step, fulfillments: data.fulfillments ?? [] };
    if (data.step === 'fulfillment_sending') return { step: data.step, remaining: data.remaining ?? {} };
  }
  return null;
}

/** Units each line item still has to fulfil in fulfillment orders that can take a fulfillment (what a send may use up). */
export function remainingByLine(fulfillmentOrders: readonly FulfillmentOrder[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const fo of fulfillmentOrders) {
    if (!FULFILLABLE.has(fo.status)) continue;
    for (const item of fo.lineItems.nodes) out.set(item.lineItem.id, (out.get(item.lineItem.id) ?? 0) + item.remainingQuantity);
  }
  return out;
}
