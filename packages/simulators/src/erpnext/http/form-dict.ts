import type { IncomingMessage } from 'node:http';
import { pythonJsonLoads } from '../wire/python-json-loads';

export type FormDict = Record<string, unknown>;

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * `make_form_dict` (notes §1): a JSON body *is* the form dict and the query string is ignored; a
 * JSON array becomes `data`. Otherwise query args and urlencoded fields are merged.
 */
export function makeFormDict(contentType: string | undefined, body: string, query: URLSearchParams): FormDict {
  const isJson = /^application\/([\w.+-]+\+)?json\b/i.test(contentType ?? '');
  if (isJson && body.trim() !== '') {
    const parsed = pythonJsonLoads(body);
    if (Array.isArray(parsed)) return { data: parsed };
    return typeof parsed === 'object' && parsed !== null ? (parsed as FormDict) : { data: parsed };
  }
  const form: FormDict = Object.fromEntries(query.entries());
  if (/^application\/x-www-form-urlencoded\b/i.test(contentType ?? '')) Object.assign(form, Object.fromEntries(new URLSearchParams(body).entries()));
  return form;
}

/** `get_request_form_data`: `data` (a JSON string from a form) or the raw JSON body. */
export function requestData(form: FormDict, rawBody: string): Record<string, unknown> {
  const source = form.data ?? (rawBody.trim() === '' ? {} : rawBody);
  if (typeof source !== 'string') return (source ?? {}) as Record<string, unknown>;
  return pythonJsonLoads(source) as Record<string, unknown>;
}
