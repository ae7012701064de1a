import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultRegistry, FaultSpec } from '../faults';
import type { Ctx, Site } from '../site/site';
import { FrappeError, isFrappeError } from '../wire/frappe-error';
import { MessageLog } from '../wire/message-log';
import { errorBody, successBody } from '../wire/response-body';
import { authenticate, GUEST } from './authenticate';
import { faultResponse, type RawResponse } from './fault-response';
import { makeFormDict, readBody, type FormDict } from './form-dict';
import { methodRoute } from './method-route';
import type { RequestLogBook } from './request-log';
import { resourceRoute, type RouteResult } from './resource-routes';

export interface HandlerDeps {
  readonly site: Site;
  readonly faults: FaultRegistry;
  readonly requests: RequestLogBook;
  readonly tracebacks: boolean;
  /** Responses a `timeout` fault keeps open; ended by close(). */
  readonly hanging: Set<ServerResponse>;
}

// Frappe commits only unsafe methods; a GET's writes are rolled back (notes §1).
const UNSAFE = new Set(['POST', 'PUT', 'DELETE', 'PATCH']);

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function route(ctx: Ctx, method: string, rawPath: string, form: FormDict, rawBody: string): RouteResult {
  const path = rawPath.replace(/\/+$/, '');
  const resource = /^\/api(?:\/v1)?\/resource\/([^/]+)(?:\/(.+))?$/.exec(path);
  if (resource) {
    if (ctx.user === GUEST) throw new FrappeError({ excType: 'PermissionError', errorMessage: `No permission for ${decode(resource[1] ?? '')}` });
    return resourceRoute(ctx, method, decode(resource[1] ?? ''), resource[2] === undefined ? undefined : decode(resource[2]), form, rawBody);
  }
  const call = /^\/api(?:\/v1)?\/method\/(.+)$/.exec(path);
  if (call) return methodRoute(ctx, method, decode(call[1] ?? ''), form);
  // An unknown /api route: a 404 with no message at all (notes §5).
  throw new FrappeError({ excType: 'DoesNotExistError' });
}

function notApi(): RawResponse {
  const body = '<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n<p>The requested URL was not found on the server.</p>\n';
  return { status: 404, body, headers: { 'Content-Type': 'text/html; charset=utf-8' } };
}

/** One request = one transaction: applied whole or not at all, whatever the fault afterwards. */
function process(deps: HandlerDeps, req: IncomingMessage, url: URL, rawBody: string): { response: RawResponse; after?: FaultSpec } {
  const { site, faults } = deps;
  const method = (req.method ?? 'GET').toUpperCase();
  const path = decode(url.pathname);
  if (!url.pathname.startsWith('/api/')) return { response: notApi() };
  const log = new MessageLog(site.randomHex);
  site.store.begin();
  try {
    const form = makeFormDict(req.headers['content-type'], rawBody, url.searchParams);
    const user = authenticate(site, req.headers.authorization);
    const fault = faults.take(method, path, ['status']);
    if (fault) {
      site.store.rollback();
      return { response: faultResponse(fault, deps.tracebacks) };
    }
    const after = faults.take(method, path, ['timeout', 'commit-then-drop']);
    if (after?.kind === 'timeout' && !after.commit) {
      site.store.rollback();
      return { response: { status: 0, body: '', headers: {} }, after };
    }
    const result = route({ site, user, log }, method, url.pathname, form, rawBody);
    if (UNSAFE.has(method)) site.store.commit();
    else site.store.rollback();
    return { response: { status: result.status, body: successBody(result.payload, log.entries), headers: { 'Content-Type': 'application/json' } }, ...(after ? { after } : {}) };
  } catch (error) {
    site.store.rollback();
    // A bug in the simulator still answers like Frappe's handle_exception: a 500 with the class name.
    const frappeError = isFrappeError(error) ? error : new FrappeError({ excType: (error as Error).name || 'Exception', excArg: String((error as Error).message ?? error), status: 500 });
    return { response: { status: frappeError.status, body: errorBody(frappeError, log.entries, deps.tracebacks), headers: { 'Content-Type': 'application/json' } } };
  }
}

/** The node:http request listener: logging, faults, then Frappe's pipeline (notes §1). */
export async function handleRequest(deps: HandlerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://simulator');
  const record = deps.requests.add((req.method ?? 'GET').toUpperCase(), decode(url.pathname));
  const rawBody = await readBody(req);
  const latency = deps.faults.take(record.method, record.path, ['latency']);
  if (latency) await new Promise((resolve) => setTimeout(resolve, latency.ms));
  const { response, after } = process(deps, req, url, rawBody);
  if (after?.kind === 'commit-then-drop') {
    req.socket.destroy();
    return;
  }
  if (after?.kind === 'timeout') {
    deps.hanging.add(res);
    res.on('close', () => deps.hanging.delete(res));
    return;
  }
  record.status = response.status;
  res.writeHead(response.status, { ...response.headers, 'Content-Length': Buffer.byteLength(response.body) });
  res.end(response.body);
}
