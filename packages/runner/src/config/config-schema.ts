import { FLOW_MODES } from '@shopsync/core';
import { z } from 'zod';
import { MappingSchema } from './mapping-schema';

const shopDomain = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/, 'must be the shop\'s *.myshopify.com domain, lower case');

const LOOPBACK_HOSTS: readonly string[] = ['127.0.0.1', 'localhost', '[::1]'];

// Shopify delivers only to HTTPS; plain HTTP is accepted on loopback, where the simulator and tests listen.
const webhookAddress = z.url().refine((value) => {
  const url = new URL(value);
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.includes(url.hostname));
}, 'must be an https:// URL (Shopify delivers only to HTTPS; http:// is accepted on loopback only)');

export const ConfigSchema = z.object({
  shops: z
    .array(
      z.object({
        domain: shopDomain,
        /** The app's client secret(s); during a rotation list the new one first and keep the old one for an hour. */
        webhookSecrets: z.array(z.string().min(1)).min(1),
        /** Admin API access token (a secret): doctor, backfill and the Shopify readiness probe need it; webhooks alone do not. */
        accessToken: z.string().min(1).optional(),
        /** Where the Admin API is served; https://<domain> unless set (the simulator's http://127.0.0.1:PORT). */
        apiBaseUrl: z.url().optional(),
      }),
    )
    .min(1),
  /**
   * The public URL Shopify posts webhooks to (a proxy in front of server.webhookPath): `doctor` checks
   * that every topic shopsync needs is subscribed there, and `doctor --fix` subscribes the missing ones.
   */
  webhookAddress: webhookAddress.optional(),
  erpnext: z.object({
    url: z.url(),
    apiKey: z.string().min(1),
    apiSecret: z.string().min(1),
    timeoutMs: z.number().int().positive().default(10_000),
    concurrency: z.number().int().positive().default(4),
    /**
     * How an event's keyed ensure operations are written: 'batch' sends the run in one request to the
     * companion app's shopsync.documents.apply_documents (one transaction); 'rest' makes the insert,
     * submit, look-up and mapper requests one by one. A site whose app lacks the method falls back to
     * 'rest' by itself (worker/document-writes.ts).
     */
    writes: z.enum(['batch', 'rest']).default('batch'),
  }),
  store: z.object({
    path: z.string().min(1),
    /**
     * A PostgreSQL database to keep the state in instead of the SQLite file at `path` (which is then not
     * opened): postgres://user@host:5432/db. Several `serve` processes may share it (DESIGN §5).
     */
    url: z
      .string()
      .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// (or postgresql://) connection URL')
      .optional(),
    synchronous: z.enum(['FULL', 'NORMAL']).default('FULL'),
    /**
     * Settled events (and their evidence) older than this are pruned; failed events and unresolved
     * failures are kept. At least 2 days: the inbox is also the memory of webhook ids Shopify may redeliver.
     */
    retentionDays: z.number().min(2).default(30),
  }),
  server: z
    .object({
      host: z.string().default('127.0.0.1'),
      port: z.number().int().min(0).max(65_535).default(8787),
      webhookPath: z.string().startsWith('/').default('/webhooks/shopify'),
      bodyLimitBytes: z.number().int().positive().default(1024 * 1024),
      /** Group commit: at most this many webhooks per transaction (one fsync acknowledges them all). */
      maxBatch: z.number().int().min(1).max(10_000).default(512),
      /** How long /readyz waits for each dependency before calling it down. */
      readyTimeoutMs: z.number().int().positive().default(2_000),
    })
    .prefault({}),
  worker: z
    .object({
      concurrency: z.number().int().positive().default(4),
      leaseMs: z.number().int().positive().default(60_000),
      pollMs: z.number().int().positive().default(250),
      /**
       * How long a failing event is retried (backoff with jitter) before it is parked: a time, not a
       * count, because Shopify itself retries for about four hours and an ERPNext restart takes minutes.
       * Time while ERPNext is down (the outage breaker is open) spends no attempts.
       */
      retryForMinutes: z.number().positive().default(360),
      /** While the outage breaker is open, ERPNext is probed this often (then up to maxDelayMs). */
      outageProbeMs: z.number().int().positive().default(2_000),
      baseDelayMs: z.number().int().positive().default(1_000),
      maxDelayMs: z.number().int().positive().default(300_000),
    })
    .prefault({}),
  mapping: MappingSchema,
  /** Settled events are mirrored to the companion app's Sync Log, so operators read them in the Desk. */
  mirror: z
    .object({
      syncLogs: z.boolean().default(true),
      /** Failures to Sync Failure, and the Desk's Retry / Requeue / Ignore back to the runner. */
      syncFailures: z.boolean().default(true),
      intervalMs: z.number().int().positive().default(5_000),
      batch: z.number().int().positive().max(200).default(100),
      /**
       * How often the runner's health (backlog, failures, last success per flow) goes to the Desk's Sync
       * Runner; three missed beats make it Silent there. null: no heartbeat. At most a day, as the app allows.
       */
      heartbeatSeconds: z.number().int().min(1).max(86_400).nullable().default(60),
      /** The runner's Sync Runner row; `<host name>:<server.port>` unless set. Keep it stable across restarts. */
      runnerName: z.string().trim().min(1).max(140).regex(/^[^<>]*$/, 'must not contain < or >').optional(),
    })
    .prefault({}),
  /**
   * Rollout per flow: shadow (the default) plans and records, writes nothing; live writes; off skips.
   * Switch one flow to live at a time after reading what shadow mode would have done.
   */
  flows: z
    .object({
      orders: z.enum(FLOW_MODES).default('shadow'),
      customers: z.enum(FLOW_MODES).default('shadow'),
      inventory: z.enum(FLOW_MODES).default('off'),
      fulfillment: z.enum(FLOW_MODES).default('off'),
    })
    .prefault({}),
  /**
   * Scheduled reconciliation inside `serve` (DESIGN G7): every intervalMinutes, the orders changed in
   * the last lookbackHours are compared with ERPNext and each drifted one is recorded as a drift
   * failure (Sync Failure; Requeue repairs it). Needs each shop's Admin API token; null: off.
   */
  /** ERPNext → Shopify (flows.inventory, flows.fulfillment): how the Stock Ledger is tailed and echoes are told apart. */
  stock: z
    .object({
      /** How often the Stock Ledger is read for new entries. */
      pollMs: z.number().int().positive().default(2_000),
      /** Each read starts this far before the newest entry seen, so entries committed late are not missed. */
      overlapSeconds: z.number().int().min(1).default(120),
      /** How often the overlap window is read again (other reads start at the cursor); keep it well under overlapSeconds. */
      rescanSeconds: z.number().min(0).default(30),
      /** An inventory_levels/update within this time of a push of the same quantity is that push's echo. */
      echoWindowMinutes: z.number().positive().default(15),
      /** A level that differs from ERPNext is looked at again after this long before it is drift (its order's webhook may trail it). */
      driftRecheckSeconds: z.number().min(0).default(60),
      /** Entries read per request (the read pages until none are left). */
      pageSize: z.number().int().positive().max(5000).default(500),
    })
    .prefault({}),
  reconcile: z
    .object({
      intervalMinutes: z.number().positive().nullable().default(null),
      lookbackHours: z.number().positive().default(48),
    })
    .prefault({}),
  log: z.object({ level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info') }).prefault({}),
});

export type Config = z.infer<typeof ConfigSchema>;
export type ShopConfig = Config['shops'][number];
export type ConfigInput = z.input<typeof ConfigSchema>;
