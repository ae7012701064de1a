/** What an injected fault does to a matching request. */
export const FAULT_KINDS = {
  /** Answer with this status (and Frappe exc_type) instead of processing; nothing is written. */
  status: 'status',
  /** Wait `ms` before handling the request normally. */
  latency: 'latency',
  /** Never answer; the client gives up. With `commit: true` the request is applied first. */
  timeout: 'timeout',
  /** Apply and commit the request, then destroy the socket without a response. */
  commitThenDrop: 'commit-then-drop',
} as const;
export type FaultKind = (typeof FAULT_KINDS)[keyof typeof FAULT_KINDS];

export interface FaultSpec {
  readonly kind: FaultKind;
  /** HTTP method to match (any when absent). */
  readonly method?: string;
  /** Matches the decoded request path: a RegExp, or a string the path must contain. */
  readonly path?: RegExp | string;
  /** How many matching requests it affects; every one when absent. */
  readonly times?: number;
  /** For `status`: e.g. 502, 503, 429, or 500 with excType QueryDeadlockError. */
  readonly status?: number;
  readonly excType?: string;
  /** Same as `excType`, spelled as in Frappe's body. */
  readonly exc_type?: string;
  /** For `status` 429: the Retry-After header, in seconds. */
  readonly retryAfterSeconds?: number;
  /** For `latency`. */
  readonly ms?: number;
  /** For `timeout`: apply the request before going silent (a slow commit). */
  readonly commit?: boolean;
  /**
   * Probability in [0, 1] that a matching request is affected (every one when absent), drawn from
   * `random` — the caller's seeded generator, so a run replays. It is drawn once per request the
   * fault otherwise matches while it has uses left, and only then: a draw below `rate` is exactly
   * one affected request. A request the draw spares goes on to the faults injected after this one.
   */
  readonly rate?: number;
  /** Uniform in [0, 1); required with `rate`. */
  readonly random?: () => number;
}

export interface FaultInjector {
  inject(spec: FaultSpec): void;
  clear(): void;
  /** Faults that still have uses left. */
  readonly pending: number;
}

interface ActiveFault {
  readonly spec: FaultSpec;
  remaining: number;
}

/** Per-route, per-call fault injection; decisions depend only on the request and the order of injection. */
export class FaultRegistry implements FaultInjector {
  private faults: ActiveFault[] = [];

  inject(spec: FaultSpec): void {
    if (spec.kind === 'status' && !spec.status) throw new TypeError('faults.inject: a status fault needs `status`');
    if (spec.kind === 'latency' && !(typeof spec.ms === 'number' && spec.ms >= 0)) throw new TypeError('faults.inject: a latency fault needs `ms` >= 0');
    if (spec.rate !== undefined && !(spec.rate >= 0 && spec.rate <= 1)) throw new TypeError(`faults.inject: rate must be a probability in [0, 1], got ${spec.rate}`);
    if (spec.rate !== undefined && typeof spec.random !== 'function') throw new TypeError('faults.inject: a fault with `rate` needs `random`, a seeded generator of [0, 1)');
    this.faults.push({ spec, remaining: spec.times ?? Number.POSITIVE_INFINITY });
  }

  clear(): void {
    this.faults = [];
  }

  get pending(): number {
    return this.faults.filter((f) => f.remaining > 0).length;
  }

  /** Consumes and returns the first live fault of the given kinds matching the request (and drawn, for a `rate`). */
  take(method: string, path: string, kinds: readonly FaultKind[]): FaultSpec | undefined {
    const fault = this.faults.find(
      (f) =>
        f.remaining > 0 &&
        kinds.includes(f.spec.kind) &&
        (!f.spec.method || f.spec.method.toUpperCase() === method) &&
        (f.spec.path === undefined || (typeof f.spec.path === 'string' ? path.includes(f.spec.path) : f.spec.path.test(path))) &&
        (f.spec.rate === undefined || (f.spec.random as () => number)() < f.spec.rate),
    );
    if (!fault) return undefined;
    fault.remaining -= 1;
    return fault.spec;
  }
}
