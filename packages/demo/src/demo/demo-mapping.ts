import type { ConfigInput } from '@shopsync/runner';

/**
 * The mapping an operator would write for the simulated site: the ERPNext simulator is seeded like a
 * fresh site after the setup wizard (company "Shopsync Demo", abbreviation SD), and the simulated shop
 * charges "State Tax", ships with "Standard Shipping" and takes shopify_payments or manual payments.
 */
export const DEMO_MAPPING: ConfigInput['mapping'] = {
  company: 'Shopsync Demo',
  companyCurrency: 'USD',
  defaultWarehouse: 'Stores - SD',
  customerGroup: 'Individual',
  territory: 'United States',
  taxAccounts: { 'State Tax': 'Sales Tax - SD' },
  shippingAccount: 'Freight and Forwarding Charges - SD',
  paymentGateways: {
    shopify_payments: { modeOfPayment: 'Credit Card', account: 'Bank Account - SD' },
    manual: { modeOfPayment: 'Cash', account: 'Cash - SD' },
  },
};
