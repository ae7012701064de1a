export interface NetworkCause {
  readonly errorCode: string;
  readonly message: string;
  /** False only when no connection was made, so Shopify cannot have applied anything. */
  readonly requestSent: boolean;
  readonly timedOut: boolean;
}

const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);
const TIMEOUTS = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT']);
const NETWORK = new Set([...NOT_SENT, ...TIMEOUTS, 'ECONNRESET', 'EPIPE', 'ERR_NETWORK', 'ERR_SOCKET_CONNECTION_TIMEOUT']);

function codeOf(value: unknown): string | undefined {
  const code = (value as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Transport failures from axios/Node (also wrapped in `cause`); undefined for our own bugs. */
export function describeNetworkCause(cause: unknown): NetworkCause | undefined {
  if (typeof cause !== 'object' || cause === null) return undefined;
  const inner = (cause as { cause?: unknown }).cause;
  const code = [codeOf(cause), codeOf(inner)].find((c) => c !== undefined && NETWORK.has(c));
  const isAxios = (cause as { isAxiosError?: unknown }).isAxiosError === true;
  if (code === undefined && !isAxios) return undefined;
  const errorCode = code ?? codeOf(cause) ?? 'ERR_NETWORK';
  const timedOut = TIMEOUTS.has(errorCode);
  const requestSent = !NOT_SENT.has(errorCode);
  const what = timedOut ? 'timed out' : requestSent ? 'lost the connection' : 'could not connect';
  const text = cause instanceof Error ? cause.message : errorCode;
  return { errorCode, requestSent, timedOut, message: `Shopify request ${what} (${errorCode}: ${text})${requestSent ? '; a mutation may or may not have been applied' : ''}` };
}
