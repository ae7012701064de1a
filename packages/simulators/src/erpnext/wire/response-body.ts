import type { FrappeError } from './frappe-error';
import type { MsgDict } from './message-log';
import { pythonJson } from './python-json';

/** v15 builds `_server_messages` as json.dumps([json.dumps(d) for d in message_log]): spaced twice. */
function serverMessages(log: readonly MsgDict[]): string {
  return pythonJson(log.map((entry) => pythonJson(entry, true)), true);
}

function traceback(error: FrappeError): string {
  return [
    'Traceback (most recent call last):',
    '  File "apps/frappe/frappe/app.py", line 114, in application',
    '    response = frappe.api.handle(request)',
    '  File "apps/frappe/frappe/api/__init__.py", line 49, in handle',
    '    data = endpoint(**arguments)',
    error.exceptionLine,
    '',
  ].join('\n');
}

/** `{"data": ...}` or `{"message": ...}`, then `_server_messages` if anything was msgprinted. */
export function successBody(payload: Record<string, unknown>, log: readonly MsgDict[]): string {
  const body: Record<string, unknown> = { ...payload };
  if (log.length > 0) body._server_messages = serverMessages(log);
  return pythonJson(body);
}

/**
 * The exact v15 error body (notes §4): keys in insertion order exception, exc_type, _exc_source,
 * exc, _server_messages, _error_message. Tracebacks are left out of 404s, as Frappe does.
 */
export function errorBody(error: FrappeError, log: readonly MsgDict[], tracebacks: boolean): string {
  const withTraceback = tracebacks && error.status !== 404 && error.spec.disableTraceback !== true;
  const body: Record<string, unknown> = {};
  if (withTraceback) body.exception = error.exceptionLine;
  body.exc_type = error.spec.excType;
  if (error.spec.fromErpnext) body._exc_source = 'erpnext (app)';
  if (withTraceback) body.exc = pythonJson([traceback(error)], true);
  if (log.length > 0) body._server_messages = serverMessages(log);
  if (error.spec.errorMessage) body._error_message = error.spec.errorMessage;
  return pythonJson(body);
}
