import { DOC_ACTIONS, type Controller, type Ctx } from '../site/site';
import type { Doc } from '../types';
import { DELIVERY_LINK, updateOrderRows } from './sales-order-links';
import { computeTotals, fillItemDetails, fillPartyDetails, requireWarehouses } from './selling-details';
import { cancelSellingStock, postSellingStock } from './stock-movement';
import { setPostingNow } from './stock-voucher-defaults';
import { DELIVERY_NOTE_RETURN, validateReturn } from '../model/sales-returns';

const num = (value: unknown): number => Number(value ?? 0) || 0;

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
    if (num(doc.is_return) === 1) validateReturn(ctx, DELIVERY_NOTE_RETURN, doc);
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
