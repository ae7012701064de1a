import type { ErpnextClient } from '@shopsync/erpnext-client';
import type { ShopifyClient } from '@shopsync/shopify-client';

/** ok: checked and fine; problem: checked and wrong (with a fix); skipped: could not or need not be checked. */
export const CHECK_STATUSES = { ok: 'ok', problem: 'problem', skipped: 'skipped' } as const;
export type CheckStatus = (typeof CHECK_STATUSES)[keyof typeof CHECK_STATUSES];

export const CHECK_IDS = {
  erpnextConnection: 'erpnext.connection',
  customFields: 'erpnext.custom_fields',
  appVersion: 'erpnext.app_version',
  mappingMasters: 'erpnext.mapping',
  mappingAccounts: 'erpnext.accounts',
  modesOfPayment: 'erpnext.modes_of_payment',
  shopifyConnection: 'shopify.connection',
  skus: 'shopify.skus',
  webhooks: 'shopify.webhooks',
  webhookSecret: 'shopify.webhook_secret',
  timeZone: 'erpnext.time_zone',
  stockMapping: 'shopify.stock_mapping',
} as const;
export type CheckId = (typeof CHECK_IDS)[keyof typeof CHECK_IDS];

export interface CheckResult {
  readonly id: CheckId;
  /** The shop a Shopify check is about; absent for ERPNext checks. */
  readonly shop?: string;
  readonly status: CheckStatus;
  /** What was found, in one line. */
  readonly detail: string;
  /** For a problem: one sentence saying what to do. For a skipped check: how to check it by hand. */
  readonly fix?: string;
  /** Machine-readable specifics (missing names, counts) for `--json`. */
  readonly data?: Readonly<Record<string, unknown>>;
}

export interface DoctorReport {
  /** False when any check found a problem (the exit code is then 1). */
  readonly ok: boolean;
  readonly checks: readonly CheckResult[];
}

/** The ERPNext calls doctor makes: reads only. */
export type DoctorErpnext = Pick<ErpnextClient, 'callMethod' | 'listAll'>;

/** The Shopify calls doctor makes: reads, and webhook subscriptions created by `--fix`. */
export type DoctorShopify = Pick<ShopifyClient, 'shop' | 'graphql'> & {
  readonly webhooks: Pick<ShopifyClient['webhooks'], 'list' | 'create'>;
  readonly locations?: Pick<ShopifyClient['locations'], 'list'>;
};

export const ok = (id: CheckId, detail: string, data?: Record<string, unknown>): CheckResult => ({ id, status: 'ok', detail, ...(data === undefined ? {} : { data }) });
export const problem = (id: CheckId, detail: string, fix: string, data?: Record<string, unknown>): CheckResult => ({ id, status: 'problem', detail, fix, ...(data === undefined ? {} : { data }) });
export const skipped = (id: CheckId, detail: string, fix?: string): CheckResult => ({ id, status: 'skipped', detail, ...(fix === undefined ? {} : { fix }) });
