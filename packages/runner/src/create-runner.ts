import { DEFAULT_FIELD_AUTHORITY, parseStockFormula, type SyncSettings } from '@shopsync/core';
import type { ErpnextClient } from '@shopsync/erpnext-client';
import type { ShopifyClient } from '@shopsync/shopify-client';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import runnerPackage from '../package.json';
import type { Config } from './config/config-schema';
import { createGroupCommit } from './ingress/group-commit';
import { checkReadiness, type ReadinessProbe } from './ingress/readiness';
import { createWebhookServer, listen, type RunningServer } from './ingress/webhook-server';
import { countParks, observeWorkerPool } from './metrics/observe-runner';
import { createRunnerMetrics, type RunnerMetrics } from './metrics/runner-metrics';
import type { PruneResult, Store } from './store/store';
import type { ErpnextPort } from './worker/erpnext-port';
import { DocumentWrites, processEvent } from './worker/process-event';
import { mirrorSyncFailures, type FailureMirrorResult } from './mirror/mirror-sync-failures';
import { mirrorSyncLogs, type MirrorResult } from './mirror/mirror-sync-logs';
import { defaultRunnerName, type RunnerIdentity } from './mirror/runner-health-entry';
import { openShopifyOutages, sendHeartbeat, type HeartbeatResult } from './mirror/send-heartbeat';
import type { LatestOrderPort } from './worker/latest-state';
import { scheduleJobs } from './schedule/runner-jobs';
import { Scheduler } from './schedule/scheduler';
import type { OutageBreaker } from './worker/outage-breaker';
import { createErpnextBreaker, createShopifyBreakers, latestOrderUnlessDown } from './worker/dependency-breakers';
import { WorkerPool } from './worker/worker-pool';
import { tailStockLedger } from './stock/stock-tailer';
import { LinkCache } from './stock/link-cache';
import type { PushPorts } from './worker/process-event';

export interface RunnerDeps {
  readonly config: Config;
  readonly store: Store;
  readonly erpnext: ErpnextPort;
  readonly logger: Logger;
  readonly now?: () => Date;
  readonly jitter?: () => number;
  /** Shopify's latest order, for events an operator requeued (see worker/latest-state.ts). */
  readonly latestOrder?: LatestOrderPort;
  /** Monotonic seconds for latency metrics; performance.now by default. */
  readonly clock?: () => number;
  /** What /readyz checks besides the store: ERPNext and Shopify reachable (e.g. the ERPNext client's ping). */
  readonly probes?: readonly ReadinessProbe[];
  /** Node process metrics (CPU, memory, event loop) on /metrics; default true. */
  readonly processMetrics?: boolean;
  /** One scheduled reconciliation round (every `reconcile.intervalMinutes` while the workers run); absent: none. */
  readonly reconcile?: (since: Date) => Promise<void>;
  /**
   * ERPNext → Shopify (flows.inventory, flows.fulfillment): each shop's Admin API client and ERPNext
   * reads. Absent, the Stock Ledger is not tailed and push events are parked as unconfigured.
   */
  readonly stock?: { shopify(shop: string): ShopifyClient | null; readonly erpnext: Pick<ErpnextClient, 'listAll' | 'listDocs' | 'getDoc'> };
  /** The host name in the default runner name (`mirror.runnerName` unset); os.hostname by default. */
  readonly hostname?: () => string;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** How long an Item Code → inventory item link is trusted before Shopify is asked again. */
const LINKS_KEPT_MS = 10 * 60 * 1000;

export interface Runner {
  readonly workers: WorkerPool;
  /** The ERPNext outage breaker (opened / closed events), when ERPNext can be probed. */
  readonly outage: OutageBreaker | undefined;
  /** Each shop's Shopify outage breaker, by shop domain: the shops /readyz probes (`shopify:<domain>`). */
  readonly shopifyOutages: ReadonlyMap<string, OutageBreaker>;
  readonly metrics: RunnerMetrics;
  /**
   * Starts the webhook server and, unless `workers: false` (ingress only: the benchmark, a
   * maintenance window), the workers and the hourly retention prune; resolves with the base URL.
   */
  start(options?: { workers?: boolean }): Promise<string>;
  /** Prunes what is older than `store.retentionDays` (also run hourly while the workers run). */
  prune(): Promise<PruneResult>;
  /** Sends settled events to ERPNext's Sync Log now (also every `mirror.intervalMs` while the workers run). */
  mirror(): Promise<MirrorResult>;
  /**
   * Sends failures to ERPNext's Sync Failure and carries out the Desk's Retry / Requeue / Ignore now
   * (also every `mirror.intervalMs` while the workers run).
   */
  mirrorFailures(): Promise<FailureMirrorResult>;
  /**
   * Sends the runner's health to ERPNext's Sync Runner now (also every `mirror.heartbeatSeconds` while
   * the workers run and mirroring is on). Never rejects: a heartbeat that did not arrive is a result.
   */
  heartbeat(): Promise<HeartbeatResult>;
  /** Reads each shop's Stock Ledger now (also every `stock.pollMs` while the workers run); false when no flow from ERPNext is on. */
  tailStock(): Promise<boolean>;
  /** Resolves once every stored event is terminal (none pending, waiting for a retry, or claimed). */
  drained(): Promise<void>;
  stop(): Promise<void>;
}

export function settingsFrom(config: Pick<Config, 'mapping'>): SyncSettings {
  return { ...config.mapping, fieldAuthority: { ...DEFAULT_FIELD_AUTHORITY, ...config.mapping.fieldAuthority } };
}

function pushPortsFrom(deps: RunnerDeps): PushPorts | undefined {
  const stock = deps.stock;
  if (stock === undefined) return undefined;
  const parsed = parseStockFormula(deps.config.mapping.stockFormula);
  if (!parsed.ok) throw new Error(`mapping.stockFormula: ${parsed.error}`);
  return { shopify: (shop) => stock.shopify(shop), erpnext: stock.erpnext, formula: parsed.formula, echoWindowMs: deps.config.stock.echoWindowMinutes * 60_000, driftRecheckMs: deps.config.stock.driftRecheckSeconds * 1000, links: new LinkCache(LINKS_KEPT_MS) };
}

/** One read of every shop's Stock Ledger; the workers are woken when it queued anything. */
function stockTailJob(deps: RunnerDeps, now: () => Date, wake: () => void): (() => Promise<unknown>) | undefined {
  const { config, stock } = deps;
  if (stock === undefined || (config.flows.inventory === 'off' && config.flows.fulfillment === 'off')) return undefined;
  const settings = settingsFrom(config);
  const rescannedAt = new Map<string, number>();
  return async () => {
    for (const shop of config.shops) {
      const last = rescannedAt.get(shop.domain);
      const rescan = last === undefined || now().getTime() - last >= config.stock.rescanSeconds * 1000;
      if (rescan) rescannedAt.set(shop.domain, now().getTime());
      const result = await tailStockLedger({
        shop: shop.domain,
        erpnext: stock.erpnext,
        store: deps.store,
        settings,
        overlapMs: config.stock.overlapSeconds * 1000,
        pageSize: config.stock.pageSize,
        deliveryNotes: config.flows.fulfillment !== 'off' && settings.fulfillmentAuthority === 'erpnext',
        rescan,
        now,
        logger: deps.logger,
      });
      if (result.events > 0) wake();
    }
  };
}

/** The composition of ingress, store and workers; every dependency comes in through `deps` (STYLE C9). */
export function createRunner(deps: RunnerDeps): Runner {
  const now = deps.now ?? (() => new Date());
  const clock = deps.clock ?? (() => performance.now() / 1000);
  const { config, store, logger } = deps;
  const metrics = createRunnerMetrics({ store, processMetrics: deps.processMetrics ?? true });
  const workerStore = countParks(store, metrics);
  const outage = createErpnextBreaker(deps);
  const shopifyOutages = createShopifyBreakers(deps, now);
  const latestOrder = deps.latestOrder === undefined ? undefined : latestOrderUnlessDown(deps.latestOrder, shopifyOutages);
  const pushes = pushPortsFrom(deps);
  // One per runner: a site whose companion app lacks apply_documents turns it to 'rest' once, for all workers.
  const writes = new DocumentWrites(config.erpnext.writes, logger);
  const workers = new WorkerPool({
    ...(outage === undefined ? {} : { gate: outage }),
    store: workerStore,
    concurrency: config.worker.concurrency,
    leaseMs: config.worker.leaseMs,
    pollMs: config.worker.pollMs,
    now,
    process: (event) =>
      processEvent(event, {
        store: workerStore,
        erpnext: deps.erpnext,
        settings: settingsFrom(config),
        retry: { baseDelayMs: config.worker.baseDelayMs, maxDelayMs: config.worker.maxDelayMs, retryBudgetMs: config.worker.retryForMinutes * 60_000 },
        ...(outage === undefined ? {} : { outage }),
        ...(shopifyOutages.size === 0 ? {} : { shopifyOutage: (shop: string) => shopifyOutages.get(shop) }),
        now,
        jitter: deps.jitter ?? Math.random,
        flowModes: config.flows,
        ...(latestOrder === undefined ? {} : { latestOrder }),
        ...(pushes === undefined ? {} : { pushes }),
        writes,
        logger: logger.child({ inboxId: event.claim.inboxId, topic: event.topic, shop: event.shop, resourceKey: event.resourceKey }),
      }),
  });
  observeWorkerPool(workers, metrics, clock);
  outage?.on('closed', () => workers.wake());
  // What waited for a shop's Shopify is due by the time its breaker closes: claimed at once.
  for (const breaker of shopifyOutages.values()) breaker.on('closed', () => workers.wake());
  const probes: ReadinessProbe[] = [{ name: 'store', check: () => store.ping() }, ...(deps.probes ?? [])];
  const server = createWebhookServer({
    // Up to 4 batches in flight: the store on its own thread merges what arrives during a commit into the
    // next one, so the ingress never waits for an answer to send more; an in-process store commits one at a time anyway.
    inbox: createGroupCommit({ store, now, maxBatch: config.server.maxBatch, maxInFlight: 4, onBatch: (size) => metrics.batch(size) }),
    logger,
    clock,
    webhookPath: config.server.webhookPath,
    bodyLimitBytes: config.server.bodyLimitBytes,
    secretsByShop: new Map(config.shops.map((shop) => [shop.domain, shop.webhookSecrets])),
    onAccepted: () => workers.wake(),
    onAnswered: (outcome, seconds) => metrics.webhook(outcome, seconds),
    readiness: () => checkReadiness(probes, config.server.readyTimeoutMs),
    metrics: { contentType: metrics.registry.contentType, render: () => metrics.render() },
  });
  let running: RunningServer | null = null;
  const stockTail = stockTailJob(deps, now, () => workers.wake());
  let tailing: Promise<unknown> | null = null;
  /** One read at a time: the scheduled one and one asked for directly never overlap. */
  const tailStock = async (): Promise<boolean> => {
    if (stockTail === undefined) return false;
    tailing ??= stockTail().finally(() => {
      tailing = null;
    });
    await tailing;
    return true;
  };
  const scheduler = new Scheduler({ logger });
  let mirroring: Promise<MirrorResult> | null = null;
  let mirroringFailures: Promise<FailureMirrorResult> | null = null;
  const acknowledgedFailures = new Map<number, string>();

  /** One round of Sync Log mirroring; rounds never overlap (a slow ERPNext must not pile them up). */
  function mirror(): Promise<MirrorResult> {
    mirroring ??= mirrorSyncLogs({ store, erpnext: deps.erpnext, now, logger, batch: config.mirror.batch }).finally(() => {
      mirroring = null;
    });
    return mirroring;
  }

  function mirrorFailures(): Promise<FailureMirrorResult> {
    mirroringFailures ??= mirrorSyncFailures({ store, erpnext: deps.erpnext, now, logger, batch: config.mirror.batch, acknowledged: acknowledgedFailures }).finally(() => {
      mirroringFailures = null;
    });
    return mirroringFailures;
  }

  let identity: RunnerIdentity = {
    runnerName: config.mirror.runnerName ?? defaultRunnerName((deps.hostname ?? hostname)(), config.server.port),
    version: runnerPackage.version,
    shops: config.shops.map((shop) => shop.domain),
    startedAt: now(),
    // With the heartbeat off (null), one sent directly still promises an interval: the default's.
    heartbeatSeconds: config.mirror.heartbeatSeconds ?? 60,
  };
  let beating: Promise<HeartbeatResult> | null = null;

  /** One heartbeat at a time: a scheduled one and one asked for directly never overlap. */
  function heartbeat(): Promise<HeartbeatResult> {
    beating ??= sendHeartbeat({ store, erpnext: deps.erpnext, identity, erpnextOutage: () => outage?.isOpen() ?? null, shopifyOutages: () => openShopifyOutages(shopifyOutages), logger }).finally(() => {
      beating = null;
    });
    return beating;
  }

  async function prune(): Promise<PruneResult> {
    const pruned = await store.pruneEvidence(new Date(now().getTime() - config.store.retentionDays * DAY_MS));
    if (pruned.events + pruned.failures > 0) logger.info({ pruned, retentionDays: config.store.retentionDays }, 'store.pruned');
    return pruned;
  }

  return {
    workers,
    outage,
    shopifyOutages,
    metrics,
    prune,
    mirror,
    mirrorFailures,
    heartbeat,
    tailStock,
    async start(options = {}) {
      running = await listen(server, config.server.port, config.server.host);
      if (options.workers ?? true) {
        identity = { ...identity, startedAt: now() };
        workers.start();
        scheduleJobs(scheduler, {
          config,
          now,
          prune,
          mirror,
          mirrorFailures,
          heartbeat,
          ...(deps.reconcile === undefined ? {} : { reconcile: deps.reconcile }),
          ...(stockTail === undefined ? {} : { stockTail: { everyMs: config.stock.pollMs, run: tailStock } }),
        });
      }
      logger.info({ url: running.url, webhookPath: config.server.webhookPath, workers: options.workers ?? true }, 'runner.started');
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
      // No new run starts from here; the runs in flight are awaited after the workers stop, as before.
      const jobsStopped = scheduler.stop();
      outage?.stop();
      for (const breaker of shopifyOutages.values()) breaker.stop();
      await running?.close();
      await workers.stop();
      await jobsStopped;
      // A mirror round asked for directly (runner.mirror()) is no scheduled run; it is awaited too.
      await mirroring?.catch(() => undefined);
      await mirroringFailures?.catch(() => undefined);
      await beating;
      await tailing?.catch(() => undefined);
      logger.info('runner.stopped');
    },
  };
}
