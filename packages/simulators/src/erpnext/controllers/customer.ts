import { findDoc, type Controller, type Ctx } from '../site/site';
import type { Doc } from '../types';
import { FrappeError } from '../wire/frappe-error';
import { makePrimaryContact } from './party-records';

/**
 * Customer.autoname() with Selling Settings "Customer Name" (the default): the name is the
 * customer name, and a clash becomes "X - n" with a yellow "Note" msgprint — a 200, not an error
 * (notes §7), which is why nothing may key on Customer.name.
 */
function customerName(ctx: Ctx, doc: Doc): string {
  // autoname runs before the mandatory check and calls customer_name.strip(): without the key the
  // request dies with a Python AttributeError, a 500 (observed on v15), not a MandatoryError.
  if (doc.customer_name === null || doc.customer_name === undefined) {
    throw new FrappeError({ excType: 'AttributeError', excArg: "'NoneType' object has no attribute 'strip'", fromErpnext: true });
  }
  const base = String(doc.customer_name).trim();
  if (!findDoc(ctx, 'Customer', base)) return base;
  // SQL: MAX(CAST(SUBSTRING_INDEX(name, ' ', -1) AS UNSIGNED)) over names LIKE '%{base} - %'.
  let highest = 0;
  const needle = `${base} - `.toLowerCase();
  for (const other of ctx.site.store.scan('Customer')) {
    if (!other.name.toLowerCase().includes(needle)) continue;
    const last = Number.parseInt(other.name.split(' ').pop() ?? '', 10);
    if (Number.isFinite(last)) highest = Math.max(highest, last);
  }
  const name = `${base} - ${highest + 1}`;
  ctx.log.msgprint(`Changed customer name to '${name}' as '${base}' already exists.`, { title: 'Note', indicator: 'yellow' });
  return name;
}

export const customerController: Controller = {
  autoname: customerName,
  validate(_ctx, doc) {
    // validate_internal_customer: only internal customers represent a company.
    if (Number(doc.is_internal_customer ?? 0) !== 1) doc.represents_company = null;
  },
  afterSave(ctx, doc, phase) {
    // Quick entry (Customer.on_update): an email or mobile number in the body creates the Contact.
    if (!phase.isNew || doc.customer_primary_contact || !(doc.email_id || doc.mobile_no)) return doc;
    doc.customer_primary_contact = makePrimaryContact(ctx, doc);
    ctx.site.store.put('Customer', doc);
    return doc;
  },
};
