import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

// A tiny webhook receiver for the Shopify simulator tests: verifies the HMAC over the raw body the
// way our real receiver must (notes §1.2), records every request, and answers as scripted.

export interface ReceivedWebhook {
  headers: http.IncomingHttpHeaders;
  rawBody: Buffer;
  hmacValid: boolean;
  /** Requests being handled by the receiver when this one arrived (itself included). */
  concurrentAtArrival: number;
}

/** Decides the reply; `hold` keeps the request open until `release()` (concurrency tests). */
export type ReceiverScript = (request: ReceivedWebhook, index: number) => number | 'hold';

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** Resolves once `count` requests have arrived. */
  waitFor(count: number): Promise<ReceivedWebhook[]>;
  /** Answer every held request with `status`. */
  release(status?: number): void;
  held(): number;
  close(): Promise<void>;
}

export function verifyShopifyHmac(rawBody: Buffer, header: string | undefined, secret: string): boolean {
  if (!header) return false;
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  const given = Buffer.from(header, 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export async function startWebhookReceiver(secret: string, script: ReceiverScript = () => 200): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const waiters: { count: number; resolve: (r: ReceivedWebhook[]) => void }[] = [];
  const heldResponses: http.ServerResponse[] = [];
  let active = 0;
  const server = http.createServer((req, res) => {
    active += 1;
    const concurrentAtArrival = active;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks);
      const header = req.headers['x-shopify-hmac-sha256'];
      const request = { headers: req.headers, rawBody, hmacValid: verifyShopifyHmac(rawBody, typeof header === 'string' ? header : undefined, secret), concurrentAtArrival };
      received.push(request);
      res.on('finish', () => (active -= 1));
      const reply = script(request, received.length - 1);
      if (reply === 'hold') heldResponses.push(res);
      else res.writeHead(reply).end();
      for (const w of waiters.filter((w) => received.length >= w.count)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(received.slice());
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks/shopify`,
    received,
    waitFor: (count) => (received.length >= count ? Promise.resolve(received.slice()) : new Promise((resolve) => waiters.push({ count, resolve }))),
    release: (status = 200) => heldResponses.splice(0).forEach((res) => res.writeHead(status).end()),
    held: () => heldResponses.length,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
