import type { Ctx } from '../site/site';
import type { Doc } from '../types';
import { DOC_ACTIONS, type Controller } from './controller';
import { DELIVERY_LINK, updateOrderRows } from './sales-order-links';
import { computeTotals, fillItemDetails, fillPartyDetails, requireWarehouses } from './selling-details';
import { cancelSellingStock, postSellingStock } from './stock-movement';
import { setPostingNow } from './stock-voucher-defaults';
import { childRows } from '../model/new-doc';
import { returnedDeliveryQuantities } from '../methods/make-delivery-return';

const num = (value: unknown): number => Number(value ?? 0) || 0;

/** validate_return for deliveries: negative quantities, never more back than was delivered. */
function validateDeliveryReturn(ctx: Ctx, doc: Doc): void {
  const positive = childRows(doc, 'items').find((row) => num(row.qty) > 0);
  if (positive) ctx.log.throw(`Row #${String(positive.idx)}: Quantity must be negative in return document`, 'ValidationError', { erpnext: true });
  const original = doc.return_against ? ctx.site.store.get('Delivery Note', String(doc.return_against)) : undefined;
  if (!original || original.docstatus !== 1) return;
  const returned = returnedDeliveryQuantities(ctx, String(original.name), String(doc.name ?? ''));
  for (const row of childRows(doc, 'items')) {
    const source = childRows(original, 'items').find((line) => line.name === row.dn_detail);
    if (!source) continue;
    const left = num(source.qty) - (returned.get(String(source.name)) ?? 0);
    if (Math.abs(num(row.qty)) > left + 1e-9) {
      ctx.log.throw(`Row # ${String(row.idx)}: Cannot return more than ${left} for Item ${String(row.item_code)}`, 'ValidationError', { erpnext: true });
    }
  }
}

/** `set_missing_values` + totals: shared by validate and `make_delivery_note` drafts. */
export function prepareDeliveryNote(ctx: Ctx, doc: Doc): void {
  fillPartyDetails(ctx, doc);
  fillItemDetails(ctx, doc, { warehouse: true });
  computeTotals(ctx, doc);
}

/** ERPNext's `delivery_note.py`: stock out on submit, Sales Order delivered quantities, status. */
export const deliveryNoteController: Controller = {
  prepare(ctx, doc, phase) {
    if (phase.action !== DOC_ACTIONS.save && phase.action !== DOC_ACTIONS.submit) return;
    // DeliveryNote.validate starts with validate_posting_time: it posts now unless told otherwise.
    setPostingNow(ctx, doc);
    prepareDeliveryNote(ctx, doc);
  },
  validate(ctx, doc, phase) {
    if (phase.action !== DOC_ACTIONS.save && phase.action !== DOC_ACTIONS.submit) return;
    requireWarehouses(ctx, doc, (code) => `Warehouse required for stock Item ${code}`, 'ValidationError');
    if (num(doc.is_return) === 1) validateDeliveryReturn(ctx, doc);
    doc.status = 'Draft';
  },
  afterSave(ctx, doc, phase) {
    if (phase.action === DOC_ACTIONS.submit) {
      postSellingStock(ctx, doc);
      updateOrderRows(ctx, doc, DELIVERY_LINK, 1);
      doc.status = num(doc.is_return) === 1 ? 'Return' : 'To Bill';
    } else if (phase.action === DOC_ACTIONS.cancel) {
      cancelSellingStock(ctx, doc);
      updateOrderRows(ctx, doc, DELIVERY_LINK, -1);
      doc.status = 'Cancelled';
    } else return doc;
    ctx.site.store.put('Delivery Note', doc);
    return doc;
  },
};
