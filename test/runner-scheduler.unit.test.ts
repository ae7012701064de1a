import { Scheduler, type SchedulerTimers } from '@shopsync/runner';

// The runner's periodic jobs (prune, mirrors, reconcile) share one scheduler: runs at the interval,
// never overlapping, a failure logged under the job's event, and stop() waiting for the run in flight.
// Timers are fakes ticked by hand, so nothing sleeps (STYLE C13).

function fakeTimers() {
  const intervals = new Map<number, { tick: () => void; ms: number; unrefed: boolean }>();
  let next = 0;
  const timers: SchedulerTimers = {
    setInterval(tick, ms) {
      const id = (next += 1);
      const entry = { tick, ms, unrefed: false };
      intervals.set(id, entry);
      return { id, unref: () => void (entry.unrefed = true) };
    },
    clearInterval: (handle) => void intervals.delete((handle as { id: number }).id),
  };
  return { timers, intervals, tick: () => intervals.forEach((entry) => entry.tick()) };
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

function recordingLogger() {
  const lines: Array<{ level: string; bindings: Record<string, unknown>; msg: string }> = [];
  const log = (level: string) => (bindings: Record<string, unknown>, msg: string) => void lines.push({ level, bindings, msg });
  return { lines, logger: { warn: log('warn'), error: log('error') } as never };
}

describe('Scheduler', () => {
  test('runs a job at each tick of its interval, on an unref\'d timer, and once at start when asked', async () => {
    const fake = fakeTimers();
    const scheduler = new Scheduler({ logger: recordingLogger().logger, timers: fake.timers });
    let runs = 0;
    scheduler.every('store.prune', 3_600_000, async () => void (runs += 1), { immediately: true });
    expect([...fake.intervals.values()].map((entry) => [entry.ms, entry.unrefed])).toEqual([[3_600_000, true]]);
    await settle();
    expect(runs).toBe(1);
    fake.tick();
    await settle();
    fake.tick();
    await settle();
    expect(runs).toBe(3);
    await scheduler.stop();
    expect(fake.intervals.size).toBe(0);
  });

  test('a tick while the previous run is still going is skipped: runs never overlap', async () => {
    const fake = fakeTimers();
    const scheduler = new Scheduler({ logger: recordingLogger().logger, timers: fake.timers });
    const slow = deferred();
    let started = 0;
    scheduler.every('reconcile', 60_000, async () => {
      started += 1;
      await slow.promise;
    });
    fake.tick();
    fake.tick();
    fake.tick();
    await settle();
    expect(started).toBe(1);
    slow.resolve();
    await settle();
    fake.tick();
    await settle();
    expect(started).toBe(2);
    await scheduler.stop();
  });

  test('a throwing job is logged under its event with the job name, and the next tick runs again', async () => {
    const fake = fakeTimers();
    const { lines, logger } = recordingLogger();
    const scheduler = new Scheduler({ logger, timers: fake.timers });
    let runs = 0;
    scheduler.every('store.prune', 1_000, async () => {
      runs += 1;
      throw new Error('disk full');
    }, { failedEvent: 'store.prune_failed', level: 'error' });
    scheduler.every('sync_log.mirror', 1_000, async () => Promise.reject(new Error('ERPNext down')));
    fake.tick();
    await settle();
    fake.tick();
    await settle();
    expect(runs).toBe(2);
    expect(lines.map((line) => [line.level, line.msg, line.bindings.job, (line.bindings.err as Error).message])).toEqual([
      ['error', 'store.prune_failed', 'store.prune', 'disk full'],
      ['warn', 'sync_log.mirror.failed', 'sync_log.mirror', 'ERPNext down'],
      ['error', 'store.prune_failed', 'store.prune', 'disk full'],
      ['warn', 'sync_log.mirror.failed', 'sync_log.mirror', 'ERPNext down'],
    ]);
    await scheduler.stop();
  });

  test('stop() clears the timers at once and resolves only when the running job has finished', async () => {
    const fake = fakeTimers();
    const scheduler = new Scheduler({ logger: recordingLogger().logger, timers: fake.timers });
    const slow = deferred();
    let finished = false;
    scheduler.every('sync_failure.mirror', 5_000, async () => {
      await slow.promise;
      finished = true;
    });
    fake.tick();
    await settle();
    let stopped = false;
    const stopping = scheduler.stop().then(() => void (stopped = true));
    expect(fake.intervals.size).toBe(0);
    await settle();
    expect(stopped).toBe(false);
    slow.resolve();
    await stopping;
    expect(finished).toBe(true);
  });

  test('a second job of the same name or an interval of 0 is refused, naming it', () => {
    const scheduler = new Scheduler({ logger: recordingLogger().logger, timers: fakeTimers().timers });
    scheduler.every('reconcile', 1_000, async () => undefined);
    expect(() => scheduler.every('reconcile', 1_000, async () => undefined)).toThrow('scheduler: a job named "reconcile" is already scheduled');
    expect(() => scheduler.every('tailer', 0, async () => undefined)).toThrow('scheduler: job "tailer" needs an interval above 0 ms, got 0');
  });
});
