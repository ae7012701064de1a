import type { FailureCategory } from '../errors/failure-category';

export interface FailureCodeInfo {
  readonly category: FailureCategory;
  readonly retryable: boolean;
  /** What the operator does about it, appended to the failure's sentence. */
  readonly action: string;
}

/**
 * Failures the core itself decides. Wire failures get their codes from the clients (erpnext.*,
 * shopify.*); their category and retry safety travel on the SyncError.
 */
export const CORE_FAILURE_CODES = {
  'payload.invalid': {
    category: 'validation',
    retryable: false,
    action: 'check the payload in the event evidence; if Shopify sent it, report it as a bug',
  },
  'mapping.sku_missing': {
    category: 'mapping',
    retryable: false,
    action: 'give the variant a SKU in Shopify (it must equal an ERPNext Item Code), then requeue the event',
  },
  'mapping.currency_unsupported': {
    category: 'mapping',
    retryable: false,
    action: 'multi-currency orders are not synced yet; enter this order in ERPNext by hand or ignore the failure',
  },
  'internal.unexpected': {
    category: 'internal',
    retryable: false,
    action: 'report it with the event evidence attached',
  },
} as const satisfies Record<string, FailureCodeInfo>;

export type CoreFailureCode = keyof typeof CORE_FAILURE_CODES;
