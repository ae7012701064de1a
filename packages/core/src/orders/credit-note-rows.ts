import type { Failure, FailureSubject } from '../failures/failure';
import { coreFailure } from '../failures/make-failure';
import type { TableEdit } from '../plan/types';
import type { CreditNoteMoney } from './credit-note-money';
import { orderedQuantity } from './ordered-quantity';
import type { ShopifyOrder } from './shopify-order';
import type { ShopifyRefund } from './shopify-refund';

/**
 * The item rows a credit note keeps from ERPNext's make_sales_return draft: each refunded line at
 * minus the refunded units, every other row dropped.
 *
 * A refund of shipping (or of an adjustment) only gives no line back, yet a Sales Invoice must have
 * an item row ("Data missing in table: Items"). ERPNext v15 books such a credit note with a row at
 * quantity 0, which is what its own "rate adjustment" credit notes do (erpnext/controllers, v15):
 * - accounts_controller.py `validate`: `validate_qty_is_not_zero` runs only when not `is_return`;
 *   zero rows are refused only with `update_stock` (`validate_zero_qty_for_return_invoices_with_stock`),
 *   and these credit notes never move stock (return Delivery Notes do);
 * - sales_and_purchase_return.py `validate_returned_items` checks only rows with qty < 0 against the
 *   invoice, and a row with an item name counts as returned, so no "Atleast one item ..." error;
 *   `make_return_doc` maps every invoice row (`item_condition` is the source qty), a fully returned
 *   one at qty 0, so the row asked for is always in the draft;
 * - taxes_and_totals.py `get_current_tax_amount`: with net_total 0 every row's share of an Actual
 *   charge is 0 and "divisional loss" puts the whole charge on the last row, so the grand total is
 *   exactly the charges: the shipping (and its tax) given back.
 * The row kept is the first line the invoice holds, so the credit note names the order's goods at 0.
 */
export function creditNoteRows(order: ShopifyOrder, refund: ShopifyRefund, money: CreditNoteMoney, subject: FailureSubject): TableEdit | Failure {
  const edit = (rows: TableEdit['rows']): TableEdit => ({ table: 'items', matchField: 'shopify_line_item_id', rows, dropUnmatched: true });
  if (money.lines.length > 0) return edit(money.lines.map((line) => ({ match: line.lineId, set: { qty: -line.qty } })));
  const invoiced = order.lineItems.find((line) => orderedQuantity(line, order.refunds) > 0);
  if (invoiced === undefined) {
    return coreFailure('payload.invalid', subject, { issues: `refund ${refund.id} gives back no line, and order ${order.name} has no line for its credit note to carry` });
  }
  return edit([{ match: invoiced.id, set: { qty: 0 } }]);
}
