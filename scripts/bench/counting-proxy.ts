import { Agent as HttpAgent, createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

export interface CountingProxy {
  /** http://127.0.0.1:port: point a client here instead of the target. */
  readonly url: string;
  /** Requests forwarded so far, by "METHOD /path" (query string cut off), as erpnext-server.ts counts them. */
  counts(): Record<string, number>;
  stop(): Promise<void>;
}

/**
 * A tiny HTTP proxy in the benchmark's process in front of an ERPNext site (real or simulated), so the
 * requests of the bare REST loop and of `serve` are counted the same way whatever the target. It
 * forwards every request as it came (headers included, Host set to the target's so Frappe finds the
 * site) over keep-alive connections and streams the answer back. The target URL is never logged here.
 */
export async function startCountingProxy(target: string): Promise<CountingProxy> {
  const base = new URL(target);
  const secure = base.protocol === 'https:';
  const agent = secure ? new HttpsAgent({ keepAlive: true }) : new HttpAgent({ keepAlive: true });
  const send = secure ? httpsRequest : httpRequest;
  const prefix = base.pathname.replace(/\/$/, '');
  const byPath: Record<string, number> = {};

  const forward = (req: IncomingMessage, res: ServerResponse) => {
    const path = decodeURIComponent((req.url ?? '').split('?')[0] ?? '');
    const key = `${req.method ?? '?'} ${path}`;
    byPath[key] = (byPath[key] ?? 0) + 1;
    const upstream = send(
      { agent, protocol: base.protocol, hostname: base.hostname, port: base.port, method: req.method, path: `${prefix}${req.url ?? '/'}`, headers: { ...req.headers, host: base.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', (error) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`bench proxy: ${error.message}`);
    });
    req.pipe(upstream);
  };

  const server = createServer(forward);
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    counts: () => ({ ...byPath }),
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        agent.destroy();
      }),
  };
}
