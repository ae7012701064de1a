import { join } from 'node:path';
import { DEMO_MAPPING } from '@shopsync/demo';
import { openSqliteStore, runDoctorCommand, SHOPSYNC_WEBHOOK_TOPICS, type CheckResult, type DoctorReport } from '@shopsync/runner';
import { createShopifySimulator, DEFAULT_SHOPIFY_CATALOGUE, type ShopifySimulator } from '@shopsync/simulators';
import { recordingContext } from './support/cli-harness';
import { startSimWithCustomFields } from './support/erpnext-custom-fields';
import type { RunningSim } from './support/erpnext-sim';
import { SIM_SHOP, writeSimConfig } from './support/sim-config';
import { useTempDir } from './support/temp-dir';

// `shopsync doctor` against both simulators in-process: every check reported, each problem with its
// fix, exit 1 on any problem, and `--fix` subscribing the missing webhook topics.

const TOKEN = 'shpat_doctor_token';
const WEBHOOK_ADDRESS = 'http://127.0.0.1:8787/webhooks/shopify';

describe('shopsync doctor', () => {
  const dir = useTempDir();
  let erp: RunningSim;
  let shopify: ShopifySimulator;
  let shopifyUrl: string;

  async function start(options: { install?: Parameters<typeof startSimWithCustomFields>[1]; catalogue?: typeof DEFAULT_SHOPIFY_CATALOGUE } = {}) {
    erp = await startSimWithCustomFields(dir(), options.install);
    shopify = createShopifySimulator({ seed: 5, accessToken: TOKEN, ...(options.catalogue === undefined ? {} : { catalogue: options.catalogue }) });
    shopifyUrl = (await shopify.listen()).url;
  }
  afterEach(async () => {
    await shopify?.close();
    await erp?.sim.close();
  });

  async function doctor(config: string, flags: { fix?: boolean; json?: boolean } = { json: true }) {
    const ctx = recordingContext();
    const code = await runDoctorCommand({ config, ...flags }, ctx);
    return { code, ctx, report: flags.json ? ctx.json<DoctorReport>() : null };
  }
  const byId = (report: DoctorReport | null) => new Map((report?.checks ?? []).map((check): [string, CheckResult] => [check.id, check]));
  const subscribeAll = () => SHOPSYNC_WEBHOOK_TOPICS.forEach((topic) => shopify.webhooks.subscribe({ topic, address: WEBHOOK_ADDRESS }));

  test('a complete set-up: every check ok, the webhook secret explained as not checkable remotely, exit 0', async () => {
    await start();
    subscribeAll();
    const { code, report } = await doctor(writeSimConfig(dir(), { erpnext: erp.url, shopify: shopifyUrl, accessToken: TOKEN }));
    expect(report?.checks.map((check) => [check.id, check.status])).toEqual([
      ['erpnext.connection', 'ok'],
      ['erpnext.custom_fields', 'ok'],
      ['erpnext.app_version', 'ok'],
      ['erpnext.mapping', 'ok'],
      ['erpnext.accounts', 'ok'],
      ['erpnext.modes_of_payment', 'ok'],
      ['erpnext.time_zone', 'ok'],
      ['shopify.connection', 'ok'],
      ['shopify.skus', 'ok'],
      ['shopify.webhooks', 'ok'],
      ['shopify.webhook_secret', 'skipped'],
    ]);
    expect(code).toBe(0);
    const checks = byId(report);
    expect(checks.get('erpnext.connection')?.detail).toContain('shopsync-runner@example.com');
    expect(checks.get('shopify.skus')?.data).toMatchObject({ variants: 10, skus: 10, unmappedCount: 0 });
    expect(checks.get('shopify.webhook_secret')).toMatchObject({ shop: SIM_SHOP, detail: expect.stringContaining('cannot be checked remotely'), fix: expect.stringContaining('shopsync events list') });
  });

  test('a half-installed app, wrong mapping, unmapped SKUs and missing webhooks: each reported with its fix, exit 1; --fix subscribes', async () => {
    await start({
      // Sales Order's key field missing, Customer's installed without its unique index.
      install: (doctype, field) => (doctype === 'Sales Order' && field.fieldname === 'shopsync_key' ? null : doctype === 'Customer' && field.fieldname === 'shopsync_key' ? { ...field, unique: 0 } : field),
      catalogue: [...DEFAULT_SHOPIFY_CATALOGUE, { sku: 'SKU-NEW-1', title: 'New Scarf', price: '30.00', grams: 100, vendor: 'Shopsync Apparel' }, { sku: 'SKU-NEW-2', title: 'New Gloves', price: '25.00', grams: 100, vendor: 'Shopsync Apparel' }],
    });
    const mapping = {
      ...DEMO_MAPPING,
      defaultWarehouse: 'Main Store - SD',
      taxAccounts: { 'State Tax': 'Sales Tax - SD', 'County Tax': 'County Tax - SD' },
      paymentGateways: { ...DEMO_MAPPING.paymentGateways, paypal: { modeOfPayment: 'PayPal', account: 'Bank Account - SD' } },
    };
    const config = writeSimConfig(dir(), { erpnext: erp.url, shopify: shopifyUrl, accessToken: TOKEN }, { mapping });
    const { code, report } = await doctor(config);
    expect(code).toBe(1);
    const checks = byId(report);
    expect(checks.get('erpnext.custom_fields')).toMatchObject({ status: 'problem', data: { missing: ['Sales Order.shopsync_key'], notUnique: ['Customer.shopsync_key'] }, fix: expect.stringContaining('install-app shopsync') });
    expect(checks.get('erpnext.mapping')).toMatchObject({ status: 'problem', detail: 'mapping.defaultWarehouse: Warehouse "Main Store - SD" does not exist' });
    expect(checks.get('erpnext.accounts')).toMatchObject({ status: 'problem', detail: 'mapping.taxAccounts["County Tax"]: Account "County Tax - SD" does not exist' });
    expect(checks.get('erpnext.modes_of_payment')).toMatchObject({ status: 'problem', detail: 'mapping.paymentGateways["paypal"].modeOfPayment: Mode of Payment "PayPal" does not exist' });
    expect(checks.get('shopify.skus')).toMatchObject({ status: 'problem', data: { unmapped: ['SKU-NEW-1', 'SKU-NEW-2'], unmappedCount: 2 } });
    expect(checks.get('shopify.webhooks')).toMatchObject({ status: 'problem', data: { missing: [...SHOPSYNC_WEBHOOK_TOPICS] }, fix: expect.stringContaining('--fix') });
    for (const check of report?.checks ?? []) if (check.status === 'problem') expect(check.fix).toMatch(/\.$/);

    const fixed = await doctor(config, { fix: true, json: true });
    expect(byId(fixed.report).get('shopify.webhooks')).toMatchObject({ status: 'ok', data: { created: [...SHOPSYNC_WEBHOOK_TOPICS] } });
    expect(shopify.webhooks.subscriptions().filter((s) => s.address === WEBHOOK_ADDRESS).map((s) => s.topic).sort()).toEqual([...SHOPSYNC_WEBHOOK_TOPICS].sort());
    expect(byId((await doctor(config)).report).get('shopify.webhooks')?.status).toBe('ok');
  });

  test('with inventory on: stock that cannot follow is listed (unmapped warehouses, Items that are no SKU), and inventory_levels/update is subscribed', async () => {
    await start();
    subscribeAll();
    const locationId = String(shopify.shop.inventory.primaryLocation().id);
    const config = writeSimConfig(dir(), { erpnext: erp.url, shopify: shopifyUrl, accessToken: TOKEN }, { mapping: { ...DEMO_MAPPING, locationWarehouses: { [locationId]: 'Stores - SD' } }, flows: { orders: 'live', customers: 'live', inventory: 'live' } });
    const { report } = await doctor(config);
    const stock = byId(report).get('shopify.stock_mapping');
    expect(stock).toMatchObject({ status: 'problem', data: { locations: 1, unknownLocations: [] } });
    // The simulated site stocks Items the simulated shop does not sell.
    expect((stock?.data as { unlinked: string[] }).unlinked.every((code) => !code.startsWith('SKU-1'))).toBe(true);
    expect(stock?.fix).toContain('mapping.unsoldWarehouses');
    expect(byId(report).get('shopify.webhooks')).toMatchObject({ status: 'problem', data: { missing: ['inventory_levels/update'] } });
    const unmappedLocation = writeSimConfig(dir(), { erpnext: erp.url, shopify: shopifyUrl, accessToken: TOKEN }, { mapping: { ...DEMO_MAPPING, locationWarehouses: { '1': 'Stores - SD' } }, flows: { inventory: 'live' } });
    expect(byId((await doctor(unmappedLocation)).report).get('shopify.stock_mapping')).toMatchObject({ status: 'problem', data: { unknownLocations: ['1'] } });
  });

  test('refused credentials: the connection check says which, and the checks that need it are skipped', async () => {
    await start();
    const config = writeSimConfig(dir(), { erpnext: erp.url, shopify: shopifyUrl, accessToken: 'shpat_wrong' }, { erpnext: { url: erp.url, apiKey: 'sim-key', apiSecret: 'wrong-secret' } });
    const { code, report } = await doctor(config);
    expect(code).toBe(1);
    expect(report?.checks.map((check) => [check.id, check.status])).toEqual([
      ['erpnext.connection', 'problem'],
      ['erpnext.custom_fields', 'skipped'],
      ['erpnext.app_version', 'skipped'],
      ['erpnext.mapping', 'skipped'],
      ['erpnext.accounts', 'skipped'],
      ['erpnext.modes_of_payment', 'skipped'],
      ['erpnext.time_zone', 'skipped'],
      ['shopify.connection', 'problem'],
      ['shopify.skus', 'skipped'],
      ['shopify.webhooks', 'skipped'],
      ['shopify.webhook_secret', 'skipped'],
    ]);
    const checks = byId(report);
    expect(checks.get('erpnext.connection')?.detail).toMatch(/refused the API key and secret \(erpnext\.auth\)/);
    expect(checks.get('shopify.connection')?.detail).toMatch(/refused the access token .*\(shopify\.auth\)/);
    expect(checks.get('shopify.connection')?.fix).toContain('SHOPSYNC_SHOPIFY_ACCESS_TOKEN');
  });

  test('no Shopify token: a problem with the fix; a signed delivery in the state file vouches for the webhook secret', async () => {
    await start();
    const config = writeSimConfig(dir(), { erpnext: erp.url, shopify: shopifyUrl });
    const store = openSqliteStore({ path: join(dir(), 'state.sqlite') });
    const delivery = { shop: SIM_SHOP, topic: 'orders/updated', eventId: null, triggeredAt: null, apiVersion: '2026-10', resourceKey: 'k', payload: '{}', payloadHash: 'h' };
    await store.acceptDelivery({ ...delivery, webhookId: 'b7c1f0de-6f1a-4f55-9d7c-3e3a8f2a9d10' }, new Date('2026-11-27T09:00:00Z'));
    await store.acceptDelivery({ ...delivery, webhookId: 'backfill:1:2026-11-27T10:00:00Z' }, new Date('2026-11-27T10:00:00Z'));
    await store.close();
    const { ctx, code } = await doctor(config, {});
    expect(code).toBe(1);
    expect(ctx.out()).toContain(`PROBLEM  shopify.connection (${SIM_SHOP}): no Admin API access token is configured`);
    expect(ctx.out()).toMatch(/\n {9}fix: Install the app on the shop/);
    expect(ctx.out()).toContain('ok       shopify.webhook_secret (shopsync-demo.myshopify.com): a delivery signed by Shopify passed the HMAC check with the configured secret: orders/updated received 2026-11-27T09:00:00.000Z (event 1)');
    expect(ctx.out()).toMatch(/\n\d+ problems? found$/);
  });
});
