import { z } from 'zod';

const shopDomain = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/, 'must be the shop\'s *.myshopify.com domain, lower case');

export const ConfigSchema = z.object({
  shops: z
    .array(
      z.object({
        domain: shopDomain,
        /** The app's client secret(s); during a rotation list the new one first and keep the old one for an hour. */
        webhookSecrets: z.array(z.string().min(1)).min(1),
      }),
    )
    .min(1),
  erpnext: z.object({
    url: z.url(),
    apiKey: z.string().min(1),
    apiSecret: z.string().min(1),
    timeoutMs: z.number().int().positive().default(10_000),
    concurrency: z.number().int().positive().default(4),
  }),
  store: z.object({
    path: z.string().min(1),
    synchronous: z.enum(['FULL', 'NORMAL']).default('FULL'),
  }),
  server: z
    .object({
      host: z.string().default('127.0.0.1'),
      port: z.number().int().min(0).max(65_535).default(8787),
      webhookPath: z.string().startsWith('/').default('/webhooks/shopify'),
      bodyLimitBytes: z.number().int().positive().default(1024 * 1024),
    })
    .prefault({}),
  worker: z
    .object({
      concurrency: z.number().int().positive().default(4),
      leaseMs: z.number().int().positive().default(60_000),
      pollMs: z.number().int().positive().default(250),
      maxAttempts: z.number().int().positive().default(8),
      baseDelayMs: z.number().int().positive().default(1_000),
      maxDelayMs: z.number().int().positive().default(300_000),
    })
    .prefault({}),
  mapping: z.object({
    company: z.string().min(1),
    companyCurrency: z.string().length(3),
    defaultWarehouse: z.string().min(1),
    customerGroup: z.string().min(1),
    territory: z.string().min(1),
    guestCustomerName: z.string().min(1).default('Shopify Guest'),
    deliveryDays: z.number().int().min(0).default(7),
  }),
  log: z.object({ level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info') }).prefault({}),
});

export type Config = z.infer<typeof ConfigSchema>;
export type ConfigInput = z.input<typeof ConfigSchema>;
