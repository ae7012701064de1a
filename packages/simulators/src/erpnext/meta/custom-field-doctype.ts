import type { DoctypeMeta } from '../types';
import { field as f } from './field-types';

/** The field types a Custom Field may have (`fieldtype` options of v15 custom_field.json). */
export const CUSTOM_FIELD_TYPES = [
  'Autocomplete', 'Attach', 'Attach Image', 'Barcode', 'Button', 'Check', 'Code', 'Color', 'Column Break', 'Currency', 'Data', 'Date',
  'Datetime', 'Duration', 'Dynamic Link', 'Float', 'Fold', 'Geolocation', 'Heading', 'HTML', 'HTML Editor', 'Icon', 'Image', 'Int',
  'JSON', 'Link', 'Long Text', 'Markdown Editor', 'Password', 'Percent', 'Phone', 'Read Only', 'Rating', 'Section Break', 'Select',
  'Signature', 'Small Text', 'Tab Break', 'Table', 'Table MultiSelect', 'Text', 'Text Editor', 'Time',
] as const;

/**
 * Frappe's `Custom Field` (frappe/custom/doctype/custom_field/custom_field.json, v15), trimmed to
 * the properties a field definition carries. No `autoname` in the JSON: CustomField.autoname() names
 * it "{dt}-{fieldname}" (controllers/custom-field.ts). `insert_after` is a Select whose options the
 * form fills in, so the server checks no option list for it.
 */
export const CUSTOM_FIELD_DOCTYPE: DoctypeMeta = {
  name: 'Custom Field',
  fields: [
    f('is_system_generated', 'Check', { read_only: 1 }),
    f('dt', 'Link', { options: 'DocType', reqd: 1, label: 'DocType' }),
    f('module', 'Link', { options: 'Module Def', label: 'Module (for export)' }),
    f('label', 'Data', { no_copy: 1 }),
    f('placeholder', 'Data'),
    f('fieldname', 'Data', { read_only: 1, no_copy: 1 }),
    f('insert_after', 'Select', { no_copy: 1 }),
    f('length', 'Int'),
    f('fieldtype', 'Select', { options: CUSTOM_FIELD_TYPES.join('\n'), reqd: 1, default: 'Data', label: 'Field Type' }),
    f('precision', 'Select', { options: '\n0\n1\n2\n3\n4\n5\n6\n7\n8\n9' }),
    f('options', 'Small Text'),
    f('fetch_from', 'Small Text'),
    f('fetch_if_empty', 'Check', { label: 'Fetch on Save if Empty' }),
    f('default', 'Text', { label: 'Default Value' }),
    f('depends_on', 'Code'),
    f('mandatory_depends_on', 'Code'),
    f('read_only_depends_on', 'Code'),
    f('non_negative', 'Check'),
    f('reqd', 'Check', { label: 'Is Mandatory Field' }),
    f('unique', 'Check'),
    f('is_virtual', 'Check'),
    f('read_only', 'Check'),
    f('ignore_user_permissions', 'Check'),
    f('hidden', 'Check'),
    f('print_hide', 'Check'),
    f('no_copy', 'Check'),
    f('allow_on_submit', 'Check'),
    f('in_list_view', 'Check'),
    f('in_standard_filter', 'Check'),
    f('in_global_search', 'Check'),
    f('in_preview', 'Check'),
    f('bold', 'Check'),
    f('report_hide', 'Check'),
    f('search_index', 'Check', { label: 'Index' }),
    f('allow_in_quick_entry', 'Check'),
    f('translatable', 'Check'),
    f('description', 'Text', { label: 'Field Description' }),
    f('permlevel', 'Int', { label: 'Permission Level' }),
    f('width', 'Data'),
    f('columns', 'Int'),
  ],
};
