import { isDocRef, type DocValue, type Plan } from '../plan/types';
import { describeDrift, type DriftFinding } from './order-drift';
import { fieldText, sameFieldValue } from './field-values';

/** What ERPNext holds for a plan key: the document found by its shopsync_key, read in full. */
export interface HeldDocument {
  readonly name: string;
  readonly doc: Readonly<Record<string, unknown>>;
}

/** A Shopify-owned field whose ERPNext value is not Shopify's (both as a sentence shows them). */
export interface FieldDriftFinding {
  readonly key: string;
  readonly doctype: string;
  readonly name: string;
  readonly kind: 'field_differs';
  readonly field: string;
  readonly shopify: string;
  readonly erpnext: string;
}

export type CustomerDriftFinding = (DriftFinding & { readonly kind: 'missing' }) | FieldDriftFinding;

/** A plan value with its `{ $ref }`s as the ERPNext names held for them; null when one is not held. */
function resolved(value: DocValue, names: ReadonlyMap<string, string>): unknown {
  if (isDocRef(value)) return names.get(value.$ref) ?? null;
  if (Array.isArray(value)) return value.map((inner: DocValue) => resolved(inner, names));
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([field, inner]) => [field, resolved(inner, names)]));
  return value;
}

/**
 * A customer's plan (planCustomerEvent) against ERPNext: each document it ensures — Customer,
 * Contact, one Address per Shopify address id — must be held under its key, and each field its
 * update sets (exactly the fields Shopify owns under field authority) must hold Shopify's value.
 * `set_on_create` and ERPNext-owned fields are in no update, so they are never drift: ERPNext may
 * change them freely. Values compare as the worker's update compares them (sameFieldValue).
 */
export function customerDrift(plan: Plan, held: ReadonlyMap<string, HeldDocument>): CustomerDriftFinding[] {
  const names = new Map([...held].map(([key, document]) => [key, document.name]));
  const findings: CustomerDriftFinding[] = [];
  for (const op of plan.operations) {
    if (op.kind === 'ensure_document' && !held.has(op.key)) findings.push({ key: op.key, doctype: op.doctype, name: null, kind: 'missing' });
    if (op.kind !== 'update_document') continue;
    const document = held.get(op.target.$ref);
    if (document === undefined) continue;
    for (const [field, value] of Object.entries(op.changes)) {
      const wanted = resolved(value, names);
      const stored = document.doc[field];
      if (sameFieldValue(wanted, stored)) continue;
      findings.push({ key: op.target.$ref, doctype: op.doctype, name: document.name, kind: 'field_differs', field, shopify: fieldText(wanted), erpnext: fieldText(stored, wanted) });
    }
  }
  return findings;
}

/** One sentence per finding: the document, and for a field its name and both values. */
export function describeCustomerDrift(finding: CustomerDriftFinding): string {
  if (finding.kind === 'missing') return describeDrift(finding);
  return `${finding.doctype} ${finding.name}: ${finding.field} is ${finding.erpnext} in ERPNext but ${finding.shopify} in Shopify`;
}
