import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startErpnext } from './erpnext-child';
import { fillSettled } from './fill-store';
import { removeDir, rssMb, sleep, tempDir } from './processes';
import { serveIn, writeServeConfig } from './serve-rig';

/** How long after serve's runner.started its memory is read: past its first mirror round (every 5 s). */
const SETTLE_MS = 6_000;
const SHOP = 'bench-memory.myshopify.com';

export interface RssResult {
  readonly idle: number;
  readonly at1MEvents: number;
  /** The events stored for `at1MEvents` (1,000,000 unless --events says otherwise) and how they were stored. */
  readonly events: number;
  readonly eventsState: string;
  readonly fillSeconds: number;
  readonly readAfterStartMs: number;
}

async function serveRss(dir: string, erpnextUrl: string): Promise<number> {
  const { configPath } = await writeServeConfig(dir, SHOP, erpnextUrl, 'shadow');
  const serve = await serveIn(dir, configPath);
  try {
    await sleep(SETTLE_MS);
    return rssMb(serve.pid);
  } finally {
    await serve.stop();
  }
}

/** serve's resident memory (VmRSS), production defaults (shadow), on an empty state file and on one holding `events` settled events. */
export async function memory(options: { events: number }): Promise<RssResult> {
  const dir = tempDir('rss');
  const erp = await startErpnext();
  try {
    mkdirSync(join(dir, 'empty'));
    mkdirSync(join(dir, 'full'));
    const idle = await serveRss(join(dir, 'empty'), erp.url);
    const fillMs = await fillSettled(join(dir, 'full', 'state.sqlite'), SHOP, options.events);
    const full = await serveRss(join(dir, 'full'), erp.url);
    return {
      idle,
      at1MEvents: full,
      events: options.events,
      eventsState:
        'settled (skipped, with a reason naming the benchmark) and marked as shown in the Sync Log, accepted and settled through the store API (acceptDeliveries, claimNext, finish, markMirrored); small orders/create bodies (~150 B), no plan evidence',
      fillSeconds: Math.round(fillMs / 100) / 10,
      readAfterStartMs: SETTLE_MS,
    };
  } finally {
    await erp.stop();
    removeDir(dir);
  }
}
