import { join } from 'node:path';
import { startErpnext, syncRequests } from './erpnext-child';
import { removeDir, sleep, tempDir } from './processes';
import { runClient } from './run-client';
import { serveIn, waitSettled, writeServeConfig } from './serve-rig';
import { capturingShopify, PAID_ORDER_TOPICS, WEBHOOK_SECRET, writeJson, type Webhook } from './shopify-webhooks';

export interface ScenarioCount {
  /** ERPNext requests the sync made for the scenario (upkeep left out: see `excluded`). */
  readonly requests: number;
  readonly byPath: Record<string, number>;
  readonly webhooks: readonly string[];
}

export interface ErpnextRequestsResult {
  readonly knownCustomerPaid: number;
  readonly newCustomerPaid: number;
  readonly duplicate: number;
  readonly noopUpdate: number;
  readonly detail: Record<'newCustomerPaid' | 'knownCustomerPaid' | 'duplicate' | 'noopUpdate', ScenarioCount>;
  readonly excluded: string;
  /** Upkeep requests seen while the scenarios ran, by path (not in any figure above). */
  readonly upkeepSeen: Record<string, number>;
}

/**
 * ERPNext requests per scenario, counted at the simulator's HTTP server (its own process), one
 * scenario at a time through one serve (flows.orders live): the requests between "before the
 * webhooks" and "serve's /metrics shows nothing pending or claimed".
 */
export async function erpnextRequests(): Promise<ErpnextRequestsResult> {
  const dir = tempDir('erpnext-requests');
  const erp = await startErpnext();
  const { sim, taken } = capturingShopify(21, [...PAID_ORDER_TOPICS, 'orders/updated']);
  try {
    const { configPath, webhookPath } = await writeServeConfig(dir, sim.shop.domain, erp.url, 'live');
    const serve = await serveIn(dir, configPath);
    const upkeepSeen: Record<string, number> = {};
    let n = 0;
    const scenario = async (webhooks: readonly Webhook[]): Promise<ScenarioCount> => {
      const before = await erp.counts();
      n += 1;
      const webhooksFile = writeJson(join(dir, `scenario-${n}.json`), webhooks);
      const sent = await runClient({ mode: 'list', url: `${serve.url}${webhookPath}`, connections: 1, shop: sim.shop.domain, secret: WEBHOOK_SECRET, webhooksFile });
      if ((sent.statuses['200'] ?? 0) !== webhooks.length) throw new Error(`scenario ${n}: serve answered ${JSON.stringify(sent.statuses)}`);
      await waitSettled(serve.url, 60_000);
      const counted = syncRequests(before, await erp.counts());
      for (const [key, count] of Object.entries(counted.upkeep)) upkeepSeen[key] = (upkeepSeen[key] ?? 0) + count;
      return { requests: counted.total, byPath: counted.byPath, webhooks: webhooks.map((w) => w.topic) };
    };
    try {
      const first = sim.driver.createOrder({ customer: 'new', financialStatus: 'paid' });
      const newCustomerPaid = await scenario(taken());
      sim.driver.createOrder({ customer: { id: first.customer!.id }, financialStatus: 'paid' });
      const knownWebhooks = taken();
      const knownCustomerPaid = await scenario(knownWebhooks);
      // Shopify's redelivery of a webhook already applied: the same X-Shopify-Webhook-Id, body and signature.
      const duplicate = await scenario(knownWebhooks.filter((w) => w.topic === 'orders/create'));
      // An orders/updated whose order changed nothing ERPNext holds (updated_at moves, as when an app edits a metafield).
      await sleep(1_100);
      sim.driver.updateOrder(first.id, {});
      const noopUpdate = await scenario(taken());
      return {
        newCustomerPaid: newCustomerPaid.requests,
        knownCustomerPaid: knownCustomerPaid.requests,
        duplicate: duplicate.requests,
        noopUpdate: noopUpdate.requests,
        detail: { newCustomerPaid, knownCustomerPaid, duplicate, noopUpdate },
        excluded: 'the Sync Log / Sync Failure / runner-health mirror calls (shopsync.api.record_*) and readiness pings',
        upkeepSeen,
      };
    } finally {
      await serve.stop();
    }
  } finally {
    await sim.close();
    await erp.stop();
    removeDir(dir);
  }
}

