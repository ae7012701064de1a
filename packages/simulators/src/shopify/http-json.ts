import type { IncomingMessage, ServerResponse } from 'node:http';

/** Driver request bodies are small JSON objects; anything above this is a caller bug. */
const MAX_BODY_BYTES = 1024 * 1024;

export interface JsonReply {
  status: number;
  body: unknown;
}

/** Shopify's bodies for these statuses, so clients written against Shopify parse ours too. */
export const SHOPIFY_ERROR_REPLIES = {
  notFound: { status: 404, body: { errors: 'Not Found' } },
  unauthorized: { status: 401, body: { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' } },
} as const;

export function readJsonBody(request: IncomingMessage): Promise<{ ok: true; value: unknown } | { ok: false; message: string }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on('error', reject);
    request.on('end', () => {
      if (size > MAX_BODY_BYTES) return resolve({ ok: false, message: `body larger than ${MAX_BODY_BYTES} bytes` });
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '') return resolve({ ok: true, value: {} });
      try {
        resolve({ ok: true, value: JSON.parse(text) as unknown });
      } catch {
        resolve({ ok: false, message: 'body is not valid JSON' });
      }
    });
  });
}

export function sendJson(response: ServerResponse, reply: JsonReply): void {
  const body = Buffer.from(JSON.stringify(reply.body), 'utf8');
  response.writeHead(reply.status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(body.length) });
  response.end(body);
}
