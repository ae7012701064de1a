import type { Ctx } from '../site/site';

export type MethodArgs = Record<string, unknown>;

/** A whitelisted method: the verbs it accepts and its body; `undefined` means "returned None". */
export interface WhitelistedMethod {
  /** Absent: any verb (`@frappe.whitelist()`); otherwise `@frappe.whitelist(methods=[...])`. */
  readonly verbs?: readonly string[];
  readonly allowGuest?: boolean;
  run(ctx: Ctx, args: MethodArgs): unknown;
}

/**
 * For the arguments a real method decodes leniently (`get_safe_filters`, get_value's and set_value's
 * `try: json.loads(...) except ValueError`): a str that is not a JSON list or object stays a str.
 * An argument the real method hands to `json.loads` / `frappe.parse_json` unguarded goes through
 * `frappeParseJson` instead, so a non-JSON str is the same 500 JSONDecodeError.
 */
export function jsonOrString(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  if (!/^[[{]/.test(trimmed)) return value;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return value;
  }
}

export function stringArg(args: MethodArgs, key: string): string {
  const value = args[key];
  return value === undefined || value === null ? '' : String(value);
}

/**
 * Python's truth value of an argument as a method receives it: a query-string argument is a str, so
 * "0" and "false" are true; only a missing value, "", 0, false, [] and {} are false.
 */
export function pythonTruthy(value: unknown): boolean {
  if (value === undefined || value === null || value === '' || value === 0 || value === false) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

/** The Python type a JSON value or query-string argument arrives as, for TypeError messages. */
export function pythonTypeName(value: unknown): string {
  if (typeof value === 'string') return 'str';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  if (Array.isArray(value)) return 'list';
  if (value === null || value === undefined) return 'NoneType';
  return 'dict';
}
