// Throughput of the ERPNext simulator's companion-app methods once the site holds many rows
// (issue 11 point 9: record_sync_logs fell to ~2 requests/s after ~2,600 Sync Logs).
//   npx tsx scripts/bench-erpnext-sim.ts [--existing 5000] [--requests 500]
// Over loopback HTTP through the real client, one request at a time, one entry per request, as the
// runner's mirror does for a trickle of settled events. Speed targets live here, never in tests.
import { parseArgs } from 'node:util';
import { createErpnextClient, type ErpnextClient } from '@shopsync/erpnext-client';
import { createErpnextSimulator } from '@shopsync/simulators';

const BATCH = 100;
// A settled event's evidence trail is a few KB of JSON (received, plan, operations, result).
const EVIDENCE = Array.from({ length: 8 }, (_, i) => ({ kind: i === 0 ? 'received' : 'operation', at: '2026-12-01T10:00:00.000Z', data: { doctype: 'Sales Order', name: `SO-${i}`, note: 'x'.repeat(200) } }));

const logEntry = (i: number) => ({ event_id: `evt-${i}`, status: 'Applied', topic: 'orders/create', shop: 'bench.myshopify.com', resource_key: `order:${i}`, evidence: EVIDENCE });
const failureEntry = (i: number) => ({ failure_key: `evt-${i}:mapping.sku_unmapped`, state: 'open', code: 'mapping.sku_unmapped', category: 'mapping', message: `SKU ${i} has no Item`, event_id: `evt-${i}` });

async function seed(client: ErpnextClient, method: string, entry: (i: number) => object, existing: number): Promise<void> {
  for (let start = 0; start < existing; start += BATCH) {
    const entries = Array.from({ length: Math.min(BATCH, existing - start) }, (_, k) => entry(start + k));
    await client.callMethod(method, { entries }, { verb: 'POST' });
  }
}

/** Requests/s for one new entry per request, on top of `existing` rows. */
async function measure(client: ErpnextClient, method: string, entry: (i: number) => object, existing: number, requests: number): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < requests; i += 1) await client.callMethod(method, { entries: [entry(existing + i)] }, { verb: 'POST' });
  return requests / ((performance.now() - started) / 1000);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { existing: { type: 'string', default: '5000' }, requests: { type: 'string', default: '500' } } });
  const existing = Number(values.existing);
  const requests = Number(values.requests);
  const sim = createErpnextSimulator({ apiKey: 'bench-key', apiSecret: 'bench-secret' });
  const { url } = await sim.listen();
  // Seeding 5,000 rows on a slow simulator takes minutes; no request should time out while measuring it.
  const client = createErpnextClient({ baseUrl: url, apiKey: 'bench-key', apiSecret: 'bench-secret', timeoutMs: 600_000 });
  for (const [method, entry, doctype] of [
    ['shopsync.api.record_sync_logs', logEntry, 'Sync Log'],
    ['shopsync.api.record_sync_failures', failureEntry, 'Sync Failure'],
  ] as const) {
    let started = performance.now();
    await seed(client, method, entry, existing);
    const seeding = (performance.now() - started) / 1000;
    started = performance.now();
    const rate = await measure(client, method, entry, existing, requests);
    console.log(`${method}: ${rate.toFixed(0)} requests/s at ${existing} existing ${doctype} rows (${requests} requests, one new entry each; seeding took ${seeding.toFixed(1)} s)`);
  }
  await sim.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
