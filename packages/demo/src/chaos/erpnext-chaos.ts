import type { ErpnextSimulator, FaultSpec } from '@shopsync/simulators';
import type { OutageMode } from './fault-plan';

export const ERPNEXT_FAULT_KINDS = ['erpnext5xx', 'erpnext429', 'commitThenDrop', 'commitThenTimeout'] as const;
export type ErpnextFaultKind = (typeof ERPNEXT_FAULT_KINDS)[number];

/** One fault of a kind, at its share of the rate; `method` narrows the write faults to writes. */
interface RateFault {
  readonly kind: ErpnextFaultKind;
  readonly share: number;
  readonly spec: Omit<FaultSpec, 'rate' | 'random'>;
}

// Each request meets a 5xx with a quarter of the rate and a 429 with another quarter; each write in
// addition a commit-then-drop and a commit-then-timeout with a quarter each: a write meets a fault
// with about the rate, a read with half of it.
const RATE_FAULTS: readonly RateFault[] = [
  { kind: 'erpnext5xx', share: 1 / 12, spec: { kind: 'status', status: 500, excType: 'QueryDeadlockError' } },
  { kind: 'erpnext5xx', share: 1 / 12, spec: { kind: 'status', status: 502 } },
  { kind: 'erpnext5xx', share: 1 / 12, spec: { kind: 'status', status: 504 } },
  { kind: 'erpnext429', share: 1 / 4, spec: { kind: 'status', status: 429, retryAfterSeconds: 1 } },
  ...['POST', 'PUT'].flatMap((method): RateFault[] => [
    { kind: 'commitThenDrop', share: 1 / 4, spec: { kind: 'commit-then-drop', method } },
    { kind: 'commitThenTimeout', share: 1 / 4, spec: { kind: 'timeout', commit: true, method } },
  ]),
];

/**
 * What the chaos run does to ERPNext: faults at a seeded rate (counted as they fire: the simulator
 * draws once per request a fault otherwise matches, and a draw under the rate is one fault), and an
 * outage — 503 SessionStopped to every request, or the listener closed and reopened on the same port.
 */
export class ErpnextChaos {
  readonly counts: Record<ErpnextFaultKind, number> = { erpnext5xx: 0, erpnext429: 0, commitThenDrop: 0, commitThenTimeout: 0 };
  private faulting = false;
  private down: OutageMode | null = null;

  constructor(
    private readonly erp: ErpnextSimulator,
    private readonly port: number,
    private readonly rate: number,
    private readonly random: () => number,
  ) {}

  /** Faults at the rate from now on (not while ERPNext is down: then it answers nothing at all). */
  startFaults(): void {
    this.faulting = true;
    if (this.down === null) this.injectRateFaults();
  }

  stopFaults(): void {
    this.faulting = false;
    if (this.down !== '503') this.erp.faults.clear();
  }

  get isDown(): boolean {
    return this.down !== null;
  }

  async beginOutage(mode: OutageMode): Promise<void> {
    this.down = mode;
    this.erp.faults.clear();
    if (mode === '503') this.erp.faults.inject({ kind: 'status', status: 503, excType: 'SessionStopped' });
    else await this.erp.close();
  }

  async endOutage(): Promise<void> {
    const mode = this.down;
    if (mode === null) return;
    this.down = null;
    this.erp.faults.clear();
    if (mode === 'closed') await this.erp.listen(this.port);
    if (this.faulting) this.injectRateFaults();
  }

  private injectRateFaults(): void {
    if (this.rate <= 0) return;
    for (const fault of RATE_FAULTS) {
      const rate = this.rate * fault.share;
      const random = () => {
        const draw = this.random();
        if (draw < rate) this.counts[fault.kind] += 1;
        return draw;
      };
      this.erp.faults.inject({ ...fault.spec, rate, random });
    }
  }
}
