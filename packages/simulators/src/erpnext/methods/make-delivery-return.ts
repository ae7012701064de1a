import { prepareDeliveryNote } from '../controllers/delivery-note';
import { childRows } from '../model/new-doc';
import { getDocOr404, type Ctx } from '../site/site';
import type { Doc } from '../types';
import { mapDocument } from './map-document';
import { stringArg, type MethodArgs } from './method-types';

const num = (value: unknown): number => Number(value ?? 0) || 0;

/** Quantity of each delivered row already brought back by submitted returns against the note. */
export function returnedDeliveryQuantities(ctx: Ctx, noteName: string, exceptReturn?: string): Map<string, number> {
  const returned = new Map<string, number>();
  for (const other of ctx.site.store.all('Delivery Note')) {
    if (other.return_against !== noteName || other.docstatus !== 1 || other.name === exceptReturn) continue;
    for (const row of childRows(other, 'items')) returned.set(String(row.dn_detail ?? ''), (returned.get(String(row.dn_detail ?? '')) ?? 0) + Math.abs(num(row.qty)));
  }
  return returned;
}

/**
 * ERPNext's Delivery Note `make_sales_return` (make_return_doc): a draft return against a submitted
 * delivery, each row's undelivered-back quantity negated and pointing at the row it returns; on submit
 * the stock comes back into the warehouse and the Sales Order's delivered quantity goes down.
 */
export function makeDeliveryReturn(ctx: Ctx, args: MethodArgs): Doc {
  const note = getDocOr404(ctx, 'Delivery Note', stringArg(args, 'source_name'));
  if (num(note.is_return) === 1) ctx.log.throw(`Delivery Note ${String(note.name)} is itself a return`, 'ValidationError', { erpnext: true });
  const returned = returnedDeliveryQuantities(ctx, String(note.name));
  const back = mapDocument(ctx, note, 'Delivery Note', {
    sourceTable: 'items',
    targetTable: 'items',
    fieldMap: { name: 'dn_detail' },
    adjust: (line, row) => {
      const left = num(line.qty) - (returned.get(String(line.name)) ?? 0);
      if (left <= 0) return false;
      row.qty = -left;
      return true;
    },
  });
  back.is_return = 1;
  back.return_against = note.name;
  back.naming_series = 'MAT-DN-RET-.YYYY.-';
  prepareDeliveryNote(ctx, back);
  return back;
}
