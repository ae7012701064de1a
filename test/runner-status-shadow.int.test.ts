import { join } from 'node:path';
import { DEMO_MAPPING } from '@shopsync/demo';
import { createLogger, createMemoryStore, createRunner, openSqliteStore, parseConfig, runStatus, type StatusReport, type Store } from '@shopsync/runner';
import { webhookHmac } from '@shopsync/shopify-client';
import { recordingContext } from './support/cli-harness';
import { FakeErpnext } from './support/fake-erpnext';
import { SHOP, simulatedOrder } from './support/order-fixtures';
import { useTempDir } from './support/temp-dir';

// `shopsync status` shows what shadow mode would have done: per flow, the events it skipped and the
// operations of the plans they recorded, by kind and doctype, and the failures they would have hit.

const SECRET = 'shadow-secret';
const delivery = (webhookId: string, resourceKey: string) => ({ shop: SHOP, webhookId, topic: 'orders/create', eventId: null, triggeredAt: null, apiVersion: '2026-10', resourceKey, payload: '{}', payloadHash: 'h' });
const T = new Date('2026-11-27T10:00:00Z');

describe.each([
  ['SQLite', (dir: string) => openSqliteStore({ path: join(dir, 'state.sqlite') })],
  ['in-memory', () => createMemoryStore()],
])('store reads for status and backfill (%s)', (_label, open: (dir: string) => Store) => {
  const dir = useTempDir();
  let store: Store;
  beforeEach(() => {
    store = open(dir());
  });
  afterEach(async () => store.close());

  async function settle(webhookId: string, plans: unknown[], reason: string) {
    const { inboxId } = await store.acceptDelivery(delivery(webhookId, `r/${webhookId}`), T);
    const event = await store.claimNext('w', `t-${webhookId}`, T, 60_000);
    for (const plan of plans) await store.addEvidence(inboxId, 'plan', plan, T);
    await store.finish(event!.claim, 'skipped', reason, T);
    return inboxId;
  }

  test('shadowPlans: only events shadow mode skipped, each with its latest plan, oldest first', async () => {
    const first = await settle('a', [{ outcome: 'applied', operations: [] }], 'shadow mode (orders): the plan is recorded, nothing was written');
    await settle('b', [{ outcome: 'skipped' }], 'topic app/uninstalled is not synced');
    const replayed = await settle('c', [{ outcome: 'failed', n: 1 }, { outcome: 'applied', n: 2 }], 'shadow mode (customers): the plan is recorded, nothing was written');
    expect(await store.shadowPlans()).toEqual([
      { inboxId: first, topic: 'orders/create', reason: 'shadow mode (orders): the plan is recorded, nothing was written', plan: { outcome: 'applied', operations: [] } },
      { inboxId: replayed, topic: 'orders/create', reason: 'shadow mode (customers): the plan is recorded, nothing was written', plan: { outcome: 'applied', n: 2 } },
    ]);
  });

  test('knownWebhookIds: the ids of one shop the inbox holds', async () => {
    await store.acceptDelivery(delivery('backfill:1:2026-11-27T10:00:00Z', 'r1'), T);
    await store.acceptDelivery({ ...delivery('backfill:2:2026-11-27T10:00:00Z', 'r2'), shop: 'other.myshopify.com' }, T);
    const ids = ['backfill:1:2026-11-27T10:00:00Z', 'backfill:2:2026-11-27T10:00:00Z', 'backfill:3:2026-11-27T10:00:00Z'];
    expect(await store.knownWebhookIds(SHOP, ids)).toEqual(['backfill:1:2026-11-27T10:00:00Z']);
    expect(await store.knownWebhookIds(SHOP, [])).toEqual([]);
  });
});

describe('status after a day in shadow mode', () => {
  const dir = useTempDir();

  test('counts the shadow-skipped events per flow, their operations by kind and doctype, and the failures they would hit', async () => {
    const parsed = parseConfig({
      shops: [{ domain: SHOP, webhookSecrets: [SECRET] }],
      erpnext: { url: 'http://127.0.0.1:9', apiKey: 'k', apiSecret: 's' },
      store: { path: join(dir(), 'state.sqlite') },
      server: { port: 0 },
      worker: { pollMs: 20 },
      mapping: DEMO_MAPPING,
      flows: { orders: 'shadow', customers: 'shadow' },
      log: { level: 'silent' },
    });
    if (!parsed.ok) throw new Error(parsed.problems.join('; '));
    const store = openSqliteStore({ path: parsed.config.store.path });
    const erpnext = new FakeErpnext();
    const runner = createRunner({ config: parsed.config, store, erpnext, logger: createLogger({ level: 'silent' }), processMetrics: false });
    const url = await runner.start();
    const orders = [simulatedOrder({ lines: [{ sku: 'SKU-1001' }] }, 11), simulatedOrder({ lines: [{ sku: 'SKU-1002' }], financialStatus: 'pending' }, 12), { ...simulatedOrder({ lines: [{ sku: 'SKU-1003' }] }, 13), currency: 'EUR' }];
    for (const [index, order] of orders.entries()) {
      const body = JSON.stringify(order);
      const headers = { 'x-shopify-topic': 'orders/create', 'x-shopify-shop-domain': SHOP, 'x-shopify-webhook-id': `wh-${index}`, 'x-shopify-api-version': '2026-10', 'x-shopify-hmac-sha256': webhookHmac(body, SECRET) };
      expect((await fetch(`${url}/webhooks/shopify`, { method: 'POST', body, headers })).status).toBe(200);
    }
    await runner.drained();
    await runner.stop();
    await store.close();
    expect(erpnext.calls).toEqual([]);

    const ctx = recordingContext();
    expect(await runStatus({ db: parsed.config.store.path, json: true }, ctx)).toBe(0);
    const { shadow } = ctx.json<StatusReport>();
    expect(shadow).toEqual([
      {
        flow: 'orders',
        events: 3,
        outcomes: { applied: 2, failed: 1 },
        operations: expect.arrayContaining([
          { kind: 'ensure_document', doctype: 'Customer', count: 2 },
          { kind: 'ensure_document', doctype: 'Sales Order', count: 2 },
          { kind: 'ensure_mapped_document', doctype: 'Sales Invoice', count: 1 },
        ]),
        failures: [{ code: 'mapping.currency_unsupported', count: 1 }],
      },
    ]);
    const text = recordingContext();
    await runStatus({ db: parsed.config.store.path }, text);
    expect(text.out()).toContain('shadow mode — what would have been done (nothing was written):');
    expect(text.out()).toMatch(/orders\s+3 events; plans: applied 2, failed 1/);
    expect(text.out()).toMatch(/\s+2 × ensure_document Sales Order/);
    expect(text.out()).toMatch(/\s+1 × would fail: mapping\.currency_unsupported/);
  });
});
