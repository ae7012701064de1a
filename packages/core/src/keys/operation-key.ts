/**
 * Deterministic keys. An operation key is written into the unique `shopsync_key` field of the ERPNext
 * document it creates, so ERPNext's own unique index (not our memory) guarantees one document per key
 * (DESIGN G1). Every key carries the shop domain, so several stores are configuration, not a migration.
 */
export const OPERATION_KINDS = {
  customer: 'customer',
  guestCustomer: 'guest-customer',
  salesOrder: 'sales-order',
  salesInvoice: 'sales-invoice',
  paymentEntry: 'payment-entry',
  cancelSalesOrder: 'cancel-sales-order',
  creditNote: 'credit-note',
  deliveryNote: 'delivery-note',
  deliveryReturn: 'delivery-return',
  refundPayment: 'refund-payment',
  contact: 'contact',
  address: 'address',
} as const;

export type OperationKind = (typeof OPERATION_KINDS)[keyof typeof OPERATION_KINDS];

export function operationKey(kind: OperationKind, shop: string, id: string): string {
  return `${kind}:${shop}:${id}`;
}
