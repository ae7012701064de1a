import { prepareSalesInvoice } from '../controllers/sales-invoice';
import { childRows } from '../model/new-doc';
import { getDocOr404, type Ctx } from '../site/site';
import type { Doc } from '../types';
import { mapDocument } from './map-document';
import { stringArg, type MethodArgs } from './method-types';

const num = (value: unknown): number => Number(value ?? 0) || 0;

/** Quantity of each original row already given back by submitted returns against the invoice. */
export function returnedQuantities(ctx: Ctx, invoiceName: string, exceptReturn?: string): Map<string, number> {
  const returned = new Map<string, number>();
  for (const other of ctx.site.store.all('Sales Invoice')) {
    if (other.return_against !== invoiceName || other.docstatus !== 1 || other.name === exceptReturn) continue;
    for (const row of childRows(other, 'items')) {
      const source = String(row.sales_invoice_item ?? '');
      returned.set(source, (returned.get(source) ?? 0) + Math.abs(num(row.qty)));
    }
  }
  return returned;
}

/**
 * ERPNext's `make_sales_return` (controllers/sales_and_purchase_return.make_return_doc): a draft
 * credit note against a submitted invoice, every row's remaining quantity negated, Actual taxes and
 * the additional discount negated, each row pointing at the row it gives back.
 */
export function makeSalesReturn(ctx: Ctx, args: MethodArgs): Doc {
  const invoice = getDocOr404(ctx, 'Sales Invoice', stringArg(args, 'source_name'));
  if (num(invoice.is_return) === 1) ctx.log.throw(`Sales Invoice ${String(invoice.name)} is itself a return`, 'ValidationError', { erpnext: true });
  const returned = returnedQuantities(ctx, String(invoice.name));
  const credit = mapDocument(ctx, invoice, 'Sales Invoice', {
    sourceTable: 'items',
    targetTable: 'items',
    fieldMap: { name: 'sales_invoice_item' },
    adjust: (line, row) => {
      const left = num(line.qty) - (returned.get(String(line.name)) ?? 0);
      if (left <= 0) return false;
      row.qty = -left;
      return true;
    },
  });
  credit.is_return = 1;
  credit.return_against = invoice.name;
  credit.naming_series = 'ACC-SINV-RET-.YYYY.-';
  credit.posting_date = ctx.site.clock.today();
  credit.discount_amount = -num(invoice.discount_amount);
  for (const tax of childRows(credit, 'taxes')) if (tax.charge_type === 'Actual') tax.tax_amount = -num(tax.tax_amount);
  prepareSalesInvoice(ctx, credit);
  return credit;
}
