import { DEFAULT_FIELD_AUTHORITY, type SyncSettings } from '@shopsync/core';
import type { Logger } from 'pino';
import type { Config } from './config/config-schema';
import { createWebhookServer, listen, type RunningServer } from './ingress/webhook-server';
import type { Store } from './store/store';
import type { ErpnextPort } from './worker/erpnext-port';
import { processEvent } from './worker/process-event';
import { WorkerPool } from './worker/worker-pool';

export interface RunnerDeps {
  readonly config: Config;
  readonly store: Store;
  readonly erpnext: ErpnextPort;
  readonly logger: Logger;
  readonly now?: () => Date;
  readonly jitter?: () => number;
}

export interface Runner {
  readonly workers: WorkerPool;
  /** Starts the webhook server and the workers; resolves with the server's base URL. */
  start(): Promise<string>;
  /** Resolves once every stored event is terminal (none pending, waiting for a retry, or claimed). */
  drained(): Promise<void>;
  stop(): Promise<void>;
}

export function settingsFrom(config: Config): SyncSettings {
  return { ...config.mapping, fieldAuthority: { ...DEFAULT_FIELD_AUTHORITY, ...config.mapping.fieldAuthority } };
}

/** The composition of ingress, store and workers; every dependency comes in through `deps` (STYLE C9). */
export function createRunner(deps: RunnerDeps): Runner {
  const now = deps.now ?? (() => new Date());
  const { config, store, logger } = deps;
  const workers = new WorkerPool({
    store,
    concurrency: config.worker.concurrency,
    leaseMs: config.worker.leaseMs,
    pollMs: config.worker.pollMs,
    now,
    process: (event) =>
      processEvent(event, {
        store,
        erpnext: deps.erpnext,
        settings: settingsFrom(config),
        retry: config.worker,
        now,
        jitter: deps.jitter ?? Math.random,
        logger: logger.child({ inboxId: event.claim.inboxId, topic: event.topic, shop: event.shop, resourceKey: event.resourceKey }),
      }),
  });
  const server = createWebhookServer({
    store,
    now,
    logger,
    webhookPath: config.server.webhookPath,
    bodyLimitBytes: config.server.bodyLimitBytes,
    secretsByShop: new Map(config.shops.map((shop) => [shop.domain, shop.webhookSecrets])),
    onAccepted: () => workers.wake(),
  });
  let running: RunningServer | null = null;

  return {
    workers,
    async start() {
      running = await listen(server, config.server.port, config.server.host);
      workers.start();
      logger.info({ url: running.url, webhookPath: config.server.webhookPath }, 'runner.started');
      return running.url;
    },
    async drained() {
      for (;;) {
        if ((await store.counts()).unfinished === 0) return;
        await new Promise<void>((resolve) => {
          const check = () => {
            workers.off('event:settled', check);
            workers.off('idle', check);
            resolve();
          };
          workers.on('event:settled', check);
          workers.on('idle', check);
        });
      }
    },
    async stop() {
      await running?.close();
      await workers.stop();
      logger.info('runner.stopped');
    },
  };
}
