import { collate, requireMeta, type Ctx } from '../site/site';
import type { Doc } from '../types';
import { childRows } from './new-doc';

export interface LinkRef {
  readonly doctype: string;
  readonly name: string;
  readonly fieldname: string;
}

/**
 * Documents whose Link fields (their own or in a child row) point at `doctype`/`name`: what
 * `check_no_back_links_exist` (cancel) and `check_if_doc_is_linked` (delete) look for.
 */
export function findBackLinks(ctx: Ctx, doctype: string, name: string, options: { submittedOnly: boolean; ignoreFields?: readonly string[] }): LinkRef[] {
  const refs: LinkRef[] = [];
  const key = collate(name);
  const ignored = new Set(options.ignoreFields ?? []);
  const linksIn = (meta: ReturnType<typeof requireMeta>) => meta.columns.filter((df) => df.fieldtype === 'Link' && df.options === doctype && !ignored.has(df.fieldname));
  for (const other of ctx.site.registry.names()) {
    const meta = requireMeta(ctx, other);
    if (meta.isTable) continue;
    const own = linksIn(meta);
    const tables = meta.tables.map((t) => ({ table: t.fieldname, links: linksIn(requireMeta(ctx, t.options ?? '')) })).filter((t) => t.links.length > 0);
    if (own.length === 0 && tables.length === 0) continue;
    for (const doc of ctx.site.store.scan(other)) {
      if (options.submittedOnly && doc.docstatus !== 1) continue;
      if (other === doctype && collate(doc.name) === key) continue;
      const hit = (row: Doc, fields: typeof own) => fields.find((df) => collate(row[df.fieldname]) === key && row[df.fieldname]);
      const direct = hit(doc, own);
      const viaChild = direct ? undefined : tables.map((t) => childRows(doc, t.table).map((row) => hit(row, t.links)).find(Boolean)).find(Boolean);
      const df = direct ?? viaChild;
      if (df) refs.push({ doctype: other, name: doc.name, fieldname: df.fieldname });
    }
  }
  return refs;
}

/** `raise_link_exists_exception`, trailing space included (the empty `row` argument). */
export function throwLinkExists(ctx: Ctx, doctype: string, name: string, ref: LinkRef): never {
  const link = (dt: string, dn: string) => `<a href="/app/Form/${dt}/${dn}">${dn}</a>`;
  ctx.log.throw(`Cannot delete or cancel because ${doctype} ${link(doctype, name)} is linked with ${ref.doctype} ${link(ref.doctype, ref.name)} `, 'LinkExistsError');
}
