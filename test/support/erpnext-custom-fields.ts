import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSim, type RunningSim } from './erpnext-sim';

const APP_DIR = join(__dirname, '..', '..', 'frappe_app', 'shopsync');

interface FieldDef {
  readonly fieldname: string;
  readonly fieldtype?: string;
  readonly label?: string;
  readonly unique?: number;
}

/** custom_fields.json as the companion app ships it: doctype → fields. */
export function shippedCustomFields(): Record<string, FieldDef[]> {
  return JSON.parse(readFileSync(join(APP_DIR, 'custom_fields.json'), 'utf8')) as Record<string, FieldDef[]>;
}

// Frappe's Custom Field doctype, trimmed to what install.py writes and doctor reads.
const CUSTOM_FIELD_DOCTYPE = {
  doctype: 'DocType',
  name: 'Custom Field',
  fields: [
    { fieldname: 'dt', fieldtype: 'Link', options: 'DocType', reqd: 1 },
    { fieldname: 'fieldname', fieldtype: 'Data' },
    { fieldname: 'fieldtype', fieldtype: 'Data' },
    { fieldname: 'label', fieldtype: 'Data' },
    { fieldname: 'unique', fieldtype: 'Check' },
  ],
};

/**
 * The ERPNext simulator with Frappe's `Custom Field` records, which it does not model by itself: its
 * app folder gets a Custom Field doctype next to the real app's doctypes, and the fields of
 * custom_fields.json are inserted over REST as install.py's create_custom_fields would. `install`
 * picks which fields a test's site has (and may change `unique`), to show a half-installed app.
 */
export async function startSimWithCustomFields(dir: string, install: (doctype: string, field: FieldDef) => FieldDef | null = (_, field) => field, options: Parameters<typeof startSim>[0] = {}): Promise<RunningSim> {
  const appDir = join(dir, 'frappe-app');
  mkdirSync(join(appDir, 'frappe_core', 'doctype', 'custom_field'), { recursive: true });
  copyFileSync(join(APP_DIR, 'custom_fields.json'), join(appDir, 'custom_fields.json'));
  symlinkSync(join(APP_DIR, 'shopsync'), join(appDir, 'shopsync'));
  writeFileSync(join(appDir, 'frappe_core', 'doctype', 'custom_field', 'custom_field.json'), JSON.stringify(CUSTOM_FIELD_DOCTYPE));
  const running = await startSim({ appDir, ...options });
  for (const [doctype, fields] of Object.entries(shippedCustomFields())) {
    for (const field of fields) {
      const installed = install(doctype, field);
      if (installed !== null) await running.client.insertDoc('Custom Field', { dt: doctype, fieldname: installed.fieldname, fieldtype: installed.fieldtype ?? 'Data', label: installed.label ?? installed.fieldname, unique: installed.unique ?? 0 });
    }
  }
  return running;
}
