import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Doc, ErpnextClient } from '@shopsync/erpnext-client';

/** What the battery needs to know about the site under test (the simulator's seed, or a real one). */
export interface ContractSite {
  readonly company: string;
  readonly warehouse: string;
  /** Two stock Items with stock in `warehouse`. */
  readonly stockItems: readonly [string, string];
  readonly customerGroup: string;
  readonly territory: string;
}

export interface RawResponse {
  readonly status: number;
  readonly json: Record<string, unknown>;
}

export interface ContractTarget {
  readonly client: ErpnextClient;
  readonly site: ContractSite;
  /** Unique per run, so a real site can run the battery again without clashes. */
  readonly runId: string;
  /** The same site over plain HTTP, for what the client does not surface (a success's `_server_messages`). */
  readonly raw: (method: string, path: string, body?: unknown) => Promise<RawResponse>;
}

/** Raw requests with the API key, as any Frappe client sends them. */
export function rawHttp(baseUrl: string, apiKey: string, apiSecret: string): ContractTarget['raw'] {
  return async (method, path, body) => {
    const response = await fetch(baseUrl + path, {
      method,
      headers: { Authorization: `token ${apiKey}:${apiSecret}`, Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, json: text.startsWith('{') ? (JSON.parse(text) as Record<string, unknown>) : {} };
  };
}

export const MAKE_DN = 'erpnext.selling.doctype.sales_order.sales_order.make_delivery_note';
export const MAKE_SI = 'erpnext.selling.doctype.sales_order.sales_order.make_sales_invoice';
export const GET_PE = 'erpnext.accounts.doctype.payment_entry.payment_entry.get_payment_entry';
export const FAR_DATE = '2099-12-31';

/** The unique operation-key field the companion app installs on Customer (DESIGN §6). */
export function customerKeyField(): { fieldname: string; label: string } {
  const file = resolve(__dirname, '../../frappe_app/shopsync/custom_fields.json');
  const fields = (JSON.parse(readFileSync(file, 'utf8')) as Record<string, Array<{ fieldname: string; label: string; unique?: number }>>).Customer ?? [];
  const key = fields.find((f) => f.unique === 1);
  if (!key) throw new Error(`${file} defines no unique custom field on Customer`);
  return key;
}

/** Uniquely named documents the battery builds on (a run id in every name and key). */
export function contractFixtures(t: () => ContractTarget) {
  const key = customerKeyField();
  const customerBody = (suffix: string, extra: Doc = {}): Doc => ({
    customer_name: `Contract ${t().runId} ${suffix}`,
    customer_type: 'Individual',
    customer_group: t().site.customerGroup,
    territory: t().site.territory,
    [key.fieldname]: `${t().runId}:${suffix}`,
    ...extra,
  });
  const customer = (suffix: string, extra: Doc = {}) => t().client.insertDoc('Customer', customerBody(suffix, extra));
  const line = (index: 0 | 1, extra: Doc = {}) => ({ item_code: t().site.stockItems[index], qty: 1, rate: 10, warehouse: t().site.warehouse, ...extra });
  const order = (customerName: string, extra: Doc = {}) =>
    t().client.insertDoc('Sales Order', { customer: customerName, company: t().site.company, delivery_date: FAR_DATE, items: [line(0)], ...extra });
  return { key, customerBody, customer, line, order };
}
