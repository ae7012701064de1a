import { createServer } from 'node:http';
import { createErpnextSimulator } from '@shopsync/simulators';

/**
 * The ERPNext simulator in a process of its own for `npm run bench`: seeded as the demo's site is (a
 * fresh site after the setup wizard, company "Shopsync Demo", the shop's catalogue as Items), no added
 * latency, no faults. Its handler runs on a server of ours that counts every request by method and
 * path (query string cut off); the parent asks for the counts over IPC.
 *
 * argv[2]: JSON {apiKey, apiSecret}. Sends {type:'listening', url}; answers {type:'counts'} with
 * {type:'counts', byPath}.
 */
const { apiKey, apiSecret } = JSON.parse(process.argv[2] ?? '{}') as { apiKey: string; apiSecret: string };
const erp = createErpnextSimulator({ apiKey, apiSecret, tracebacks: false });
const byPath: Record<string, number> = {};

const server = createServer((req, res) => {
  const path = decodeURIComponent((req.url ?? '').split('?')[0] ?? '');
  const key = `${req.method ?? '?'} ${path}`;
  byPath[key] = (byPath[key] ?? 0) + 1;
  erp.handle(req, res);
});
server.keepAliveTimeout = 60_000;

process.on('message', (message: { type?: string }) => {
  if (message.type === 'counts') process.send?.({ type: 'counts', byPath });
});
process.on('disconnect', () => process.exit(0));

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as { port: number };
  process.send?.({ type: 'listening', url: `http://127.0.0.1:${port}` });
});
