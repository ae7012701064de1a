/** The fields of a submitted Delivery Note that a Shopify fulfillment is made from. */
export interface DeliveryNoteDoc {
  readonly name: string;
  readonly docstatus: number;
  readonly is_return?: number;
  readonly shopify_order_id?: string | null;
  readonly lr_no?: string | null;
  readonly transporter_name?: string | null;
  readonly items: ReadonlyArray<{ readonly item_code: string; readonly qty: number; readonly shopify_line_item_id?: string | null; readonly so_detail?: string | null; readonly against_sales_order?: string | null }>;
}

export interface FulfillmentRequest {
  readonly orderId: string;
  readonly lines: ReadonlyArray<{ readonly lineItemId: string; readonly quantity: number }>;
  readonly tracking: { readonly number?: string; readonly company?: string };
  /** Rows of the note no Shopify line matches (an item added in ERPNext): named in the evidence, not sent. */
  readonly unmatched: readonly string[];
}

export type DeliveryNoteDecision =
  | { readonly kind: 'fulfil'; readonly request: FulfillmentRequest }
  | { readonly kind: 'skip'; readonly reason: string }
  | { readonly kind: 'cancelled' };

/**
 * A Delivery Note against a Shopify order becomes one fulfillment of its lines: the Shopify line of
 * each row comes from the row itself (copied from the Sales Order Item by make_delivery_note) or from
 * the Sales Order Item it delivers (`soLineIds`, by so_detail). Quantities are whole units; a return
 * is not a fulfillment, a note of another origin is not shopsync's.
 */
export function fulfillmentOfDeliveryNote(note: DeliveryNoteDoc, soLineIds: ReadonlyMap<string, string>): DeliveryNoteDecision {
  if (note.docstatus === 2) return { kind: 'cancelled' };
  if (note.docstatus !== 1) return { kind: 'skip', reason: `Delivery Note ${note.name} is not submitted` };
  if (Number(note.is_return ?? 0) === 1) return { kind: 'skip', reason: `Delivery Note ${note.name} is a return, not a shipment` };
  const orderId = note.shopify_order_id ?? '';
  if (orderId === '') return { kind: 'skip', reason: `Delivery Note ${note.name} is not for a Shopify order` };
  const quantities = new Map<string, number>();
  const unmatched: string[] = [];
  for (const row of note.items) {
    const lineItemId = row.shopify_line_item_id || (row.so_detail ? soLineIds.get(row.so_detail) : undefined);
    const quantity = Math.floor(Number(row.qty));
    if (!lineItemId) unmatched.push(row.item_code);
    else if (quantity > 0) quantities.set(lineItemId, (quantities.get(lineItemId) ?? 0) + quantity);
  }
  if (quantities.size === 0) return { kind: 'skip', reason: `Delivery Note ${note.name} has no row for a Shopify line` };
  const tracking = { ...(note.lr_no ? { number: note.lr_no } : {}), ...(note.transporter_name ? { company: note.transporter_name } : {}) };
  return { kind: 'fulfil', request: { orderId, lines: [...quantities].map(([lineItemId, quantity]) => ({ lineItemId, quantity })), tracking, unmatched } };
}
