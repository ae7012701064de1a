// Throughput of the Shopify simulator's GraphQL Admin API (issue 4 asks for a measured number).
//   npx tsx scripts/bench-shopify-sim.ts [--requests N]
// In-process (no HTTP) and over loopback HTTP through the real client, with a bucket large enough
// never to throttle, so the numbers measure parsing, validation, cost and execution only.
import { parseArgs } from 'node:util';
import { createShopifyClient, SHOPIFY_DOCUMENTS } from '@shopsync/shopify-client';
import { createShopifySimulator } from '@shopsync/simulators';

const ORDER_BY_ID_DOCUMENT_TEXT = SHOPIFY_DOCUMENTS.find((d) => d.name === 'OrderById')?.text ?? '';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { requests: { type: 'string', default: '2000' } } });
  const requests = Number(values.requests);
  const sim = createShopifySimulator({ seed: 1, graphql: { plan: { bucketSize: 1e12, restoreRate: 1e12 } } });
  const orders = Array.from({ length: 20 }, () => sim.driver.createOrder({}));
  const ids = orders.map((o) => o.admin_graphql_api_id);

  const warm = await sim.graphql.execute({ query: ORDER_BY_ID_DOCUMENT_TEXT, variables: { id: ids[0] } });
  if (warm.status !== 200) throw new Error(`warm-up failed: ${JSON.stringify(warm.body)}`);

  let started = performance.now();
  for (let i = 0; i < requests; i += 1) await sim.graphql.execute({ query: ORDER_BY_ID_DOCUMENT_TEXT, variables: { id: ids[i % ids.length] } });
  const inProcess = requests / ((performance.now() - started) / 1000);

  const { url } = await sim.listen();
  const client = createShopifyClient({ shop: url, accessToken: 'bench' });
  started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < requests) {
        const id = ids[next % ids.length] as string;
        next += 1;
        await client.orders.get(id);
      }
    }),
  );
  // orders.get sends OrderById and OrderFulfillmentOrders: two GraphQL requests per order.
  const overHttp = (2 * requests) / ((performance.now() - started) / 1000);
  await sim.close();
  console.log(`OrderById in-process: ${inProcess.toFixed(0)} requests/s (${requests} requests)`);
  console.log(`client.orders.get over HTTP, 8 concurrent: ${overHttp.toFixed(0)} GraphQL requests/s`);
}

void main();
