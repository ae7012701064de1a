import type { RequiredSettingKey, SyncSettings } from '@shopsync/core';
import { ConfigSchema } from './config-schema';
import { MappingSchema } from './mapping-schema';

/**
 * What `shopsync init` writes: JSON with a "//" comment key per section. JSON because the loader
 * needs no second parser (JSONC or YAML would be one more dependency and one more format to
 * document) and the file stays valid for jq and any editor; "//" is npm's own convention for
 * comments in package.json, and the loader drops those keys at every depth. Every value is filled
 * from the schema's defaults (the mapping's are the core's SYNC_SETTINGS_DEFAULTS), so the template
 * never drifts from them; only keys without a default get a placeholder.
 */
const COMMENTS: Record<string, string> = {
  '//': 'shopsync configuration. Keys named "//" are comments. Secrets belong in the environment, not here: SHOPSYNC_ERPNEXT_API_KEY, SHOPSYNC_ERPNEXT_API_SECRET, SHOPSYNC_WEBHOOK_SECRETS (the Shopify app client secret; comma-separated during a rotation, newest first) and SHOPSYNC_SHOPIFY_ACCESS_TOKEN (the Admin API token, for doctor, backfill and readiness). webhookAddress is the public https URL Shopify posts webhooks to; doctor checks the subscriptions point there.',
  shops: 'Each Shopify shop served: its *.myshopify.com domain. webhookSecrets may be listed here instead of SHOPSYNC_WEBHOOK_SECRETS; with several shops, give each its accessToken here. apiBaseUrl only for a simulator (default https://<domain>).',
  erpnext: 'The ERPNext site and the API user the runner writes as (key and secret from the environment). timeoutMs per request; concurrency = parallel requests.',
  store: 'The SQLite state file (inbox, evidence, failures). synchronous FULL: every acknowledged webhook survives a power loss; NORMAL: a process crash only. Settled events older than retentionDays are pruned; failed ones are kept until retried or ignored.',
  server: 'The webhook endpoint (POST webhookPath), /healthz, /readyz and /metrics. maxBatch: webhooks per group commit; bodyLimitBytes: larger bodies get 413.',
  worker: 'Processing: concurrency across orders (one order at a time), claim lease, poll interval, and retries of transient failures (exponential backoff with jitter, then parked).',
  mapping: 'How Shopify maps onto your ERPNext: company, currency, warehouse (locationWarehouses: Shopify location id -> warehouse, for point-of-sale orders and fulfillments), customer defaults, tax/shipping accounts by title, payment gateways by name. salesOrderNamingSeries: one of the Sales Order series options in ERPNext (null: its default).',
  flows: 'Rollout per flow: shadow records what would be done and writes nothing; live writes; off skips. Switch one flow to live at a time.',
  log: 'Log level: fatal, error, warn, info, debug, trace or silent. Secrets are redacted.',
};

export interface TemplateOptions {
  readonly shop: string;
  readonly erpnextUrl: string;
  readonly storePath: string;
  readonly webhookAddress: string;
}

/**
 * The names a new file starts with for the mapping's required keys (SyncSettings has no default for
 * them): a company "Your Company" with abbreviation YC, as ERPNext's setup wizard would name things.
 */
export const MAPPING_PLACEHOLDERS = {
  company: 'Your Company',
  companyCurrency: 'USD',
  defaultWarehouse: 'Stores - YC',
  customerGroup: 'Individual',
  territory: 'All Territories',
} as const satisfies Pick<SyncSettings, RequiredSettingKey>;

// The shapes of the two maps an operator most often fills, shown as comments so the file still
// parses to the defaults (an example account would be a wrong mapping in every real ERPNext).
const MAP_EXAMPLES: Record<string, string> = {
  taxAccounts: 'Shopify tax line title -> ERPNext account, e.g. "State Tax": "Sales Tax - YC"',
  paymentGateways: 'Shopify gateway -> payment, e.g. "shopify_payments": {"modeOfPayment": "Credit Card", "account": "Bank Account - YC"}',
};

type Schema = { safeParse(value: unknown): { success: boolean; data?: unknown } };

/** A whole section when every key of it has a default (server, worker, …); null otherwise. */
function defaultsOf(section: string): Record<string, unknown> | null {
  const parsed = (ConfigSchema.shape as Record<string, Schema>)[section]?.safeParse(undefined);
  return parsed?.success === true ? (parsed.data as Record<string, unknown>) : null;
}

/** A section with required keys, in the schema's key order: the given values, else each key's default. */
function sectionOf(shape: Record<string, Schema>, given: Record<string, unknown>): Record<string, unknown> {
  const section: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(shape)) {
    const parsed = schema.safeParse(undefined);
    const value = key in given ? given[key] : parsed.success ? parsed.data : undefined;
    if (value !== undefined) section[key] = value;
  }
  return section;
}

function withExamples(mapping: Record<string, unknown>): Record<string, unknown> {
  const commented = Object.entries(MAP_EXAMPLES).map(([key, example]) => [key, { '//': example, ...(mapping[key] as object) }]);
  return { ...mapping, ...Object.fromEntries(commented) };
}

/** The file `init` writes: every value is the schema's default, or a placeholder where there is none. */
export function configTemplate(options: TemplateOptions): Record<string, unknown> {
  const required: Record<string, unknown> = {
    shops: [{ domain: options.shop }],
    webhookAddress: options.webhookAddress,
    erpnext: sectionOf(ConfigSchema.shape.erpnext.shape, { url: options.erpnextUrl }),
    store: sectionOf(ConfigSchema.shape.store.shape, { path: options.storePath }),
    mapping: withExamples(sectionOf(MappingSchema.shape, MAPPING_PLACEHOLDERS)),
  };
  const template: Record<string, unknown> = { '//': COMMENTS['//'] };
  for (const section of Object.keys(ConfigSchema.shape)) {
    const body = required[section] ?? defaultsOf(section);
    if (body === null || body === undefined) continue;
    const comment = COMMENTS[section];
    template[section] = comment === undefined || typeof body !== 'object' ? body : Array.isArray(body) ? [{ '//': comment, ...(body[0] as object) }, ...body.slice(1)] : { '//': comment, ...(body as object) };
  }
  return template;
}
