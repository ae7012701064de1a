import { planEvent, type SyncSettings } from '@shopsync/core';
import type { ErpnextSimulator, ShopifySimulator } from '@shopsync/simulators';

type Doc = Readonly<Record<string, unknown>>;

/** A child table equals when it has as many rows and each expected row's fields hold in the row at its place. */
function sameValue(expected: unknown, actual: unknown): boolean {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return false;
    return expected.every((row: Doc, index) => Object.entries(row).every(([field, value]) => sameValue(value, (actual[index] as Doc)[field])));
  }
  return String(expected ?? '') === String(actual ?? '');
}

const show = (value: unknown) => JSON.stringify(value);

/**
 * ERPNext = f(Shopify) for the fields Shopify owns (field authority): for each Shopify customer, the
 * core plans a customers/update from the customer as Shopify holds it now, and every field its
 * update operations would write must already hold that value in the document with that key —
 * Customer name, Contact names, e-mail and phone rows, Address lines. Nothing is written.
 */
export function customerFieldDrift(erp: ErpnextSimulator, shopify: ShopifySimulator, settings: SyncSettings): string[] {
  const byKey = new Map<string, Doc>();
  for (const doctype of ['Customer', 'Contact', 'Address']) for (const doc of erp.docs(doctype)) if (typeof doc.shopsync_key === 'string') byKey.set(doc.shopsync_key, doc);
  const drift: string[] = [];
  for (const id of shopify.shop.customers.keys()) {
    const plan = planEvent({ shop: shopify.shop.domain, topic: 'customers/update', payload: shopify.driver.getCustomer(id) }, settings);
    if (plan.failure !== null) {
      drift.push(`customer ${id}: the core would not plan it (${plan.failure.code})`);
      continue;
    }
    for (const op of plan.operations) {
      if (op.kind !== 'update_document') continue;
      const key = op.target.$ref;
      const doc = byKey.get(key);
      if (doc === undefined) {
        drift.push(`customer ${id}: ERPNext has no ${op.doctype} ${key}`);
        continue;
      }
      for (const [field, value] of Object.entries(op.changes)) {
        if (!sameValue(value, doc[field])) drift.push(`customer ${id}: ${op.doctype} ${String(doc.name)}.${field} is ${show(doc[field])}, Shopify says ${show(value)}`);
      }
    }
  }
  return drift;
}
