import { DEFAULT_SYNC_SETTINGS, type SyncSettings } from '@shopsync/core';
import { createShopifySimulator, type ShopifyCreateOrderInput } from '@shopsync/simulators';

export const SHOP = 'shopsync-demo.myshopify.com';

/** Settings with every account the simulated shop's orders need, as an operator would configure them. */
export const MAPPED_SETTINGS: SyncSettings = {
  ...DEFAULT_SYNC_SETTINGS,
  taxAccounts: { 'State Tax': 'Sales Tax - SD' },
  shippingAccount: 'Freight and Forwarding Charges - SD',
  tipAccount: 'Tips - SD',
  dutiesAccount: 'Duties - SD',
  roundingAccount: 'Round Off - SD',
  giftCardItem: 'GIFT-CARD',
  paymentGateways: {
    shopify_payments: { modeOfPayment: 'Credit Card', account: 'Shopify Payments Clearing - SD' },
    manual: { modeOfPayment: 'Cash', account: 'Cash - SD' },
    'Cash on Delivery (COD)': { modeOfPayment: 'Cash', account: 'Cash - SD' },
  },
};

/** A realistic order payload (REST JSON, as the webhook carries it) from the Shopify simulator. */
export function simulatedOrder(input: ShopifyCreateOrderInput = {}, seed = 11): Record<string, unknown> {
  const shopify = createShopifySimulator({ seed, now: () => new Date('2026-11-27T15:00:00.000Z') });
  return JSON.parse(JSON.stringify(shopify.driver.createOrder(input))) as Record<string, unknown>;
}
