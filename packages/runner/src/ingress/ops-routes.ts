import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ReadinessReport } from './readiness';

export interface OpsRoutes {
  readonly readiness: () => Promise<ReadinessReport>;
  readonly metrics: { readonly contentType: string; render(): Promise<string> };
}

function send(response: ServerResponse, status: number, body: string, contentType: string): void {
  response.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' });
  response.end(body);
}

/**
 * The operator endpoints next to the webhook path: /healthz (the process answers), /readyz (the store,
 * ERPNext and Shopify answer; 503 naming what is down), /metrics (Prometheus text). Returns false for
 * any other path.
 */
export function handleOpsRoute(path: string, request: IncomingMessage, response: ServerResponse, routes: OpsRoutes): boolean {
  if (path !== '/healthz' && path !== '/readyz' && path !== '/metrics') return false;
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
    response.end('method not allowed');
    return true;
  }
  if (path === '/healthz') {
    send(response, 200, 'ok', 'text/plain; charset=utf-8');
    return true;
  }
  const reply = path === '/readyz' ? readyz(routes) : metrics(routes);
  reply.then(
    ({ status, body, contentType }) => send(response, status, body, contentType),
    (error: unknown) => send(response, 500, JSON.stringify({ error: error instanceof Error ? error.message : String(error) }), 'application/json'),
  );
  return true;
}

async function readyz(routes: OpsRoutes) {
  const report = await routes.readiness();
  const body = JSON.stringify({ status: report.ready ? 'ready' : 'not_ready', down: report.down, checks: report.checks });
  return { status: report.ready ? 200 : 503, body, contentType: 'application/json' };
}

async function metrics(routes: OpsRoutes) {
  return { status: 200, body: await routes.metrics.render(), contentType: routes.metrics.contentType };
}
