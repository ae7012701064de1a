import type { FieldDef } from '../types';
import { BILLING_DOCTYPES } from './billing-doctypes';
import { BUYING_DOCTYPES } from './buying-doctypes';
import { CUSTOM_FIELD_DOCTYPE } from './custom-field-doctype';
import { Meta } from './meta';
import { PARTY_DOCTYPES } from './party-doctypes';
import { SELLING_DOCTYPES } from './selling-doctypes';
import { SETUP_DOCTYPES } from './setup-doctypes';
import type { CustomFieldDict, ShopsyncAppMeta } from './shopsync-app-meta';
import { STOCK_DOCTYPES } from './stock-doctypes';
import { STOCK_VOUCHER_DOCTYPES } from './stock-voucher-doctypes';

export const ERPNEXT_DOCTYPES = [...SETUP_DOCTYPES, ...PARTY_DOCTYPES, ...STOCK_DOCTYPES, ...SELLING_DOCTYPES, ...BILLING_DOCTYPES, ...STOCK_VOUCHER_DOCTYPES, ...BUYING_DOCTYPES];

/**
 * Every doctype the simulated site knows: Frappe's Custom Field, ERPNext's and our own. Custom
 * fields are not baked in: like `frappe.get_meta`, a doctype's meta is its definition plus the
 * Custom Field documents for it, which the Custom Field controller adds and removes here (the app's
 * own fields are installed as such documents by the seed, as install.py does on a real site).
 */
export class DoctypeRegistry {
  private readonly base = new Map<string, Meta>();
  private readonly metas = new Map<string, Meta>();
  /** custom_fields.json of the companion app, per doctype: what the seed installs. */
  readonly appCustomFields: Readonly<Record<string, readonly CustomFieldDict[]>>;

  constructor(app: ShopsyncAppMeta) {
    for (const def of [CUSTOM_FIELD_DOCTYPE, ...ERPNEXT_DOCTYPES, ...app.doctypes]) this.base.set(def.name, new Meta(def));
    this.appCustomFields = app.customFields;
    this.reset();
  }

  /** Back to the definitions without any custom field (a site before install-app). */
  reset(): void {
    this.metas.clear();
    for (const [name, meta] of this.base) this.metas.set(name, meta);
  }

  get(doctype: string): Meta | undefined {
    return this.metas.get(doctype);
  }

  names(): string[] {
    return [...this.metas.keys()];
  }

  /** Adds (or redefines) one custom field of `doctype`; returns the undo. */
  setCustomField(doctype: string, df: FieldDef): () => void {
    return this.replace(doctype, (meta) => meta.withField(df));
  }

  /** Drops one custom field of `doctype`; returns the undo. */
  removeCustomField(doctype: string, fieldname: string): () => void {
    return this.replace(doctype, (meta) => meta.withoutField(fieldname));
  }

  private replace(doctype: string, change: (meta: Meta) => Meta): () => void {
    const before = this.metas.get(doctype);
    if (!before) return () => undefined;
    this.metas.set(doctype, change(before));
    return () => this.metas.set(doctype, before);
  }
}
