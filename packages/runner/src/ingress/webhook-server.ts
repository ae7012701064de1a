import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { handleWebhook, type WebhookIngressDeps } from './handle-webhook';
import { readRawBody } from './read-raw-body';

export interface WebhookServerOptions extends WebhookIngressDeps {
  readonly webhookPath: string;
  readonly bodyLimitBytes: number;
  readonly logger: Logger;
  /** Called after each accepted (committed) event, to wake the workers. */
  readonly onAccepted: () => void;
}

export interface RunningServer {
  readonly url: string;
  readonly server: Server;
  close(): Promise<void>;
}

function send(response: import('node:http').ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
  response.end(body);
}

export function createWebhookServer(options: WebhookServerOptions): Server {
  return createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (path === '/healthz') return send(response, 200, 'ok');
    if (path !== options.webhookPath) return send(response, 404, 'not found');
    if (request.method !== 'POST') return send(response, 405, 'method not allowed', { allow: 'POST' });
    void (async () => {
      const body = await readRawBody(request, options.bodyLimitBytes);
      if (!body.ok) {
        return send(response, body.reason === 'too_large' ? 413 : 400, body.reason === 'too_large' ? 'payload too large' : 'request aborted', { connection: 'close' });
      }
      try {
        const reply = await handleWebhook(request.headers, body.body, options);
        options.logger.info({ outcome: reply.outcome, status: reply.status, inboxId: reply.inboxId, topic: request.headers['x-shopify-topic'] }, 'webhook.received');
        if (reply.outcome === 'accepted') options.onAccepted();
        send(response, reply.status, reply.body);
      } catch (error) {
        // Not committed, so not acknowledged: Shopify retries the delivery later.
        options.logger.error({ err: error }, 'webhook.store_failed');
        send(response, 503, 'temporarily unavailable');
      }
    })();
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
        close: () => new Promise<void>((done) => {
          server.closeAllConnections();
          server.close(() => done());
        }),
      });
    });
  });
}
