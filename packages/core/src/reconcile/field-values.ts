// How a field the plan wants compares with what ERPNext holds. One definition for the worker's
// update_document (write only what differs) and reconcile's drift (report only what a repair would
// write), so a finding is never one its repair leaves unchanged, nor the reverse.

/** Frappe's own columns of a child row: never a value the plan sends, so never shown as one. */
const ROW_META = new Set(['name', 'owner', 'creation', 'modified', 'modified_by', 'parent', 'parentfield', 'parenttype', 'doctype', 'idx', 'docstatus']);

/** Whether the stored value already is the wanted one; table rows are compared on the fields the plan sends only. */
export function sameFieldValue(wanted: unknown, stored: unknown): boolean {
  if (Array.isArray(wanted)) {
    if (!Array.isArray(stored) || stored.length !== wanted.length) return false;
    return wanted.every((row, index) => {
      const storedRow: unknown = stored[index];
      const fields = typeof storedRow === 'object' && storedRow !== null ? (storedRow as Record<string, unknown>) : {};
      return Object.entries(row as Record<string, unknown>).every(([field, value]) => sameFieldValue(value, fields[field]));
    });
  }
  if (typeof wanted === 'number' || typeof stored === 'number') return Number(wanted ?? 0) === Number(stored ?? 0);
  // Frappe drops nulls and empty strings from single documents: absent and "" mean the same.
  return (wanted ?? '') === (stored ?? '');
}

/** A child row as its text values (flags like is_primary say nothing to a reader): "ada@example.com". */
function rowText(row: unknown, fields: readonly string[] | null): string {
  if (typeof row !== 'object' || row === null) return JSON.stringify(row);
  const entries = Object.entries(row as Record<string, unknown>).filter(([field, value]) => typeof value === 'string' && value !== '' && !ROW_META.has(field) && (fields === null || fields.includes(field)));
  return entries.length === 0 ? '(blank row)' : entries.map(([, value]) => JSON.stringify(value)).join(' / ');
}

/**
 * A value as a finding's sentence shows it: a quoted string, a number, "empty", or a table's rows
 * by their text fields. `wanted` (the plan's value) picks which fields of ERPNext's rows are shown.
 */
export function fieldText(value: unknown, wanted: unknown = value): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return 'none';
    const fields = Array.isArray(wanted) && wanted.length > 0 ? [...new Set(wanted.flatMap((row) => (typeof row === 'object' && row !== null ? Object.keys(row) : [])))] : null;
    return value.map((row) => rowText(row, fields)).join(', ');
  }
  if (value === null || value === undefined || value === '') return 'empty';
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}
