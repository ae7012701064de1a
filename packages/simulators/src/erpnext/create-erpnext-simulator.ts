import { createServer, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { CONTROLLERS } from './controllers/controller-registry';
import { FaultRegistry } from './faults';
import { handleRequest } from './http/handle-request';
import { RequestLogBook } from './http/request-log';
import { DoctypeRegistry } from './meta/doctype-registry';
import { loadShopsyncAppMeta } from './meta/shopsync-app-meta';
import { seededHex } from './site/seeded-hex';
import { seedSite } from './site/seed-site';
import type { Site, SiteDefaults } from './site/site';
import { createSiteClock } from './site/site-clock';
import { SiteStore } from './site/site-store';
import type { Doc, ErpnextSimulator, ErpnextSimulatorOptions } from './types';

/** Countries whose number format (frappe geo/country_info.json) has three decimals, by currency. */
const THREE_DECIMALS = new Set(['BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR']);

function defaultsFor(company: string, currency: string): SiteDefaults {
  // The setup wizard abbreviates the company from its initials: "Shopsync Demo" → "SD".
  const abbr = company.split(/\s+/).map((w) => w[0]?.toUpperCase() ?? '').join('') || 'C';
  return {
    company,
    abbr,
    currency,
    currencyPrecision: THREE_DECIMALS.has(currency) ? 3 : 2,
    country: 'United States',
    sellingPriceList: 'Standard Selling',
    customerGroup: 'All Customer Groups',
    territory: 'All Territories',
    defaultWarehouse: `Stores - ${abbr}`,
    receivableAccount: `Debtors - ${abbr}`,
    incomeAccount: `Sales - ${abbr}`,
    cashAccount: `Cash - ${abbr}`,
    costCenter: `Main - ${abbr}`,
  };
}

/**
 * An in-memory ERPNext v15 site over node:http, faithful to notes/frappe-erpnext.md where the
 * sync depends on it: envelopes, error bodies, naming, transactions, the documented ERPNext rules.
 */
export function createErpnextSimulator(options: ErpnextSimulatorOptions): ErpnextSimulator {
  if (!options.apiKey || !options.apiSecret) throw new TypeError('createErpnextSimulator: apiKey and apiSecret are required');
  const registry = new DoctypeRegistry(loadShopsyncAppMeta(options.appDir));
  const randomHex = options.randomHex ?? seededHex(1);
  const site: Site = {
    registry,
    store: new SiteStore(),
    clock: createSiteClock(options.now ?? (() => new Date())),
    defaults: defaultsFor(options.company ?? 'Shopsync Demo', options.currency ?? 'USD'),
    randomHex,
    controllers: CONTROLLERS,
    apiKeys: new Map(),
  };
  const faults = new FaultRegistry();
  const requests = new RequestLogBook();
  const hanging = new Set<ServerResponse>();
  const sockets = new Set<Socket>();
  const deps = { site, faults, requests, tracebacks: options.tracebacks ?? true, hanging };
  let server: Server | undefined;

  const reset = (): void => {
    // Custom fields live in Custom Field documents: a fresh site starts without them, then the seed installs the app's.
    site.registry.reset();
    site.store.clear();
    site.apiKeys.clear();
    faults.clear();
    requests.clear();
    seedSite(site, options);
  };
  reset();

  const handle = (req: Parameters<ErpnextSimulator['handle']>[0], res: ServerResponse): void => {
    handleRequest(deps, req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(String(error));
    });
  };

  return {
    handle,
    faults,
    requests,
    reset,
    docs: (doctype: string): readonly Doc[] => site.store.all(doctype),
    countDocs: (doctype: string, predicate?: (doc: Doc) => boolean): number => site.store.all(doctype).filter((doc) => (predicate ? predicate(doc) : true)).length,
    rowsRead: (): number => site.store.rowsRead,
    listen(port = 0, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        const created = createServer(handle);
        created.on('connection', (socket: Socket) => {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
        });
        created.once('error', reject);
        created.listen(port, host, () => {
          server = created;
          const address = created.address();
          const actual = typeof address === 'object' && address ? address.port : port;
          resolve({ url: `http://${host}:${actual}` });
        });
      });
    },
    close() {
      for (const res of hanging) res.destroy();
      hanging.clear();
      for (const socket of sockets) socket.destroy();
      const current = server;
      server = undefined;
      return new Promise((resolve) => (current ? current.close(() => resolve()) : resolve()));
    },
  };
}
