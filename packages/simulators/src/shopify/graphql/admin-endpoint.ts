import { tokenAuthorized } from '../access-token';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBodyText, sendJson, SHOPIFY_ERROR_REPLIES } from '../http-json';
import type { AdminGraphqlApi } from './admin-graphql-api';
import { resolveApiVersion } from './api-versions';

const MAX_BODY_BYTES = 2 * 1024 * 1024;
const ADMIN_PATH = /^\/admin\/api\/([^/]+)\/graphql\.json$/;
const BULK_RESULT_PATH = /^\/_sim\/bulk-results\/([0-9a-f]{40})\.jsonl$/;

export interface AdminEndpointOptions {
  /** Required in X-Shopify-Access-Token; unset leaves the API open. */
  accessToken?: string;
  supportedApiVersions?: readonly string[];
}

/**
 * `/admin/api/<version>/graphql.json` over HTTP, as Shopify serves it: the token is checked first
 * (401 with Shopify's body), the version falls forward and is reported in X-Shopify-API-Version,
 * bodies are JSON or `application/graphql`. Also serves bulk results (signed-URL style, no token).
 * Returns false for paths it does not own.
 */
export async function handleAdminRequest(api: AdminGraphqlApi, request: IncomingMessage, response: ServerResponse, options: AdminEndpointOptions): Promise<boolean> {
  const path = new URL(request.url ?? '/', 'http://localhost').pathname;
  const bulk = BULK_RESULT_PATH.exec(path);
  if (bulk) {
    const jsonl = request.method === 'GET' ? api.state.bulk.result(bulk[1] as string) : undefined;
    if (jsonl === undefined) send(response, 404, SHOPIFY_ERROR_REPLIES.notFound.body, {});
    else {
      const body = Buffer.from(jsonl, 'utf8');
      response.writeHead(200, { 'Content-Type': 'application/jsonl', 'Content-Length': String(body.length) });
      response.end(body);
    }
    return true;
  }
  const match = ADMIN_PATH.exec(path);
  if (!path.startsWith('/admin/api/')) return false;
  const served = match ? resolveApiVersion(match[1] as string, options.supportedApiVersions) : null;
  if (!match || served === null) {
    send(response, 404, SHOPIFY_ERROR_REPLIES.notFound.body, {});
    return true;
  }
  const headers = { 'X-Shopify-API-Version': served, 'X-Request-Id': randomUUID() };
  if (!tokenAuthorized(request.headers['x-shopify-access-token'], options.accessToken)) {
    send(response, 401, SHOPIFY_ERROR_REPLIES.unauthorized.body, headers);
    return true;
  }
  if (request.method !== 'POST') {
    send(response, 405, { errors: `${request.method ?? 'GET'} is not allowed; send the query with POST` }, headers);
    return true;
  }
  const raw = await readBodyText(request, MAX_BODY_BYTES);
  if (raw === null) {
    send(response, 413, { errors: `body larger than ${MAX_BODY_BYTES} bytes` }, headers);
    return true;
  }
  let payload: { query?: unknown; variables?: unknown; operationName?: unknown };
  if ((request.headers['content-type'] ?? '').includes('application/graphql')) payload = { query: raw };
  else {
    try {
      payload = JSON.parse(raw === '' ? '{}' : raw) as typeof payload;
    } catch {
      send(response, 400, { errors: 'body is not valid JSON' }, headers);
      return true;
    }
  }
  const host = request.headers.host ?? 'localhost';
  const result = await api.execute(payload ?? {}, { apiVersion: served, baseUrl: `http://${host}` });
  send(response, result.status, result.body, headers);
  return true;
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string>): void {
  sendJson(response, { status, body }, headers);
}
