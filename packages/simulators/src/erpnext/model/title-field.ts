import type { Meta } from '../meta/meta';
import type { Doc } from '../types';

/**
 * `Document.set_title_field` (frappe/model/document.py), at the end of the before-save methods:
 * when the title field is `title`, its `options` template is formatted on every save, else its
 * `default` template once, for a new document without a title. "{customer_name}" takes the
 * document's value ("" for None), as Python's str.format over `as_dict()` does.
 */
export function setTitleField(meta: Meta, doc: Doc, isNew: boolean): void {
  if (meta.def.title_field !== 'title') return;
  const df = meta.field('title');
  if (!df) return;
  const format = (template: string): string => template.replace(/\{(\w+)\}/g, (_m, key: string) => (doc[key] === null || doc[key] === undefined ? '' : String(doc[key])));
  if (df.options) doc.title = format(df.options);
  else if (isNew && !doc.title && df.default) doc.title = format(df.default);
}
