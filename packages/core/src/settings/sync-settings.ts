/** What the core needs to know about the ERPNext side to map an order; loaded by the runner from config. */
export interface SyncSettings {
  readonly company: string;
  /** The company's currency: orders in another currency are refused until multi-currency lands. */
  readonly companyCurrency: string;
  readonly defaultWarehouse: string;
  readonly customerGroup: string;
  readonly territory: string;
  /** ERPNext Customer that receives guest checkouts (orders without a Shopify customer). */
  readonly guestCustomerName: string;
  /** Delivery date = the order's date + this many days (ERPNext requires a delivery date on Sales Orders). */
  readonly deliveryDays: number;
}

export const DEFAULT_SYNC_SETTINGS: SyncSettings = {
  company: 'Shopsync Demo',
  companyCurrency: 'USD',
  defaultWarehouse: 'Stores - SD',
  customerGroup: 'Individual',
  territory: 'All Territories',
  guestCustomerName: 'Shopify Guest',
  deliveryDays: 7,
};
