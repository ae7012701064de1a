import { SyncError, describeNetworkCause } from '@shopsync/core';
import { codeForStatus, EXC_TYPE_CODES, MESSAGE_CODES, type ErpnextErrorCode } from './erpnext-wire-codes';
import { parseRetryAfterMs } from './retry-after';
import { decodeServerMessages, stripHtml, type ServerMessage } from './server-messages';

/** Everything known about one failed exchange; `status` is absent when no response arrived. */
export interface ErpnextFailure {
  readonly status?: number;
  /** The parsed JSON body, or the raw text when it was not JSON (proxy and HTML error pages). */
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, unknown>>;
  readonly cause?: unknown;
  readonly request?: { readonly method: string; readonly path: string };
  /** Clock for an HTTP-date Retry-After; defaults to the wall clock. */
  readonly nowMs?: number;
}

interface FrappeBody {
  readonly exc_type?: unknown;
  readonly exception?: unknown;
  readonly _exc_source?: unknown;
  readonly _server_messages?: unknown;
  readonly _error_message?: unknown;
}

function asFrappeBody(body: unknown): FrappeBody | undefined {
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) return body as FrappeBody;
  if (typeof body !== 'string') return undefined;
  try {
    const parsed = JSON.parse(body) as unknown;
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as FrappeBody) : undefined;
  } catch {
    return undefined;
  }
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** "frappe.exceptions.ValidationError: Please enter Delivery Date" → "Please enter Delivery Date". */
function exceptionText(line: string | undefined): string | undefined {
  if (!line) return undefined;
  const match = /^[\w.]+:\s(.*)$/s.exec(line);
  return match?.[1] ?? line;
}

const ITEM_NOT_FOUND = /^Item (.+) not found$/;
const WRITES = new Set(['POST', 'PUT']);

/**
 * A DoesNotExistError "Item X not found" in answer to a write that is not to the Item itself: a
 * line named an Item that does not exist (ERPNext's get_doc of it, before link validation).
 */
function isMissingItem(excType: string | undefined, texts: readonly string[], request: ErpnextFailure['request']): boolean {
  if (excType !== 'DoesNotExistError' || !request || !WRITES.has(request.method.toUpperCase())) return false;
  if (/^\/api(?:\/v1)?\/resource\/Item(?:\/|\?|$)/.test(request.path)) return false;
  return texts.some((t) => ITEM_NOT_FOUND.test(t));
}

function chooseCode(status: number, excType: string | undefined, texts: readonly string[], request: ErpnextFailure['request']): ErpnextErrorCode {
  if (isMissingItem(excType, texts, request)) return 'erpnext.item_not_found';
  const byType = excType === undefined ? undefined : EXC_TYPE_CODES[excType];
  if (byType) return byType;
  // Plain ValidationError (or no exc_type at all): only the message distinguishes the ERPNext rule.
  const rule = MESSAGE_CODES.find((r) => texts.some((t) => r.pattern.test(t)));
  return rule?.code ?? codeForStatus(status);
}

/** Pulls the identifying bits the engine needs to adopt an existing document out of the text. */
function extractDetails(code: ErpnextErrorCode, messages: readonly ServerMessage[], exception?: string): Record<string, unknown> {
  if (code === 'erpnext.unique_violation') {
    const label = messages.map((m) => /^(.*) must be unique$/.exec(m.text)?.[1]).find((l) => l !== undefined);
    return label === undefined ? {} : { fieldLabel: label };
  }
  if (code === 'erpnext.item_not_found') {
    const itemCode = messages.map((m) => ITEM_NOT_FOUND.exec(m.text)?.[1]).find((c) => c !== undefined);
    return itemCode === undefined ? {} : { itemCode };
  }
  if (code === 'erpnext.duplicate_entry') {
    const fromHtml = messages.map((m) => /^(.+?) <strong>(.+)<\/strong> already exists/.exec(m.html)).find((m) => m);
    const fromException = exception ? /\('((?:[^'\\]|\\.)*)', '((?:[^'\\]|\\.)*)'/.exec(exception) : null;
    const found = fromHtml ?? fromException;
    return found ? { doctype: found[1], name: found[2] } : {};
  }
  return {};
}

function htmlSummary(body: unknown): string | undefined {
  if (typeof body !== 'string' || body.trim() === '') return undefined;
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(body)?.[1];
  return stripHtml(title ?? body).slice(0, 200);
}

function fromResponse(failure: ErpnextFailure & { status: number }): SyncError {
  const { status, body } = failure;
  const frappe = asFrappeBody(body);
  const excType = str(frappe?.exc_type);
  const exception = str(frappe?.exception);
  const messages = decodeServerMessages(frappe?._server_messages);
  const errorMessage = str(frappe?._error_message);
  const texts = messages.map((m) => m.text);
  if (errorMessage) texts.push(stripHtml(errorMessage));
  if (texts.length === 0) {
    const fallback = exceptionText(exception) ?? (frappe ? undefined : htmlSummary(body));
    if (fallback) texts.push(stripHtml(fallback));
  }
  const code = chooseCode(status, excType, texts, failure.request);
  const retryAfterMs = code === 'erpnext.rate_limited' ? parseRetryAfterMs(failure.headers, failure.nowMs) : undefined;
  // Notes and alerts printed earlier in the same request (the customer-rename Note) are kept in
  // details.messages but left out of the headline, which should say what went wrong.
  const informational = new Set(messages.filter((m) => !m.raised && (m.indicator === 'yellow' || m.indicator === 'green' || m.indicator === 'blue')).map((m) => m.text));
  const headline = texts.filter((t) => !informational.has(t));
  const shown = headline.length > 0 ? headline : texts;
  const message = shown.length > 0 ? shown.join('\n') : `ERPNext answered HTTP ${status}${excType ? ` (${excType})` : ''}`;
  // Category, retry safety and the remedy (details.action) come from the code's row in core.
  return SyncError.of(code, {
    message,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    details: {
      status,
      messages: texts,
      ...(excType ? { excType } : {}),
      ...(str(frappe?._exc_source) ? { excSource: frappe?._exc_source } : {}),
      ...(exception ? { exception } : {}),
      ...(failure.request ? { method: failure.request.method, path: failure.request.path } : {}),
      ...extractDetails(code, messages, exception),
    },
    cause: failure.cause,
  });
}

function fromNoResponse(failure: ErpnextFailure): SyncError {
  const network = describeNetworkCause(failure.cause, 'ERPNext');
  const request = failure.request ? { method: failure.request.method, path: failure.request.path } : {};
  if (!network) {
    const text = failure.cause instanceof Error ? failure.cause.message : String(failure.cause);
    return SyncError.of('erpnext.internal', { message: text, cause: failure.cause, details: { messages: [text], ...request } });
  }
  return SyncError.of('erpnext.network', {
    message: network.message,
    cause: failure.cause,
    details: { messages: [network.message], errorCode: network.errorCode, requestSent: network.requestSent, timedOut: network.timedOut, ...request },
  });
}

/**
 * The one place (STYLE C6) where a failed ERPNext exchange becomes a SyncError: an HTTP error with
 * a Frappe body, an HTML error page, or no response at all (timeout, reset, a lost write response).
 */
export function toErpnextError(failure: ErpnextFailure): SyncError {
  return failure.status === undefined ? fromNoResponse(failure) : fromResponse({ ...failure, status: failure.status });
}
