import type { DoctypeMeta } from '../types';
import { field as f } from './field-types';

const ADDRESS_TYPES = 'Billing\nShipping\nOffice\nPersonal\nPlant\nPostal\nShop\nSubsidiary\nWarehouse\nCurrent\nPermanent\nOther';

/** Customer (ERPNext) and Contact / Address with their child tables (Frappe), notes §9. */
export const PARTY_DOCTYPES: readonly DoctypeMeta[] = [
  {
    name: 'Customer',
    // Meta says naming series; Customer.autoname() uses the customer name by default (notes §7).
    autoname: 'naming_series:',
    title_field: 'customer_name',
    fields: [
      f('naming_series', 'Select', { options: 'CUST-.YYYY.-', label: 'Series' }),
      f('customer_name', 'Data', { reqd: 1 }),
      f('customer_type', 'Select', { options: 'Company\nIndividual\nPartnership', reqd: 1, default: 'Company' }),
      f('customer_group', 'Link', { options: 'Customer Group' }),
      f('territory', 'Link', { options: 'Territory' }),
      f('default_currency', 'Link', { options: 'Currency', label: 'Billing Currency' }),
      f('default_price_list', 'Link', { options: 'Price List' }),
      f('disabled', 'Check'),
      f('is_frozen', 'Check'),
      f('customer_primary_contact', 'Link', { options: 'Contact' }),
      f('customer_primary_address', 'Link', { options: 'Address' }),
      f('primary_address', 'Text', { read_only: 1 }),
      f('email_id', 'Read Only', { label: 'Email Id' }),
      f('mobile_no', 'Read Only', { label: 'Mobile No' }),
      f('is_internal_customer', 'Check'),
      f('represents_company', 'Link', { options: 'Company', unique: 1 }),
      f('tax_id', 'Data'),
      f('customer_details', 'Text'),
    ],
  },
  {
    name: 'Contact',
    // Contact.autoname(): full name + "-" + first link name, numbered on clashes (notes §7).
    fields: [
      f('first_name', 'Data'),
      f('middle_name', 'Data'),
      f('last_name', 'Data'),
      f('full_name', 'Data', { read_only: 1 }),
      f('company_name', 'Data'),
      f('email_id', 'Data', { options: 'Email', read_only: 1 }),
      f('phone', 'Data', { options: 'Phone', read_only: 1 }),
      f('mobile_no', 'Data', { read_only: 1 }),
      f('is_primary_contact', 'Check'),
      f('links', 'Table', { options: 'Dynamic Link', label: 'Links' }),
      f('email_ids', 'Table', { options: 'Contact Email', label: 'Email IDs' }),
      f('phone_nos', 'Table', { options: 'Contact Phone', label: 'Contact Numbers' }),
    ],
  },
  { name: 'Contact Email', istable: 1, fields: [f('email_id', 'Data', { reqd: 1, options: 'Email', label: 'Email ID' }), f('is_primary', 'Check')] },
  {
    name: 'Contact Phone',
    istable: 1,
    fields: [f('phone', 'Data', { reqd: 1, label: 'Number' }), f('is_primary_phone', 'Check'), f('is_primary_mobile_no', 'Check')],
  },
  {
    name: 'Dynamic Link',
    istable: 1,
    fields: [
      f('link_doctype', 'Link', { options: 'DocType', reqd: 1, label: 'Link Document Type' }),
      f('link_name', 'Dynamic Link', { options: 'link_doctype', reqd: 1, label: 'Link Name' }),
      f('link_title', 'Read Only'),
    ],
  },
  {
    name: 'Address',
    // Address.autoname(): "{address_title}-{address_type}" (notes §7).
    fields: [
      f('address_title', 'Data'),
      f('address_type', 'Select', { options: ADDRESS_TYPES, reqd: 1 }),
      f('address_line1', 'Data', { reqd: 1, length: 240, label: 'Address Line 1' }),
      f('address_line2', 'Data', { length: 240, label: 'Address Line 2' }),
      f('city', 'Data', { reqd: 1, label: 'City/Town' }),
      f('county', 'Data'),
      f('state', 'Data', { label: 'State/Province' }),
      f('pincode', 'Data', { label: 'Postal Code' }),
      f('country', 'Link', { options: 'Country', reqd: 1 }),
      f('email_id', 'Data', { options: 'Email', label: 'Email Address' }),
      f('phone', 'Data'),
      f('is_primary_address', 'Check', { label: 'Preferred Billing Address' }),
      f('is_shipping_address', 'Check', { label: 'Preferred Shipping Address' }),
      f('disabled', 'Check'),
      f('links', 'Table', { options: 'Dynamic Link', label: 'Links' }),
    ],
  },
];
