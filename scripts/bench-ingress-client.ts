import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';

/**
 * The load side of `npm run bench`, in its own process so the server has its own core: N keep-alive
 * connections, each sending one signed webhook after another (no pipelining, like Shopify's senders).
 * Every request carries a new X-Shopify-Webhook-Id; bodies and their signatures are precomputed.
 */
interface ClientArgs {
  readonly url: string;
  readonly connections: number;
  readonly warmupMs: number;
  readonly durationMs: number;
  readonly shop: string;
  readonly runId: string;
  readonly bodiesFile: string;
}

const args = JSON.parse(process.argv[2] ?? '{}') as ClientArgs;
const bodies = (JSON.parse(readFileSync(args.bodiesFile, 'utf8')) as Array<{ body: string; hmac: string }>).map((b) => ({ body: Buffer.from(b.body), hmac: b.hmac }));
const target = new URL(args.url);
const agent = new Agent({ keepAlive: true, maxSockets: args.connections });
let sequence = 0;

function post(): Promise<number> {
  const { body, hmac } = bodies[sequence % bodies.length]!;
  sequence += 1;
  const headers = {
    'content-type': 'application/json',
    'content-length': String(body.length),
    'x-shopify-topic': 'orders/create',
    'x-shopify-shop-domain': args.shop,
    'x-shopify-webhook-id': `${args.runId}-${sequence}`,
    'x-shopify-event-id': `event-${sequence}`,
    'x-shopify-triggered-at': '2026-11-27T10:00:00.000Z',
    'x-shopify-api-version': '2026-10',
    'x-shopify-hmac-sha256': hmac,
  };
  return new Promise((resolve, reject) => {
    const req = request({ agent, host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function main(): Promise<void> {
  const start = performance.now();
  const measureFrom = start + args.warmupMs;
  const end = measureFrom + args.durationMs;
  const latenciesMs: number[] = [];
  const statuses: Record<string, number> = {};
  async function connection(): Promise<void> {
    for (;;) {
      const sent = performance.now();
      if (sent >= end) return;
      const status = await post();
      const done = performance.now();
      if (sent >= measureFrom && done <= end) {
        latenciesMs.push(done - sent);
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    }
  }
  const cpuBefore = process.cpuUsage();
  await Promise.all(Array.from({ length: args.connections }, connection));
  const cpu = process.cpuUsage(cpuBefore);
  agent.destroy();
  process.send?.({ latenciesMs, statuses, clientCpuMs: (cpu.user + cpu.system) / 1000 });
}

void main();
