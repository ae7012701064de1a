import { createPrng, type ShopifyPrng } from '@shopsync/simulators';
import type { ChaosOptions } from './types';

/**
 * ERPNext writes (POST and PUT) the runner makes per order of the chaos workload, measured with no
 * faults (seed 1, 200 orders: 1,146 writes with the Sync Log mirror, 5.7 per order) and taken low, so
 * that moments planned as a share of the run fall inside it.
 */
const WRITES_PER_ORDER = 4;

/** A SIGKILL of `serve`: when ERPNext has taken `writes` writes, or `afterMs` into the outage. */
export type KillMoment = { readonly writes: number } | { readonly outageAfterMs: number };

/** 503: ERPNext answers every request 503 SessionStopped (a restart behind nginx); closed: it stops listening and comes back on the same port. */
export type OutageMode = '503' | 'closed';

export interface FaultPlan {
  readonly kills: readonly KillMoment[];
  readonly outage: { readonly atWrites: number; readonly lengthMs: number; readonly mode: OutageMode } | null;
  readonly faultRate: number;
  readonly duplicateRate: number;
  readonly reorderWindow: number;
  /** Seeded draws for the ERPNext faults while the run goes on. */
  readonly random: () => number;
}

/** Independent seeded streams, so the plan does not shift when the workload draws more (or fewer) numbers. */
export function streamPrng(seed: number, stream: string): ShopifyPrng {
  let hash = (seed ^ 0x811c9dc5) >>> 0;
  for (const char of stream) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return createPrng(hash);
}

/** The writes a run of `orders` orders makes at least: the scale of the plan's moments and of the workload's pace. */
export function estimatedWrites(orders: number): number {
  return Math.max(20, orders * WRITES_PER_ORDER);
}

/** The seeded fault plan: the same seed and options give the same plan. */
export function planFaults(options: ChaosOptions): FaultPlan {
  const prng = streamPrng(options.seed, 'fault-plan');
  const estimate = estimatedWrites(options.orders);
  const outage = options.outageMs > 0 ? { atWrites: Math.round(estimate * (0.15 + 0.35 * prng.next())), lengthMs: options.outageMs, mode: prng.chance(0.5) ? ('503' as const) : ('closed' as const) } : null;
  const kills: KillMoment[] = [];
  for (let index = 0; index < options.kills; index += 1) {
    // About one kill in four lands while ERPNext is down: the restarted runner must find the outage again, not park.
    // The others are spread over the run, one drawn in each of `kills` equal stretches of it.
    const draw = prng.next();
    if (outage !== null && prng.chance(0.25)) kills.push({ outageAfterMs: Math.round(outage.lengthMs * (0.1 + 0.8 * draw)) });
    else kills.push({ writes: Math.max(1, Math.round(estimate * (0.03 + (0.9 * (index + draw)) / options.kills))) });
  }
  const faultStream = streamPrng(options.seed, 'erpnext-faults');
  return {
    kills,
    outage,
    faultRate: options.faultRate,
    duplicateRate: options.duplicateRate,
    reorderWindow: options.reorderWindow,
    random: () => faultStream.next(),
  };
}

const pct = (rate: number) => `${Math.round(rate * 1000) / 10} %`;

export function describeKill(kill: KillMoment): string {
  return 'writes' in kill ? `at ERPNext write ${kill.writes}` : `${(kill.outageAfterMs / 1000).toFixed(1)} s into the outage`;
}

/** The plan in words, printed before the run (and kept in the text report). */
export function describePlan(plan: FaultPlan, seed: number): string[] {
  const outage = plan.outage;
  return [
    `fault plan (seed ${seed}):`,
    `  Shopify delivers ${pct(plan.duplicateRate)} of webhooks twice and sends each among the ${plan.reorderWindow} ready ones at random`,
    `  ERPNext answers ${pct(plan.faultRate)} of writes with a fault (5xx, 429 with Retry-After 1 s, commit-then-drop, commit-then-timeout) and ${pct(plan.faultRate / 2)} of reads (5xx, 429)`,
    outage === null
      ? '  no ERPNext outage'
      : `  ERPNext is down for ${(outage.lengthMs / 1000).toFixed(1)} s from its write ${outage.atWrites}, ${outage.mode === '503' ? 'answering 503 SessionStopped to everything' : 'not listening, then back on the same port'}`,
    `  serve is SIGKILLed ${plan.kills.length} times and restarted: ${plan.kills.map(describeKill).join('; ') || 'never'}`,
  ];
}
