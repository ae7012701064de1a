import { parseResourceKey, subjectOf, subjectText, type FailureSubject } from '@shopsync/core';
import type { EventRecord, EvidenceRecord } from '../store/store';

const DATA_MAX = 140;
const SUBJECT_KINDS: ReadonlySet<string> = new Set(['order', 'customer', 'stock', 'delivery_note', 'event']);

/** Where an operator opens the subject in Shopify's admin; stock and Delivery Notes have no page of their own. */
export function shopifyAdminUrl(shop: string | null, subject: FailureSubject): string | null {
  if (shop === null || shop === '' || subject.shopifyId === undefined || !/^\d+$/.test(subject.shopifyId)) return null;
  if (subject.kind === 'order') return `https://${shop}/admin/orders/${subject.shopifyId}`;
  if (subject.kind === 'customer') return `https://${shop}/admin/customers/${subject.shopifyId}`;
  return null;
}

/** A subject as a failure's details hold it (JSON from the store), or null for anything else. */
export function storedSubject(value: unknown): FailureSubject | null {
  if (typeof value !== 'object' || value === null) return null;
  const { kind, label, shopifyId } = value as Record<string, unknown>;
  if (typeof kind !== 'string' || !SUBJECT_KINDS.has(kind) || typeof label !== 'string' || label === '') return null;
  return { kind: kind as FailureSubject['kind'], label, ...(typeof shopifyId === 'string' && shopifyId !== '' ? { shopifyId } : {}) };
}

/** What a Sync Log is about, read from its event's payload as the failure sentence reads it. */
export function payloadSubject(event: Pick<EventRecord, 'topic' | 'payload'> | null): FailureSubject | null {
  if (event === null) return null;
  let payload: unknown;
  try {
    payload = JSON.parse(event.payload);
  } catch {
    payload = null;
  }
  return subjectOf(event.topic, payload);
}

/** The shop of an event, else of a resource key (`shop/kind/id`). */
export function shopOf(event: Pick<EventRecord, 'shop'> | null, resourceKey: string): string | null {
  return event?.shop ?? parseResourceKey(resourceKey)?.shop ?? null;
}

/** The `subject`, `shopify_id` and `shopify_admin_url` fields of a Sync Log or Sync Failure entry. */
export function subjectFields(subject: FailureSubject | null, shop: string | null): Record<string, string> {
  if (subject === null) return {};
  const url = shopifyAdminUrl(shop, subject);
  return {
    subject: subjectText(subject).slice(0, DATA_MAX),
    ...(subject.shopifyId === undefined ? {} : { shopify_id: subject.shopifyId.slice(0, DATA_MAX) }),
    ...(url === null || url.length > DATA_MAX ? {} : { shopify_admin_url: url }),
  };
}

/** The ERPNext document an event's trail is about: the Sales Order it made or adopted, else the last document. */
export function referenceOf(evidence: readonly EvidenceRecord[]): { reference_doctype: string; reference_name: string } | Record<string, never> {
  const operations = evidence.filter((row) => row.kind === 'operation').map((row) => row.data as { doctype?: unknown; name?: unknown });
  const salesOrder = operations.find((data) => data.doctype === 'Sales Order');
  const chosen = salesOrder ?? operations.at(-1);
  return documentRef(chosen?.doctype, chosen?.name) ?? {};
}

/** A doctype and name, both non-blank text that fit a Data column, as reference fields; else null. */
export function documentRef(doctype: unknown, name: unknown): { reference_doctype: string; reference_name: string } | null {
  if (typeof doctype !== 'string' || typeof name !== 'string' || doctype === '' || name === '') return null;
  if (doctype.length > DATA_MAX || name.length > DATA_MAX) return null;
  return { reference_doctype: doctype, reference_name: name };
}
