import { listDocs } from '../list/list-docs';
import { deleteDoc, insertDoc, readDoc, saveDoc } from '../model/document-service';
import { asDict } from '../model/serialize-doc';
import { requireMeta, type Ctx } from '../site/site';
import type { Doc } from '../types';
import { FrappeError } from '../wire/frappe-error';
import { pythonJsonLoads } from '../wire/python-json-loads';
import type { FormDict } from './form-dict';
import { requestData } from './form-dict';

export interface RouteResult {
  readonly status: number;
  readonly payload: Record<string, unknown>;
}

const data = (ctx: Ctx, doctype: string, doc: Doc): RouteResult => ({ status: 200, payload: { data: asDict(ctx, requireMeta(ctx, doctype), doc) } });

/** `POST /api/resource/{doctype}/{name}` with `run_method`: only submit and cancel are simulated. */
function runMethod(ctx: Ctx, doctype: string, name: string, form: FormDict): RouteResult {
  const method = String(form.run_method ?? '');
  const extra = Object.keys(form).filter((k) => k !== 'run_method');
  // Extra keys become kwargs of the method, which Python rejects (notes §2).
  if (extra.length > 0) throw new FrappeError({ excType: 'ValidationError', excArg: `${method}() got an unexpected keyword argument '${extra[0]}'` });
  if (method === 'submit') return data(ctx, doctype, saveDoc(ctx, doctype, name, { docstatus: 1 }));
  if (method === 'cancel') return data(ctx, doctype, saveDoc(ctx, doctype, name, { docstatus: 2 }));
  ctx.log.throw(`Method ${method} not found`, 'PermissionError');
}

/**
 * `/api/resource/...` (notes §2): list, insert, read, update, delete and run_method, with the
 * `{"data": ...}` envelope; DELETE answers 202 `{"data": "ok"}`.
 */
export function resourceRoute(ctx: Ctx, method: string, doctype: string, name: string | undefined, form: FormDict, rawBody: string): RouteResult {
  if (name === undefined) {
    if (method === 'GET') {
      // `limit_page_length` wins, then `limit`, then 20 (document_list's setdefault). document_list
      // also does `json.loads` on a non-empty `fields` with no guard, unlike get_list's comma fallback.
      const fields = typeof form.fields === 'string' && form.fields !== '' ? pythonJsonLoads(form.fields) : form.fields;
      return { status: 200, payload: { data: listDocs(ctx, doctype, { ...form, fields }) } };
    }
    if (method === 'POST') {
      const body = { ...requestData(form, rawBody) };
      delete body.doctype;
      return data(ctx, doctype, insertDoc(ctx, doctype, body));
    }
  } else {
    if (method === 'GET') {
      if (form.run_method) return runMethod(ctx, doctype, name, form);
      return data(ctx, doctype, readDoc(ctx, doctype, name));
    }
    if (method === 'PUT') {
      const body = { ...requestData(form, rawBody) };
      delete body.flags;
      return data(ctx, doctype, saveDoc(ctx, doctype, name, body));
    }
    if (method === 'DELETE') {
      deleteDoc(ctx, doctype, name);
      return { status: 202, payload: { data: 'ok' } };
    }
    if (method === 'POST') return runMethod(ctx, doctype, name, form);
  }
  // werkzeug's MethodNotAllowed for a verb the route does not map.
  throw new FrappeError({ excType: 'DoesNotExistError' });
}
