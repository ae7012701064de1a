import { join } from 'node:path';
import { createGroupCommit, createLogger, createMemoryStore, createWebhookServer, listen, openSqliteStore, type NewDelivery, type Store } from '@shopsync/runner';
import { webhookHmac } from '@shopsync/shopify-client';
import { useTempDir } from './support/temp-dir';

const SHOP = 'acme.myshopify.com';
const SECRET = 'ingress-secret';
const T0 = new Date('2026-11-27T10:00:00.000Z');

function delivery(webhookId: string): NewDelivery {
  return { shop: SHOP, webhookId, topic: 'orders/create', eventId: null, triggeredAt: null, apiVersion: '2026-10', resourceKey: `${SHOP}/order/${webhookId}`, payload: '{}', payloadHash: 'h' };
}

/** A store whose group commits wait at a gate the test opens, and which logs each commit's start and end. */
function gatedStore(inner: Store, log: string[]) {
  let open: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (open = resolve));
  let entered: (ids: string[]) => void = () => undefined;
  const firstBatch = new Promise<string[]>((resolve) => (entered = resolve));
  const batches: string[][] = [];
  const store = new Proxy(inner, {
    get(target, property, receiver) {
      if (property !== 'acceptDeliveries') return Reflect.get(target, property, receiver) as unknown;
      const gated: Store['acceptDeliveries'] = async (deliveries, now) => {
        const ids = deliveries.map((d) => d.webhookId);
        batches.push(ids);
        entered(ids);
        await gate;
        const accepted = await target.acceptDeliveries(deliveries, now);
        log.push(...ids.map((id) => `committed ${id}`));
        return accepted;
      };
      return gated;
    },
  });
  return { store, batches, firstBatch, release: () => open() };
}

describe('group commit', () => {
  const dir = useTempDir();

  test('deliveries accepted in the same turn are one transaction; a webhook id repeated inside it is a duplicate', async () => {
    const store = openSqliteStore({ path: join(dir(), 'state.sqlite') });
    const batches: number[] = [];
    const inbox = createGroupCommit({ store, now: () => T0, maxBatch: 512, onBatch: (size) => batches.push(size) });
    const results = await Promise.all(['a', 'b', 'a', 'c'].map((id) => inbox.accept(delivery(id))));
    expect(batches).toEqual([4]);
    expect(results.map((r) => r.duplicate)).toEqual([false, false, true, false]);
    expect(results[2]!.inboxId).toBe(results[0]!.inboxId);
    expect(await store.counts()).toMatchObject({ deliveries: 4, duplicateDeliveries: 1, byStatus: { pending: 3 } });
    await store.close();
  });

  test('batches are capped at maxBatch', async () => {
    const batches: number[] = [];
    const inbox = createGroupCommit({ store: createMemoryStore(), now: () => T0, maxBatch: 2, onBatch: (size) => batches.push(size) });
    await Promise.all(['a', 'b', 'c', 'd', 'e'].map((id) => inbox.accept(delivery(id))));
    expect(batches).toEqual([2, 2, 1]);
  });

  test('with two batches in flight the next batch is sent before the first is answered, and each request waits for its own commit', async () => {
    const inner = createMemoryStore();
    const gates: Array<() => void> = [];
    const started: string[][] = [];
    const store = new Proxy(inner, {
      get(target, property, receiver) {
        if (property !== 'acceptDeliveries') return Reflect.get(target, property, receiver) as unknown;
        const gated: Store['acceptDeliveries'] = async (deliveries, now) => {
          started.push(deliveries.map((d) => d.webhookId));
          await new Promise<void>((resolve) => gates.push(resolve));
          return target.acceptDeliveries(deliveries, now);
        };
        return gated;
      },
    });
    const inbox = createGroupCommit({ store, now: () => T0, maxBatch: 512, maxInFlight: 2 });
    const answered: string[] = [];
    const first = ['a', 'b'].map((id) => inbox.accept(delivery(id)).then(() => answered.push(id)));
    await new Promise((resolve) => setImmediate(resolve));
    const second = ['c'].map((id) => inbox.accept(delivery(id)).then(() => answered.push(id)));
    await new Promise((resolve) => setImmediate(resolve));
    // Both batches are committing; nobody has an answer yet.
    expect(started).toEqual([['a', 'b'], ['c']]);
    expect(answered).toEqual([]);
    gates[1]!();
    await Promise.all(second);
    expect(answered).toEqual(['c']);
    gates[0]!();
    await Promise.all(first);
    expect(answered.sort()).toEqual(['a', 'b', 'c']);
    expect((await inner.counts()).byStatus).toEqual({ pending: 3 });
  });

  test('a delivery that cannot be stored fails alone; its batch neighbours are committed one by one', async () => {
    const inner = createMemoryStore();
    const store = new Proxy(inner, {
      get(target, property, receiver) {
        if (property !== 'acceptDeliveries') return Reflect.get(target, property, receiver) as unknown;
        const picky: Store['acceptDeliveries'] = async (deliveries, now) => {
          if (deliveries.some((d) => d.webhookId === 'poison')) throw new Error('disk says no');
          return target.acceptDeliveries(deliveries, now);
        };
        return picky;
      },
    });
    const inbox = createGroupCommit({ store, now: () => T0, maxBatch: 512 });
    const results = await Promise.allSettled(['a', 'poison', 'b'].map((id) => inbox.accept(delivery(id))));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((await inner.counts()).byStatus).toEqual({ pending: 2 });
  });

  test('over HTTP, concurrent webhooks share commits and none is answered before its commit', async () => {
    const log: string[] = [];
    const gated = gatedStore(createMemoryStore(), log);
    let allQueued: () => void = () => undefined;
    const queued = new Promise<void>((resolve) => (allQueued = resolve));
    const server = createWebhookServer({
      inbox: createGroupCommit({ store: gated.store, now: () => T0, maxBatch: 512, onQueued: (waiting) => waiting + (gated.batches[0]?.length ?? 0) === 12 && allQueued() }),
      secretsByShop: new Map([[SHOP, [SECRET]]]),
      webhookPath: '/webhooks/shopify',
      bodyLimitBytes: 1024 * 1024,
      logger: createLogger({ level: 'silent' }),
      onAccepted: () => undefined,
      onAnswered: () => undefined,
      clock: () => 0,
      readiness: async () => ({ ready: true, down: [], checks: {} }),
      metrics: { contentType: 'text/plain', render: async () => '' },
    });
    const running = await listen(server, 0, '127.0.0.1');
    const ids = Array.from({ length: 12 }, (_, i) => `wh-${i % 10}`);
    const posts = ids.map(async (id, index) => {
      const body = JSON.stringify({ id: index + 1, admin_graphql_api_id: `gid://shopify/Order/${index + 1}` });
      const headers = { 'x-shopify-topic': 'orders/create', 'x-shopify-shop-domain': SHOP, 'x-shopify-webhook-id': id, 'x-shopify-api-version': '2026-10', 'x-shopify-hmac-sha256': webhookHmac(body, SECRET) };
      const response = await fetch(`${running.url}/webhooks/shopify`, { method: 'POST', body, headers });
      log.push(`answered ${id}`);
      return [response.status, await response.text()] as const;
    });
    await gated.firstBatch;
    await queued;
    expect(log.filter((line) => line.startsWith('answered'))).toEqual([]);
    gated.release();
    const replies = await Promise.all(posts);
    await running.close();
    expect(replies.map(([status]) => status)).toEqual(Array(12).fill(200));
    expect(replies.filter(([, text]) => text === 'duplicate')).toHaveLength(2);
    // Whatever the first commit took, everything that arrived while it ran went into the second.
    expect(gated.batches.length).toBeLessThanOrEqual(2);
    expect(gated.batches.flat()).toHaveLength(12);
    for (const id of new Set(ids)) {
      expect(log.indexOf(`committed ${id}`)).toBeLessThan(log.indexOf(`answered ${id}`));
    }
  });
});
