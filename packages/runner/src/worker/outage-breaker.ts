import { EventEmitter } from 'node:events';
import { isSyncError } from '@shopsync/core';
import type { Logger } from 'pino';

export interface OutageBreakerOptions {
  /** The same check /readyz runs for the dependency: resolves when it answers, rejects when it is down. */
  readonly probe: () => Promise<unknown>;
  /** First probe interval while open; doubles up to `maxProbeEveryMs`. */
  readonly probeEveryMs: number;
  readonly maxProbeEveryMs: number;
  readonly logger: Logger;
  /** Milliseconds clock, for how long an outage lasted. */
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

/**
 * A circuit breaker in front of ERPNext. An error that looks like an outage is confirmed by the probe
 * at once: if ERPNext answers, it was one unlucky request and is retried like any transient failure;
 * if not, the breaker opens, workers stop claiming, the event is put back without spending an attempt,
 * and the probe runs with backoff until ERPNext answers again — then the backlog drains on its own.
 */
export class OutageBreaker extends EventEmitter<OutageBreakerEvents> {
  private openSince: number | null = null;
  private confirming: Promise<boolean> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private readonly clockMs: () => number;

  constructor(private readonly options: OutageBreakerOptions) {
    super();
    this.clockMs = options.clockMs ?? (() => Date.now());
  }

  isOpen(): boolean {
    return this.openSince !== null;
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
  }

  private open(reason: string): void {
    if (this.openSince !== null || this.stopped) return;
    this.openSince = this.clockMs();
    this.options.logger.warn({ reason }, 'erpnext.outage_opened');
    this.emit('opened', reason);
    this.schedule(this.options.probeEveryMs);
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.probeAgain(delayMs), delayMs);
    this.timer.unref();
  }

  private async probeAgain(lastDelayMs: number): Promise<void> {
    this.timer = null;
    try {
      await this.options.probe();
    } catch {
      this.schedule(Math.min(lastDelayMs * 2, this.options.maxProbeEveryMs));
      return;
    }
    const downForMs = this.clockMs() - (this.openSince ?? this.clockMs());
    this.openSince = null;
    this.options.logger.info({ downForMs }, 'erpnext.outage_closed');
    this.emit('closed', downForMs);
  }
}
