import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { handleWebhook, type WebhookIngressDeps, type WebhookReply } from './handle-webhook';
import { handleOpsRoute, type OpsRoutes } from './ops-routes';
import { readRawBody } from './read-raw-body';

export interface WebhookServerOptions extends WebhookIngressDeps, OpsRoutes {
  readonly webhookPath: string;
  readonly bodyLimitBytes: number;
  readonly logger: Logger;
  /** Called after each accepted (committed) event, to wake the workers. */
  readonly onAccepted: () => void;
  /** Told each request's outcome and how long it took to answer (metrics). */
  readonly onAnswered: (outcome: string, seconds: number) => void;
  /** Monotonic seconds, for latencies. */
  readonly clock: () => number;
}

export interface RunningServer {
  readonly url: string;
  readonly server: Server;
  close(): Promise<void>;
}

function send(response: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
  response.end(body);
}

async function receive(request: IncomingMessage, options: WebhookServerOptions): Promise<WebhookReply | { status: 413 | 400; outcome: 'too_large' | 'aborted'; body: string }> {
  const body = await readRawBody(request, options.bodyLimitBytes);
  if (!body.ok) return body.reason === 'too_large' ? { status: 413, outcome: 'too_large', body: 'payload too large' } : { status: 400, outcome: 'aborted', body: 'request aborted' };
  return handleWebhook(request.headers, body.body, options);
}

/**
 * The webhook endpoint and the operator endpoints. Accepted and duplicate deliveries are logged at
 * debug (the inbox and its evidence are the record; at thousands a second an info line each would
 * be the bottleneck); refusals at warn, with the request headers (signatures are redacted).
 */
export function createWebhookServer(options: WebhookServerOptions): Server {
  return createServer((request, response) => {
    const started = options.clock();
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    if (handleOpsRoute(path, request, response, options)) return;
    if (path !== options.webhookPath) return send(response, 404, 'not found');
    if (request.method !== 'POST') return send(response, 405, 'method not allowed', { allow: 'POST' });
    void receive(request, options).then(
      (reply) => {
        const fields = { outcome: reply.outcome, status: reply.status, topic: request.headers['x-shopify-topic'] };
        if (reply.status === 200) options.logger.debug({ ...fields, inboxId: 'inboxId' in reply ? reply.inboxId : undefined }, 'webhook.received');
        else options.logger.warn({ ...fields, headers: request.headers }, 'webhook.refused');
        if (reply.outcome === 'accepted') options.onAccepted();
        send(response, reply.status, reply.body, reply.outcome === 'too_large' || reply.outcome === 'aborted' ? { connection: 'close' } : {});
        options.onAnswered(reply.outcome, options.clock() - started);
      },
      (error: unknown) => {
        // Not committed, so not acknowledged: Shopify retries the delivery later.
        options.logger.error({ err: error }, 'webhook.store_failed');
        send(response, 503, 'temporarily unavailable');
        options.onAnswered('store_failed', options.clock() - started);
      },
    );
  });
}

export function listen(server: Server, port: number, host: string): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address() as AddressInfo;
      resolve({
        url: `http://${host}:${address.port}`,
        server,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
