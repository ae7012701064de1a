import { SyncError } from '@shopsync/core';
import type { Doc } from '../types';

/** `frappe.client.insert_many` refuses more: "Only 200 inserts allowed in one request" (notes §2). */
export const INSERT_MANY_LIMIT = 200;

export type CallMethod = <T>(method: string, args: Readonly<Record<string, unknown>>) => Promise<T>;

/** Splits `items` into runs of at most `size`, keeping their order. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}

/** The same error, with what the earlier calls already committed added to its details. */
function withProgress(error: unknown, committed: readonly string[], failedCall: number, calls: number): unknown {
  if (!(error instanceof SyncError)) return error;
  return new SyncError({
    code: error.code,
    category: error.category,
    retryable: error.retryable,
    message: error.message,
    ...(error.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs }),
    details: { ...error.details, insertMany: { committedNames: [...committed], failedCall, calls } },
    cause: error,
  });
}

/**
 * Inserts `docs` of one doctype through `/api/method/frappe.client.insert_many` and returns their
 * names in order.
 *
 * Each call carries at most 200 documents and is ONE transaction on the server: it commits all of
 * them or none (notes §1). Larger inputs are split into several calls, so the whole is NOT
 * all-or-nothing: when call k fails, calls 1..k-1 stay committed. The thrown SyncError then says so
 * in `details.insertMany.committedNames`, so the caller can resume or compensate; a network error
 * on call k leaves k itself unknown (it may have committed), exactly as for any other write.
 */
export async function insertMany(call: CallMethod, doctype: string, docs: readonly Doc[]): Promise<string[]> {
  const calls = chunk(docs, INSERT_MANY_LIMIT);
  const names: string[] = [];
  for (const [index, batch] of calls.entries()) {
    const payload = batch.map((doc) => ({ ...doc, doctype }));
    try {
      const result = await call<unknown>('frappe.client.insert_many', { docs: payload });
      names.push(...(Array.isArray(result) ? result.map(String) : []));
    } catch (error) {
      throw withProgress(error, names, index + 1, calls.length);
    }
  }
  return names;
}
