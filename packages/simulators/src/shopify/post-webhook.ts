import http from 'node:http';
import https from 'node:https';
import type { WebhookTimer } from './delivery-timing';

/** What one POST attempt produced. Failures are values: the dispatcher decides about retries. */
export type WebhookPostOutcome =
  | { kind: 'response'; status: number }
  | { kind: 'error'; reason: 'timeout' | 'connect-timeout' | 'network'; message: string };

export interface WebhookPostLimits {
  /** Shopify: 1 s to accept the connection (notes §1.3). */
  connectTimeoutMs: number;
  /** Shopify: 5 s for the whole request. */
  timeoutMs: number;
}

export function postWebhook(
  address: string,
  headers: Record<string, string>,
  body: Buffer,
  limits: WebhookPostLimits,
  timer: WebhookTimer,
  agents: { http: http.Agent; https: https.Agent },
): Promise<WebhookPostOutcome> {
  return new Promise((resolve) => {
    const url = new URL(address);
    const secure = url.protocol === 'https:';
    let settled = false;
    const timers: unknown[] = [];
    const finish = (outcome: WebhookPostOutcome): void => {
      if (settled) return;
      settled = true;
      timers.forEach((t) => timer.clearTimeout(t));
      resolve(outcome);
    };
    const request = (secure ? https : http).request(url, {
      method: 'POST',
      headers: { ...headers, 'Content-Length': String(body.length) },
      agent: secure ? agents.https : agents.http,
    });
    const abort = (reason: 'timeout' | 'connect-timeout', ms: number): void => {
      finish({ kind: 'error', reason, message: `no ${reason === 'timeout' ? 'response' : 'connection'} within ${ms} ms` });
      request.destroy();
    };
    timers.push(timer.setTimeout(() => abort('timeout', limits.timeoutMs), limits.timeoutMs));
    request.on('socket', (socket) => {
      if (!socket.connecting) return;
      const connectTimer = timer.setTimeout(() => abort('connect-timeout', limits.connectTimeoutMs), limits.connectTimeoutMs);
      timers.push(connectTimer);
      socket.once('connect', () => timer.clearTimeout(connectTimer));
    });
    request.on('response', (response) => {
      // The body is irrelevant to Shopify; drain it so the socket is released.
      response.resume();
      response.on('end', () => finish({ kind: 'response', status: response.statusCode ?? 0 }));
      response.on('error', (err) => finish({ kind: 'error', reason: 'network', message: err.message }));
    });
    request.on('error', (err) => finish({ kind: 'error', reason: 'network', message: err.message }));
    request.end(body);
  });
}
