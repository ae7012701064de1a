import { createErpnextClient } from '@shopsync/erpnext-client';
import { createErpnextSimulator, type ErpnextSimulator } from '@shopsync/simulators';
import { erpnextContract, type ContractTarget } from './support/erpnext-contract';
import { rawHttp } from './support/erpnext-contract-fixtures';

const KEY = 'contract-key';
const SECRET = 'contract-secret';

describe('against the ERPNext simulator', () => {
  let sim: ErpnextSimulator;
  let target: ContractTarget;
  let simUrl: string;

  beforeAll(async () => {
    sim = createErpnextSimulator({ apiKey: KEY, apiSecret: SECRET });
    const { url } = await sim.listen(0);
    simUrl = url;
    target = {
      client: createErpnextClient({ baseUrl: url, apiKey: KEY, apiSecret: SECRET, sleep: async () => undefined }),
      site: { company: 'Shopsync Demo', warehouse: 'Stores - SD', stockItems: ['SKU-1001', 'SKU-1002'], customerGroup: 'Individual', territory: 'United States' },
      runId: 'sim',
      raw: rawHttp(url, KEY, SECRET),
    };
  });
  afterAll(() => sim.close());

  erpnextContract('simulator', () => target);

  // Fault injection exists only in the simulator, so these stay outside the shared battery.
  describe('simulator-only faults', () => {
    afterEach(() => sim.faults.clear());

    test('commit-then-drop: the client sees erpnext.network, yet the document exists afterwards', async () => {
      sim.faults.inject({ kind: 'commit-then-drop', method: 'POST', path: '/api/resource/Customer', times: 1 });
      const body = { customer_name: 'Dropped Response', customer_type: 'Individual', shopsync_key: 'sim:dropped' };
      const error = await target.client.insertDoc('Customer', body).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'erpnext.network', category: 'transient', retryable: true, details: { requestSent: true } });
      await expect(target.client.findOne('Customer', { shopsync_key: 'sim:dropped' })).resolves.toEqual({ name: 'Dropped Response' });
      // The engine's keyed replay then meets the unique key and adopts the existing document.
      await expect(target.client.insertDoc('Customer', body)).rejects.toMatchObject({ code: 'erpnext.unique_violation' });
      expect(sim.countDocs('Customer', (doc) => doc.shopsync_key === 'sim:dropped')).toBe(1);
    });

    test('a deadlock is erpnext.deadlock, retryable, and nothing was written', async () => {
      const before = sim.countDocs('Sales Order');
      sim.faults.inject({ kind: 'status', status: 500, excType: 'QueryDeadlockError', method: 'POST', times: 1 });
      const error = await target.client.insertDoc('Sales Order', { customer: 'Contract sim so-submit', delivery_date: '2099-12-31', items: [{ item_code: 'SKU-1001', qty: 1 }] }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'erpnext.deadlock', category: 'transient', retryable: true });
      expect(sim.countDocs('Sales Order')).toBe(before);
    });

    test('a 502 on a read is retried by the client and succeeds', async () => {
      sim.faults.inject({ kind: 'status', status: 502, method: 'GET', path: '/api/resource/Item/SKU-1001', times: 2 });
      const before = sim.requests.countWhere({ path: '/api/resource/Item/SKU-1001' });
      await expect(target.client.getDoc('Item', 'SKU-1001')).resolves.toMatchObject({ name: 'SKU-1001' });
      expect(sim.requests.countWhere({ path: '/api/resource/Item/SKU-1001' }) - before).toBe(3);
    });

    test('a timeout fault: the client gives up with erpnext.network', async () => {
      sim.faults.inject({ kind: 'timeout', path: '/api/method/ping', times: 1 });
      const impatient = createErpnextClient({ baseUrl: simUrl, apiKey: KEY, apiSecret: SECRET, timeoutMs: 30, maxReadRetries: 0 });
      await expect(impatient.ping()).rejects.toMatchObject({ code: 'erpnext.network', details: { timedOut: true } });
    });
  });
});

const REAL = { url: process.env.ERPNEXT_URL, key: process.env.ERPNEXT_API_KEY, secret: process.env.ERPNEXT_API_SECRET };

if (REAL.url && REAL.key && REAL.secret) {
  describe('against a real ERPNext (ERPNEXT_URL)', () => {
    const runId = `r${Date.now().toString(36)}`;
    const target: ContractTarget = {
      client: createErpnextClient({ baseUrl: REAL.url ?? '', apiKey: REAL.key ?? '', apiSecret: REAL.secret ?? '', timeoutMs: 30_000 }),
      site: {
        company: process.env.ERPNEXT_COMPANY ?? 'Shopsync Demo',
        warehouse: process.env.ERPNEXT_WAREHOUSE ?? 'Stores - SD',
        stockItems: [process.env.ERPNEXT_ITEM_1 ?? 'SKU-1001', process.env.ERPNEXT_ITEM_2 ?? 'SKU-1002'],
        customerGroup: process.env.ERPNEXT_CUSTOMER_GROUP ?? 'Individual',
        territory: process.env.ERPNEXT_TERRITORY ?? 'United States',
      },
      runId,
      raw: rawHttp(REAL.url ?? '', REAL.key ?? '', REAL.secret ?? ''),
    };
    jest.setTimeout(60_000);
    erpnextContract(`real ERPNext at ${REAL.url}`, () => target);
  });
} else {
  // The real-ERPNext half of the battery needs a site; say so loudly rather than pass silently.
  console.info('ERPNext contract: real-ERPNext run SKIPPED (set ERPNEXT_URL, ERPNEXT_API_KEY, ERPNEXT_API_SECRET); the battery ran against the simulator only.');
  describe('against a real ERPNext', () => {
    test.skip('SKIPPED: set ERPNEXT_URL, ERPNEXT_API_KEY and ERPNEXT_API_SECRET to run the contract battery against a real ERPNext', () => undefined);
  });
}
