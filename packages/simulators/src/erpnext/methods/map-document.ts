import { CHILD_STANDARD_FIELDS, STANDARD_FIELDS } from '../meta/field-types';
import type { Meta } from '../meta/meta';
import { buildNewDoc, childRows } from '../model/new-doc';
import { requireMeta, type Ctx } from '../site/site';
import type { Doc } from '../types';

const NEVER_MAPPED = new Set<string>([...STANDARD_FIELDS, ...CHILD_STANDARD_FIELDS, 'naming_series', 'amended_from']);

/** `map_fields`: same-named columns, except no_copy ones on either side and the standard fields. */
function copyFields(source: Doc, sourceMeta: Meta, target: Doc, targetMeta: Meta, fieldMap: Readonly<Record<string, string>> = {}): void {
  for (const df of targetMeta.columns) {
    const sourceField = sourceMeta.field(df.fieldname);
    if (NEVER_MAPPED.has(df.fieldname) || df.no_copy === 1 || !sourceField || sourceField.no_copy === 1) continue;
    const value = source[df.fieldname];
    if (value !== null && value !== undefined) target[df.fieldname] = value;
  }
  for (const [from, to] of Object.entries(fieldMap)) target[to] = source[from];
}

export interface ChildMapping {
  readonly sourceTable: string;
  readonly targetTable: string;
  /** Source row field → target row field, e.g. `name` → `so_detail`. */
  readonly fieldMap: Readonly<Record<string, string>>;
  /** Keeps only rows with something left to map, and may adjust the copy (e.g. the pending qty). */
  readonly adjust: (sourceRow: Doc, targetRow: Doc) => boolean;
}

/**
 * `frappe.model.mapper.get_mapped_doc`: the source must satisfy `docstatus=1`, else the mapper's
 * ValidationError (notes §5); the result is an unsaved draft marked `__islocal` / `__unsaved`.
 */
export function mapDocument(ctx: Ctx, source: Doc, targetDoctype: string, child: ChildMapping): Doc {
  if (source.docstatus !== 1) ctx.log.throw('Cannot map because following condition fails: docstatus=1');
  const sourceMeta = requireMeta(ctx, String(source.doctype));
  const targetMeta = requireMeta(ctx, targetDoctype);
  const target = buildNewDoc(ctx, targetMeta, {});
  copyFields(source, sourceMeta, target, targetMeta);
  const sourceChild = requireMeta(ctx, sourceMeta.field(child.sourceTable)?.options ?? '');
  const targetTable = targetMeta.field(child.targetTable);
  const targetChild = requireMeta(ctx, targetTable?.options ?? '');
  const rows: Doc[] = [];
  for (const sourceRow of childRows(source, child.sourceTable)) {
    const row = buildNewDoc(ctx, targetChild, {});
    delete row.owner;
    copyFields(sourceRow, sourceChild, row, targetChild, child.fieldMap);
    if (!child.adjust(sourceRow, row)) continue;
    Object.assign(row, { idx: rows.length + 1, parentfield: child.targetTable, parenttype: targetDoctype, docstatus: 0 });
    rows.push(row);
  }
  target[child.targetTable] = rows;
  if (targetMeta.field('taxes') && sourceMeta.field('taxes')) {
    const taxMeta = requireMeta(ctx, 'Sales Taxes and Charges');
    target.taxes = childRows(source, 'taxes').map((tax, index) => {
      const row = buildNewDoc(ctx, taxMeta, {});
      copyFields(tax, taxMeta, row, taxMeta);
      return { ...row, idx: index + 1, parentfield: 'taxes', parenttype: targetDoctype };
    });
  }
  target.__islocal = 1;
  target.__unsaved = 1;
  return target;
}
