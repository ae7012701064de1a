import { REQUIRED_CUSTOM_FIELDS, SHOPSYNC_WEBHOOK_TOPICS } from '@shopsync/runner';
import { shippedCustomFields } from './support/erpnext-custom-fields';

// doctor ships its list of custom fields in code; this keeps it equal to what the app installs.

test('doctor checks exactly the custom fields frappe_app/shopsync/custom_fields.json installs, unique where it says so', () => {
  const shipped = Object.entries(shippedCustomFields()).flatMap(([doctype, fields]) => fields.map((field) => ({ doctype, fieldname: field.fieldname, unique: field.unique === 1 })));
  const key = (f: { doctype: string; fieldname: string }) => `${f.doctype}.${f.fieldname}`;
  expect([...REQUIRED_CUSTOM_FIELDS].sort((a, b) => key(a).localeCompare(key(b)))).toEqual(shipped.sort((a, b) => key(a).localeCompare(key(b))));
});

test('doctor asks for the webhook topics issue 6 names, each once', () => {
  expect(new Set(SHOPSYNC_WEBHOOK_TOPICS).size).toBe(SHOPSYNC_WEBHOOK_TOPICS.length);
  expect([...SHOPSYNC_WEBHOOK_TOPICS].sort()).toEqual(
    ['orders/create', 'orders/updated', 'orders/paid', 'orders/cancelled', 'orders/fulfilled', 'orders/partially_fulfilled', 'orders/edited', 'refunds/create', 'customers/create', 'customers/update', 'order_transactions/create'].sort(),
  );
});
