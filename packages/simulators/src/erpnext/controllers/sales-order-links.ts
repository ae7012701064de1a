import { childRows } from '../model/new-doc';
import type { Ctx } from '../site/site';
import type { Doc } from '../types';
import { frappeBold } from '../wire/message-log';
import { updateSalesOrderProgress } from './sales-order';

const num = (value: unknown): number => Number(value ?? 0) || 0;

interface LinkSpec {
  /** Row field naming the order: `against_sales_order` (DN) or `sales_order` (SI). */
  readonly orderField: string;
  /** Order-row field this document adds to, and the matching value on our row. */
  readonly target: 'delivered_qty' | 'billed_amt';
  readonly source: 'qty' | 'amount';
  readonly label: 'Qty' | 'Amount';
}

export const DELIVERY_LINK: LinkSpec = { orderField: 'against_sales_order', target: 'delivered_qty', source: 'qty', label: 'Qty' };
export const BILLING_LINK: LinkSpec = { orderField: 'sales_order', target: 'billed_amt', source: 'amount', label: 'Amount' };

/**
 * ERPNext's StatusUpdater: a submitted Delivery Note / Sales Invoice adds its quantities (amounts)
 * to the Sales Order rows it names by `so_detail`, refusing to go past the ordered figure
 * (over-delivery/-billing allowance 0), and the order's status follows. Cancel subtracts.
 */
export function updateOrderRows(ctx: Ctx, doc: Doc, spec: LinkSpec, sign: 1 | -1): void {
  const touched = new Set<string>();
  for (const row of childRows(doc, 'items')) {
    const orderName = row[spec.orderField];
    if (!orderName || !row.so_detail) continue;
    const order = ctx.site.store.get('Sales Order', String(orderName));
    const line = order ? childRows(order, 'items').find((r) => r.name === row.so_detail) : undefined;
    if (!order || !line) continue;
    const next = num(line[spec.target]) + sign * num(row[spec.source]);
    const limit = num(line[spec.source]);
    if (sign > 0 && next > limit + 0.005) {
      ctx.log.throw(
        `This document is over limit by ${frappeBold(`${spec.label} ${Math.round((next - limit) * 100) / 100}`)} for item ${frappeBold(String(row.item_code))}. Are you making another ${frappeBold(String(doc.doctype))} against the same ${frappeBold('Sales Order Item')}?`,
        'ValidationError',
        { title: 'Limit Crossed', erpnext: true },
      );
    }
    line[spec.target] = Math.max(0, next);
    ctx.site.store.put('Sales Order', order);
    touched.add(order.name);
  }
  for (const name of touched) updateSalesOrderProgress(ctx, name);
}
