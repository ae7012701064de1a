import { orderTotals } from './order-pricing';
import type { IdGenerator } from './shop-ids';
import type { OrderRecord } from './types';

export type TransactionKind = 'SALE' | 'AUTHORIZATION' | 'CAPTURE' | 'VOID' | 'REFUND';

export interface TransactionRecord {
  id: number;
  orderId: number;
  kind: TransactionKind;
  status: 'SUCCESS';
  gateway: string;
  amountCents: number;
  createdAt: Date;
  parentId: number | null;
}

/**
 * The payment history behind an order's financial status (notes §4 OrderTransaction): a paid
 * checkout is one SALE, a manual-capture one an AUTHORIZATION then a CAPTURE, a manual payment a
 * SALE when it is marked paid, a cancelled authorization a VOID.
 */
export class ShopTransactions {
  private readonly byOrder = new Map<number, TransactionRecord[]>();
  private readonly announced = new Set<number>();

  constructor(private readonly ids: IdGenerator) {}

  opened(order: OrderRecord): void {
    if (order.financialStatus === 'paid') this.add(order, 'SALE', null);
    if (order.financialStatus === 'authorized') this.add(order, 'AUTHORIZATION', null);
  }

  /**
   * Called with the status before `pay` changed it. The capture or sale takes what is outstanding,
   * so an order edited after checkout is paid at its new total.
   */
  paid(order: OrderRecord, previous: string): void {
    const authorization = this.of(order.id).find((t) => t.kind === 'AUTHORIZATION');
    const amountCents = this.outstandingCents(order);
    if (previous === 'authorized' && authorization) this.add(order, 'CAPTURE', authorization.id, amountCents);
    else this.add(order, 'SALE', null, amountCents);
  }

  cancelled(order: OrderRecord, previous: string): void {
    const authorization = this.of(order.id).find((t) => t.kind === 'AUTHORIZATION');
    if (previous === 'authorized' && authorization) this.add(order, 'VOID', authorization.id);
  }

  /** A refund of `amountCents` back through the gateway that took the money; returns its id. */
  refunded(order: OrderRecord, amountCents: number): number {
    const sale = this.of(order.id).find((t) => t.kind === 'SALE' || t.kind === 'CAPTURE');
    return this.add(order, 'REFUND', sale?.id ?? null, amountCents);
  }

  /** Transactions created since the last call, each once: the order_transactions/create webhooks to send. */
  takeNew(orderId: number): TransactionRecord[] {
    const fresh = this.of(orderId).filter((transaction) => !this.announced.has(transaction.id));
    for (const transaction of fresh) this.announced.add(transaction.id);
    return fresh;
  }

  /** Money taken from the buyer (sales and captures), before refunds. */
  receivedCents(orderId: number): number {
    return this.of(orderId).filter((t) => t.kind === 'SALE' || t.kind === 'CAPTURE').reduce((sum, t) => sum + t.amountCents, 0);
  }

  /** REST total_outstanding: negative when an edit lowered a paid order's total and the merchant owes the difference. */
  outstandingCents(order: OrderRecord): number {
    if (order.financialStatus === 'voided' || order.financialStatus === 'expired') return 0;
    return orderTotals(order).totalCents - this.receivedCents(order.id);
  }

  of(orderId: number): TransactionRecord[] {
    return this.byOrder.get(orderId) ?? [];
  }

  private add(order: OrderRecord, kind: TransactionKind, parentId: number | null, amountCents = orderTotals(order).totalCents): number {
    const list = this.byOrder.get(order.id) ?? [];
    const id = this.ids.next('OrderTransaction');
    list.push({ id, orderId: order.id, kind, status: 'SUCCESS', gateway: order.paymentGatewayNames[0] ?? 'manual', amountCents, createdAt: order.updatedAt, parentId });
    this.byOrder.set(order.id, list);
    return id;
  }
}
