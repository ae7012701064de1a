import nock from 'nock';
import { createShopifyClient } from '@shopsync/shopify-client';
import { createShopifySimulator } from '@shopsync/simulators';
import { shopifyGraphqlContract, type ContractTarget } from './support/shopify-graphql-contract';
import { fakeTime } from './support/shopify-graphql-time';

// The contract battery, once against the simulator (in-process, port 0) and once against a real
// dev store when SHOPIFY_SHOP and SHOPIFY_ACCESS_TOKEN are set.

const TOKEN = 'shpat_contract_token';
const time = fakeTime();

shopifyGraphqlContract('simulator', async (): Promise<ContractTarget> => {
  const sim = createShopifySimulator({ seed: 21, accessToken: TOKEN, now: time.now, timeScale: 1e6 });
  sim.driver.createOrder({ lines: [{ sku: 'SKU-1001', quantity: 2 }, { sku: 'SKU-1002' }] });
  time.advance(60_000);
  sim.driver.createOrder({ customer: null, lines: [{ sku: 'SKU-1003', quantity: 3 }], discount: { code: 'WELCOME10', percentage: 10 }, financialStatus: 'pending' });
  time.advance(60_000);
  const third = sim.driver.createOrder({ lines: [{ sku: 'SKU-1004' }], financialStatus: 'authorized' });
  time.advance(60_000);
  sim.driver.cancelOrder(third.id, { reason: 'customer' });
  const { url } = await sim.listen();
  const client = createShopifyClient({ shop: url, accessToken: TOKEN, sleep: time.sleep, clock: time.clock });
  return { client, shop: url, accessToken: TOKEN, sleep: time.sleep, webhookUri: 'http://127.0.0.1:9/shopsync-contract', close: () => sim.close() };
}, { now: time.now, writes: true });

const shop = process.env.SHOPIFY_SHOP;
const accessToken = process.env.SHOPIFY_ACCESS_TOKEN;

if (shop && accessToken) {
  shopifyGraphqlContract(`real dev store ${shop} (read-only and self-cleaning operations only)`, async () => {
    const host = new URL(/^https?:/.test(shop) ? shop : `https://${shop.includes('.') ? shop : `${shop}.myshopify.com`}`).hostname;
    nock.enableNetConnect(host);
    const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
    const client = createShopifyClient({ shop, accessToken, sleep });
    return { client, shop, accessToken, sleep, webhookUri: 'https://example.com/shopsync-contract', close: async () => undefined };
  }, { now: () => new Date(), writes: false });
} else {
  describe('Shopify Admin GraphQL contract: real dev store', () => {
    it.skip('SKIPPED — set SHOPIFY_SHOP and SHOPIFY_ACCESS_TOKEN to run this battery against a real dev store', () => undefined);
  });
}
