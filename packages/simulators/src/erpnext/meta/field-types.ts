import type { FieldDef } from '../types';

/** Stored as DECIMAL, returned by MariaDB as floats: serialised `100.0` (notes §1). */
export const FLOAT_TYPES: ReadonlySet<string> = new Set(['Float', 'Currency', 'Percent']);
export const INT_TYPES: ReadonlySet<string> = new Set(['Int', 'Long Int', 'Check', 'Rating']);
export const TABLE_TYPES: ReadonlySet<string> = new Set(['Table', 'Table MultiSelect']);
/** Layout and table fields: no column of their own (`no_value_fields`). */
export const NO_VALUE_TYPES: ReadonlySet<string> = new Set([
  'Section Break', 'Column Break', 'Tab Break', 'HTML', 'Table', 'Table MultiSelect', 'Button', 'Image', 'Fold', 'Heading',
]);
/** Column types that are varchar(140): the only ones a `unique` index is created for (notes §8). */
export const VARCHAR_TYPES: ReadonlySet<string> = new Set(['Data', 'Link', 'Dynamic Link', 'Select', 'Read Only', 'Password', 'Autocomplete', 'Phone']);

export const STANDARD_FIELDS = ['name', 'owner', 'creation', 'modified', 'modified_by', 'docstatus', 'idx'] as const;
export const CHILD_STANDARD_FIELDS = ['parent', 'parentfield', 'parenttype'] as const;

export const isNumeric = (df: FieldDef): boolean => FLOAT_TYPES.has(df.fieldtype) || INT_TYPES.has(df.fieldtype);
export const isTable = (df: FieldDef): boolean => TABLE_TYPES.has(df.fieldtype);
export const hasColumn = (df: FieldDef): boolean => !NO_VALUE_TYPES.has(df.fieldtype);

/** "customer_name" → "Customer Name", for fields whose label the definitions leave out. */
export function labelFor(fieldname: string): string {
  return fieldname
    .split('_')
    .filter((part) => part !== '')
    .map((part) => part[0]?.toUpperCase() + part.slice(1))
    .join(' ');
}

/** Compact field definition for the in-code ERPNext metadata. */
export function field(fieldname: string, fieldtype: string, extra: Partial<Omit<FieldDef, 'fieldname' | 'fieldtype'>> = {}): FieldDef {
  return { fieldname, fieldtype, label: extra.label ?? labelFor(fieldname), ...extra };
}

/** Coerces a raw value the way `get_valid_dict` does: numbers and checks are never null. */
export function coerce(df: FieldDef, value: unknown): unknown {
  if (df.fieldtype === 'Check') return value === true || Number(value) ? 1 : 0;
  if (INT_TYPES.has(df.fieldtype)) return Number.isFinite(Number(value)) ? Math.trunc(Number(value ?? 0)) : 0;
  if (FLOAT_TYPES.has(df.fieldtype)) return Number.isFinite(Number(value)) ? Number(value ?? 0) : 0;
  if (value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return value;
}
