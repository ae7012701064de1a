import type { Controller } from '../site/site';
import { customFieldController } from './custom-field';
import { customerController } from './customer';
import { itemPriceController } from './item-price';
import { accountController, costCenterController, itemController, warehouseController } from './masters';
import { addressController, contactController } from './party-records';
import { salesOrderController } from './sales-order';
import { deliveryNoteController } from './delivery-note';
import { salesInvoiceController } from './sales-invoice';
import { paymentEntryController } from './payment-entry';
import { purchaseReceiptController } from './purchase-receipt';
import { stockEntryController } from './stock-entry';
import { stockReconciliationController } from './stock-reconciliation';

/** Doctype → controller; doctypes without one behave like plain Frappe documents. */
export const CONTROLLERS: Readonly<Record<string, Controller>> = {
  'Custom Field': customFieldController,
  Customer: customerController,
  Contact: contactController,
  Address: addressController,
  Item: itemController,
  'Item Price': itemPriceController,
  Warehouse: warehouseController,
  Account: accountController,
  'Cost Center': costCenterController,
  'Sales Order': salesOrderController,
  'Delivery Note': deliveryNoteController,
  'Sales Invoice': salesInvoiceController,
  'Payment Entry': paymentEntryController,
  'Stock Entry': stockEntryController,
  'Stock Reconciliation': stockReconciliationController,
  'Purchase Receipt': purchaseReceiptController,
};
