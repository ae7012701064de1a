import { insertDoc } from '../model/document-service';
import { makeAutoname } from '../model/naming';
import { childRows } from '../model/new-doc';
import { findDoc, type Controller, type Ctx } from '../site/site';
import type { Doc } from '../types';

const text = (value: unknown): string => String(value ?? '').trim();

/** `append_number_if_name_exists`: "X", then "X-1", "X-2", ... */
function numbered(ctx: Ctx, doctype: string, base: string): string {
  if (!findDoc(ctx, doctype, base)) return base;
  for (let n = 1; ; n += 1) if (!findDoc(ctx, doctype, `${base}-${n}`)) return `${base}-${n}`;
}

/** Contact.autoname(): full name (or company name) + "-" + the first link's name (notes §7). */
export const contactController: Controller = {
  autoname(ctx, doc) {
    const full = [doc.first_name, doc.middle_name, doc.last_name].map(text).filter((p) => p !== '').join(' ') || text(doc.company_name);
    const link = childRows(doc, 'links')[0];
    return numbered(ctx, 'Contact', link ? `${full}-${text(link.link_name)}` : full);
  },
  validate(ctx, doc) {
    const emails = childRows(doc, 'email_ids');
    if (emails.length === 1 && emails[0]) emails[0].is_primary = 1;
    if (emails.filter((e) => Number(e.is_primary) === 1).length > 1) ctx.log.throw('Only one Email ID can be set as primary.');
    const phones = childRows(doc, 'phone_nos');
    doc.full_name = [doc.first_name, doc.middle_name, doc.last_name].map(text).filter((p) => p !== '').join(' ') || null;
    doc.email_id = emails.find((e) => Number(e.is_primary) === 1)?.email_id ?? null;
    doc.phone = phones.find((p) => Number(p.is_primary_phone) === 1)?.phone ?? null;
    doc.mobile_no = phones.find((p) => Number(p.is_primary_mobile_no) === 1)?.phone ?? null;
  },
};

/** Address.autoname(): "{address_title}-{address_type}", numbered "-1" on clashes (notes §7). */
export const addressController: Controller = {
  autoname(ctx, doc) {
    if (!text(doc.address_title)) doc.address_title = childRows(doc, 'links')[0]?.link_name ?? null;
    if (!text(doc.address_title)) ctx.log.throw('Address Title is mandatory.');
    const base = `${text(doc.address_title)}-${text(doc.address_type)}`;
    return findDoc(ctx, 'Address', base) ? makeAutoname(ctx, `${base}-.#`, doc) : base;
  },
};

/** ERPNext `make_contact` for Customer quick entry: the Contact that becomes the primary one. */
export function makePrimaryContact(ctx: Ctx, customer: Doc): string {
  const individual = customer.customer_type === 'Individual';
  const [first = '', ...rest] = text(customer.customer_name).split(/\s+/);
  const last = rest.length > 0 ? rest.pop() : undefined;
  const contact = insertDoc(ctx, 'Contact', {
    is_primary_contact: 1,
    ...(individual ? { first_name: first, middle_name: rest.join(' ') || undefined, last_name: last } : { company_name: customer.customer_name }),
    links: [{ link_doctype: 'Customer', link_name: customer.name }],
    email_ids: customer.email_id ? [{ email_id: customer.email_id, is_primary: 1 }] : [],
    phone_nos: customer.mobile_no ? [{ phone: customer.mobile_no, is_primary_mobile_no: 1 }] : [],
  });
  return contact.name;
}
