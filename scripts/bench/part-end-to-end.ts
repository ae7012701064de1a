import { join } from 'node:path';
import { startErpnext } from './erpnext-child';
import { cpuMs, removeDir, tempDir } from './processes';
import { runClient } from './run-client';
import { serveIn, waitSettled, writeServeConfig } from './serve-rig';
import { paidOrderWebhooks, PAID_ORDER_TOPICS, WEBHOOK_SECRET, writeJson } from './shopify-webhooks';
import { statusJson, type StatusJson } from './status-json';

export const END_TO_END_GOAL_PER_SECOND = 1_000;

export interface EndToEndResult {
  readonly ordersPerSecond: number;
  readonly orders: number;
  readonly webhooks: number;
  readonly topics: readonly string[];
  /** From the first webhook sent until serve's /metrics showed nothing pending or claimed. */
  readonly seconds: number;
  /** Until the load client had every answer: how long sending alone took. */
  readonly sendSeconds: number;
  readonly statuses: Record<string, number>;
  /** `shopsync status --json` of the state file afterwards: how the events settled. */
  readonly events: StatusJson['events'];
  readonly openFailures: number;
  /**
   * CPU per order while the orders went through (ingress, workers, store thread, mirrors: the whole
   * serve process; and the ERPNext simulator's process), from /proc: what bounds the rate on a machine
   * whose cores the two share with the load client. Issue 15's goal for serve: ≤ 1.2 ms.
   */
  readonly cpuMsPerOrder: { readonly serve: number; readonly erpnextSimulator: number };
  readonly goalMet: boolean;
}

/**
 * N new paid orders (new customers), each as orders/create + order_transactions/create, sent by the
 * load client as fast as `connections` allow, through serve (workers on, flows.orders live) into the
 * ERPNext simulator (own process, no added latency). Timed from the first webhook sent to the moment
 * serve's /metrics (polled every 100 ms) showed no event pending (waiting included) or claimed.
 */
export async function endToEnd(options: { orders: number; connections: number }): Promise<EndToEndResult> {
  const dir = tempDir('e2e');
  const erp = await startErpnext();
  try {
    const { shop, webhooks } = paidOrderWebhooks(options.orders, 11);
    const webhooksFile = writeJson(join(dir, 'webhooks.json'), webhooks);
    const { configPath, statePath, webhookPath } = await writeServeConfig(dir, shop, erp.url, 'live');
    const serve = await serveIn(dir, configPath);
    let sent;
    let settledAt;
    let cpu;
    try {
      const before = { serve: cpuMs(serve.pid), erp: cpuMs(erp.pid) };
      sent = await runClient({ mode: 'list', url: `${serve.url}${webhookPath}`, connections: options.connections, shop, secret: WEBHOOK_SECRET, webhooksFile });
      // Every 100 ms: each /metrics scrape costs serve CPU, which this figure must not mostly measure.
      settledAt = await waitSettled(serve.url, 30 * 60_000, 100);
      const perOrder = (ms: number) => Math.round((ms / options.orders) * 100) / 100;
      cpu = { serve: perOrder(cpuMs(serve.pid) - before.serve), erpnextSimulator: perOrder(cpuMs(erp.pid) - before.erp) };
    } finally {
      await serve.stop();
    }
    const status = await statusJson(statePath);
    const seconds = (settledAt - sent.firstSentAt) / 1000;
    const ordersPerSecond = Math.round(options.orders / seconds);
    return {
      ordersPerSecond,
      orders: options.orders,
      webhooks: webhooks.length,
      topics: PAID_ORDER_TOPICS,
      seconds: Math.round(seconds * 100) / 100,
      sendSeconds: Math.round((sent.lastAnsweredAt - sent.firstSentAt) / 10) / 100,
      statuses: sent.statuses,
      events: status.events,
      openFailures: status.openFailures,
      cpuMsPerOrder: cpu,
      goalMet: ordersPerSecond >= END_TO_END_GOAL_PER_SECOND,
    };
  } finally {
    await erp.stop();
    removeDir(dir);
  }
}
