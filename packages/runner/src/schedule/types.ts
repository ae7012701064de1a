import type { Logger } from 'pino';

/** The timer functions the scheduler uses; tests pass fakes so no test sleeps (STYLE C13). */
export interface SchedulerTimers {
  setInterval(tick: () => void, intervalMs: number): unknown;
  clearInterval(handle: unknown): void;
}

export interface SchedulerOptions {
  readonly logger: Pick<Logger, 'warn' | 'error'>;
  /** Node's timers unless given; a handle with unref() is unref'd so a job never keeps the process alive. */
  readonly timers?: SchedulerTimers;
}

export interface JobOptions {
  /** The log event of a failed run; `<name>.failed` unless given (existing event names are kept). */
  readonly failedEvent?: string;
  /** The level a failed run is logged at; default warn. */
  readonly level?: 'warn' | 'error';
  /** Also run once at once, not only after the first interval (the retention prune does). */
  readonly immediately?: boolean;
}

/** One periodic job; its promise's value is ignored. */
export type Job = () => Promise<unknown>;
