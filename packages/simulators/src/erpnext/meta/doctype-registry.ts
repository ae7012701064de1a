import { BILLING_DOCTYPES } from './billing-doctypes';
import { BUYING_DOCTYPES } from './buying-doctypes';
import { Meta } from './meta';
import { PARTY_DOCTYPES } from './party-doctypes';
import { SELLING_DOCTYPES } from './selling-doctypes';
import { SETUP_DOCTYPES } from './setup-doctypes';
import type { ShopsyncAppMeta } from './shopsync-app-meta';
import { STOCK_DOCTYPES } from './stock-doctypes';
import { STOCK_VOUCHER_DOCTYPES } from './stock-voucher-doctypes';

export const ERPNEXT_DOCTYPES = [...SETUP_DOCTYPES, ...PARTY_DOCTYPES, ...STOCK_DOCTYPES, ...SELLING_DOCTYPES, ...BILLING_DOCTYPES, ...STOCK_VOUCHER_DOCTYPES, ...BUYING_DOCTYPES];

/** Every doctype the simulated site knows: ERPNext's, with our custom fields, plus our own. */
export class DoctypeRegistry {
  private readonly metas = new Map<string, Meta>();
  /** Doctypes named in custom_fields.json that the simulator has no definition for. */
  readonly unmodelled: string[] = [];

  constructor(app: ShopsyncAppMeta) {
    for (const def of [...ERPNEXT_DOCTYPES, ...app.doctypes]) this.metas.set(def.name, new Meta(def));
    for (const [doctype, fields] of Object.entries(app.customFields)) {
      const meta = this.metas.get(doctype);
      // A doctype the simulator does not model cannot be written through it anyway; remember it
      // so a test can see which custom fields had nowhere to go, instead of refusing to start.
      if (meta) this.metas.set(doctype, meta.withFields(fields));
      else this.unmodelled.push(doctype);
    }
  }

  get(doctype: string): Meta | undefined {
    return this.metas.get(doctype);
  }

  names(): string[] {
    return [...this.metas.keys()];
  }
}
