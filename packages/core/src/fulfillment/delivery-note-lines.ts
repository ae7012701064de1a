/** The fields of a submitted Delivery Note that a Shopify fulfillment is made from. */
export interface DeliveryNoteDoc {
  readonly name: string;
  readonly docstatus: number;
  readonly is_return?: number;
  readonly shopify_order_id?: string | null;
  readonly shopify_shop?: string | null;
  readonly lr_no?: string | null;
  readonly transporter_name?: string | null;
  readonly items: ReadonlyArray<{ readonly item_code: string; readonly qty: number; readonly shopify_line_item_id?: string | null; readonly so_detail?: string | null; readonly against_sales_order?: string | null }>;
}

/** What the Sales Orders a note's rows deliver say about Shopify (the runner reads them). */
export interface SalesOrderLinks {
  /**
   * Sales Order name → the Shopify order it books and that order's shop (null: not booked by
   * shopsync). make_delivery_note leaves the header's shopify_order_id behind (no_copy): the
   * order is found through the rows' against_sales_order.
   */
  readonly orders: ReadonlyMap<string, { readonly shopifyOrderId: string | null; readonly shop: string | null }>;
  /** Sales Order Item name → its Shopify line id, for rows that do not carry their own. */
  readonly lineIds: ReadonlyMap<string, string>;
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

const text = (value: string | null | undefined): string => (value === null || value === undefined ? '' : String(value));

/**
 * The Shopify order a note ships: its own header when shopsync wrote one there, else the one order
 * its rows' Sales Orders book (a hand-made Sales Order books none). A note spanning several Shopify
 * orders is not guessed at: one fulfillment belongs to one order.
 */
function orderOfNote(note: DeliveryNoteDoc, links: SalesOrderLinks): { orderId: string; shop: string } | { skip: string } {
  const own = text(note.shopify_order_id);
  if (own !== '') return { orderId: own, shop: text(note.shopify_shop) };
  const found = new Map<string, string>();
  for (const row of note.items) {
    const order = links.orders.get(text(row.against_sales_order));
    if (order !== undefined && text(order.shopifyOrderId) !== '') found.set(text(order.shopifyOrderId), text(order.shop));
  }
  if (found.size === 0) return { skip: `Delivery Note ${note.name} is not for a Shopify order (no Sales Order of it was booked by shopsync)` };
  if (found.size > 1) return { skip: `Delivery Note ${note.name} ships several Shopify orders (${[...found.keys()].join(', ')}): one fulfillment belongs to one order` };
  const [orderId, shop] = [...found][0]!;
  return { orderId, shop };
}

/**
 * A Delivery Note against a Shopify order of this shop becomes one fulfillment of its lines: the
 * Shopify line of each row comes from the row itself (copied from the Sales Order Item by
 * make_delivery_note) or from the Sales Order Item it delivers (by so_detail). Quantities are whole
 * units; a return is not a fulfillment, a note of another origin or another shop is not this shop's.
 */
export function fulfillmentOfDeliveryNote(note: DeliveryNoteDoc, links: SalesOrderLinks, shop: string): DeliveryNoteDecision {
  if (note.docstatus === 2) return { kind: 'cancelled' };
  if (note.docstatus !== 1) return { kind: 'skip', reason: `Delivery Note ${note.name} is not submitted` };
  if (Number(note.is_return ?? 0) === 1) return { kind: 'skip', reason: `Delivery Note ${note.name} is a return, not a shipment` };
  const order = orderOfNote(note, links);
  if ('skip' in order) return { kind: 'skip', reason: order.skip };
  // Every shop's tailer sees the same ledger: only the shop that owns the order fulfils it.
  if (order.shop !== '' && order.shop !== shop) return { kind: 'skip', reason: `Delivery Note ${note.name} ships an order of ${order.shop}, not of ${shop}` };
  const quantities = new Map<string, number>();
  const unmatched: string[] = [];
  for (const row of note.items) {
    const lineItemId = text(row.shopify_line_item_id) || (row.so_detail ? links.lineIds.get(row.so_detail) : undefined);
    const quantity = Math.floor(Number(row.qty));
    if (!lineItemId) unmatched.push(row.item_code);
    else if (quantity > 0) quantities.set(lineItemId, (quantities.get(lineItemId) ?? 0) + quantity);
  }
  if (quantities.size === 0) return { kind: 'skip', reason: `Delivery Note ${note.name} has no row for a Shopify line` };
  const tracking = { ...(note.lr_no ? { number: note.lr_no } : {}), ...(note.transporter_name ? { company: note.transporter_name } : {}) };
  return { kind: 'fulfil', request: { orderId: order.orderId, lines: [...quantities].map(([lineItemId, quantity]) => ({ lineItemId, quantity })), tracking, unmatched } };
}
