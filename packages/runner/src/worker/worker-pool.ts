import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import PQueue from 'p-queue';
import type { ClaimPort, ClaimedEvent } from '../store/store';
import type { ProcessResult } from './process-event';

export interface WorkerPoolOptions {
  readonly store: ClaimPort;
  readonly process: (event: ClaimedEvent) => Promise<ProcessResult>;
  readonly concurrency: number;
  readonly leaseMs: number;
  /** How often to look for due retries when nobody calls `wake()`. */
  readonly pollMs: number;
  readonly now: () => Date;
  readonly workerId?: string;
  /** While open (ERPNext is down), nothing is claimed: events stay pending and spend no attempts. */
  readonly gate?: { isOpen(): boolean };
}

export interface WorkerPoolEvents {
  'event:claimed': [event: ClaimedEvent];
  'event:settled': [event: ClaimedEvent, result: ProcessResult];
  idle: [];
}

/**
 * Claims events from the inbox and runs them through `process`, at most `concurrency` at a time.
 * Which events may run together is the store's claim rule; p-queue only bounds the concurrency.
 */
export class WorkerPool extends EventEmitter<WorkerPoolEvents> {
  private readonly queue: PQueue;
  private readonly workerId: string;
  private running = false;
  private wakeUp: (() => void) | null = null;
  private loop: Promise<void> | null = null;

  constructor(private readonly options: WorkerPoolOptions) {
    super();
    this.queue = new PQueue({ concurrency: options.concurrency });
    this.workerId = options.workerId ?? `worker-${randomUUID()}`;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Called by the ingress after a commit, and after each settled event, so nothing waits for the poll. */
  wake(): void {
    this.wakeUp?.();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
    await this.queue.onIdle();
  }

  private async run(): Promise<void> {
    while (this.running) {
      const claimedAny = await this.fill();
      if (!claimedAny && this.queue.pending === 0 && this.queue.size === 0) this.emit('idle');
      await this.sleep();
    }
  }

  private async fill(): Promise<boolean> {
    let claimedAny = false;
    while (this.running && this.queue.pending + this.queue.size < this.options.concurrency && this.options.gate?.isOpen() !== true) {
      // The SQLite store answers synchronously, so a busy pool is one long chain of microtasks: yield
      // to the event loop before each claim, or webhook acks (and stop()) wait until the backlog is gone.
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (!this.running) break;
      const event = await this.options.store.claimNext(this.workerId, randomUUID(), this.options.now(), this.options.leaseMs);
      if (event === null) break;
      claimedAny = true;
      this.emit('event:claimed', event);
      void this.queue.add(async () => {
        const result = await this.options.process(event);
        this.emit('event:settled', event, result);
        this.wake();
      });
    }
    return claimedAny;
  }

  private sleep(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, this.options.pollMs);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = () => {
        this.wakeUp = null;
        done();
      };
    });
  }
}
