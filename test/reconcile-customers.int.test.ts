import { readFileSync } from 'node:fs';
import { customerWebhookBody, parseCustomer, parseGraphqlCustomer } from '@shopsync/core';
import { composeApp, createLogger, parseConfig, reconcileCustomers, runReconcile, settingsFrom, type Config, type ReconcileReport, type Store } from '@shopsync/runner';
import { scheduledReconcile } from '../packages/runner/src/reconcile/scheduled-reconcile';
import { startBackfillShop, SIM_TOKEN, type BackfillShop } from './support/backfill-shop';
import { recordingContext, T0 } from './support/cli-harness';
import { startSim, type RunningSim } from './support/erpnext-sim';
import { drainWithRunner, SIM_SHOP, withConfiguredStore, writeSimConfig } from './support/sim-config';
import { useTempDir } from './support/temp-dir';

// Issue 13: `shopsync reconcile` compares customers too — Customer, Contact and Addresses against the
// customer planner's plan, on the fields Shopify owns under field authority — with the orders' path:
// findings → drift failures → requeue repairs.

describe('reconcile compares customers under field authority and repairs by requeue', () => {
  const dir = useTempDir();
  let shop: BackfillShop;
  let erp: RunningSim;
  let configFile: string;
  let config: Config;

  beforeEach(async () => {
    shop = await startBackfillShop();
    erp = await startSim();
    configFile = writeSimConfig(dir(), { erpnext: erp.url, shopify: shop.url, accessToken: SIM_TOKEN });
    const parsed = parseConfig(JSON.parse(readFileSync(configFile, 'utf8')) as object);
    if (!parsed.ok) throw new Error(parsed.problems.join('; '));
    config = parsed.config;
  });
  afterEach(async () => {
    await shop.close();
    await erp.sim.close();
  });

  const reconcile = (mode: 'record' | 'repair' = 'record') =>
    withConfiguredStore(configFile, (store) =>
      reconcileCustomers({ shop: SIM_SHOP, shopify: shop.client, erpnext: erp.client, settings: settingsFrom(config), since: '2026-11-01T00:00:00Z', until: null, findings: { mode, store, now: () => T0 } }),
    );
  const withStore = <T>(read: (store: Store) => Promise<T>) => withConfiguredStore(configFile, read);
  const synced = (doctype: string) => erp.sim.docs(doctype).filter((doc) => typeof doc.shopsync_key === 'string');
  /** The operator's Requeue of the open customer drift failure, then a runner applying it. */
  async function requeueFinding() {
    await withStore(async (store) => {
      const [drift] = await store.failures({ status: 'open', code: 'drift.customer_differs' });
      expect(await store.requeueEvent(drift!.inboxId, 'requeue', T0)).toBe('requeued');
    });
    await drainWithRunner(configFile, erp.client, T0);
  }

  test('the Admin API read plans as the webhook does, and the body recorded reads back as the same customer', async () => {
    const created = shop.sim.driver.createCustomer({ firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', phone: '+1 555-0100' });
    const detail = await shop.client.customers.get(`gid://shopify/Customer/${created.id}`);
    const fromGraphql = parseGraphqlCustomer(detail!);
    const fromWebhook = parseCustomer(shop.sim.driver.getCustomer(created.id));
    if (!fromGraphql.ok || !fromWebhook.ok) throw new Error('unparsed');
    expect(fromGraphql.value.addresses).toHaveLength(1);
    // The webhook's updated_at is shop-local, the API's UTC: the same instant.
    expect({ ...fromGraphql.value, updatedAt: null }).toEqual({ ...fromWebhook.value, updatedAt: null });
    expect(Date.parse(fromGraphql.value.updatedAt!)).toBe(Date.parse(fromWebhook.value.updatedAt!));
    expect(parseCustomer(customerWebhookBody(fromGraphql.value))).toEqual(fromGraphql);
  });

  test('a customer never synced is missing in ERPNext, recorded once; its requeue creates Customer, Contact and Address', async () => {
    const created = shop.sim.driver.createCustomer({ firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' });
    const first = await reconcile();
    expect(first).toMatchObject({ listed: 1, compared: 1, notCompared: [], stopped: null, findingsRecorded: 1 });
    expect(first.drifted).toHaveLength(1);
    expect(first.drifted[0]!.findings.map((f) => [f.doctype, f.kind])).toEqual([
      ['Customer', 'missing'],
      ['Contact', 'missing'],
      ['Address', 'missing'],
    ]);
    expect(first.drifted[0]!.findings[0]!.message).toBe(`Customer customer:${SIM_SHOP}:${created.id} is missing in ERPNext`);
    const [failure] = await withStore((store) => store.failures({}));
    expect(failure).toMatchObject({ code: 'drift.customer_differs', category: 'drift', status: 'open', topic: 'customers/update' });
    expect(failure!.message).toMatch(/^Customer Ada Lovelace differs in ERPNext: Customer .+ is missing in ERPNext; Contact .+; Address .+; requeue it/);
    expect((await reconcile()).findingsRecorded).toBe(0);

    await requeueFinding();
    expect(synced('Customer')).toEqual([expect.objectContaining({ customer_name: 'Ada Lovelace', shopify_customer_id: String(created.id) })]);
    expect([synced('Contact').length, synced('Address').length]).toEqual([1, 1]);
    expect((await withStore((store) => store.failures({}))).map((f) => f.status)).toEqual(['resolved']);
    expect((await reconcile()).drifted).toEqual([]);
  });

  test('a Shopify-owned field changed in ERPNext is named with both values, a set_on_create one is not; the requeue restores it', async () => {
    shop.sim.driver.createCustomer({ firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' });
    expect((await reconcile('repair')).repairsEnqueued).toBe(1);
    await drainWithRunner(configFile, erp.client, T0);
    expect((await reconcile()).drifted).toEqual([]);

    const customer = synced('Customer')[0]!;
    const contact = synced('Contact')[0]!;
    await erp.client.updateDoc('Customer', String(customer.name), { customer_group: 'Commercial' });
    await erp.client.updateDoc('Contact', String(contact.name), { email_ids: [{ email_id: 'ada@elsewhere.example', is_primary: 1 }] });
    const found = await reconcile();
    expect(found.drifted).toHaveLength(1);
    expect(found.drifted[0]!.findings).toEqual([
      expect.objectContaining({ doctype: 'Contact', name: contact.name, kind: 'field_differs', field: 'email_ids', shopify: '"ada@example.com"', erpnext: '"ada@elsewhere.example"' }),
    ]);
    expect(found.drifted[0]!.findings[0]!.message).toBe(`Contact ${String(contact.name)}: email_ids is "ada@elsewhere.example" in ERPNext but "ada@example.com" in Shopify`);
    expect(found.findingsRecorded).toBe(1);

    await requeueFinding();
    expect(synced('Contact')[0]!.email_ids).toEqual([expect.objectContaining({ email_id: 'ada@example.com', is_primary: 1 })]);
    expect(synced('Customer')[0]).toMatchObject({ customer_group: 'Commercial' });
    expect((await reconcile()).drifted).toEqual([]);
    // A new difference after the repair is a new finding, even for the same Shopify version.
    await erp.client.updateDoc('Customer', String(customer.name), { customer_name: 'A. Lovelace' });
    const renamed = await reconcile();
    expect(renamed.drifted[0]!.findings.map((f) => f.message)).toEqual([`Customer ${String(customer.name)}: customer_name is "A. Lovelace" in ERPNext but "Ada Lovelace" in Shopify`]);
    expect(renamed.findingsRecorded).toBe(1);
  });

  test('`shopsync reconcile` reports customer drift (exit 1), and serve\'s scheduled round records it', async () => {
    shop.sim.driver.createCustomer({ firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com' });
    const ctx = recordingContext();
    expect(await runReconcile({ config: configFile, since: '2026-11-01' }, ctx)).toBe(1);
    expect(ctx.out()).toContain('customers of shopsync-demo.myshopify.com changed in the window: 1; compared with ERPNext: 1; drifted: 1; not compared: 0');
    expect(ctx.out()).toMatch(/customer drift: shopsync-demo\.myshopify\.com Grace Hopper: Customer customer:.+ is missing in ERPNext/);
    const json = recordingContext();
    expect(await runReconcile({ config: configFile, since: '2026-11-01', json: true }, json)).toBe(1);
    const report = json.json<ReconcileReport>();
    expect(report.customers[0]).toMatchObject({ shop: SIM_SHOP, listed: 1, compared: 1, findingsRecorded: 0 });
    expect(report.totals).toMatchObject({ listed: 0, drifted: 0 });

    const lines: string[] = [];
    const logger = createLogger({ level: 'info', destination: { write: (line: string) => void lines.push(line) } });
    const scheduled = { ...config, reconcile: { intervalMinutes: 60, lookbackHours: 48 } };
    const app = composeApp(scheduled, { erpnext: { maxReadRetries: 0 } });
    try {
      const round = scheduledReconcile({ config: scheduled, logger, erpnext: app.erpnext, shopify: (domain) => app.shopify(domain), store: app.store }, () => T0);
      await round!(new Date('2026-11-01T00:00:00Z'));
    } finally {
      await app.close();
    }
    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    // Already recorded by the CLI run: the same finding is not recorded twice.
    expect(logged.find((line) => line.msg === 'reconcile.customer_round')).toMatchObject({ level: 40, shop: SIM_SHOP, listed: 1, compared: 1, drifted: 1, recorded: 0, notCompared: 0, stopped: null });
  });
});
