export interface NetworkCause {
  readonly errorCode: string;
  readonly message: string;
  /**
   * False only when the connection was never made, so the server cannot have applied anything.
   * Otherwise the request may have been committed before the response was lost.
   */
  readonly requestSent: boolean;
  readonly timedOut: boolean;
}

// Codes raised before a single byte reached the server: nothing can have been applied.
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);
const TIMEOUTS = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
const NETWORK = new Set([...NOT_SENT, ...TIMEOUTS, 'ECONNRESET', 'EPIPE', 'ERR_NETWORK', 'ERR_SOCKET_CONNECTION_TIMEOUT', 'UND_ERR_SOCKET']);

function codeOf(value: unknown): string | undefined {
  const code = (value as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Recognises transport failures from axios and Node (also when wrapped in `cause`), for both clients.
 * Returns undefined for anything else, so a bug in our own code is not mistaken for a flaky network.
 * Pure classification of the error's fields: no IO, so it lives in the core.
 */
export function describeNetworkCause(cause: unknown, service: 'ERPNext' | 'Shopify'): NetworkCause | undefined {
  if (typeof cause !== 'object' || cause === null) return undefined;
  const inner = (cause as { cause?: unknown }).cause;
  const code = [codeOf(cause), codeOf(inner)].find((c) => c !== undefined && NETWORK.has(c));
  const isAxios = (cause as { isAxiosError?: unknown }).isAxiosError === true;
  if (code === undefined && !isAxios) return undefined;
  const errorCode = code ?? codeOf(cause) ?? 'ERR_NETWORK';
  const text = cause instanceof Error ? cause.message : errorCode;
  const timedOut = TIMEOUTS.has(errorCode);
  const requestSent = !NOT_SENT.has(errorCode);
  const what = timedOut ? 'timed out' : requestSent ? 'lost the connection' : 'could not connect';
  return {
    errorCode,
    requestSent,
    timedOut,
    message: `${service} request ${what} (${errorCode}: ${text})${requestSent ? '; it may or may not have been applied' : ''}`,
  };
}
