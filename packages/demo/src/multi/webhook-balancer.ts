import { request, createServer, type Server } from 'node:http';

export interface BalancerStats {
  /** Webhooks answered by each runner, in runner order. */
  readonly forwarded: readonly number[];
  /** Forwards that got no answer (the runner was down or died mid-request): answered 502, so Shopify retries. */
  readonly failed: number;
}

/**
 * What sits in front of several `shopsync serve` in production: one public webhook address, each
 * request passed to the next runner in turn (round robin). It does not retry a POST on another runner
 * itself, as a load balancer by default does not (nginx's proxy_next_upstream skips non-idempotent
 * requests): a runner that is down or dies mid-request gets a 502 answered, and Shopify's own retry
 * (at least once, the same webhook id) lands on the next runner. The ingress is idempotent by webhook
 * id, so a webhook a dying runner stored before its 200 was lost is a duplicate there, not a second event.
 */
export class WebhookBalancer {
  private readonly server: Server;
  private next = 0;
  private readonly counts: number[];
  private failures = 0;

  constructor(private readonly ports: readonly number[]) {
    this.counts = ports.map(() => 0);
    this.server = createServer((incoming, answer) => {
      const index = this.next;
      this.next = (this.next + 1) % this.ports.length;
      const upstream = request(
        { host: '127.0.0.1', port: this.ports[index], method: incoming.method, path: incoming.url, headers: incoming.headers },
        (response) => {
          this.counts[index] = (this.counts[index] ?? 0) + 1;
          answer.writeHead(response.statusCode ?? 502, response.headers);
          response.pipe(answer);
        },
      );
      upstream.on('error', () => {
        this.failures += 1;
        if (!answer.headersSent) answer.writeHead(502, { 'content-type': 'text/plain' });
        answer.end('runner unavailable');
      });
      incoming.pipe(upstream);
    });
  }

  /** Listens on a free loopback port; resolves with its base URL. */
  listen(): Promise<string> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => {
        const address = this.server.address();
        resolve(`http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`);
      });
    });
  }

  stats(): BalancerStats {
    return { forwarded: [...this.counts], failed: this.failures };
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.closeAllConnections();
      this.server.close(() => resolve());
    });
  }
}
