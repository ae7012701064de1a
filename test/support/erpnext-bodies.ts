/**
 * Frappe v15 error bodies shaped like notes/frappe-erpnext.md §4: `_server_messages` is a JSON
 * string of a list of JSON strings, both written by Python's json.dumps (", " and ": ").
 */
export function pyDumps(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(pyDumps).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${JSON.stringify(k)}: ${pyDumps(v)}`).join(', ')}}`;
  }
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export interface Msg {
  message: string;
  title?: string;
  indicator?: string;
  raise?: boolean;
}

const EXC_ID = '9c1f3f2a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9012ab';

/** One msgprint dict, keys in Frappe's order; `raise` adds the raise flag and an exc id. */
export function msg({ message, title = 'Message', indicator, raise = false }: Msg): Record<string, unknown> {
  return {
    message,
    title,
    ...(indicator || raise ? { indicator: indicator ?? 'red' } : {}),
    ...(raise ? { raise_exception: 1, __frappe_exc_id: EXC_ID } : {}),
  };
}

export function serverMessages(messages: readonly Msg[]): string {
  return pyDumps(messages.map((m) => pyDumps(msg(m))));
}

/** `exception`, `exc_type`, `_exc_source`, `exc`, `_server_messages`, `_error_message`, in order. */
export function frappeBody(parts: {
  exception?: string;
  excType: string;
  source?: string;
  messages?: readonly Msg[];
  errorMessage?: string;
}): Record<string, unknown> {
  return {
    ...(parts.exception ? { exception: parts.exception } : {}),
    exc_type: parts.excType,
    ...(parts.source ? { _exc_source: parts.source } : {}),
    ...(parts.exception ? { exc: pyDumps([`Traceback (most recent call last):\n  File "apps/frappe/frappe/app.py", line 114, in application\n${parts.exception}\n`]) } : {}),
    ...(parts.messages && parts.messages.length > 0 ? { _server_messages: serverMessages(parts.messages) } : {}),
    ...(parts.errorMessage ? { _error_message: parts.errorMessage } : {}),
  };
}
