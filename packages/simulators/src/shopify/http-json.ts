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

/** The raw body as text, or null when it is larger than `limitBytes` (read to the end either way). */
export function readBodyText(request: IncomingMessage, limitBytes = MAX_BODY_BYTES): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limitBytes) chunks.push(chunk);
    });
    request.on('error', reject);
    request.on('end', () => resolve(size > limitBytes ? null : Buffer.concat(chunks).toString('utf8')));
  });
}

export async function readJsonBody(request: IncomingMessage): Promise<{ ok: true; value: unknown } | { ok: false; message: string }> {
  const text = await readBodyText(request);
  if (text === null) return { ok: false, message: `body larger than ${MAX_BODY_BYTES} bytes` };
  if (text.trim() === '') return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, message: 'body is not valid JSON' };
  }
}

export function sendJson(response: ServerResponse, reply: JsonReply, headers: Record<string, string> = {}): void {
  const body = Buffer.from(JSON.stringify(reply.body), 'utf8');
  response.writeHead(reply.status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(body.length), ...headers });
  response.end(body);
}
