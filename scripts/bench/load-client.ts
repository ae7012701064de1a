import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import type { Webhook } from './shopify-webhooks';

/**
 * The load side of `npm run bench`, in its own process so the server under test has its own core:
 * N keep-alive connections (node:http Agent), each sending one signed webhook after another (no
 * pipelining, like Shopify's senders). Each request is signed here (HMAC-SHA256 of its body with the
 * shop's secret), as Shopify signs it.
 *
 * timed: orders/create bodies from templates, each request a new order id and a new webhook id,
 *   for warm-up + duration; answers the latencies and statuses of the requests sent after warm-up.
 * list: every webhook of a file exactly once, in order, over the connections; answers when the
 *   first was sent and the last answered (epoch ms).
 */
export type ClientArgs =
  | { readonly mode: 'timed'; readonly url: string; readonly connections: number; readonly shop: string; readonly secret: string; readonly templatesFile: string; readonly idBase: number; readonly warmupMs: number; readonly durationMs: number }
  | { readonly mode: 'list'; readonly url: string; readonly connections: number; readonly shop: string; readonly secret: string; readonly webhooksFile: string };

export interface TimedResult {
  readonly type: 'timed';
  readonly latenciesMs: number[];
  readonly statuses: Record<string, number>;
  readonly sent: number;
  readonly clientCpuMs: number;
}

export interface ListResult {
  readonly type: 'list';
  readonly firstSentAt: number;
  readonly lastAnsweredAt: number;
  readonly statuses: Record<string, number>;
}

const args = JSON.parse(process.argv[2] ?? '{}') as ClientArgs;
// The benchmark gone (its IPC channel closed): stop loading whatever is left.
process.on('disconnect', () => process.exit(0));
const target = new URL(args.url);
const agent = new Agent({ keepAlive: true, maxSockets: args.connections });
const epochNow = () => performance.timeOrigin + performance.now();

function post(topic: string, body: Buffer, ids: { webhookId: string; eventId: string; triggeredAt: string; apiVersion: string }): Promise<number> {
  const headers = {
    'content-type': 'application/json',
    'content-length': String(body.length),
    'x-shopify-topic': topic,
    'x-shopify-shop-domain': args.shop,
    'x-shopify-webhook-id': ids.webhookId,
    'x-shopify-event-id': ids.eventId,
    'x-shopify-triggered-at': ids.triggeredAt,
    'x-shopify-api-version': ids.apiVersion,
    'x-shopify-hmac-sha256': createHmac('sha256', args.secret).update(body).digest('base64'),
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

async function timed(a: Extract<ClientArgs, { mode: 'timed' }>): Promise<TimedResult> {
  const templates = JSON.parse(readFileSync(a.templatesFile, 'utf8')) as string[][];
  const start = performance.now();
  const measureFrom = start + a.warmupMs;
  const end = measureFrom + a.durationMs;
  const latenciesMs: number[] = [];
  const statuses: Record<string, number> = {};
  let sequence = 0;
  async function connection(): Promise<void> {
    for (;;) {
      const sent = performance.now();
      if (sent >= end) return;
      const n = sequence;
      sequence += 1;
      const id = a.idBase + n;
      const body = Buffer.from(templates[n % templates.length]!.join(String(id)));
      const status = await post('orders/create', body, { webhookId: `bench-${a.idBase}-${n}`, eventId: `bench-event-${a.idBase}-${n}`, triggeredAt: new Date().toISOString(), apiVersion: '2026-10' });
      const done = performance.now();
      if (sent >= measureFrom && done <= end) {
        latenciesMs.push(done - sent);
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    }
  }
  const cpuBefore = process.cpuUsage();
  await Promise.all(Array.from({ length: a.connections }, connection));
  const cpu = process.cpuUsage(cpuBefore);
  return { type: 'timed', latenciesMs, statuses, sent: sequence, clientCpuMs: (cpu.user + cpu.system) / 1000 };
}

async function list(a: Extract<ClientArgs, { mode: 'list' }>): Promise<ListResult> {
  const webhooks = (JSON.parse(readFileSync(a.webhooksFile, 'utf8')) as Webhook[]).map((w) => ({ ...w, bytes: Buffer.from(w.body) }));
  const statuses: Record<string, number> = {};
  let next = 0;
  const firstSentAt = epochNow();
  async function connection(): Promise<void> {
    while (next < webhooks.length) {
      const w = webhooks[next]!;
      next += 1;
      const status = await post(w.topic, w.bytes, w);
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  }
  await Promise.all(Array.from({ length: Math.min(a.connections, webhooks.length) }, connection));
  return { type: 'list', firstSentAt, lastAnsweredAt: epochNow(), statuses };
}

async function main(): Promise<void> {
  const result = args.mode === 'timed' ? await timed(args) : await list(args);
  agent.destroy();
  process.send?.(result, () => process.exit(0));
}

main().catch((error: unknown) => {
  process.stderr.write(`load client: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
