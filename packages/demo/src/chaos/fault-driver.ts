import type { ErpnextSimulator } from '@shopsync/simulators';
import type { ErpnextChaos } from './erpnext-chaos';
import { describeKill, type FaultPlan, type KillMoment } from './fault-plan';
import type { ServeProcess } from './serve-process';

/**
 * Carries out the fault plan while the workload runs: watches ERPNext's writes (the runner's
 * progress), takes ERPNext down and brings it back, SIGKILLs `serve` at its moments and restarts it
 * at once on the same config, and restarts it after any exit nobody asked for. A moment the run
 * never reaches (fewer writes than planned) is carried out when the workload is over: `late`.
 */
export class FaultDriver {
  /** What was done, in order, in words. */
  readonly log: string[] = [];
  kills = 0;
  lateFaults = 0;
  outageMs = 0;
  private readonly pendingKills: KillMoment[];
  private outagePending: boolean;
  private outageStartedAt: number | null = null;
  private seen = 0;
  private writeCount = 0;

  constructor(
    private readonly erp: ErpnextSimulator,
    private readonly serve: ServeProcess,
    private readonly chaos: ErpnextChaos,
    private readonly plan: FaultPlan,
    private readonly onProgress: (line: string) => void,
  ) {
    this.pendingKills = [...plan.kills];
    this.outagePending = plan.outage !== null;
  }

  /** POSTs and PUTs ERPNext has received, counted incrementally from its request log. */
  writes(): number {
    const all = this.erp.requests.all;
    for (; this.seen < all.length; this.seen += 1) if (all[this.seen]!.method === 'POST' || all[this.seen]!.method === 'PUT') this.writeCount += 1;
    return this.writeCount;
  }

  /** True while a planned fault has not happened yet, or ERPNext is still down. */
  get busy(): boolean {
    return this.pendingKills.length > 0 || this.outagePending || this.chaos.isDown;
  }

  /** One look at the run: carries out every fault now due. `late`: the workload is over, do what is left. */
  async tick(late = false): Promise<void> {
    const writes = this.writes();
    const outage = this.plan.outage;
    if (outage !== null && this.outagePending && (late || writes >= outage.atWrites)) {
      this.outagePending = false;
      if (late) this.lateFaults += 1;
      this.outageStartedAt = Date.now();
      await this.chaos.beginOutage(outage.mode);
      this.note(`ERPNext down (${outage.mode === '503' ? '503 SessionStopped to everything' : 'not listening'}) at write ${writes}${late ? ' (late)' : ''}`);
    }
    if (this.outageStartedAt !== null && outage !== null) {
      const downFor = Date.now() - this.outageStartedAt;
      for (const kill of this.pendingKills.filter((k) => 'outageAfterMs' in k && downFor >= k.outageAfterMs)) await this.kill(kill, writes, false);
      if (downFor >= outage.lengthMs) {
        await this.chaos.endOutage();
        this.outageMs += downFor;
        this.outageStartedAt = null;
        this.note(`ERPNext back after ${(downFor / 1000).toFixed(1)} s`);
      }
    }
    for (const kill of this.pendingKills.filter((k) => 'writes' in k && (late || writes >= k.writes))) await this.kill(kill, writes, late);
    // A kill planned for the outage, when the outage is over (or never came): now.
    if (late && this.outageStartedAt === null && !this.outagePending) for (const kill of [...this.pendingKills]) await this.kill(kill, writes, true);
    if (!this.serve.running) {
      this.note(`serve exited on its own; restarting it (${this.serve.crashes.at(-1) ?? ''})`);
      await this.serve.start();
    }
  }

  private async kill(kill: KillMoment, writes: number, late: boolean): Promise<void> {
    this.pendingKills.splice(this.pendingKills.indexOf(kill), 1);
    this.kills += 1;
    if (late) this.lateFaults += 1;
    await this.serve.kill();
    this.note(`serve SIGKILLed (${this.kills}/${this.plan.kills.length}, planned ${describeKill(kill)}, at write ${writes}${late ? ', late' : ''}); restarting`);
    await this.serve.start();
  }

  private note(line: string): void {
    this.log.push(line);
    this.onProgress(line);
  }
}
