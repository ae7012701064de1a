import { childRows } from '../model/new-doc';
import { DOC_ACTIONS, type Controller, type Ctx } from '../site/site';
import type { Doc } from '../types';
import { BILLING_LINK, updateOrderRows } from './sales-order-links';
import { computeTotals, fillItemDetails, fillPartyDetails, requireWarehouses } from './selling-details';
import { cancelSellingStock, postSellingStock } from './stock-movement';
import { SALES_INVOICE_RETURN, validateReturn } from '../model/sales-returns';

const num = (value: unknown): number => Number(value ?? 0) || 0;

/** `set_missing_values`: receivable account, due date, income account and cost center per row. */
export function prepareSalesInvoice(ctx: Ctx, doc: Doc): void {
  const d = ctx.site.defaults;
  fillPartyDetails(ctx, doc);
  fillItemDetails(ctx, doc, { warehouse: num(doc.update_stock) === 1 });
  if (!doc.debit_to) doc.debit_to = d.receivableAccount;
  if (!doc.due_date) doc.due_date = doc.posting_date;
  for (const row of childRows(doc, 'items')) {
    if (!row.income_account) row.income_account = d.incomeAccount;
    if (!row.cost_center) row.cost_center = d.costCenter;
  }
  computeTotals(ctx, doc);
}

function unpaidStatus(ctx: Ctx, doc: Doc): string {
  if (num(doc.is_return) === 1) return 'Return';
  if (num(doc.outstanding_amount) <= 0) return 'Paid';
  if (num(doc.outstanding_amount) < num(doc.rounded_total || doc.grand_total)) return 'Partly Paid';
  return String(doc.due_date ?? '') < ctx.site.clock.today() ? 'Overdue' : 'Unpaid';
}

/** ERPNext's `sales_invoice.py`: outstanding amount, Sales Order billing, optional stock update. */
export const salesInvoiceController: Controller = {
  prepare(ctx, doc, phase) {
    if (phase.action === DOC_ACTIONS.save || phase.action === DOC_ACTIONS.submit) prepareSalesInvoice(ctx, doc);
  },
  validate(ctx, doc, phase) {
    if (phase.action !== DOC_ACTIONS.save && phase.action !== DOC_ACTIONS.submit) return;
    if (num(doc.is_return) === 1) validateReturn(ctx, SALES_INVOICE_RETURN, doc);
    if (num(doc.update_stock) === 1) requireWarehouses(ctx, doc, (code) => `Warehouse required for stock Item ${code}`, 'ValidationError');
    doc.status = 'Draft';
  },
  afterSave(ctx, doc, phase) {
    if (phase.action === DOC_ACTIONS.submit) {
      if (num(doc.update_stock) === 1) postSellingStock(ctx, doc);
      updateOrderRows(ctx, doc, BILLING_LINK, 1);
      doc.outstanding_amount = num(doc.rounded_total || doc.grand_total);
      doc.status = unpaidStatus(ctx, doc);
    } else if (phase.action === DOC_ACTIONS.cancel) {
      if (num(doc.update_stock) === 1) cancelSellingStock(ctx, doc);
      updateOrderRows(ctx, doc, BILLING_LINK, -1);
      doc.status = 'Cancelled';
    } else return doc;
    ctx.site.store.put('Sales Invoice', doc);
    return doc;
  },
};


/** Called by Payment Entry: lowers (or on cancel raises) the invoice's outstanding amount. */
export function applyPaymentToInvoice(ctx: Ctx, invoiceName: string, amount: number): void {
  const invoice = ctx.site.store.get('Sales Invoice', invoiceName);
  if (!invoice || invoice.docstatus !== 1) return;
  invoice.outstanding_amount = Math.round((num(invoice.outstanding_amount) - amount) * 100) / 100;
  invoice.status = unpaidStatus(ctx, invoice);
  invoice.modified = ctx.site.clock.stamp();
  ctx.site.store.put('Sales Invoice', invoice);
}
