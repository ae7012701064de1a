import type { DoctypeRegistry } from '../meta/doctype-registry';
import type { Meta } from '../meta/meta';
import type { Doc } from '../types';
import type { MessageLog } from '../wire/message-log';
import type { SiteClock } from './site-clock';
import type { SiteStore } from './site-store';

/** Global Defaults of the seeded company, applied by fieldname to new documents (notes §9). */
export interface SiteDefaults {
  readonly company: string;
  readonly abbr: string;
  readonly currency: string;
  /**
   * Decimals of every Currency field (frappe `get_field_precision`: System Settings currency_precision,
   * else the number format the setup wizard took from the company's country — "#,###.###" for
   * Kuwait, Bahrain, Oman, Jordan, Iraq and Libya, two decimals elsewhere).
   */
  readonly currencyPrecision: number;
  readonly country: string;
  readonly sellingPriceList: string;
  readonly customerGroup: string;
  readonly territory: string;
  readonly defaultWarehouse: string;
  readonly receivableAccount: string;
  readonly incomeAccount: string;
  readonly cashAccount: string;
  readonly costCenter: string;
}

/** One simulated ERPNext site: definitions, data, clock and the per-doctype controllers. */
export interface Site {
  readonly registry: DoctypeRegistry;
  readonly store: SiteStore;
  readonly clock: SiteClock;
  readonly defaults: SiteDefaults;
  readonly randomHex: (length: number) => string;
  readonly controllers: Readonly<Record<string, Controller>>;
  /** api_key → user and decrypted api_secret (Frappe keeps the secret in `__Auth`). */
  readonly apiKeys: Map<string, { readonly user: string; readonly secret: string }>;
}

/** Per-request state: the site, the authenticated user and `frappe.local.message_log`. */
export interface Ctx {
  readonly site: Site;
  readonly user: string;
  readonly log: MessageLog;
}

/** What a save is doing, from the stored and the requested docstatus (notes §2 transition table). */
export const DOC_ACTIONS = {
  save: 'save',
  submit: 'submit',
  cancel: 'cancel',
  updateAfterSubmit: 'update_after_submit',
} as const;
export type DocAction = (typeof DOC_ACTIONS)[keyof typeof DOC_ACTIONS];

export interface SavePhase {
  readonly action: DocAction;
  readonly isNew: boolean;
  /** The stored document before this save; undefined on insert. */
  readonly before?: Doc;
}

/**
 * The doctype-specific part of ERPNext (its Python controller), reduced to the hooks a sync
 * exercises. Hooks mutate `doc` in place and raise through `ctx.log.throw`. It stands beside Site
 * and Ctx because the three name each other: a site holds its controllers, a hook takes the Ctx.
 */
export interface Controller {
  /** Replaces the meta's autoname (Customer, Warehouse, Contact, Address, Account). */
  autoname?(ctx: Ctx, doc: Doc): string;
  /**
   * Runs before link validation. ERPNext's party and item lookups happen here, which is why a
   * Sales Order for a missing customer is a 404 DoesNotExistError, not a LinkValidationError.
   */
  prepare?(ctx: Ctx, doc: Doc, phase: SavePhase): void;
  /** `validate` (+ `before_submit` / `before_cancel`): fills computed fields, enforces rules. */
  validate?(ctx: Ctx, doc: Doc, phase: SavePhase): void;
  /** After the row is written: `on_update`, `on_submit`, `on_cancel`, `on_update_after_submit`. */
  afterSave?(ctx: Ctx, doc: Doc, phase: SavePhase): Doc | void;
  /** `on_trash`, before a delete. */
  onTrash?(ctx: Ctx, doc: Doc): void;
  /** Link fields of other doctypes whose links do not block cancelling this one. */
  readonly ignoreLinksOnCancel?: readonly string[];
}

/** `frappe.get_meta`: an unknown doctype is a 404 DoesNotExistError, as on a real site. */
export function requireMeta(ctx: Ctx, doctype: string): Meta {
  const meta = ctx.site.registry.get(doctype);
  if (meta) return meta;
  ctx.log.throw(`DocType ${doctype} not found`, 'DoesNotExistError');
}

/**
 * Reads a document by name. MariaDB compares names case-insensitively and ignores trailing
 * spaces, so `SKU-1001` is found as `sku-1001 ` too; the stored spelling is returned.
 */
export function findDoc(ctx: Ctx, doctype: string, name: string): Doc | undefined {
  const stored = ctx.site.store.resolveName(doctype, name);
  return stored === undefined ? undefined : ctx.site.store.get(doctype, stored);
}

/** `frappe.get_doc` for a name that must exist: 404 "{doctype} {name} not found" otherwise. */
export function getDocOr404(ctx: Ctx, doctype: string, name: string): Doc {
  const doc = findDoc(ctx, doctype, name);
  if (doc) return doc;
  ctx.log.throw(`${doctype} ${name} not found`, 'DoesNotExistError');
}

export { collate } from './site-store';
