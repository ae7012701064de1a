import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
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

/**
 * The ERPNext simulator with the companion app installed as `install` says: the simulator installs
 * the custom_fields.json of its app folder as Custom Field documents (as install.py does), so the
 * test's app folder gets the real app's doctypes and a custom_fields.json holding only the fields
 * `install` keeps (with any property it changes, e.g. `unique`), to show a half-installed app.
 */
export async function startSimWithCustomFields(dir: string, install: (doctype: string, field: FieldDef) => FieldDef | null = (_, field) => field, options: Parameters<typeof startSim>[0] = {}): Promise<RunningSim> {
  const appDir = join(dir, 'frappe-app');
  mkdirSync(appDir, { recursive: true });
  symlinkSync(join(APP_DIR, 'shopsync'), join(appDir, 'shopsync'));
  const installed = Object.fromEntries(
    Object.entries(shippedCustomFields()).map(([doctype, fields]) => [doctype, fields.map((field) => install(doctype, field)).filter((field): field is FieldDef => field !== null)]),
  );
  writeFileSync(join(appDir, 'custom_fields.json'), JSON.stringify(installed));
  return startSim({ appDir, ...options });
}
