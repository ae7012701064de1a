import type { ErpnextClient, ErpnextClientOptions } from '@shopsync/erpnext-client';
import type { ShopifyClient } from '@shopsync/shopify-client';
import type { DestinationStream, Logger } from 'pino';
import type { Config } from '../config/config-schema';
import type { ShopifyClientTuning } from '../config/shopify-for-shop';
import type { PostgresStoreOptions } from '../store/postgres/postgres-store';
import type { Store } from '../store/store';

/** ERPNext client settings a command may add to what the config gives (url, credentials, timeout). */
export type ErpnextClientTuning = Omit<ErpnextClientOptions, 'baseUrl' | 'apiKey' | 'apiSecret' | 'timeoutMs'>;

/** What the operator commands start from: only the state file, so they run without any secret. */
export interface StoreOnlyConfig {
  readonly store: Pick<Config['store'], 'path'> & Partial<Config['store']>;
}

export interface AppOptions {
  /** How this command's one ERPNext client behaves (serve: the configured concurrency; reconcile and doctor: no read retries). */
  readonly erpnext?: ErpnextClientTuning;
  /** How this command's Shopify clients behave (backfill counts throttle waits; doctor retries twice). */
  readonly shopify?: ShopifyClientTuning;
  /** Run the SQLite store on a thread of its own (serve: the ingress thread never waits on SQLite). */
  readonly storeThread?: boolean;
  /** With `store.url`: the schema to create and work in, and the pool's size (the fleet demo's own schema, a small pool). */
  readonly postgres?: Pick<PostgresStoreOptions, 'schema' | 'poolSize'>;
  /** Where the log lines go; stdout unless set (the demo prints its --json summary on stdout, so logs to stderr). */
  readonly logDestination?: DestinationStream;
}

/** The part of the app every command may use: the state database, opened on first use. */
export interface StoreApp {
  readonly store: Store;
  /** Closes what was opened (the store); what was never used was never built. */
  close(): Promise<void>;
}

/** Everything a command or job talks through, each built once on first use (STYLE C9). */
export interface App extends StoreApp {
  readonly config: Config;
  readonly logger: Logger;
  readonly erpnext: ErpnextClient;
  /** The one Admin API client of a configured shop (so its cost bucket is shared), or null without a token or for an unknown shop. */
  shopify(domain: string): ShopifyClient | null;
  /**
   * The /readyz probe's Admin API client of a configured shop, apart from `shopify(domain)` on purpose:
   * no retries and `server.readyTimeoutMs` as its timeout, since a probe answers within that or not at
   * all and a retry would outlive it; one point per scrape spends no bucket worth sharing. Null as `shopify`.
   */
  shopifyProbe(domain: string): ShopifyClient | null;
}
