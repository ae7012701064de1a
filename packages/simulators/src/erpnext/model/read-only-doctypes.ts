import type { Ctx } from '../site/site';
import { FrappeError } from '../wire/frappe-error';

/**
 * Doctypes ERPNext writes itself and grants no role create, write or delete on (their JSON
 * permissions are read/report only): the ledger and the Bins. Over REST every write is a 403 from
 * `check_doctype_permission`, which also turns the traceback off. Administrator is exempt, as in
 * Frappe, which is how the seed and ERPNext's own code (store writes here) get past it.
 */
export const READ_ONLY_DOCTYPES: ReadonlySet<string> = new Set(['Stock Ledger Entry', 'Bin']);

export function assertWritable(ctx: Ctx, doctype: string): void {
  if (ctx.user === 'Administrator' || !READ_ONLY_DOCTYPES.has(doctype)) return;
  throw new FrappeError({ excType: 'PermissionError', errorMessage: `No permission for ${doctype}`, disableTraceback: true });
}
