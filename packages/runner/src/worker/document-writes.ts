import { isSyncError } from '@shopsync/core';
import type { Logger } from 'pino';

/** The companion app's method that writes a run of one event's ensure and update operations in one request. */
export const APPLY_DOCUMENTS = 'shopsync.documents.apply_documents';

export type WriteMode = 'batch' | 'rest';

/**
 * Frappe 15's answer for a dotted method it cannot load (frappe/handler.py execute_cmd: `get_attr(cmd)`
 * fails with "No module named 'shopsync.documents'" on an older companion app, or "App shopsync is not
 * installed" without it, and the handler re-raises it as `frappe.throw(_("Failed to get method for
 * command {0} with {1}"))`): a 417 ValidationError, never a 404. The message is the only sign.
 */
export function isMissingMethod(error: unknown, method: string = APPLY_DOCUMENTS): boolean {
  return isSyncError(error) && error.code === 'erpnext.validation' && error.message.includes(`Failed to get method for command ${method}`);
}

/**
 * An older companion app's answer to an update_document in the run: its document_batch.parse_operation
 * knows only the two ensure kinds and refuses the request before reading or writing anything, with
 * `frappe.throw("operation K: kind must be one of ensure_document, ensure_mapped_document, not
 * 'update_document'", ValidationError)`. Only that answer counts; the app of this release lists
 * update_document among its kinds, so it never says it.
 */
export function isUpdateRefused(error: unknown): boolean {
  return isSyncError(error) && error.code === 'erpnext.validation' && /: kind must be one of [a-z_, ]+, not 'update_document'/.test(error.message);
}

/**
 * How this runner writes an event's keyed ensure operations (config `erpnext.writes`), for the runner's
 * life: one per runner, shared by its workers. 'batch' turns into 'rest' the first time the site
 * answers that it has no apply_documents, with one warning, so an older companion app keeps working.
 */
export class DocumentWrites {
  private current: WriteMode;
  private fallbackReason: string | null = null;
  private updatesRefusedBecause: string | null = null;

  constructor(mode: WriteMode, private readonly logger: Pick<Logger, 'warn'>) {
    this.current = mode;
  }

  get mode(): WriteMode {
    return this.current;
  }

  /** Why this runner writes over REST although 'batch' was configured; null when it was not changed. */
  get fellBackBecause(): string | null {
    return this.fallbackReason;
  }

  /** Whether a batch may carry update_document operations: until an older app refuses them. */
  get batchesUpdates(): boolean {
    return this.updatesRefusedBecause === null;
  }

  /** Why updates go one by one although the app is asked for batches; null while it takes them. */
  get updatesOneByOneBecause(): string | null {
    return this.updatesRefusedBecause;
  }

  /**
   * True when `error` is an older app's refusal of update_document in a batch (isUpdateRefused); from
   * then on, for the runner's life, batches carry ensures only and updates go one by one over REST,
   * said once in a warning. The refused request wrote nothing (the app checks the whole list first).
   */
  fallBackOnUpdates(error: unknown): boolean {
    if (!isUpdateRefused(error)) return false;
    if (this.updatesRefusedBecause === null) {
      this.updatesRefusedBecause = (error as Error).message;
      this.logger.warn(
        {
          method: APPLY_DOCUMENTS,
          answer: this.updatesRefusedBecause,
          remedy: 'the companion app on the site is older than this runner and takes no update_document: update it (bench --site SITE migrate) to write each event in one request; until the runner restarts its updates go over REST, a read and a write each',
        },
        'erpnext.writes_updates_fell_back',
      );
    }
    return true;
  }

  /** True when `error` says the site lacks apply_documents; the runner then writes over REST from now on. */
  fallBackOn(error: unknown): boolean {
    if (!isMissingMethod(error)) return false;
    if (this.current === 'batch') {
      this.current = 'rest';
      this.fallbackReason = (error as Error).message;
      this.logger.warn(
        {
          method: APPLY_DOCUMENTS,
          answer: this.fallbackReason,
          remedy: 'the companion app on the site is older than this runner: update it (bench --site SITE migrate) to write each event in one request; until the runner restarts it writes over REST, one request per step',
        },
        'erpnext.writes_fell_back',
      );
    }
    return true;
  }
}
