import type { DoctypeMeta, FieldDef } from '../types';
import { CHILD_STANDARD_FIELDS, hasColumn, isTable, STANDARD_FIELDS } from './field-types';

/** `frappe.get_meta(doctype)`: a doctype definition with the lookups the model layer needs. */
export class Meta {
  readonly name: string;
  readonly fields: readonly FieldDef[];
  /** Fields stored as columns, in definition order. */
  readonly columns: readonly FieldDef[];
  readonly tables: readonly FieldDef[];
  private readonly byName: ReadonlyMap<string, FieldDef>;

  constructor(readonly def: DoctypeMeta) {
    this.name = def.name;
    this.fields = def.fields;
    this.columns = def.fields.filter((df) => hasColumn(df));
    this.tables = def.fields.filter((df) => isTable(df));
    this.byName = new Map(def.fields.map((df) => [df.fieldname, df]));
  }

  get isTable(): boolean {
    return this.def.istable === 1;
  }

  get isSubmittable(): boolean {
    return this.def.is_submittable === 1;
  }

  get autoname(): string {
    return this.def.autoname ?? '';
  }

  field(fieldname: string): FieldDef | undefined {
    return this.byName.get(fieldname);
  }

  label(fieldname: string): string {
    return this.byName.get(fieldname)?.label ?? fieldname;
  }

  /** Every key a row of this doctype may hold (standard ones first, as Frappe orders `as_dict`). */
  get validKeys(): readonly string[] {
    const standard: string[] = [...STANDARD_FIELDS];
    if (this.isTable) standard.push(...CHILD_STANDARD_FIELDS);
    return [...standard, ...this.columns.map((df) => df.fieldname)];
  }

  /** Returns a copy with `df` replacing the field of that name, or appended (custom fields go last). */
  withField(df: FieldDef): Meta {
    const known = this.fields.some((f) => f.fieldname === df.fieldname);
    const fields = known ? this.fields.map((f) => (f.fieldname === df.fieldname ? df : f)) : [...this.fields, df];
    return new Meta({ ...this.def, fields });
  }

  /** Returns a copy without the named field. */
  withoutField(fieldname: string): Meta {
    return new Meta({ ...this.def, fields: this.fields.filter((f) => f.fieldname !== fieldname) });
  }
}
