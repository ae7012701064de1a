import { prepareDeliveryNote } from '../controllers/delivery-note';
import { preparePaymentEntry } from '../controllers/payment-entry';
import { prepareSalesInvoice } from '../controllers/sales-invoice';
import { asDict } from '../model/serialize-doc';
import { buildNewDoc } from '../model/new-doc';
import { getDocOr404, requireMeta, type Ctx } from '../site/site';
import type { Doc } from '../types';
import { makeDeliveryReturn, makeSalesReturn } from './make-returns';
import { mapDocument } from './map-document';
import { FrappeError } from '../wire/frappe-error';
import { pythonTruthy, pythonTypeName, stringArg, type MethodArgs, type WhitelistedMethod } from './method-types';

const num = (value: unknown): number => Number(value ?? 0) || 0;

/** Unsaved drafts serialise like any Document returned by a method: as_dict(no_nulls=True). */
function draft(ctx: Ctx, doc: Doc): Record<string, unknown> {
  const meta = requireMeta(ctx, String(doc.doctype));
  const out = asDict(ctx, meta, doc);
  // Nothing is named before insert: the parent and its rows have no `name` yet.
  delete out.name;
  for (const table of meta.tables) for (const row of (out[table.fieldname] as Array<Record<string, unknown>>) ?? []) delete row.name;
  return out;
}

/**
 * Rows not yet fully billed, for their unbilled amount (`make_sales_invoice`). v15's condition is
 * `doc.qty and (doc.base_amount == 0 or abs(doc.billed_amt) < abs(doc.amount))`: a row worth nothing
 * (a unit rate that rounds to 0) is always mapped, and its quantity is the ordered one less returns
 * (`update_item`: amount / rate only when the row has a rate and was billed before).
 */
function makeSalesInvoice(ctx: Ctx, args: MethodArgs): unknown {
  const order = getDocOr404(ctx, 'Sales Order', stringArg(args, 'source_name'));
  const invoice = mapDocument(ctx, order, 'Sales Invoice', {
    sourceTable: 'items',
    targetTable: 'items',
    fieldMap: { name: 'so_detail', parent: 'sales_order' },
    adjust: (line, row) => {
      const amount = num(line.amount);
      const billed = num(line.billed_amt);
      if (!num(line.qty) || !(num(line.base_amount ?? amount) === 0 || Math.abs(billed) < Math.abs(amount))) return false;
      row.qty = num(line.rate) && billed ? Math.round(((amount - billed) / num(line.rate)) * 1e6) / 1e6 : num(line.qty) - num(line.returned_qty);
      row.sales_order = order.name;
      return true;
    },
  });
  prepareSalesInvoice(ctx, invoice);
  return draft(ctx, invoice);
}

/** Rows not yet fully delivered and not drop-shipped, for the pending quantity (`make_delivery_note`). */
function makeDeliveryNote(ctx: Ctx, args: MethodArgs): unknown {
  const order = getDocOr404(ctx, 'Sales Order', stringArg(args, 'source_name'));
  const note = mapDocument(ctx, order, 'Delivery Note', {
    sourceTable: 'items',
    targetTable: 'items',
    fieldMap: { name: 'so_detail' },
    adjust: (line, row) => {
      if (Math.abs(num(line.delivered_qty)) >= Math.abs(num(line.qty)) || num(line.delivered_by_supplier) === 1) return false;
      row.qty = num(line.qty) - num(line.delivered_qty);
      row.against_sales_order = order.name;
      return true;
    },
  });
  prepareDeliveryNote(ctx, note);
  return draft(ctx, note);
}

/**
 * `party_amount` as v15's get_payment_entry uses it, unconverted: `if party_amount:` (Python
 * truthiness, so "0" counts) then `abs(outstanding_amount)` in set_paid_amount_and_received_amount.
 * From a query string it is a str, and abs() of a str is the 500 TypeError a real site answers
 * (observed 2026-12-04). Undefined means "not given": the outstanding amount is used.
 */
function partyAmount(value: unknown): number | undefined {
  if (!pythonTruthy(value)) return undefined;
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return 1;
  throw new FrappeError({ excType: 'TypeError', excArg: `bad operand type for abs(): '${pythonTypeName(value)}'` });
}

/** `get_payment_entry(dt, dn, party_amount)`: a receipt for the outstanding (or unbilled) amount. */
function getPaymentEntry(ctx: Ctx, args: MethodArgs): unknown {
  const dt = stringArg(args, 'dt');
  const source = getDocOr404(ctx, dt, stringArg(args, 'dn'));
  if (source.docstatus !== 1) ctx.log.throw(`${dt} ${source.name} must be submitted`);
  const outstanding = dt === 'Sales Invoice' ? num(source.outstanding_amount) : num(source.rounded_total || source.grand_total) * (1 - num(source.per_billed) / 100);
  // A credit note's outstanding is negative: the money goes back to the customer (payment_type Pay).
  const refund = dt === 'Sales Invoice' && num(source.is_return) === 1 && outstanding < 0;
  if ((!refund && outstanding <= 0) || (dt === 'Sales Order' && num(source.per_billed) >= 99.99)) ctx.log.throw(`Can only make payment against unbilled ${dt}`);
  const amount = partyAmount(args.party_amount) ?? Math.abs(outstanding);
  const receivable = dt === 'Sales Invoice' ? source.debit_to : ctx.site.defaults.receivableAccount;
  const entry = buildNewDoc(ctx, requireMeta(ctx, 'Payment Entry'), {
    payment_type: refund ? 'Pay' : 'Receive',
    company: source.company,
    party_type: 'Customer',
    party: source.customer,
    ...(refund ? { paid_from: ctx.site.defaults.cashAccount, paid_to: receivable } : { paid_from: receivable }),
    paid_amount: amount,
    received_amount: amount,
    references: [{ reference_doctype: dt, reference_name: source.name, due_date: source.due_date ?? source.delivery_date ?? null, total_amount: num(source.rounded_total || source.grand_total), outstanding_amount: outstanding, allocated_amount: refund ? outstanding : Math.min(amount, outstanding) }],
  });
  preparePaymentEntry(ctx, entry);
  entry.__islocal = 1;
  entry.__unsaved = 1;
  return draft(ctx, entry);
}

/** ERPNext's whitelisted mapper methods used by the order flow (notes §9). */
export const ERPNEXT_MAPPER_METHODS: Readonly<Record<string, WhitelistedMethod>> = {
  'erpnext.selling.doctype.sales_order.sales_order.make_sales_invoice': { run: makeSalesInvoice },
  'erpnext.selling.doctype.sales_order.sales_order.make_delivery_note': { run: makeDeliveryNote },
  'erpnext.accounts.doctype.payment_entry.payment_entry.get_payment_entry': { run: getPaymentEntry },
  'erpnext.accounts.doctype.sales_invoice.sales_invoice.make_sales_return': { run: (ctx, args) => draft(ctx, makeSalesReturn(ctx, args)) },
  'erpnext.stock.doctype.delivery_note.delivery_note.make_sales_return': { run: (ctx, args) => draft(ctx, makeDeliveryReturn(ctx, args)) },
};
