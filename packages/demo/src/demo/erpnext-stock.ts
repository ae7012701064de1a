import type { Doc, ErpnextClient } from '@shopsync/erpnext-client';

/**
 * Stock moved the way a warehouse clerk moves it, through ERPNext's REST API only (the same calls work
 * on the simulator and on a real site): submitted Purchase Receipts, Material Receipts and Stock
 * Reconciliations, and Delivery Notes made from a Sales Order with make_delivery_note.
 */
export interface StockSite {
  readonly company: string;
  readonly warehouse: string;
}

export const MAKE_DELIVERY_NOTE = 'erpnext.selling.doctype.sales_order.sales_order.make_delivery_note';

export interface BinQty {
  readonly actual_qty: number;
  readonly reserved_qty: number;
}

/** The Bin of an item in a warehouse; zeros when ERPNext has not made one yet. */
export async function binOf(client: ErpnextClient, itemCode: string, warehouse: string): Promise<BinQty> {
  const [bin] = await client.listDocs<Doc & BinQty>('Bin', { fields: ['actual_qty', 'reserved_qty'], filters: { item_code: itemCode, warehouse }, limitPageLength: 1 });
  return bin ? { actual_qty: Number(bin.actual_qty), reserved_qty: Number(bin.reserved_qty) } : { actual_qty: 0, reserved_qty: 0 };
}

/** A submitted Material Receipt (Stock Entry) of `qty` into the site's warehouse. */
export function materialReceipt(client: ErpnextClient, site: StockSite, itemCode: string, qty: number, rate = 10): Promise<Doc> {
  return client.insertDoc('Stock Entry', { stock_entry_type: 'Material Receipt', company: site.company, items: [{ item_code: itemCode, qty, t_warehouse: site.warehouse, basic_rate: rate }], docstatus: 1 });
}

/** A submitted Material Issue (Stock Entry) of `qty` out of the site's warehouse. */
export function materialIssue(client: ErpnextClient, site: StockSite, itemCode: string, qty: number): Promise<Doc> {
  return client.insertDoc('Stock Entry', { stock_entry_type: 'Material Issue', company: site.company, items: [{ item_code: itemCode, qty, s_warehouse: site.warehouse }], docstatus: 1 });
}

/** A submitted Purchase Receipt from `supplier` of the given items into the site's warehouse. */
export function purchaseReceipt(client: ErpnextClient, site: StockSite, supplier: string, items: ReadonlyArray<{ itemCode: string; qty: number; rate: number }>): Promise<Doc> {
  return client.insertDoc('Purchase Receipt', {
    supplier,
    company: site.company,
    set_warehouse: site.warehouse,
    items: items.map((item) => ({ item_code: item.itemCode, qty: item.qty, rate: item.rate, warehouse: site.warehouse })),
    docstatus: 1,
  });
}

/** A submitted Stock Reconciliation: the item was counted and holds `qty` in the site's warehouse. */
export function stockCount(client: ErpnextClient, site: StockSite, itemCode: string, qty: number): Promise<Doc> {
  return client.insertDoc('Stock Reconciliation', { company: site.company, purpose: 'Stock Reconciliation', items: [{ item_code: itemCode, warehouse: site.warehouse, qty }], docstatus: 1 });
}

/**
 * Ships a Sales Order from ERPNext: the draft make_delivery_note maps from it, then submitted with the
 * carrier and its tracking number (`transporter`, `lr_no`). `keep` may take rows or units off the
 * draft (a partial shipment); null: ship nothing (the note is not made).
 */
export async function deliverSalesOrder(
  client: ErpnextClient,
  salesOrder: string,
  shipment: { readonly transporter: string; readonly trackingNumber: string },
  keep: (rows: Doc[]) => Doc[] = (rows) => rows,
): Promise<Doc | null> {
  const draft = await client.callMethod<Doc>(MAKE_DELIVERY_NOTE, { source_name: salesOrder }, { verb: 'POST' });
  const items = keep(Array.isArray(draft.items) ? (draft.items as Doc[]) : []);
  if (items.length === 0) return null;
  return client.insertDoc('Delivery Note', { ...draft, items, transporter: shipment.transporter, lr_no: shipment.trackingNumber, docstatus: 1 });
}
