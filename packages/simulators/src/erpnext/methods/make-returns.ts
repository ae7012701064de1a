import { prepareDeliveryNote } from '../controllers/delivery-note';
import { prepareSalesInvoice } from '../controllers/sales-invoice';
import { childRows } from '../model/new-doc';
import { DELIVERY_NOTE_RETURN, SALES_INVOICE_RETURN, draftReturn } from '../model/sales-returns';
import type { Ctx } from '../site/site';
import type { Doc } from '../types';
import { stringArg, type MethodArgs } from './method-types';

const num = (value: unknown): number => Number(value ?? 0) || 0;

/** Sales Invoice make_sales_return: a credit note; Actual taxes and the additional discount are negated too. */
export function makeSalesReturn(ctx: Ctx, args: MethodArgs): Doc {
  const { source, draft } = draftReturn(ctx, SALES_INVOICE_RETURN, stringArg(args, 'source_name'));
  draft.posting_date = ctx.site.clock.today();
  draft.discount_amount = -num(source.discount_amount);
  for (const tax of childRows(draft, 'taxes')) if (tax.charge_type === 'Actual') tax.tax_amount = -num(tax.tax_amount);
  prepareSalesInvoice(ctx, draft);
  return draft;
}

/** Delivery Note make_sales_return: on submit the stock comes back and the order's delivered quantity goes down. */
export function makeDeliveryReturn(ctx: Ctx, args: MethodArgs): Doc {
  const { draft } = draftReturn(ctx, DELIVERY_NOTE_RETURN, stringArg(args, 'source_name'));
  prepareDeliveryNote(ctx, draft);
  return draft;
}
