import type { Config } from '../config/config-schema';

/** One ERPNext record the mapping names, and the config key that names it (for the fix). */
export interface MappingRef {
  readonly doctype: string;
  readonly name: string;
  readonly configPath: string;
}

type Mapping = Config['mapping'];

const ref = (doctype: string, name: string, configPath: string): MappingRef => ({ doctype, name, configPath });

/** Company, warehouse, customer group, territory and the gift card Item. */
export function masterRefs(mapping: Mapping): MappingRef[] {
  return [
    ref('Company', mapping.company, 'mapping.company'),
    ref('Warehouse', mapping.defaultWarehouse, 'mapping.defaultWarehouse'),
    ...Object.entries(mapping.locationWarehouses).map(([location, warehouse]) => ref('Warehouse', warehouse, `mapping.locationWarehouses[${JSON.stringify(location)}]`)),
    ref('Customer Group', mapping.customerGroup, 'mapping.customerGroup'),
    ref('Territory', mapping.territory, 'mapping.territory'),
    ...(mapping.giftCardItem === null ? [] : [ref('Item', mapping.giftCardItem, 'mapping.giftCardItem')]),
  ];
}

/** Every account money is booked to: taxes by title, shipping, tips, duties, and each gateway's. */
export function accountRefs(mapping: Mapping): MappingRef[] {
  const optional = (name: string | null, key: string) => (name === null ? [] : [ref('Account', name, `mapping.${key}`)]);
  return [
    ...Object.entries(mapping.taxAccounts).map(([title, account]) => ref('Account', account, `mapping.taxAccounts[${JSON.stringify(title)}]`)),
    ...optional(mapping.shippingAccount, 'shippingAccount'),
    ...optional(mapping.tipAccount, 'tipAccount'),
    ...optional(mapping.dutiesAccount, 'dutiesAccount'),
    ...Object.entries(mapping.paymentGateways).map(([gateway, payment]) => ref('Account', payment.account, `mapping.paymentGateways[${JSON.stringify(gateway)}].account`)),
  ];
}

export function modeOfPaymentRefs(mapping: Mapping): MappingRef[] {
  return Object.entries(mapping.paymentGateways).map(([gateway, payment]) => ref('Mode of Payment', payment.modeOfPayment, `mapping.paymentGateways[${JSON.stringify(gateway)}].modeOfPayment`));
}
