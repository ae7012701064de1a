import type { Meta } from '../meta/meta';
import { findDoc, type Ctx } from '../site/site';
import type { Doc } from '../types';
import { childRows } from './new-doc';

/**
 * `make_autoname` for dotted series keys such as "SAL-ORD-.YYYY.-.#####" (notes §7): date parts
 * expand, `{field}` reads the document, and the `#` run takes the next number for the prefix
 * built so far, padded to its width. The counter is journaled, so a failed request gives it back.
 */
export function makeAutoname(ctx: Ctx, key: string, doc: Doc): string {
  const { clock, store } = ctx.site;
  const today = clock.today();
  let name = '';
  for (const part of key.split('.')) {
    if (part.startsWith('#')) {
      name += String(store.nextInSeries(name)).padStart(part.length, '0');
    } else if (part === 'YYYY') name += today.slice(0, 4);
    else if (part === 'YY') name += today.slice(2, 4);
    else if (part === 'MM') name += today.slice(5, 7);
    else if (part === 'DD') name += today.slice(8, 10);
    else name += part.replace(/\{(\w+)\}/g, (_m, fieldname: string) => String(doc[fieldname] ?? ''));
  }
  return name;
}

/** `naming_series:`: the document's series (or the field's first option) plus ".#####". */
function byNamingSeries(ctx: Ctx, meta: Meta, doc: Doc): string {
  const options = meta.field('naming_series')?.options ?? '';
  const series = String(doc.naming_series || options.split('\n').find((o) => o !== '') || '');
  doc.naming_series = series;
  return makeAutoname(ctx, series.includes('#') ? series : `${series}.#####`, doc);
}

/** `format:PREFIX-{YYYY}-{field}-{####}`. */
function byFormat(ctx: Ctx, pattern: string, doc: Doc): string {
  const dotted = pattern.replace(/\{(#+)\}/g, '.$1.').replace(/\{(YYYY|YY|MM|DD)\}/g, '.$1.');
  return makeAutoname(ctx, dotted, doc);
}

function byField(ctx: Ctx, meta: Meta, fieldname: string, doc: Doc): string {
  const value = String(doc[fieldname] ?? '').trim();
  if (value === '') ctx.log.throw(`${meta.label(fieldname)} is required`);
  doc[fieldname] = value;
  return value;
}

/**
 * An amendment's name (Document Naming Settings "Amend Counter", notes §7): the original's name
 * plus "-1"; amending an amendment counts on ("SO-1-1" → "SO-1-2").
 */
function amendedName(ctx: Ctx, meta: Meta, amendedFrom: string): string {
  const original = findDoc(ctx, meta.name, amendedFrom);
  if (original === undefined) ctx.log.throw(`Could not find Amended From: ${amendedFrom}`, 'LinkValidationError');
  if (typeof original.amended_from !== 'string' || original.amended_from === '') return `${amendedFrom}-1`;
  const cut = amendedFrom.lastIndexOf('-');
  return `${amendedFrom.slice(0, cut)}-${Number(amendedFrom.slice(cut + 1)) + 1}`;
}

/** `set_new_name`: amended name first, then controller autoname, then the doctype's rule, else a random hash. */
export function setNewName(ctx: Ctx, meta: Meta, doc: Doc): void {
  const controller = ctx.site.controllers[meta.name];
  const rule = meta.autoname;
  if (typeof doc.amended_from === 'string' && doc.amended_from !== '') doc.name = amendedName(ctx, meta, doc.amended_from);
  else if (controller?.autoname) doc.name = controller.autoname(ctx, doc);
  else if (rule.toLowerCase() === 'prompt') doc.name = String(doc.__newname ?? '').trim();
  else if (rule.startsWith('field:')) doc.name = byField(ctx, meta, rule.slice('field:'.length), doc);
  else if (rule === 'naming_series:') doc.name = byNamingSeries(ctx, meta, doc);
  else if (rule.startsWith('format:')) doc.name = byFormat(ctx, rule.slice('format:'.length), doc);
  else if (rule === 'autoincrement') doc.name = String(ctx.site.store.nextInSeries(`autoincrement:${meta.name}`));
  else if (rule.includes('#')) doc.name = makeAutoname(ctx, rule, doc);
  else doc.name = ctx.site.randomHex(10);
  if (doc.name === '' && rule.toLowerCase() === 'prompt') ctx.log.throw(`Please set the document name`);
  delete doc.__newname;
  for (const table of meta.tables) nameChildren(ctx, doc, table.fieldname);
}

/** Child rows are always named by a fresh 10-character hash on insert (notes §2). */
export function nameChildren(ctx: Ctx, doc: Doc, fieldname: string, keep: ReadonlySet<string> = new Set()): void {
  childRows(doc, fieldname).forEach((row, index) => {
    if (!keep.has(String(row.name))) row.name = ctx.site.randomHex(10);
    row.parent = doc.name;
    row.idx = index + 1;
  });
}
