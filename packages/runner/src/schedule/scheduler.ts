import type { Job, JobOptions, SchedulerOptions, SchedulerTimers } from './types';

const nodeTimers: SchedulerTimers = {
  setInterval: (tick, intervalMs) => setInterval(tick, intervalMs),
  clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
};

/**
 * The runner's periodic jobs (retention prune, Sync Log and Sync Failure mirrors, scheduled
 * reconcile; the inventory tailer next) on one set of rules instead of one hand-written timer each:
 * a run never overlaps the previous one (a slow ERPNext or Shopify must not pile runs up: a tick
 * that finds its job still running is skipped), a failed run is logged under the job's event and
 * the next tick runs again, and stop() waits for the runs in flight so the store is closed after them.
 */
export class Scheduler {
  private readonly timers: SchedulerTimers;
  private readonly handles: unknown[] = [];
  private readonly names = new Set<string>();
  private readonly running = new Map<string, Promise<void>>();
  private stopped = false;

  constructor(private readonly options: SchedulerOptions) {
    this.timers = options.timers ?? nodeTimers;
  }

  /** Runs `job` every `intervalMs` until stop(); `name` identifies it in logs and must be unique. */
  every(name: string, intervalMs: number, job: Job, options: JobOptions = {}): void {
    if (this.names.has(name)) throw new Error(`scheduler: a job named "${name}" is already scheduled`);
    if (!(intervalMs > 0)) throw new Error(`scheduler: job "${name}" needs an interval above 0 ms, got ${intervalMs}`);
    this.names.add(name);
    const tick = () => this.run(name, job, options);
    if (options.immediately === true) tick();
    const handle = this.timers.setInterval(tick, intervalMs);
    (handle as { unref?: () => void } | undefined)?.unref?.();
    this.handles.push(handle);
  }

  /** Stops every timer at once, then resolves when the runs in flight have finished. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const handle of this.handles.splice(0)) this.timers.clearInterval(handle);
    await Promise.all(this.running.values());
  }

  private run(name: string, job: Job, options: JobOptions): void {
    if (this.stopped || this.running.has(name)) return;
    const { logger } = this.options;
    const run = Promise.resolve()
      .then(job)
      .then(
        () => undefined,
        (error: unknown) => void logger[options.level ?? 'warn']({ job: name, err: error }, options.failedEvent ?? `${name}.failed`),
      )
      .finally(() => this.running.delete(name));
    this.running.set(name, run);
  }
}
