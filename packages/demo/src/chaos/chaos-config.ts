import { writeFileSync } from 'node:fs';
import { parseConfig, type Config, type ConfigInput } from '@shopsync/runner';
import { DEMO_MAPPING } from '../demo/demo-mapping';

export const CHAOS_SECRETS = {
  erpKey: 'chaos-api-key',
  erpSecret: 'chaos-api-secret',
  webhook: 'chaos-webhook-secret',
  shopifyToken: 'shpat_chaos',
} as const;

export interface ChaosConfigInput {
  readonly shop: string;
  readonly shopifyUrl: string;
  readonly erpUrl: string;
  readonly statePath: string;
  readonly port: number;
}

/**
 * The config `serve` runs with, written to a file as an operator would. Every value is production's
 * but these: a lease of 8 s, not 60 (a SIGKILLed runner's claims come back in seconds — it is still
 * longer than any one event takes, so a live worker never loses its claim); an ERPNext timeout of
 * 2 s (a commit-then-timeout costs 2 s, not 10); retries within 1 s at most and the breaker's probe
 * every 250 ms, so the run takes minutes, not hours. The retry budget stays long (30 min): a
 * transient fault must never park anything.
 */
export function chaosConfig(input: ChaosConfigInput): ConfigInput {
  return {
    shops: [{ domain: input.shop, webhookSecrets: [CHAOS_SECRETS.webhook], accessToken: CHAOS_SECRETS.shopifyToken, apiBaseUrl: input.shopifyUrl }],
    erpnext: { url: input.erpUrl, apiKey: CHAOS_SECRETS.erpKey, apiSecret: CHAOS_SECRETS.erpSecret, timeoutMs: 2_000 },
    store: { path: input.statePath },
    server: { port: input.port },
    worker: { concurrency: 4, leaseMs: 8_000, pollMs: 50, baseDelayMs: 100, maxDelayMs: 1_000, retryForMinutes: 30, outageProbeMs: 250 },
    mapping: { ...DEMO_MAPPING, fulfillmentAuthority: 'shopify' },
    flows: { orders: 'live', customers: 'live' },
    mirror: { intervalMs: 1_000 },
    log: { level: 'info' },
  };
}

/** Writes the config file after checking it parses, so a mistake here fails before any process starts; returns it parsed. */
export function writeChaosConfig(path: string, input: ChaosConfigInput): Config {
  const config = chaosConfig(input);
  const parsed = parseConfig(config);
  if (!parsed.ok) throw new Error(`chaos config is invalid: ${parsed.problems.join('; ')}`);
  writeFileSync(path, JSON.stringify(config, null, 2));
  return parsed.config;
}
