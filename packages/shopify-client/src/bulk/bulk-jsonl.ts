import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import axios from 'axios';
import { toShopifyError } from '../errors/to-shopify-error';

/** One line of a bulk result: an object, with `__parentId` when it is a child of another line. */
export type BulkRecord = Record<string, unknown> & { readonly id?: string; readonly __parentId?: string };

/**
 * Streams a bulk operation's JSONL result (notes §7) line by line, so a backfill of millions of
 * objects never sits in memory. Children may come before their parent (groupObjects: false), so
 * consumers should key records by `id` / `__parentId` rather than rely on order. The URL is a
 * signed storage URL: no access token is sent.
 */
export async function* streamBulkResult(url: string, options: { timeoutMs?: number } = {}): AsyncGenerator<BulkRecord> {
  let response: { status: number; data: Readable };
  try {
    response = await axios.get<Readable>(url, { responseType: 'stream', timeout: options.timeoutMs ?? 60_000, validateStatus: () => true, maxRedirects: 5 });
  } catch (cause) {
    throw toShopifyError({ kind: 'no-response', cause }, { document: 'BulkResult' });
  }
  if (response.status < 200 || response.status >= 300) {
    response.data.resume();
    throw toShopifyError({ kind: 'http', status: response.status, body: null }, { document: 'BulkResult' });
  }
  const lines = createInterface({ input: response.data, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    yield JSON.parse(line) as BulkRecord;
  }
}
