import { toField } from '../meta/shopsync-app-meta';
import { collate, DOC_ACTIONS, type Controller, type Ctx } from '../site/site';
import type { Doc, FieldDef } from '../types';
import { FrappeError } from '../wire/frappe-error';
import { frappeBold } from '../wire/message-log';

// CustomField.set_fieldname (frappe/custom/doctype/custom_field/custom_field.py, v15).
const RESTRICTED = new Set(['name', 'parent', 'creation', 'modified', 'modified_by', 'parentfield', 'parenttype', 'file_list', 'flags', 'docstatus']);
const BREAKS = new Set(['Section Break', 'Column Break', 'Tab Break']);

/**
 * `set_fieldname`: without a fieldname, "custom_" + the label with spaces as "_" and everything but
 * letters, digits and "_" dropped; any fieldname is then lowercased, and a restricted one gets "1".
 */
function setFieldname(ctx: Ctx, doc: Doc): void {
  let fieldname = typeof doc.fieldname === 'string' ? doc.fieldname : '';
  if (fieldname === '') {
    let label = typeof doc.label === 'string' ? doc.label : '';
    if (label === '') {
      if (!BREAKS.has(String(doc.fieldtype))) ctx.log.throw('Label is mandatory');
      label = `${String(doc.fieldtype)}_${ctx.site.randomHex(5)}`;
    }
    fieldname = `custom_${[...label.replace(/ /g, '_')].filter((c) => /[\p{L}\p{Nd}_]/u.test(c)).join('')}`;
  }
  fieldname = fieldname.toLowerCase();
  doc.fieldname = RESTRICTED.has(fieldname) ? `${fieldname}1` : fieldname;
}

/**
 * `updatedb` adds `UNIQUE INDEX (fieldname)` for a unique field; on duplicate values MariaDB refuses
 * it and frappe/database/mariadb/schema.py throws. `sql_ddl` committed before the ALTER, so the
 * Custom Field stays saved as unique while the column has no index: nothing enforces it.
 */
function refuseNonUnique(ctx: Ctx, dt: string, df: FieldDef): void {
  const seen = new Set<string>();
  for (const doc of ctx.site.store.scan(dt)) {
    const value = doc[df.fieldname];
    if (value === null || value === undefined || value === '') continue;
    if (!seen.has(collate(value))) {
      seen.add(collate(value));
      continue;
    }
    ctx.site.registry.setCustomField(dt, { ...df, unique: 0 });
    ctx.log.throw(`${df.fieldname} field cannot be set as unique in tab${dt}, as there are non-unique existing values`);
  }
}

/**
 * Frappe's CustomField controller: named "{dt}-{fieldname}", refused when the doctype already has a
 * field of that name, and on save the field joins the doctype's meta at once (`on_update` →
 * `updatedb`, DDL that commits the request so far). Deleting drops it from the meta again.
 */
export const customFieldController: Controller = {
  // `dt` links to DocType, which the simulator keeps as its registry: _validate_links' message.
  prepare(ctx, doc) {
    if (doc.dt && !ctx.site.registry.get(String(doc.dt))) ctx.log.throw(`Could not find DocType: ${String(doc.dt)}`, 'LinkValidationError');
  },
  autoname(ctx, doc) {
    setFieldname(ctx, doc);
    // `self.dt + "-" + self.fieldname` with no dt: Python's TypeError, a 500 (not a MandatoryError).
    if (doc.dt === null || doc.dt === undefined) throw new FrappeError({ excType: 'TypeError', excArg: "unsupported operand type(s) for +: 'NoneType' and 'str'" });
    return `${String(doc.dt)}-${String(doc.fieldname)}`;
  },
  validate(ctx, doc, phase) {
    const meta = ctx.site.registry.get(String(doc.dt));
    if (meta && (phase.isNew || doc.insert_after === 'append')) {
      const fieldnames = meta.fields.map((df) => df.fieldname);
      if (phase.isNew && fieldnames.includes(String(doc.fieldname))) ctx.log.throw(`A field with the name ${frappeBold(String(doc.fieldname))} already exists in ${String(doc.dt)}`);
      if (doc.insert_after === 'append') doc.insert_after = fieldnames[fieldnames.length - 1] ?? null;
      const after = fieldnames.indexOf(String(doc.insert_after));
      if (after >= 0) doc.idx = after + 1;
    }
    if (!doc.fieldname) ctx.log.throw('Fieldname not set for Custom Field');
  },
  afterSave(ctx, doc, phase) {
    if (phase.action !== DOC_ACTIONS.save) return doc;
    const dt = String(doc.dt);
    const df = toField(doc);
    ctx.site.registry.setCustomField(dt, df);
    ctx.site.store.commitImplicitly();
    if (df.unique === 1) refuseNonUnique(ctx, dt, df);
    return doc;
  },
  onTrash(ctx, doc) {
    if (doc.owner === 'Administrator' && ctx.user !== 'Administrator') {
      ctx.log.throw(`Custom Field ${frappeBold(String(doc.label ?? 'None'))} is created by the Administrator and can only be deleted through the Administrator account.`);
    }
    // on_trash only clears the cache: the column (and any unique index) stays in the table, but the
    // meta no longer has the field, so documents neither show nor take it.
    ctx.site.store.remember(ctx.site.registry.removeCustomField(String(doc.dt), String(doc.fieldname)));
  },
};
