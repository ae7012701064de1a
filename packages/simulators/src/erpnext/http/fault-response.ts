import type { FaultSpec } from '../faults';
import { FrappeError } from '../wire/frappe-error';
import { errorBody } from '../wire/response-body';

export interface RawResponse {
  readonly status: number;
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** The MariaDB text behind the lock errors Frappe re-raises as its own classes (notes §5). */
const EXC_TEXT: Readonly<Record<string, string>> = {
  QueryDeadlockError: "(1213, 'Deadlock found when trying to get lock; try restarting transaction')",
  QueryTimeoutError: "(1205, 'Lock wait timeout exceeded; try restarting transaction')",
};

const DEFAULT_EXC: Readonly<Record<number, string>> = { 429: 'TooManyRequestsError', 503: 'SessionStopped', 500: 'QueryDeadlockError' };

function reason(status: number): string {
  return { 502: 'Bad Gateway', 503: 'Service Temporarily Unavailable', 504: 'Gateway Time-out' }[status] ?? 'Error';
}

/**
 * A `status` fault's answer. A gateway status without an exc_type is the reverse proxy's HTML page
 * (nginx in front of gunicorn); anything else is a Frappe JSON error with no `_server_messages`,
 * as an unhandled exception produces.
 */
export function faultResponse(fault: FaultSpec, tracebacks: boolean): RawResponse {
  const status = fault.status ?? 500;
  const retryAfter: Record<string, string> = fault.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(fault.retryAfterSeconds) };
  const excType = fault.excType ?? fault.exc_type ?? DEFAULT_EXC[status];
  if (!excType) {
    const title = `${status} ${reason(status)}`;
    const body = `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
    return { status, body, headers: { 'Content-Type': 'text/html', ...retryAfter } };
  }
  const error = new FrappeError({ excType, status, ...(EXC_TEXT[excType] ? { excArg: EXC_TEXT[excType] } : {}) });
  return { status, body: errorBody(error, [], tracebacks), headers: { 'Content-Type': 'application/json', ...retryAfter } };
}
