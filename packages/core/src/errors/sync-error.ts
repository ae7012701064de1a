import type { FailureCode } from '../failures/failure-codes';
import { failureCodeInfo } from '../failures/find-failure-code';
import type { FailureCategory } from './failure-category';

export interface SyncErrorOptions {
  /** Stable dotted code, e.g. `erpnext.validation.mandatory`, a row of FAILURE_CODES; callers branch on it, never on classes. */
  code: FailureCode;
  category: FailureCategory;
  /** Whether repeating the same request (or operation, by its key) is safe and may succeed. */
  retryable: boolean;
  message: string;
  retryAfterMs?: number;
  details?: Record<string, unknown>;
  cause?: unknown;
}

/**
 * The one error type of the project (STYLE C5). Clients turn wire failures into it in exactly one
 * function each; the runner records `code`, `category` and `retryable` on the parked failure.
 */
export class SyncError extends Error {
  readonly code: FailureCode;
  readonly category: FailureCategory;
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;
  readonly details: Record<string, unknown>;

  constructor(options: SyncErrorOptions) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SyncError';
    this.code = options.code;
    this.category = options.category;
    this.retryable = options.retryable;
    this.retryAfterMs = options.retryAfterMs;
    this.details = options.details ?? {};
  }

  static retryable(options: Omit<SyncErrorOptions, 'retryable'>): SyncError {
    return new SyncError({ ...options, retryable: true });
  }

  static permanent(options: Omit<SyncErrorOptions, 'retryable'>): SyncError {
    return new SyncError({ ...options, retryable: false });
  }

  /**
   * An error whose category, retry safety and remedy (as `details.action`, evidence for the operator)
   * are its code's row in FAILURE_CODES, so a minted error cannot disagree with the table.
   */
  static of(code: FailureCode, options: Omit<SyncErrorOptions, 'code' | 'category' | 'retryable'>): SyncError {
    const { category, retryable, remedy } = failureCodeInfo(code);
    const details = remedy === undefined ? options.details : { action: remedy, ...options.details };
    return new SyncError({ ...options, code, category, retryable, ...(details === undefined ? {} : { details }) });
  }
}

/** True for any value carrying the SyncError shape, including one built by another copy of this module. */
export function isSyncError(value: unknown): value is SyncError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { category?: unknown }).category === 'string' &&
    typeof (value as { retryable?: unknown }).retryable === 'boolean'
  );
}
