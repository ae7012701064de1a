import { isSyncError } from '@shopsync/core';
import type { Logger } from 'pino';

/** The companion app's method that writes a run of one event's keyed ensure operations in one request. */
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
 * How this runner writes an event's keyed ensure operations (config `erpnext.writes`), for the runner's
 * life: one per runner, shared by its workers. 'batch' turns into 'rest' the first time the site
 * answers that it has no apply_documents, with one warning, so an older companion app keeps working.
 */
export class DocumentWrites {
  private current: WriteMode;
  private fallbackReason: string | null = null;

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
