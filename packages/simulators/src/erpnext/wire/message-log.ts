import { FrappeError, type ExcType } from './frappe-error';

/** One `frappe.msgprint` dict; keys in Frappe's insertion order (notes §4). */
export interface MsgDict {
  message: string;
  title: string;
  indicator?: string;
  raise_exception?: 1;
  __frappe_exc_id?: string;
  alert?: 1;
}

export interface ThrowOptions {
  readonly title?: string;
  /** Raised from ERPNext code, so the error body names `_exc_source` "erpnext (app)". */
  readonly erpnext?: boolean;
  /** `str(exc)` when it differs from the message (MandatoryError, UniqueValidationError). */
  readonly excArg?: string;
  /** `msgprint(..., raise_exception=True, indicator=...)` keeps its own colour (e.g. orange). */
  readonly indicator?: string;
}

/**
 * `frappe.local.message_log` for one request: every msgprint lands here and is sent back as
 * `_server_messages`, on success (alerts, the customer-rename Note) as well as on error.
 */
export class MessageLog {
  readonly entries: MsgDict[] = [];

  constructor(private readonly randomHex: (length: number) => string) {}

  msgprint(message: string, options: { title?: string; indicator?: string; alert?: boolean } = {}): void {
    const entry: MsgDict = { message, title: options.title ?? 'Message' };
    if (options.indicator) entry.indicator = options.indicator;
    if (options.alert) entry.alert = 1;
    this.entries.push(entry);
  }

  /** `frappe.throw(msg, exc)`: a red msgprint flagged as the raising one, then the exception. */
  throw(message: string, excType: ExcType = 'ValidationError', options: ThrowOptions = {}): never {
    this.entries.push({
      message,
      title: options.title ?? 'Message',
      indicator: options.indicator ?? 'red',
      raise_exception: 1,
      __frappe_exc_id: this.randomHex(56),
    });
    throw new FrappeError({ excType, excArg: options.excArg ?? message, ...(options.erpnext ? { fromErpnext: true } : {}) });
  }
}

export function frappeBold(text: string): string {
  return `<strong>${text}</strong>`;
}
