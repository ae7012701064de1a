import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type ServerResponse } from 'node:http';
import { Worker } from 'node:worker_threads';

/**
 * The floor `npm run bench` compares serve's ingress with: the least a durable webhook receiver can
 * do in Node. node:http; read the body; verify the Shopify HMAC; insert one row per webhook into a
 * SQLite file (WAL, synchronous=FULL); answer 200 after the commit. The inserts run on a worker
 * thread, so reading and verifying the next requests goes on during a commit's fsync, and every
 * request that arrived meanwhile goes into the next transaction (group commit, at most 512 rows, as
 * serve's default). Nothing else: no header checks beyond the signature, no JSON parse, no dedupe.
 *
 * argv[2]: JSON {path, secret}. Sends {type:'listening', url}.
 */
const { path, secret } = JSON.parse(process.argv[2] ?? '{}') as { path: string; secret: string };
const MAX_BATCH = 512;

// Plain JavaScript, so the thread needs no TypeScript loader.
const WRITER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec('CREATE TABLE IF NOT EXISTS webhooks (id INTEGER PRIMARY KEY, shop TEXT NOT NULL, webhook_id TEXT NOT NULL, topic TEXT NOT NULL, payload TEXT NOT NULL, received_at TEXT NOT NULL)');
const insert = db.prepare('INSERT INTO webhooks (shop, webhook_id, topic, payload, received_at) VALUES (?, ?, ?, ?, ?)');
const insertAll = db.transaction((rows, at) => { for (const r of rows) insert.run(r[0], r[1], r[2], r[3], at); });
parentPort.on('message', (rows) => {
  try { insertAll(rows, new Date().toISOString()); parentPort.postMessage(null); }
  catch (error) { parentPort.postMessage(String(error)); }
});
`;

const writer = new Worker(WRITER, { eval: true, workerData: { path, driver: require.resolve('better-sqlite3') } });
let pending: Array<{ row: [string, string, string, string]; res: ServerResponse }> = [];
let inFlight: ServerResponse[] | null = null;

function commitNext(): void {
  if (inFlight !== null || pending.length === 0) return;
  const batch = pending.slice(0, MAX_BATCH);
  pending = pending.slice(MAX_BATCH);
  inFlight = batch.map((p) => p.res);
  writer.postMessage(batch.map((p) => p.row));
}

writer.on('message', (error: string | null) => {
  for (const res of inFlight ?? []) res.writeHead(error === null ? 200 : 500, { 'content-type': 'text/plain' }).end(error ?? 'ok');
  inFlight = null;
  commitNext();
});

function signatureMatches(body: Buffer, header: string | undefined): boolean {
  if (header === undefined) return false;
  const expected = createHmac('sha256', secret).update(body).digest();
  const given = Buffer.from(header, 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    if (!signatureMatches(body, req.headers['x-shopify-hmac-sha256'] as string | undefined)) {
      res.writeHead(401).end('bad signature');
      return;
    }
    pending.push({ row: [String(req.headers['x-shopify-shop-domain']), String(req.headers['x-shopify-webhook-id']), String(req.headers['x-shopify-topic']), body.toString('utf8')], res });
    commitNext();
  });
});
server.keepAliveTimeout = 60_000;
process.on('disconnect', () => process.exit(0));
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as { port: number };
  process.send?.({ type: 'listening', url: `http://127.0.0.1:${port}/webhooks` });
});
