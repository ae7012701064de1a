import { SyncError } from '@shopsync/core';
import { createTransport, type JsonObject } from './http/http-transport';
import { listQuery, methodQuery } from './http/list-query';
import { insertMany } from './operations/insert-many';
import { updateChildTable, updateWithRetryOnConflict } from './operations/retry-on-conflict';
import type { CallMethodOptions, Doc, ErpnextClient, ErpnextClientOptions, Filters, ListOptions } from './types';

const LIST_ALL_PAGE = 100;

function resourcePath(doctype: string, name?: string): string {
  const base = `/api/resource/${encodeURIComponent(doctype)}`;
  return name === undefined ? base : `${base}/${encodeURIComponent(name)}`;
}

function validateOptions(options: ErpnextClientOptions): void {
  const problems: string[] = [];
  if (!/^https?:\/\//.test(options.baseUrl ?? '')) problems.push(`baseUrl must be an http(s) URL, got ${JSON.stringify(options.baseUrl)}`);
  if (!options.apiKey) problems.push('apiKey must be a non-empty string');
  if (!options.apiSecret) problems.push('apiSecret must be a non-empty string');
  for (const key of ['timeoutMs', 'concurrency'] as const) {
    const value = options[key];
    if (value !== undefined && !(Number.isInteger(value) && value > 0)) problems.push(`${key} must be a positive integer, got ${value}`);
  }
  const retries = options.maxReadRetries;
  if (retries !== undefined && !(Number.isInteger(retries) && retries >= 0)) problems.push(`maxReadRetries must be an integer >= 0, got ${retries}`);
  if (problems.length > 0) throw new TypeError(`createErpnextClient: ${problems.join('; ')}`);
}

/** A response that parsed as JSON but lacks the envelope key: a proxy or a non-Frappe server. */
function envelope<T>(body: JsonObject, key: 'data', path: string): T {
  if (!(key in body)) {
    throw SyncError.of('erpnext.unexpected_response', {
      message: `ERPNext response for ${path} has no "${key}" key`,
      details: { path, messages: [] },
    });
  }
  return body[key] as T;
}

/** Thin request builders over Frappe REST v1 (notes §2); errors come only from toErpnextError. */
export function createErpnextClient(options: ErpnextClientOptions): ErpnextClient {
  validateOptions(options);
  const send = createTransport(options);

  const client: ErpnextClient = {
    async getDoc<T extends Doc>(doctype: string, name: string) {
      const path = resourcePath(doctype, name);
      return envelope<T>(await send({ method: 'GET', path }), 'data', path);
    },
    async listDocs<T extends Doc>(doctype: string, listOptions?: ListOptions) {
      const path = resourcePath(doctype);
      return envelope<T[]>(await send({ method: 'GET', path, query: listQuery(listOptions) }), 'data', path);
    },
    async listAll<T extends Doc>(doctype: string, listOptions: ListOptions = {}) {
      const pageSize = listOptions.limitPageLength ?? LIST_ALL_PAGE;
      if (pageSize === 0) return client.listDocs<T>(doctype, listOptions);
      const rows: T[] = [];
      for (let start = listOptions.limitStart ?? 0; ; start += pageSize) {
        const page = await client.listDocs<T>(doctype, { ...listOptions, limitStart: start, limitPageLength: pageSize });
        rows.push(...page);
        if (page.length < pageSize) return rows;
      }
    },
    async findOne<T extends Doc>(doctype: string, filters: Filters, fields: readonly string[] = ['name']): Promise<T | undefined> {
      const rows = await client.listDocs<T>(doctype, { filters, fields, limitPageLength: 1 });
      return rows[0];
    },
    async count(doctype: string, filters?: Filters) {
      const args = filters === undefined ? { doctype } : { doctype, filters };
      return Number(await client.callMethod('frappe.client.get_count', args, { verb: 'GET' }));
    },
    async insertDoc<T extends Doc>(doctype: string, doc: Doc) {
      const path = resourcePath(doctype);
      return envelope<T>(await send({ method: 'POST', path, body: doc }), 'data', path);
    },
    async updateDoc<T extends Doc>(doctype: string, name: string, changes: Doc) {
      const path = resourcePath(doctype, name);
      return envelope<T>(await send({ method: 'PUT', path, body: changes }), 'data', path);
    },
    submitDoc<T extends Doc>(doctype: string, name: string) {
      return client.updateDoc<T>(doctype, name, { docstatus: 1 });
    },
    cancelDoc<T extends Doc>(doctype: string, name: string) {
      return client.updateDoc<T>(doctype, name, { docstatus: 2 });
    },
    async deleteDoc(doctype: string, name: string) {
      await send({ method: 'DELETE', path: resourcePath(doctype, name) });
    },
    insertMany(doctype: string, docs: readonly Doc[]) {
      return insertMany((method, args) => client.callMethod(method, args), doctype, docs);
    },
    updateWithRetryOnConflict(doctype, name, change, retryOptions) {
      return updateWithRetryOnConflict(client, doctype, name, change, retryOptions);
    },
    updateChildTable(doctype, name, table, edit, retryOptions) {
      return updateChildTable(client, doctype, name, table, edit, retryOptions);
    },
    async callMethod<T>(method: string, args: Readonly<Record<string, unknown>> = {}, callOptions: CallMethodOptions = {}) {
      const path = `/api/method/${method.split('/').map(encodeURIComponent).join('/')}`;
      const readOnly = callOptions.readOnly === true ? { readOnly: true } : {};
      const body = callOptions.verb === 'GET' ? await send({ method: 'GET', path, query: methodQuery(args) }) : await send({ method: 'POST', path, body: args, ...readOnly });
      // A method returning None has no `message` key at all (notes §2).
      return body.message as T;
    },
    async ping() {
      return String(await client.callMethod('ping', {}, { verb: 'GET' }));
    },
  };
  return client;
}
