import { childRows } from '../model/new-doc';
import { DOC_ACTIONS, findDoc, type Controller, type Ctx, type SavePhase } from '../site/site';
import type { Doc } from '../types';
import { computeTotals, fillItemDetails, fillPartyDetails, requireWarehouses } from './selling-details';
import { adjustBin } from './stock-bins';

const num = (value: unknown): number => Number(value ?? 0) || 0;
const editing = (phase: SavePhase): boolean => phase.action === DOC_ACTIONS.save || phase.action === DOC_ACTIONS.submit;

/** `validate_delivery_date`: item dates default to the header's, the header takes the latest. */
function validateDeliveryDate(ctx: Ctx, doc: Doc): void {
  if (doc.order_type !== 'Sales' || num(doc.skip_delivery_note) === 1) return;
  const items = childRows(doc, 'items');
  for (const row of items) {
    if (!row.delivery_date) row.delivery_date = doc.delivery_date ?? null;
    if (row.delivery_date && String(row.delivery_date) < String(doc.transaction_date)) {
      ctx.log.throw('Expected Delivery Date should be after Sales Order Date', 'ValidationError', { title: 'Invalid Delivery Date', indicator: 'orange', erpnext: true });
    }
  }
  const latest = items.map((row) => String(row.delivery_date ?? '')).filter((d) => d !== '').sort().pop();
  if (latest) doc.delivery_date = latest;
  if (!doc.delivery_date) ctx.log.throw('Please enter Delivery Date', 'ValidationError', { erpnext: true });
}

/** Stock reservation of a submitted order, undone on cancel (`update_reserved_qty`): stock items only, not drop-shipped. */
function reserve(ctx: Ctx, doc: Doc, sign: 1 | -1): void {
  for (const row of childRows(doc, 'items')) {
    if (!row.warehouse || !row.item_code || num(row.delivered_by_supplier) === 1) continue;
    if (num(findDoc(ctx, 'Item', String(row.item_code))?.is_stock_item) !== 1) continue;
    const pending = Math.max(0, num(row.stock_qty) - num(row.delivered_qty) * (num(row.conversion_factor) || 1));
    if (pending > 0) adjustBin(ctx, String(row.item_code), String(row.warehouse), { reserved_qty: sign * pending });
  }
}

/** Draft invoices must go before the order can be cancelled (`check_nextdoc_docstatus`). */
function refuseDraftInvoices(ctx: Ctx, doc: Doc): void {
  const drafts = [...ctx.site.store.scan('Sales Invoice')].filter((si) => si.docstatus === 0 && childRows(si, 'items').some((row) => row.sales_order === doc.name));
  if (drafts.length === 0) return;
  const links = drafts.map((si) => `<a href="/app/sales-invoice/${si.name}">${si.name}</a>`).join(', ');
  ctx.log.throw(`Sales Invoice ${links} must be deleted before cancelling this Sales Order`, 'ValidationError', { erpnext: true });
}

/** ERPNext's `sales_order.py`, reduced to what a Shopify sync runs into (notes §9). */
export const salesOrderController: Controller = {
  prepare(ctx, doc, phase) {
    if (!editing(phase)) return;
    fillPartyDetails(ctx, doc);
    fillItemDetails(ctx, doc, { warehouse: true });
  },
  validate(ctx, doc, phase) {
    if (!editing(phase)) return;
    validateDeliveryDate(ctx, doc);
    requireWarehouses(ctx, doc, (code) => `Delivery warehouse required for stock item ${code}`, 'WarehouseRequired');
    computeTotals(ctx, doc);
    if (!doc.delivery_status) doc.delivery_status = 'Not Delivered';
    if (!doc.billing_status) doc.billing_status = 'Not Billed';
    doc.status = 'Draft';
  },
  afterSave(ctx, doc, phase) {
    if (phase.action === DOC_ACTIONS.submit) {
      reserve(ctx, doc, 1);
      // Observed on v15: submitted by insert the status stays "Draft"; a separate submit updates it.
      if (!phase.isNew) doc.status = 'To Deliver and Bill';
    } else if (phase.action === DOC_ACTIONS.cancel) {
      refuseDraftInvoices(ctx, doc);
      reserve(ctx, doc, -1);
      doc.status = 'Cancelled';
    } else return doc;
    ctx.site.store.put('Sales Order', doc);
    return doc;
  },
};

/** Recomputes per_delivered / per_billed and the status after a DN or SI changed the order. */
export function updateSalesOrderProgress(ctx: Ctx, name: string): void {
  const order = ctx.site.store.get('Sales Order', name);
  if (!order || order.docstatus !== 1) return;
  const items = childRows(order, 'items');
  const qty = items.reduce((sum, row) => sum + num(row.qty), 0);
  const delivered = items.reduce((sum, row) => sum + Math.min(num(row.qty), num(row.delivered_qty)), 0);
  const amount = items.reduce((sum, row) => sum + num(row.amount), 0);
  const billed = items.reduce((sum, row) => sum + Math.min(num(row.amount), num(row.billed_amt)), 0);
  order.per_delivered = qty ? Math.round((delivered / qty) * 10000) / 100 : 0;
  order.per_billed = amount ? Math.round((billed / amount) * 10000) / 100 : 0;
  const fullyDelivered = num(order.per_delivered) >= 100 || num(order.skip_delivery_note) === 1;
  const fullyBilled = num(order.per_billed) >= 100;
  order.delivery_status = fullyDelivered ? 'Fully Delivered' : num(order.per_delivered) > 0 ? 'Partly Delivered' : 'Not Delivered';
  order.billing_status = fullyBilled ? 'Fully Billed' : num(order.per_billed) > 0 ? 'Partly Billed' : 'Not Billed';
  order.status = fullyDelivered && fullyBilled ? 'Completed' : fullyDelivered ? 'To Bill' : fullyBilled ? 'To Deliver' : 'To Deliver and Bill';
  order.modified = ctx.site.clock.stamp();
  ctx.site.store.put('Sales Order', order);
}
