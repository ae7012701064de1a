import type { DoctypeMeta } from '../types';
import { field as f } from './field-types';

/**
 * Masters the setup wizard creates (Company, Warehouse, groups, price lists, accounts) and the
 * User that owns the API key. Trimmed ERPNext v15 definitions: the fields a sync touches.
 */
export const SETUP_DOCTYPES: readonly DoctypeMeta[] = [
  {
    name: 'Company',
    autoname: 'field:company_name',
    fields: [
      f('company_name', 'Data', { reqd: 1, unique: 1, label: 'Company' }),
      f('abbr', 'Data', { reqd: 1 }),
      f('default_currency', 'Link', { options: 'Currency', reqd: 1 }),
      f('country', 'Link', { options: 'Country', reqd: 1 }),
      f('default_receivable_account', 'Link', { options: 'Account' }),
      f('default_income_account', 'Link', { options: 'Account' }),
      f('default_cash_account', 'Link', { options: 'Account' }),
      f('cost_center', 'Link', { options: 'Cost Center', label: 'Default Cost Center' }),
      f('stock_adjustment_account', 'Link', { options: 'Account' }),
      f('enable_perpetual_inventory', 'Check', { default: '1' }),
    ],
  },
  { name: 'Currency', autoname: 'field:currency_name', fields: [f('currency_name', 'Data', { reqd: 1, unique: 1 }), f('enabled', 'Check'), f('symbol', 'Data'), f('smallest_currency_fraction_value', 'Currency')] },
  { name: 'Country', autoname: 'field:country_name', fields: [f('country_name', 'Data', { reqd: 1, unique: 1 }), f('code', 'Data')] },
  {
    name: 'Warehouse',
    // Warehouse.autoname(): "{warehouse_name} - {company abbr}" (notes §7); done in its controller.
    fields: [
      f('warehouse_name', 'Data', { reqd: 1 }),
      f('company', 'Link', { options: 'Company', reqd: 1 }),
      f('is_group', 'Check'),
      f('parent_warehouse', 'Link', { options: 'Warehouse' }),
      f('disabled', 'Check'),
      f('account', 'Link', { options: 'Account' }),
    ],
  },
  {
    name: 'Customer Group',
    autoname: 'field:customer_group_name',
    fields: [
      f('customer_group_name', 'Data', { reqd: 1, unique: 1 }),
      f('parent_customer_group', 'Link', { options: 'Customer Group' }),
      f('is_group', 'Check'),
      f('default_price_list', 'Link', { options: 'Price List' }),
    ],
  },
  {
    name: 'Territory',
    autoname: 'field:territory_name',
    fields: [f('territory_name', 'Data', { reqd: 1, unique: 1 }), f('parent_territory', 'Link', { options: 'Territory' }), f('is_group', 'Check')],
  },
  {
    name: 'Price List',
    autoname: 'field:price_list_name',
    fields: [
      f('price_list_name', 'Data', { reqd: 1, unique: 1 }),
      f('currency', 'Link', { options: 'Currency', reqd: 1 }),
      f('enabled', 'Check', { default: '1' }),
      f('buying', 'Check'),
      f('selling', 'Check'),
    ],
  },
  { name: 'UOM', autoname: 'field:uom_name', fields: [f('uom_name', 'Data', { reqd: 1, unique: 1 }), f('must_be_whole_number', 'Check'), f('enabled', 'Check', { default: '1' })] },
  {
    name: 'Item Group',
    autoname: 'field:item_group_name',
    fields: [f('item_group_name', 'Data', { reqd: 1, unique: 1 }), f('parent_item_group', 'Link', { options: 'Item Group' }), f('is_group', 'Check')],
  },
  {
    name: 'Account',
    // Account.autoname(): "{account_name} - {company abbr}".
    fields: [
      f('account_name', 'Data', { reqd: 1 }),
      f('company', 'Link', { options: 'Company', reqd: 1 }),
      f('root_type', 'Select', { options: '\nAsset\nLiability\nIncome\nExpense\nEquity' }),
      f('account_type', 'Select', { options: '\nBank\nCash\nReceivable\nPayable\nStock\nTax\nIncome Account\nExpense Account\nCost of Goods Sold\nRound Off\nTemporary' }),
      f('is_group', 'Check'),
      f('parent_account', 'Link', { options: 'Account' }),
      f('account_currency', 'Link', { options: 'Currency' }),
    ],
  },
  {
    name: 'Cost Center',
    fields: [f('cost_center_name', 'Data', { reqd: 1 }), f('company', 'Link', { options: 'Company', reqd: 1 }), f('is_group', 'Check')],
  },
  { name: 'Mode of Payment', autoname: 'field:mode_of_payment', fields: [f('mode_of_payment', 'Data', { reqd: 1, unique: 1 }), f('type', 'Select', { options: 'Cash\nBank\nGeneral\nPhone' }), f('enabled', 'Check', { default: '1' })] },
  {
    name: 'User',
    autoname: 'field:email',
    fields: [
      f('email', 'Data', { reqd: 1, unique: 1 }),
      f('first_name', 'Data', { reqd: 1 }),
      f('full_name', 'Data'),
      f('enabled', 'Check', { default: '1' }),
      f('user_type', 'Select', { options: 'System User\nWebsite User' }),
      f('api_key', 'Data', { unique: 1, read_only: 1 }),
      f('api_secret', 'Password'),
    ],
  },
];
