import { spawn, type SpawnOptions } from 'node:child_process';
import { join } from 'node:path';
import { openSqliteStore, type CliContext, type ParkedFailure, type Store } from '@shopsync/runner';

export const BIN = join(__dirname, '..', '..', 'packages', 'runner', 'bin', 'shopsync.js');
export const T0 = new Date('2026-11-27T10:00:00.000Z');

/** A CliContext whose output is kept for assertions, with a fixed clock and environment. */
export function recordingContext(env: Record<string, string> = {}, now = () => T0): CliContext & { out(): string; err(): string; json<T>(): T } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { out: (text) => void out.push(text), err: (text) => void err.push(text) },
    env,
    now,
    out: () => out.join('\n'),
    err: () => err.join('\n'),
    json: <T>() => JSON.parse(out.join('\n')) as T,
  };
}

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command to its end and keeps what it printed. */
export function runToEnd(command: string, args: readonly string[], options: Pick<SpawnOptions, 'cwd' | 'env'>): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs the real binary (bin/shopsync.js → tsx → cli/main.ts) as a child process. */
export function runCli(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<CliRun> {
  return runToEnd(process.execPath, [BIN, ...args], { cwd: options.cwd, env: { PATH: process.env.PATH ?? '', ...options.env } });
}

export const MAPPING_FAILURE: ParkedFailure = { code: 'mapping.sku_missing', category: 'mapping', retryable: false, message: 'Order #1001: line 1 has no SKU; add it in Shopify, then retry.', details: { line: 1 } };
export const AUTH_FAILURE: ParkedFailure = { code: 'erpnext.auth', category: 'auth', retryable: false, message: 'ERPNext refused the API key; fix the credentials, then retry all.', details: {} };

/**
 * A state file as a runner would leave it: one applied order event, two orders failed on mapping,
 * one customer failed on auth, one event still pending. Returns the event ids by name.
 */
export async function seedStateFile(path: string): Promise<Record<'applied' | 'mappingA' | 'mappingB' | 'auth' | 'pending', number>> {
  const store = openSqliteStore({ path });
  const ids: Record<string, number> = {};
  const settle = async (name: string, topic: string, resourceKey: string, how: 'applied' | ParkedFailure, minute: number) => {
    const now = new Date(T0.getTime() + minute * 60_000);
    const payload = JSON.stringify({ id: name });
    const { inboxId } = await store.acceptDelivery({ shop: 'shop.myshopify.com', webhookId: `wh-${name}`, topic, eventId: null, triggeredAt: null, apiVersion: '2026-10', resourceKey, payload, payloadHash: `hash-${name}` }, now);
    const event = await store.claimNext('worker', `token-${name}`, now, 60_000);
    if (event?.claim.inboxId !== inboxId) throw new Error(`could not claim ${name}`);
    await store.addEvidence(inboxId, 'plan', { outcome: how === 'applied' ? 'applied' : 'failed', operations: [] }, now);
    if (how === 'applied') await store.finish(event.claim, 'applied', null, now);
    else await store.park(event.claim, how, now);
    ids[name] = inboxId;
  };
  await settle('applied', 'orders/paid', 'shop/order/1', 'applied', 1);
  await settle('mappingA', 'orders/create', 'shop/order/2', MAPPING_FAILURE, 2);
  await settle('mappingB', 'orders/create', 'shop/order/3', MAPPING_FAILURE, 3);
  await settle('auth', 'customers/create', 'shop/customer/4', AUTH_FAILURE, 4);
  const pending = await store.acceptDelivery({ shop: 'shop.myshopify.com', webhookId: 'wh-pending', topic: 'orders/updated', eventId: null, triggeredAt: null, apiVersion: '2026-10', resourceKey: 'shop/order/5', payload: '{}', payloadHash: 'h' }, T0);
  ids.pending = pending.inboxId;
  await store.close();
  return ids as Record<'applied' | 'mappingA' | 'mappingB' | 'auth' | 'pending', number>;
}

export async function withStateFile<T>(path: string, read: (store: Store) => Promise<T>): Promise<T> {
  const store = openSqliteStore({ path });
  try {
    return await read(store);
  } finally {
    await store.close();
  }
}
