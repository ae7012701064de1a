import { forkScript, nextMessage, stopChild } from './processes';

export const ERP_KEY = 'bench-api-key';
export const ERP_SECRET = 'bench-api-secret';

export interface ErpnextChild {
  readonly url: string;
  readonly pid: number;
  /** Requests the simulator has answered so far, by "METHOD /path". */
  counts(): Promise<Record<string, number>>;
  stop(): Promise<void>;
}

/** scripts/bench/erpnext-server.ts as a child process: a fresh simulated site. */
export async function startErpnext(): Promise<ErpnextChild> {
  const child = forkScript('erpnext-server.ts', [JSON.stringify({ apiKey: ERP_KEY, apiSecret: ERP_SECRET })]);
  const { url } = await nextMessage<{ type: 'listening'; url: string }>(child, 'listening');
  return {
    url,
    pid: child.pid!,
    async counts() {
      const answer = nextMessage<{ type: 'counts'; byPath: Record<string, number> }>(child, 'counts');
      child.send({ type: 'counts' });
      return (await answer).byPath;
    },
    stop: () => stopChild(child),
  };
}

/**
 * The requests the runner makes besides the sync itself, left out of `erpnextRequests`: the Sync Log,
 * Sync Failure and runner-health mirror calls of the companion app (every mirror.intervalMs, in
 * batches, whatever the event), and the readiness / outage pings.
 */
export function isUpkeepRequest(key: string): boolean {
  return /^POST \/api\/method\/shopsync\.api\.record_(sync_logs|sync_failures|runner_health)$/.test(key) || /^GET \/api\/method\/(ping|frappe\.auth\.get_logged_user)$/.test(key);
}

/** The difference of two counts, without the upkeep requests: what the sync itself asked of ERPNext. */
export function syncRequests(before: Record<string, number>, after: Record<string, number>): { total: number; byPath: Record<string, number>; upkeep: Record<string, number> } {
  const byPath: Record<string, number> = {};
  const upkeep: Record<string, number> = {};
  let total = 0;
  for (const [key, n] of Object.entries(after)) {
    const delta = n - (before[key] ?? 0);
    if (delta === 0) continue;
    if (isUpkeepRequest(key)) {
      upkeep[key] = delta;
      continue;
    }
    byPath[key] = delta;
    total += delta;
  }
  return { total, byPath, upkeep };
}
