import type { Store } from '@shopsync/runner';
import { runCli, type Env } from '../chaos/serve-process';
import type { FleetRunner } from './runner-fleet';
import type { WebhookBalancer } from './webhook-balancer';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** How long the killed runner stays down: the balancer keeps sending it its share, answered 502, meanwhile. */
const DOWN_MS = 500;
/** The longest the kill waits for the runner to be handed webhooks of the wave and the store to hold claims. */
const AIM_MS = 3_000;

export interface KillRecord {
  /** 1-based. */
  readonly runner: number;
  readonly afterWave: number;
  readonly claimedInStore: number;
  readonly downMs: number;
}

/**
 * SIGKILL (no shutdown code runs: claims, a half-done ERPNext write and an unacknowledged webhook are
 * left as they are) of one runner once the balancer has handed it webhooks of the wave now landing and
 * the store holds claimed events, then the same command started again on the same config, in the
 * background: the other runners carry on meanwhile. Its claims come back when their lease runs out;
 * the webhooks it did not answer, Shopify sends again. `back` resolves with the record once it has started.
 */
export async function killAndRestart(parts: { balancer: WebhookBalancer; store: Store; victim: FleetRunner; afterWave: number }): Promise<{ readonly claimedInStore: number; readonly back: Promise<KillRecord> }> {
  const { balancer, store, victim } = parts;
  const handed = () => balancer.stats().forwarded[victim.index] ?? 0;
  const before = handed();
  const deadline = Date.now() + AIM_MS;
  let claimed = 0;
  for (;;) {
    claimed = (await store.counts()).byStatus.claimed ?? 0;
    if ((handed() > before && claimed > 0) || Date.now() >= deadline) break;
    await sleep(10);
  }
  const at = Date.now();
  await victim.serve.kill();
  const back = sleep(DOWN_MS)
    .then(() => victim.serve.start())
    .then(() => ({ runner: victim.index + 1, afterWave: parts.afterWave, claimedInStore: claimed, downMs: Date.now() - at }));
  // Awaited by the caller; a failed start is its error then, not an unhandled rejection now.
  back.catch(() => undefined);
  return { claimedInStore: claimed, back };
}

/** One operator command (`shopsync … --json`) as a child process; its JSON, or null with the problem recorded. */
export async function operatorCli(args: readonly string[], env: Env, problems: string[]): Promise<unknown> {
  const result = await runCli(args, env);
  if (result.code !== 0) {
    problems.push(`\`shopsync ${args.filter((arg) => !arg.startsWith('postgres')).join(' ')}\` exited ${result.code}: ${(result.stderr || result.stdout).trim().slice(-300)}`);
    return null;
  }
  try {
    return JSON.parse(result.stdout) as unknown;
  } catch {
    problems.push(`\`shopsync ${args[0]}\` printed no JSON: ${result.stdout.slice(0, 200)}`);
    return null;
  }
}
