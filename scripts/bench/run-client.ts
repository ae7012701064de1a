import type { ClientArgs, ListResult, TimedResult } from './load-client';
import { forkScript, nextMessage } from './processes';

/** scripts/bench/load-client.ts in its own process; resolves with its one answer. */
export async function runClient(args: Extract<ClientArgs, { mode: 'timed' }>): Promise<TimedResult>;
export async function runClient(args: Extract<ClientArgs, { mode: 'list' }>): Promise<ListResult>;
export async function runClient(args: ClientArgs): Promise<TimedResult | ListResult> {
  const child = forkScript('load-client.ts', [JSON.stringify(args)]);
  return nextMessage<TimedResult | ListResult>(child, args.mode);
}

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

export const round1 = (n: number) => Math.round(n * 10) / 10;
