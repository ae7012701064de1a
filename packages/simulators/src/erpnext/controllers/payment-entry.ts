import { childRows } from '../model/new-doc';
import { DOC_ACTIONS, findDoc, type Controller, type Ctx } from '../site/site';
import type { Doc } from '../types';
import { applyPaymentToInvoice } from './sales-invoice';

const num = (value: unknown): number => Number(value ?? 0) || 0;

/** Party details, default accounts and currencies, allocation totals. */
export function preparePaymentEntry(ctx: Ctx, doc: Doc): void {
  const d = ctx.site.defaults;
  if (doc.party_type === 'Customer' && doc.party) {
    const customer = findDoc(ctx, 'Customer', String(doc.party));
    if (!customer) ctx.log.throw(`Customer ${String(doc.party)} not found`, 'DoesNotExistError');
    doc.party_name = customer.customer_name;
  }
  if (doc.payment_type === 'Receive') {
    if (!doc.paid_from) doc.paid_from = d.receivableAccount;
    if (!doc.paid_to) doc.paid_to = d.cashAccount;
  }
  if (!doc.paid_from_account_currency) doc.paid_from_account_currency = d.currency;
  if (!doc.paid_to_account_currency) doc.paid_to_account_currency = d.currency;
  if (!num(doc.source_exchange_rate)) doc.source_exchange_rate = 1;
  if (!num(doc.target_exchange_rate)) doc.target_exchange_rate = 1;
  if (doc.received_amount === null || doc.received_amount === undefined) doc.received_amount = doc.paid_amount;
  const allocated = childRows(doc, 'references').reduce((sum, row) => sum + num(row.allocated_amount), 0);
  doc.total_allocated_amount = Math.round(allocated * 100) / 100;
  doc.unallocated_amount = Math.round((num(doc.paid_amount) - allocated) * 100) / 100;
}

function validateReferences(ctx: Ctx, doc: Doc): void {
  for (const row of childRows(doc, 'references')) {
    if (row.reference_doctype !== 'Sales Invoice') continue;
    const invoice = findDoc(ctx, 'Sales Invoice', String(row.reference_name ?? ''));
    if (!invoice) continue;
    row.total_amount = num(invoice.rounded_total || invoice.grand_total);
    row.outstanding_amount = num(invoice.outstanding_amount);
    if (Math.abs(num(row.allocated_amount)) > Math.abs(num(invoice.outstanding_amount)) + 0.005) {
      ctx.log.throw(`Row #${String(row.idx)}: Allocated Amount cannot be greater than outstanding amount.`, 'ValidationError', { erpnext: true });
    }
  }
}

function applyReferences(ctx: Ctx, doc: Doc, sign: 1 | -1): void {
  for (const row of childRows(doc, 'references')) {
    if (row.reference_doctype === 'Sales Invoice') applyPaymentToInvoice(ctx, String(row.reference_name), sign * num(row.allocated_amount));
  }
}

/** ERPNext's `payment_entry.py`: a receipt against invoices lowers their outstanding amounts. */
export const paymentEntryController: Controller = {
  prepare(ctx, doc, phase) {
    if (phase.action === DOC_ACTIONS.save || phase.action === DOC_ACTIONS.submit) preparePaymentEntry(ctx, doc);
  },
  validate(ctx, doc, phase) {
    if (phase.action !== DOC_ACTIONS.save && phase.action !== DOC_ACTIONS.submit) return;
    // mandatory_depends_on: either account being a Bank account makes the reference mandatory.
    const bankSide = [doc.paid_to, doc.paid_from].some((account) => findDoc(ctx, 'Account', String(account ?? ''))?.account_type === 'Bank');
    if (bankSide && !(doc.reference_no && doc.reference_date)) {
      ctx.log.throw('Reference No and Reference Date is mandatory for Bank transaction', 'ValidationError', { erpnext: true });
    }
    validateReferences(ctx, doc);
    doc.status = 'Draft';
  },
  afterSave(ctx, doc, phase) {
    if (phase.action === DOC_ACTIONS.submit) {
      applyReferences(ctx, doc, 1);
      doc.status = 'Submitted';
    } else if (phase.action === DOC_ACTIONS.cancel) {
      applyReferences(ctx, doc, -1);
      doc.status = 'Cancelled';
    } else return doc;
    ctx.site.store.put('Payment Entry', doc);
    return doc;
  },
};
