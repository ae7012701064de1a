// One fake clock shared by the client (its bucket and sleeps) and the simulator (its bucket's
// restore): a client "sleep" moves time forward instantly, so throttling tests wait for nothing.

export interface FakeTime {
  /** Milliseconds since the start, for the client's `clock`. */
  clock(): number;
  /** The same instant as a Date, for the simulator's `now`. */
  now(): Date;
  /** For the client's `sleep`: records the wait and advances the clock by it. */
  sleep(ms: number): Promise<void>;
  advance(ms: number): void;
  readonly sleeps: number[];
}

export function fakeTime(start = Date.parse('2026-11-27T15:15:00Z')): FakeTime {
  let elapsed = 0;
  const sleeps: number[] = [];
  return {
    clock: () => elapsed,
    now: () => new Date(start + elapsed),
    sleep: async (ms) => {
      sleeps.push(ms);
      elapsed += ms;
    },
    advance: (ms) => {
      elapsed += ms;
    },
    sleeps,
  };
}
