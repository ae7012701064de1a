import { createHash } from 'node:crypto';
import { join } from 'node:path';
import pino from 'pino';
import { resourceKeyOf } from '@shopsync/core';
import { DEMO_MAPPING } from '@shopsync/demo';
import { createErpnextClient, type ErpnextClient } from '@shopsync/erpnext-client';
import { DocumentWrites, openSqliteStore, parseConfig, processEvent, settingsFrom, type ConfigInput, type ErpnextPort, type ProcessResult, type Store, type WriteMode } from '@shopsync/runner';
import { parseDeliveryHeaders } from '@shopsync/shopify-client';
import { createErpnextSimulator, createShopifySimulator, type ErpnextSimulator, type ShopifySimulator } from '@shopsync/simulators';
import { startWebhookReceiver, type WebhookReceiver } from './shopify-webhook-receiver';

const SECRET = 'writes-rig-secret';
const KEY = 'writes-key';
const API_SECRET = 'writes-secret';

/** One processed (or duplicate) delivery and the ERPNext requests it cost. */
export interface Processed {
  readonly topic: string;
  readonly result: ProcessResult | 'duplicate';
  readonly requests: readonly string[];
}

export interface WritesRig {
  readonly erp: ErpnextSimulator;
  /** A client of the simulator, for reading what the worker wrote. */
  readonly erpnext: ErpnextClient;
  readonly shopify: ShopifySimulator;
  readonly store: Store;
  readonly writes: DocumentWrites | undefined;
  /** Warnings the worker logged (the REST fallback says so once). */
  readonly warnings: string[];
  /** Delivers what Shopify sent since the last call into the inbox, then works the inbox empty, one event at a time. */
  settle(): Promise<Processed[]>;
  close(): Promise<void>;
}

/**
 * The worker's own path (processEvent, as the runner's pool calls it) between the two simulators,
 * one event at a time and with its ERPNext requests counted per event. `mode` is the runner's
 * `erpnext.writes`; 'none' leaves `writes` out of the deps, as a caller that predates it does.
 */
export interface WritesRigOptions {
  readonly duplicateRate?: number;
  /** What the worker talks to instead of the plain client (a site answering differently, say). */
  readonly port?: (client: ErpnextClient) => ErpnextPort;
  /** Over the demo mapping. */
  readonly mapping?: Partial<ConfigInput['mapping']>;
}

export async function startWritesRig(dir: string, mode: WriteMode | 'none', topics: readonly string[], options: WritesRigOptions = {}): Promise<WritesRig> {
  const erp = createErpnextSimulator({ apiKey: KEY, apiSecret: API_SECRET });
  const { url } = await erp.listen(0);
  const erpnext = createErpnextClient({ baseUrl: url, apiKey: KEY, apiSecret: API_SECRET, sleep: async () => undefined });
  const receiver: WebhookReceiver = await startWebhookReceiver(SECRET);
  const shopify = createShopifySimulator({ seed: 5, webhookSecret: SECRET, timeScale: 1e6, faults: { duplicateRate: options.duplicateRate ?? 0 } });
  for (const topic of topics) shopify.webhooks.subscribe({ topic, address: receiver.url });
  const parsed = parseConfig({
    shops: [{ domain: shopify.shop.domain, webhookSecrets: [SECRET] }],
    erpnext: { url, apiKey: KEY, apiSecret: API_SECRET },
    store: { path: join(dir, `writes-${mode}.sqlite`) },
    mapping: { ...DEMO_MAPPING, ...options.mapping },
    flows: { orders: 'live', customers: 'live' },
    log: { level: 'silent' },
  });
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  const settings = settingsFrom(parsed.config);
  const store = openSqliteStore({ path: parsed.config.store.path });
  const warnings: string[] = [];
  const logger = pino({ level: 'warn' }, { write: (line: string) => void warnings.push(line) });
  const writes = mode === 'none' ? undefined : new DocumentWrites(mode, logger);
  const port = options.port?.(erpnext) ?? erpnext;
  let clock = new Date('2026-12-01T10:00:00.000Z');
  let seen = 0;
  let claims = 0;

  async function work(out: Processed[]): Promise<void> {
    for (let idle = 0; idle < 3; ) {
      claims += 1;
      const event = await store.claimNext('rig', `claim-${claims}`, clock, 60_000);
      if (event === null) {
        // Nothing claimable now: move past any retry delay or wait and look again, until the inbox is quiet.
        clock = new Date(clock.getTime() + 120_000);
        idle += 1;
        continue;
      }
      idle = 0;
      const before = erp.requests.count;
      const result = await processEvent(event, {
        store,
        erpnext: port,
        settings,
        retry: { baseDelayMs: 10, maxDelayMs: 100, retryBudgetMs: 600_000 },
        now: () => clock,
        jitter: () => 0.5,
        logger: pino({ level: 'silent' }),
        flowModes: { orders: 'live', customers: 'live', inventory: 'off', fulfillment: 'off' },
        ...(writes === undefined ? {} : { writes }),
      });
      out.push({ topic: event.topic, result, requests: erp.requests.all.slice(before).map((r) => `${r.method} ${r.path}`) });
    }
  }

  return {
    erp,
    erpnext,
    shopify,
    store,
    writes,
    warnings,
    async settle() {
      await shopify.webhooks.drain();
      const out: Processed[] = [];
      for (const request of receiver.received.slice(seen)) {
        const headers = parseDeliveryHeaders(request.headers);
        if (!headers.ok) throw new Error(`webhook without headers: ${headers.missing.join(', ')}`);
        const { delivery } = headers;
        const raw = request.rawBody.toString('utf8');
        const accepted = await store.acceptDelivery(
          {
            shop: delivery.shopDomain,
            webhookId: delivery.webhookId,
            topic: delivery.topic,
            eventId: delivery.eventId,
            triggeredAt: delivery.triggeredAt,
            apiVersion: delivery.apiVersion,
            resourceKey: resourceKeyOf(delivery.shopDomain, delivery.topic, JSON.parse(raw) as unknown),
            payload: raw,
            payloadHash: createHash('sha256').update(raw).digest('hex'),
          },
          clock,
        );
        if (accepted.duplicate) out.push({ topic: delivery.topic, result: 'duplicate', requests: [] });
      }
      seen = receiver.received.length;
      await work(out);
      return out;
    },
    async close() {
      await store.close();
      await shopify.close();
      await receiver.close();
      await erp.close();
    },
  };
}
