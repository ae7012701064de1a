import type { Ctx } from '../site/site';

export type MethodArgs = Record<string, unknown>;

/** A whitelisted method: the verbs it accepts and its body; `undefined` means "returned None". */
export interface WhitelistedMethod {
  /** Absent: any verb (`@frappe.whitelist()`); otherwise `@frappe.whitelist(methods=[...])`. */
  readonly verbs?: readonly string[];
  readonly allowGuest?: boolean;
  run(ctx: Ctx, args: MethodArgs): unknown;
}

/** Whitelisted args arrive as strings from a query string or as JSON values from a body. */
export function jsonArg(value: unknown): unknown {
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
