import type { Meta } from '../meta/meta';
import { requireMeta, type Ctx } from '../site/site';
import type { Doc, FieldDef } from '../types';
import { frappeBold } from '../wire/message-log';
import { childRows } from './new-doc';

const same = (a: unknown, b: unknown): boolean => (a ?? null) === (b ?? null) || String(a ?? '') === String(b ?? '');

function firstChange(meta: Meta, before: Doc, after: Doc): FieldDef | undefined {
  return meta.columns.find((df) => df.allow_on_submit !== 1 && !same(before[df.fieldname], after[df.fieldname]));
}

function refuse(ctx: Ctx, prefix: string, df: FieldDef, from: unknown, to: unknown): never {
  ctx.log.throw(
    `${prefix}Not allowed to change ${frappeBold(df.label ?? df.fieldname)} after submission from ${frappeBold(String(from ?? ''))} to ${frappeBold(String(to ?? ''))}`,
    'UpdateAfterSubmitError',
    { title: 'Cannot Update After Submit' },
  );
}

/**
 * `validate_update_after_submit`: a submitted document may only change fields marked
 * "allow on submit" (e.g. `po_no`); anything else is a 417 UpdateAfterSubmitError.
 */
export function validateUpdateAfterSubmit(ctx: Ctx, meta: Meta, before: Doc, after: Doc): void {
  const changed = firstChange(meta, before, after);
  if (changed) refuse(ctx, '', changed, before[changed.fieldname], after[changed.fieldname]);
  for (const table of meta.tables) {
    if (table.allow_on_submit === 1) continue;
    const childMeta = requireMeta(ctx, table.options ?? '');
    const old = childRows(before, table.fieldname);
    const rows = childRows(after, table.fieldname);
    rows.forEach((row, index) => {
      const previous = old.find((o) => o.name === row.name);
      const prefix = `Row #${index + 1}: `;
      // A new or re-ordered row on a submitted document changes the table itself.
      if (!previous) refuse(ctx, prefix, table, '', row.item_code ?? row.name);
      const diff = firstChange(childMeta, previous, row);
      if (diff) refuse(ctx, prefix, diff, previous[diff.fieldname], row[diff.fieldname]);
    });
    if (rows.length < old.length) refuse(ctx, '', table, old.length, rows.length);
  }
}
