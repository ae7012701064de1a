import { SyncError } from '@shopsync/core';
import { looksLikeShopifyOutage, openSqliteStore, OutageBreaker, processEvent, type ProcessDeps, type PushPorts, type Store } from '@shopsync/runner';
import { toShopifyError } from '@shopsync/shopify-client';
import { join } from 'node:path';
import pino, { type Logger } from 'pino';
import { SHOP } from './support/order-fixtures';
import { testProcessDeps } from './support/process-deps';
import { useTempDir } from './support/temp-dir';

const T0 = new Date('2026-12-05T10:00:00.000Z');
const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:443'), { code: 'ECONNREFUSED' });

describe('which Shopify errors look like an outage', () => {
  test.each([
    ['a refused connection', true, toShopifyError({ kind: 'no-response', cause: refused })],
    ['HTTP 502', true, toShopifyError({ kind: 'http', status: 502, body: '' })],
    ['HTTP 503', true, toShopifyError({ kind: 'http', status: 503, body: '' })],
    ['HTTP 504', true, toShopifyError({ kind: 'http', status: 504, body: '' })],
    ['HTTP 500 (Shopify answered)', false, toShopifyError({ kind: 'http', status: 500, body: '' })],
    ['INTERNAL_SERVER_ERROR in a 200', false, toShopifyError({ kind: 'graphql', body: { errors: [{ message: 'Internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] } })],
    ['HTTP 429', false, toShopifyError({ kind: 'http', status: 429, body: '' })],
    ['HTTP 401', false, toShopifyError({ kind: 'http', status: 401, body: '' })],
    ['an ERPNext outage', false, SyncError.of('erpnext.network', { message: 'ERPNext refused the connection' })],
  ])('%s → outage: %p', (_name, outage, error) => {
    expect(looksLikeShopifyOutage(error)).toBe(outage);
  });
});

function recordingLogger(): { logger: Logger; lines: Array<[string, Record<string, unknown>]> } {
  const lines: Array<[string, Record<string, unknown>]> = [];
  const log = (fields: Record<string, unknown>, message: string) => lines.push([message, fields]);
  return { logger: { warn: log, info: log } as unknown as Logger, lines };
}

describe("a shop's Shopify outage breaker", () => {
  let breaker: OutageBreaker | null = null;
  afterEach(() => breaker?.stop());

  test('one unlucky request while Shopify answers the probe keeps it closed, and logs nothing', async () => {
    const { logger, lines } = recordingLogger();
    breaker = new OutageBreaker({ name: 'shopify', logFields: { shop: SHOP }, probe: async () => ({}), probeEveryMs: 10, maxProbeEveryMs: 20, logger });
    expect(await breaker.confirmOutage('Shopify request could not connect')).toBe(false);
    expect(breaker.isOpen()).toBe(false);
    expect(breaker.nextProbeAtMs()).toBeNull();
    expect(lines).toEqual([]);
  });

  test('opens when the probe fails too, names the shop in shopify.outage_opened / _closed, and says when it probes next', async () => {
    const { logger, lines } = recordingLogger();
    let down = true;
    let nowMs = 1_000;
    breaker = new OutageBreaker({
      name: 'shopify',
      logFields: { shop: SHOP },
      probe: async () => {
        if (down) throw new Error('ECONNREFUSED');
      },
      probeEveryMs: 10,
      maxProbeEveryMs: 20,
      logger,
      clockMs: () => nowMs,
    });
    expect(await breaker.confirmOutage('Shopify request could not connect')).toBe(true);
    expect(breaker.isOpen()).toBe(true);
    expect(breaker.reason()).toBe('Shopify request could not connect');
    expect(breaker.nextProbeAtMs()).toBe(1_010);
    expect(lines).toEqual([['shopify.outage_opened', { shop: SHOP, reason: 'Shopify request could not connect' }]]);
    const closed = new Promise<number>((resolve) => breaker!.once('closed', resolve));
    nowMs = 1_500;
    down = false;
    expect(await closed).toBe(500);
    expect(breaker.isOpen()).toBe(false);
    expect(lines[1]).toEqual(['shopify.outage_closed', { shop: SHOP, downForMs: 500 }]);
  });
});

describe('a claimed event while its shop’s Shopify is down', () => {
  const dir = useTempDir();
  let store: Store;
  let breaker: OutageBreaker;
  let shopifyAsked: number;
  let deps: ProcessDeps;

  beforeEach(() => {
    store = openSqliteStore({ path: join(dir(), 'state.sqlite') });
    shopifyAsked = 0;
    breaker = new OutageBreaker({
      name: 'shopify',
      logFields: { shop: SHOP },
      probe: () => Promise.reject(new Error('ECONNREFUSED')),
      probeEveryMs: 60_000,
      maxProbeEveryMs: 60_000,
      logger: pino({ level: 'silent' }),
      clockMs: () => T0.getTime(),
    });
    const pushes = {
      shopify: () => {
        shopifyAsked += 1;
        throw new Error('Shopify must not be asked while its breaker is open');
      },
    } as unknown as PushPorts;
    deps = testProcessDeps(store, () => T0, {
      flowModes: { orders: 'live', customers: 'live', inventory: 'live', fulfillment: 'live' },
      pushes,
      shopifyOutage: (shop) => (shop === SHOP ? breaker : undefined),
    });
  });
  afterEach(async () => {
    breaker.stop();
    await store.close();
  });

  async function claim(topic: string, resourceKey: string, payload: unknown) {
    await store.acceptDelivery({ shop: SHOP, webhookId: `w-${topic}`, topic, eventId: null, triggeredAt: null, apiVersion: '2026-07', resourceKey, payload: JSON.stringify(payload), payloadHash: 'h' }, T0);
    const event = await store.claimNext('w', `t-${topic}`, T0, 60_000);
    if (event === null) throw new Error('nothing to claim');
    return event;
  }

  test('a push is put back until the next probe without asking Shopify or spending an attempt', async () => {
    await breaker.confirmOutage('Shopify request could not connect (ECONNREFUSED)');
    const event = await claim('inventory_levels/update', `${SHOP}/inventory_level/1@2`, { inventory_item_id: 1, location_id: 2, available: 5 });
    expect(await processEvent(event, deps)).toBe('deferred');
    expect(shopifyAsked).toBe(0);
    const [stored] = await store.listEvents({ topic: 'inventory_levels/update' });
    expect(stored).toMatchObject({ status: 'pending', attempts: 0, availableAt: new Date(T0.getTime() + 60_000).toISOString() });
    expect(stored!.reason).toBe(`Shopify (${SHOP}) is unreachable (Shopify request could not connect (ECONNREFUSED)); waiting for it to answer again, then this event runs`);
    // Not due before the probe: a worker that looks again at once finds nothing to claim.
    expect(await store.claimNext('w', 't-again', T0, 60_000)).toBeNull();
  });

  test('an order event whose latest state is read from Shopify is put back when that read finds Shopify down', async () => {
    let reads = 0;
    deps = {
      ...deps,
      latestOrder: async () => {
        reads += 1;
        throw toShopifyError({ kind: 'no-response', cause: refused });
      },
    };
    const event = await claim('orders/edited', `${SHOP}/order/42`, { order_edit: { id: 1, order_id: 42 } });
    expect(await processEvent(event, deps)).toBe('deferred');
    expect(reads).toBe(1);
    expect(breaker.isOpen()).toBe(true);
    const [stored] = await store.listEvents({ topic: 'orders/edited' });
    expect(stored).toMatchObject({ status: 'pending', attempts: 0, availableAt: new Date(T0.getTime() + 60_000).toISOString() });
    expect(stored!.reason).toMatch(/^Shopify \(shopsync-demo\.myshopify\.com\) is unreachable \(.*ECONNREFUSED.*\); waiting for it to answer again/);
    expect(await store.failures({ status: 'all' })).toEqual([]);
  });

  test('the same refused read while the probe answers is an ordinary retry that spends its attempt', async () => {
    breaker.stop();
    breaker = new OutageBreaker({ name: 'shopify', probe: async () => ({}), probeEveryMs: 10, maxProbeEveryMs: 10, logger: pino({ level: 'silent' }) });
    deps = { ...deps, latestOrder: () => Promise.reject(toShopifyError({ kind: 'no-response', cause: refused })) };
    const event = await claim('orders/edited', `${SHOP}/order/42`, { order_edit: { id: 1, order_id: 42 } });
    expect(await processEvent(event, deps)).toBe('retry');
    const [stored] = await store.listEvents({ topic: 'orders/edited' });
    expect(stored).toMatchObject({ status: 'pending', attempts: 1 });
  });
});
