import type { EndToEndResult } from './part-end-to-end';
import { END_TO_END_GOAL_PER_SECOND } from './part-end-to-end';
import type { DrainResult } from './part-drain';
import type { ErpnextRequestsResult } from './part-erpnext-requests';
import { INGRESS_GOAL, type IngressMode, type IngressResult } from './part-ingress';
import type { RealErpnextResult, SideResult } from './part-real-erpnext';
import { RESTART_GOAL_MS, type RestartDetail } from './part-restart';
import type { RssResult } from './part-rss';

export interface BenchResult {
  readonly command: string;
  readonly machine: { readonly cpu: string; readonly cores: number; readonly node: string };
  ingress?: IngressResult;
  endToEnd?: EndToEndResult;
  erpnextRequests?: ErpnextRequestsResult;
  rssMb?: RssResult;
  restartMs?: number;
  restart?: RestartDetail;
  drain?: DrainResult;
  realErpnext: RealErpnextResult | null;
  readonly realErpnextNote: string;
}

const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
const n = (value: number) => value.toLocaleString('en-US');

function ingressLine(name: string, m: IngressMode | null): string[] {
  if (m === null) return [];
  return [
    `  serve, ${name.padEnd(6)} ${n(m.perSecond).padStart(7)}/s  p50 ${String(m.p50Ms).padStart(6)} ms  p99 ${String(m.p99Ms).padStart(6)} ms  ratio ${m.ratio.toFixed(2)}  ` +
      `goal ratio ≥ ${INGRESS_GOAL.ratio} and p99 < ${INGRESS_GOAL.p99Ms} ms: ${met(m.goalMet)}  (statuses ${JSON.stringify(m.statuses)}; workers settled ${n(m.settledDuringRun)} events meanwhile)`,
  ];
}

/** The readable form of one run (without --json). */
export function formatReport(r: BenchResult): string {
  const lines = [`command: ${r.command}`, `machine: ${r.machine.cores} × ${r.machine.cpu}, node ${r.machine.node}`];
  if (r.ingress) {
    const i = r.ingress;
    lines.push(
      '',
      `ingress: ${i.connections} keep-alive connections, orders/create bodies of ~${n(i.meanBodyBytes)} B, each a new order, ${i.seconds} s after 1 s warm-up (client-side latency)`,
      `  floor server   ${n(i.floor.perSecond).padStart(7)}/s  p50 ${String(i.floor.p50Ms).padStart(6)} ms  p99 ${String(i.floor.p99Ms).padStart(6)} ms`,
      ...ingressLine('shadow', i.shadow),
      ...ingressLine('live', i.live),
    );
  }
  if (r.endToEnd) {
    const e = r.endToEnd;
    lines.push(
      '',
      `end to end (live, ERPNext simulator, ${n(e.orders)} new paid orders as ${e.topics.join(' + ')} = ${n(e.webhooks)} webhooks): ${n(e.ordersPerSecond)} orders/s ` +
        `(${e.seconds} s from the first webhook sent until nothing was pending; sending took ${e.sendSeconds} s) — goal ≥ ${n(END_TO_END_GOAL_PER_SECOND)}/s: ${met(e.goalMet)}`,
      `  events afterwards: ${JSON.stringify(e.events)}; open failures ${e.openFailures}; answers ${JSON.stringify(e.statuses)}`,
    );
  }
  if (r.erpnextRequests) {
    const q = r.erpnextRequests;
    lines.push('', `ERPNext requests per scenario (counted at the simulator; not counted: ${q.excluded}):`);
    for (const key of ['newCustomerPaid', 'knownCustomerPaid', 'duplicate', 'noopUpdate'] as const) {
      const d = q.detail[key];
      const paths = Object.entries(d.byPath).map(([path, count]) => `${path}${count > 1 ? ` ×${count}` : ''}`);
      lines.push(`  ${key.padEnd(18)} ${String(d.requests).padStart(3)}  (${d.webhooks.join(' + ')})${paths.length === 0 ? '' : `: ${paths.join(', ')}`}`);
    }
  }
  if (r.rssMb) {
    const m = r.rssMb;
    lines.push('', `serve's resident memory (VmRSS ${m.readAfterStartMs / 1000} s after runner.started): idle ${m.idle} MB; with ${n(m.events)} events stored ${m.at1MEvents} MB (filling them took ${m.fillSeconds} s)`, `  the ${n(m.events)} events: ${m.eventsState}`);
  }
  if (r.restartMs !== undefined && r.restart) {
    lines.push(
      '',
      `restart: serve SIGKILLed while draining a ${n(r.restart.backlog)}-event backlog (live; ${r.restart.settledBeforeKill} applied before the kill), spawned again: first event applied after ${n(r.restartMs)} ms ` +
        `(listening after ${n(r.restart.listeningMs)} ms) — goal ≤ ${n(RESTART_GOAL_MS)} ms: ${met(r.restartMs <= RESTART_GOAL_MS)}`,
    );
  }
  if (r.drain) {
    const d = r.drain;
    lines.push(
      '',
      `drain: ${n(d.backlog)} orders/create events pending (~${n(d.meanBodyBytes)} B bodies; filling them took ${d.fillSeconds} s), serve started on them, orders flow in ${d.mode} mode (the default rollout: planned and recorded, nothing written to ERPNext): ` +
        `${n(d.perSecond)} events/s over the first ${n(d.measured)} settled (${d.seconds} s from runner.started; ${JSON.stringify(d.settledBy)})`,
      `  one claim at that backlog, through the runner's store before serve started: ${d.claimMs} ms (median of 5; the first, on a just-opened store: ${d.firstClaimMs} ms)`,
    );
  }
  lines.push('', `real ERPNext: ${r.realErpnextNote}`);
  if (r.realErpnext) {
    const x = r.realErpnext;
    const rounds = (side: SideResult) => side.rounds.map((round) => `${n(round.ordersPerSecond)}/s`).join(', ');
    lines.push(
      `  target ${x.target} at ${x.url}; ${n(x.orders)} paid new-customer orders per round, concurrency ${x.concurrency}, rounds ${x.order}`,
      `  bare REST loop  median ${n(x.bare.medianOrdersPerSecond).padStart(6)} orders/s (rounds ${rounds(x.bare)}), ${x.bare.requestsPerOrder} requests/order`,
      `  shopsync serve  median ${n(x.shopsync.medianOrdersPerSecond).padStart(6)} orders/s (rounds ${rounds(x.shopsync)}), ${x.shopsync.requestsPerOrder} requests/order, writes ${x.shopsync.writes}${x.shopsync.writesFellBack ? ' (fell back: apply_documents missing on the site)' : ''}`,
      `  ratio shopsync / bare: ${x.ratio}; serve's events ${JSON.stringify(x.shopsync.events)}, open failures ${x.shopsync.openFailures}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
