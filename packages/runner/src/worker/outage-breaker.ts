import { EventEmitter } from 'node:events';
import { isSyncError } from '@shopsync/core';
import type { Logger } from 'pino';

export interface OutageBreakerOptions {
  /** What is down, as the log names it: `erpnext` logs erpnext.outage_opened / erpnext.outage_closed. */
  readonly name: string;
  /** Fields every outage log line carries (e.g. `{shop}` for a shop's Shopify breaker). */
  readonly logFields?: Readonly<Record<string, unknown>>;
  /** The same check /readyz runs for the dependency: resolves when it answers, rejects when it is down. */
  readonly probe: () => Promise<unknown>;
  /** First probe interval while open; doubles up to `maxProbeEveryMs`. */
  readonly probeEveryMs: number;
  readonly maxProbeEveryMs: number;
  readonly logger: Logger;
  /** Milliseconds clock, for how long an outage lasted and when the next probe runs. */
  readonly clockMs?: () => number;
}

export interface OutageBreakerEvents {
  opened: [reason: string];
  closed: [downForMs: number];
}

/**
 * ERPNext answers nothing, or only 502/503/504: an error that says so may mean ERPNext is down
 * (an upgrade or restart takes minutes) — or one request was unlucky (a dropped response).
 */
export function looksLikeOutage(error: unknown): boolean {
  return isSyncError(error) && (error.code === 'erpnext.network' || error.code === 'erpnext.unavailable');
}

const GATEWAY_STATUSES: ReadonlySet<unknown> = new Set([502, 503, 504]);

/**
 * The same for Shopify: no response at all (refused, reset, timed out: shopify.network) or a gateway
 * answer (shopify.server_error with HTTP 502/503/504). A GraphQL INTERNAL_SERVER_ERROR in a 200, or
 * a plain 500, is Shopify answering: that one request failed, Shopify is not down.
 */
export function looksLikeShopifyOutage(error: unknown): boolean {
  if (!isSyncError(error)) return false;
  return error.code === 'shopify.network' || (error.code === 'shopify.server_error' && GATEWAY_STATUSES.has(error.details.status));
}

/**
 * A circuit breaker in front of a dependency (ERPNext, or one shop's Shopify). An error that looks
 * like an outage is confirmed by the probe at once: if the dependency answers, it was one unlucky
 * request and is retried like any transient failure; if not, the breaker opens, the event is put
 * back without spending an attempt, and the probe runs with backoff until the dependency answers
 * again — then the backlog drains on its own (`closed` wakes the workers).
 */
export class OutageBreaker extends EventEmitter<OutageBreakerEvents> {
  private openSince: number | null = null;
  private openReason: string | null = null;
  private confirming: Promise<boolean> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private nextProbeAt: number | null = null;
  private stopped = false;
  private readonly clockMs: () => number;

  constructor(private readonly options: OutageBreakerOptions) {
    super();
    this.clockMs = options.clockMs ?? (() => Date.now());
  }

  get name(): string {
    return this.options.name;
  }

  isOpen(): boolean {
    return this.openSince !== null;
  }

  /** What the error that opened the breaker said; null while closed. */
  reason(): string | null {
    return this.openReason;
  }

  /**
   * While open, when the dependency is probed next (clock ms): an event put back until then is
   * claimed again as the breaker learns whether it answers. While a probe is in flight, one first
   * interval from now. Null while closed.
   */
  nextProbeAtMs(): number | null {
    if (this.openSince === null) return null;
    return this.nextProbeAt ?? this.clockMs() + this.options.probeEveryMs;
  }

  /** True when the dependency is down (the breaker is, or now becomes, open). Concurrent callers share one probe. */
  confirmOutage(reason: string): Promise<boolean> {
    if (this.openSince !== null) return Promise.resolve(true);
    this.confirming ??= this.options
      .probe()
      .then(
        () => false,
        () => {
          this.open(reason);
          return true;
        },
      )
      .finally(() => {
        this.confirming = null;
      });
    return this.confirming;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.nextProbeAt = null;
  }

  private open(reason: string): void {
    if (this.openSince !== null || this.stopped) return;
    this.openSince = this.clockMs();
    this.openReason = reason;
    this.options.logger.warn({ ...this.options.logFields, reason }, `${this.options.name}.outage_opened`);
    this.emit('opened', reason);
    this.schedule(this.options.probeEveryMs);
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.nextProbeAt = this.clockMs() + delayMs;
    this.timer = setTimeout(() => void this.probeAgain(delayMs), delayMs);
    this.timer.unref();
  }

  private async probeAgain(lastDelayMs: number): Promise<void> {
    this.timer = null;
    this.nextProbeAt = null;
    try {
      await this.options.probe();
    } catch {
      this.schedule(Math.min(lastDelayMs * 2, this.options.maxProbeEveryMs));
      return;
    }
    const downForMs = this.clockMs() - (this.openSince ?? this.clockMs());
    this.openSince = null;
    this.openReason = null;
    this.options.logger.info({ ...this.options.logFields, downForMs }, `${this.options.name}.outage_closed`);
    this.emit('closed', downForMs);
  }
}
