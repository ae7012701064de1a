import { createErpnextClient, type ErpnextClient } from '@shopsync/erpnext-client';
import type { ShopifyClient } from '@shopsync/shopify-client';
import type { Logger } from 'pino';
import type { Config } from '../config/config-schema';
import { shopifyClientFor, type ShopifyClientTuning } from '../config/shopify-for-shop';
import { createLogger } from '../logging/create-logger';
import type { Store } from '../store/store';
import { openConfiguredStore } from './open-store';
import type { App, AppOptions, StoreApp, StoreOnlyConfig } from './types';

/**
 * The composition root (STYLE C9): from a config parsed once, the logger, the store, one ERPNext
 * client and one Shopify client per shop, each built on first use and then reused, so a command
 * builds only what it needs and two callers never hold two request queues against one site or two
 * cost buckets for one shop. The only other clients, serve's /readyz probes (`shopifyProbe`), are
 * built here too, once per shop. A config of only the store section (the operator commands, which
 * run without secrets) composes a StoreApp.
 */
export function composeApp(config: Config, options?: AppOptions): App;
export function composeApp(config: StoreOnlyConfig, options?: AppOptions): StoreApp;
export function composeApp(config: Config | StoreOnlyConfig, options: AppOptions = {}): App | StoreApp {
  let store: Store | undefined;
  const storeApp: StoreApp = {
    get store() {
      store ??= openConfiguredStore(config.store, { thread: options.storeThread ?? false, postgres: options.postgres });
      return store;
    },
    async close() {
      await store?.close();
      store = undefined;
    },
  };
  if (!('erpnext' in config)) return storeApp;
  return withClients(storeApp, config, options);
}

function withClients(storeApp: StoreApp, config: Config, options: AppOptions): App {
  let logger: Logger | undefined;
  let erpnext: ErpnextClient | undefined;
  return {
    get store() {
      return storeApp.store;
    },
    close: () => storeApp.close(),
    config,
    get logger() {
      logger ??= createLogger({ level: config.log.level, destination: options.logDestination });
      return logger;
    },
    get erpnext() {
      const { url, apiKey, apiSecret, timeoutMs } = config.erpnext;
      erpnext ??= createErpnextClient({ ...options.erpnext, baseUrl: url, apiKey, apiSecret, timeoutMs });
      return erpnext;
    },
    shopify: shopifyClients(config, options.shopify),
    shopifyProbe: shopifyClients(config, { maxRetries: 0, timeoutMs: config.server.readyTimeoutMs }),
  };
}

/** One client per configured shop with this tuning, built on first ask; null for an unknown shop or one without a token. */
function shopifyClients(config: Config, tuning: ShopifyClientTuning | undefined): (domain: string) => ShopifyClient | null {
  const clients = new Map<string, ShopifyClient | null>();
  return (domain) => {
    if (!clients.has(domain)) {
      const shop = config.shops.find((candidate) => candidate.domain === domain);
      clients.set(domain, shop === undefined ? null : shopifyClientFor(shop, tuning));
    }
    return clients.get(domain) ?? null;
  };
}
