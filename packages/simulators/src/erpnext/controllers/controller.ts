import type { Ctx } from '../site/site';
import type { Doc } from '../types';

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
 * exercises. Hooks mutate `doc` in place and raise through `ctx.log.throw`.
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
