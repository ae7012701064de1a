import { writeFileSync } from 'node:fs';
import { parseConfig, type Config, type ConfigInput } from '@shopsync/runner';
import { DEMO_MAPPING } from '../demo/demo-mapping';

export const FLEET_SECRETS = {
  erpKey: 'demo-api-key',
  erpSecret: 'demo-api-secret',
  webhook: 'demo-webhook-secret',
  shopifyToken: 'shpat_demo_reconcile',
} as const;

export interface FleetConfigInput {
  readonly shop: string;
  readonly shopifyUrl: string;
  readonly erpUrl: string;
  /** The shared store: postgres://… with the demo's schema as search_path. */
  readonly storeUrl: string;
  readonly port: number;
  readonly locationWarehouses: Readonly<Record<string, string>>;
  readonly workerConcurrency: number;
  readonly driftRecheckSeconds: number;
  readonly echoWindowMinutes: number;
}

/**
 * The config file of one runner of the fleet, as an operator writes it: the in-process demo's settings
 * (every flow live, a payment waiting for a lost order parked after 3 s), on the shared PostgreSQL
 * store, and with the periodic jobs the in-process demo calls by hand left to serve's own schedules,
 * at short intervals so a run takes seconds: the Stock Ledger read every 250 ms, the Sync Log and Sync
 * Failure mirrors every 500 ms, a heartbeat every second. A lease of 5 s, not 60: the events a killed
 * runner held come back to the others within seconds (still far longer than any one event takes).
 * Scheduled reconciliation stays off: in `record` mode it parks, as drift, every order whose webhooks
 * are still on their way, which is right for a shop hours behind and wrong for a demo that checks that
 * nothing failed; the demo runs the operator's `reconcile --repair` itself.
 */
export function fleetConfig(input: FleetConfigInput): ConfigInput {
  return {
    shops: [{ domain: input.shop, webhookSecrets: [FLEET_SECRETS.webhook], accessToken: FLEET_SECRETS.shopifyToken, apiBaseUrl: input.shopifyUrl }],
    erpnext: { url: input.erpUrl, apiKey: FLEET_SECRETS.erpKey, apiSecret: FLEET_SECRETS.erpSecret },
    // `path` is required by the schema and not opened when `url` is set.
    store: { path: 'unused-with-store-url.sqlite', url: input.storeUrl },
    server: { port: input.port },
    worker: { concurrency: input.workerConcurrency, leaseMs: 5_000, pollMs: 50, baseDelayMs: 200, maxDelayMs: 1_000, retryForMinutes: 0.05 },
    mapping: { ...DEMO_MAPPING, locationWarehouses: { ...input.locationWarehouses } },
    flows: { orders: 'live', customers: 'live', inventory: 'live', fulfillment: 'live' },
    stock: { pollMs: 250, driftRecheckSeconds: input.driftRecheckSeconds, echoWindowMinutes: input.echoWindowMinutes },
    mirror: { intervalMs: 500, heartbeatSeconds: 1 },
    reconcile: { intervalMinutes: null },
    log: { level: 'info' },
  };
}

/** The config parsed, or an error: a mistake here fails before any process starts. */
export function parsedFleetConfig(input: FleetConfigInput): Config {
  const parsed = parseConfig(fleetConfig(input));
  if (!parsed.ok) throw new Error(`runner config is invalid: ${parsed.problems.join('; ')}`);
  return parsed.config;
}

/** Writes the config file after checking it parses; returns it parsed. */
export function writeFleetConfig(path: string, input: FleetConfigInput): Config {
  const parsed = parsedFleetConfig(input);
  writeFileSync(path, JSON.stringify(fleetConfig(input), null, 2));
  return parsed;
}
