import { ConfigSchema } from './config-schema';

/**
 * What `shopsync init` writes: JSON with a "//" comment key per section. JSON because the loader
 * needs no second parser (JSONC or YAML would be one more dependency and one more format to
 * document) and the file stays valid for jq and any editor; "//" is npm's own convention for
 * comments in package.json, and the loader drops those keys at every depth. Sections whose every key
 * has a default are filled from the schema itself, so the template never drifts from it.
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

function defaultsOf(section: string): Record<string, unknown> | null {
  const schema = (ConfigSchema.shape as Record<string, { safeParse(value: unknown): { success: boolean; data?: unknown } }>)[section];
  const parsed = schema?.safeParse(undefined);
  return parsed?.success === true ? (parsed.data as Record<string, unknown>) : null;
}

export function configTemplate(options: TemplateOptions): Record<string, unknown> {
  const required: Record<string, unknown> = {
    shops: [{ domain: options.shop }],
    webhookAddress: options.webhookAddress,
    erpnext: { url: options.erpnextUrl, timeoutMs: 10_000, concurrency: 4 },
    store: { path: options.storePath, synchronous: 'FULL', retentionDays: 30 },
    mapping: {
      company: 'Your Company',
      companyCurrency: 'USD',
      defaultWarehouse: 'Stores - YC',
      locationWarehouses: {},
      salesOrderNamingSeries: null,
      customerGroup: 'Individual',
      territory: 'All Territories',
      guestCustomerName: 'Shopify Guest',
      deliveryDays: 7,
      taxAccounts: { 'State Tax': 'Sales Tax - YC' },
      shippingAccount: 'Freight and Forwarding Charges - YC',
      paymentGateways: { shopify_payments: { modeOfPayment: 'Credit Card', account: 'Bank Account - YC' } },
    },
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
