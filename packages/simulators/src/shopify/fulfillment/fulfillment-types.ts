// Fulfillment orders and fulfillments (notes §5). One fulfillment order per order, assigned to the
// shop's primary location; a fulfillment takes some or all of its remaining quantities.

export interface FulfillmentOrderLineRecord {
  id: number;
  lineItemId: number;
  sku: string;
  totalQuantity: number;
  remainingQuantity: number;
}

export interface FulfillmentOrderRecord {
  id: number;
  orderId: number;
  locationId: number;
  status: 'OPEN' | 'IN_PROGRESS' | 'CLOSED' | 'CANCELLED';
  lines: FulfillmentOrderLineRecord[];
  createdAt: Date;
  updatedAt: Date;
}

export interface FulfillmentLineRecord {
  id: number;
  lineItemId: number;
  fulfillmentOrderLineId: number;
  quantity: number;
}

export interface TrackingRecord {
  company: string | null;
  number: string | null;
  url: string | null;
}

export interface FulfillmentRecord {
  id: number;
  orderId: number;
  locationId: number;
  name: string;
  status: 'SUCCESS' | 'CANCELLED';
  tracking: TrackingRecord[];
  lines: FulfillmentLineRecord[];
  fulfillmentOrderIds: number[];
  notifyCustomer: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** A userError as fulfillmentCreate returns it: field path of strings, no code (notes §5). */
export interface FulfillmentUserError {
  field: string[] | null;
  message: string;
}

export interface FulfillmentRequest {
  lineItemsByFulfillmentOrder: { fulfillmentOrderId: number | null; lines: { id: number | null; quantity: number }[] | null }[];
  tracking: TrackingRecord[];
  notifyCustomer: boolean;
}
