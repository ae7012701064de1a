import { contentDigest, describeFailure, expectedDocuments, orderDrift, planOrderEvent, planPayment, type DriftFinding, type ExpectedDocument, type FoundDocument, type ShopifyOrder, type ShopifyTransaction, type SyncSettings } from '@shopsync/core';
import { newestAmendment } from '../worker/apply-revision';
import type { ErpnextPort } from '../worker/erpnext-port';

export type ErpnextReads = Pick<ErpnextPort, 'findOne' | 'getDoc'>;

/** What ERPNext holds for an expected key: the document, or the newest of its amendments with its content digest. */
async function foundDocument(expected: ExpectedDocument, erpnext: ErpnextReads): Promise<FoundDocument | undefined> {
  const held = await erpnext.findOne(expected.doctype, { shopsync_key: expected.key }, ['name', 'docstatus']);
  if (held === null || held === undefined) return undefined;
  if (expected.revision === null) return { name: String(held.name), docstatus: Number(held.docstatus ?? 0), digest: null };
  const newest = await newestAmendment(expected.doctype, String(held.name), erpnext);
  const doc = await erpnext.getDoc(expected.doctype, newest);
  return { name: newest, docstatus: Number(doc.docstatus ?? 0), digest: contentDigest(doc, expected.revision.shape) };
}

export type OrderComparison = { readonly comparable: false; readonly code: string; readonly reason: string } | { readonly comparable: true; readonly findings: readonly DriftFinding[] };

/**
 * One order (and its transactions) against ERPNext: what the planner says ERPNext must hold for it —
 * planned as its orders/updated webhook would be, including a Payment Entry per transaction, whose
 * plans also ensure the order's documents, so each key is expected once — and what ERPNext holds,
 * key by key.
 */
export async function compareOrder(shop: string, order: ShopifyOrder, transactions: readonly ShopifyTransaction[], settings: SyncSettings, erpnext: ErpnextReads): Promise<OrderComparison> {
  const plan = planOrderEvent({ kind: 'order.updated', shop, order }, settings, { appliedVersion: null });
  if (plan.outcome !== 'applied') {
    if (plan.outcome === 'failed') return { comparable: false, code: plan.failure.code, reason: describeFailure(plan.failure) };
    return { comparable: false, code: `plan.${plan.outcome}`, reason: `the planner would not book it: ${plan.reason}` };
  }
  const payments = transactions.flatMap((transaction) => expectedDocuments(planPayment(shop, transaction, order, settings)));
  const expected = [...new Map([...expectedDocuments(plan), ...payments].map((document) => [document.key, document])).values()];
  const found = new Map<string, FoundDocument>();
  for (const document of expected) {
    const held = await foundDocument(document, erpnext);
    if (held !== undefined) found.set(document.key, held);
  }
  return { comparable: true, findings: orderDrift(expected, found) };
}
