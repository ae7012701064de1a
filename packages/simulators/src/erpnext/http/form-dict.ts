import type { IncomingMessage } from 'node:http';
import { FrappeError } from '../wire/frappe-error';

export type FormDict = Record<string, unknown>;

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Python's json error text for the first unparsable character, e.g. "Expecting value: line 1 column 1 (char 0)". */
function jsonDecodeError(body: string, error: unknown): FrappeError {
  const at = Number(/position (\d+)/.exec(String((error as Error).message))?.[1] ?? 0);
  const before = body.slice(0, at);
  const line = before.split('\n').length;
  const column = at - before.lastIndexOf('\n');
  return new FrappeError({ excType: 'JSONDecodeError', excArg: `Expecting value: line ${line} column ${column} (char ${at})` });
}

/**
 * `make_form_dict` (notes §1): a JSON body *is* the form dict and the query string is ignored; a
 * JSON array becomes `data`. Otherwise query args and urlencoded fields are merged.
 */
export function makeFormDict(contentType: string | undefined, body: string, query: URLSearchParams): FormDict {
  const isJson = /^application\/([\w.+-]+\+)?json\b/i.test(contentType ?? '');
  if (isJson && body.trim() !== '') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body) as unknown;
    } catch (error) {
      throw jsonDecodeError(body, error);
    }
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
  try {
    return JSON.parse(source) as Record<string, unknown>;
  } catch (error) {
    throw jsonDecodeError(source, error);
  }
}
