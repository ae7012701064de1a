import type { IncomingMessage } from 'node:http';

export type RawBodyResult = { readonly ok: true; readonly body: Buffer } | { readonly ok: false; readonly reason: 'too_large' | 'aborted' };

/** Reads the body as bytes (the HMAC is over the exact bytes), refusing more than `limitBytes`. */
export function readRawBody(request: IncomingMessage, limitBytes: number): Promise<RawBodyResult> {
  return new Promise((resolve) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > limitBytes) {
      request.resume();
      resolve({ ok: false, reason: 'too_large' });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes && !settled) {
        settled = true;
        resolve({ ok: false, reason: 'too_large' });
      }
      if (!settled) chunks.push(chunk);
    });
    request.on('end', () => {
      if (!settled) {
        settled = true;
        resolve({ ok: true, body: Buffer.concat(chunks) });
      }
    });
    request.on('error', () => {
      if (!settled) {
        settled = true;
        resolve({ ok: false, reason: 'aborted' });
      }
    });
  });
}
