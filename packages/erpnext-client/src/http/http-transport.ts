import axios, { type AxiosInstance } from 'axios';
import PQueue from 'p-queue';
import type { SyncError } from '@shopsync/core';
import { toErpnextError } from '../errors/to-erpnext-error';
import type { ErpnextClientEvent, ErpnextClientOptions, HttpVerb } from '../types';
import { readBackoffMs } from './read-backoff';

export interface HttpRequest {
  readonly method: HttpVerb;
  /** Already URL-encoded path, e.g. `/api/resource/Sales%20Order`. */
  readonly path: string;
  readonly query?: Readonly<Record<string, string>>;
  readonly body?: unknown;
  /** A POST that writes nothing (a mapper method): retried on transient failures like a GET. */
  readonly readOnly?: boolean;
}

export type JsonObject = Record<string, unknown>;

type Outcome = { readonly ok: true; readonly status: number; readonly body: JsonObject } | { readonly ok: false; readonly status?: number; readonly error: SyncError };

export type Transport = (request: HttpRequest) => Promise<JsonObject>;

function parseObject(text: unknown): JsonObject | undefined {
  if (typeof text !== 'string') return undefined;
  try {
    const parsed = JSON.parse(text) as unknown;
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as JsonObject) : undefined;
  } catch {
    return undefined;
  }
}

function plainHeaders(headers: unknown): Record<string, unknown> {
  const maybe = headers as { toJSON?: () => Record<string, unknown> } | undefined;
  return typeof maybe?.toJSON === 'function' ? maybe.toJSON() : { ...(headers as Record<string, unknown>) };
}

function createAxios(options: ErpnextClientOptions): AxiosInstance {
  return axios.create({
    baseURL: options.baseUrl.replace(/\/+$/, ''),
    timeout: options.timeoutMs ?? 10_000,
    headers: { Authorization: `token ${options.apiKey}:${options.apiSecret}`, Accept: 'application/json' },
    // Raw text in, every status accepted: toErpnextError alone decides what a response means (C6).
    responseType: 'text',
    transformResponse: [(data: unknown) => data],
    // Bodies arrive as JSON text already (exchange below): axios's default would parse each one again to check it.
    transformRequest: [(data: unknown) => data],
    validateStatus: () => true,
    // A redirect from ERPNext means a wrong base URL or a login page, never something to follow.
    maxRedirects: 0,
    transitional: { clarifyTimeoutError: true, silentJSONParsing: true, forcedJSONParsing: false },
  });
}

/**
 * Sends requests through a concurrency-limited queue. Only reads (GETs, and POSTs marked readOnly) are retried here (transient
 * failures and 429, honouring Retry-After): a write whose response was lost may have been applied,
 * so repeating it is the engine's decision, made safe by operation keys (DESIGN G1).
 */
export function createTransport(options: ErpnextClientOptions): Transport {
  const http = createAxios(options);
  const queue = new PQueue({ concurrency: options.concurrency ?? 4 });
  const maxReadRetries = options.maxReadRetries ?? 3;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  const clock = options.clock ?? (() => performance.now());
  const emit = (event: ErpnextClientEvent): void => options.onEvent?.(event);

  async function exchange(request: HttpRequest): Promise<Outcome> {
    const query = request.query && Object.keys(request.query).length > 0 ? `?${new URLSearchParams(request.query).toString()}` : '';
    const where = { method: request.method, path: request.path };
    try {
      const response = await http.request({
        method: request.method,
        url: request.path + query,
        ...(request.body === undefined ? {} : { data: JSON.stringify(request.body), headers: { 'Content-Type': 'application/json' } }),
      });
      const body = parseObject(response.data);
      if (response.status >= 200 && response.status < 300 && body) return { ok: true, status: response.status, body };
      const error = toErpnextError({ status: response.status, body: body ?? response.data, headers: plainHeaders(response.headers), request: where });
      return { ok: false, status: response.status, error };
    } catch (cause) {
      return { ok: false, error: toErpnextError({ cause, request: where }) };
    }
  }

  return async function send(request: HttpRequest): Promise<JsonObject> {
    for (let attempt = 1; ; attempt += 1) {
      const started = clock();
      const outcome = await queue.add(() => exchange(request));
      const base = { method: request.method, path: request.path, attempt, durationMs: Math.round(clock() - started) };
      const status = outcome.status === undefined ? {} : { status: outcome.status };
      if (outcome.ok) {
        emit({ type: 'http.request', ...base, ...status });
        return outcome.body;
      }
      const error = outcome.error;
      emit({ type: 'http.request', ...base, ...status, code: error.code });
      if (error.code === 'erpnext.rate_limited') {
        emit({ type: 'http.throttled', ...base, ...status, ...(error.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs }) });
      }
      // A timestamp mismatch needs a fresh read and a re-applied change, not the same request again.
      const retry = (request.method === 'GET' || request.readOnly === true) && error.retryable && error.code !== 'erpnext.timestamp_mismatch' && attempt <= maxReadRetries;
      if (!retry) throw error;
      const delayMs = error.retryAfterMs ?? readBackoffMs(attempt, random());
      emit({ type: 'http.retry', ...base, ...status, code: error.code, delayMs });
      await sleep(delayMs);
    }
  };
}
