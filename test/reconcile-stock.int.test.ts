import { parseStockFormula, DEFAULT_SYNC_SETTINGS } from '@shopsync/core';
import { createErpnextClient } from '@shopsync/erpnext-client';
import { createMemoryStore, reconcileStock } from '@shopsync/runner';
import { createShopifyClient } from '@shopsync/shopify-client';
import { createErpnextSimulator, createShopifySimulator, type ErpnextSimulator, type ShopifySimulator } from '@shopsync/simulators';

const formula = (() => {
  const parsed = parseStockFormula('actual_qty - reserved_qty');
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.formula;
})();

describe('reconcile compares stock per mapped location and records each difference as drift whose Retry pushes', () => {
  let erp: ErpnextSimulator;
  let shopify: ShopifySimulator;
  let erpUrl: string;
  let shopifyUrl: string;
  beforeEach(async () => {
    erp = createErpnextSimulator({ apiKey: 'k', apiSecret: 's' });
    erpUrl = (await erp.listen(0)).url;
    shopify = createShopifySimulator({ seed: 5, accessToken: 'shpat_x', webhookSecret: 'w', graphql: { plan: 'plus' } });
    shopifyUrl = (await shopify.listen(0)).url;
  });
  afterEach(async () => {
    await shopify.close();
    await erp.close();
  });

  test('only the item changed in Shopify by hand differs; recorded once as a drift failure naming both numbers', async () => {
    const locationId = String(shopify.shop.inventory.primaryLocation().id);
    const settings = { ...DEFAULT_SYNC_SETTINGS, locationWarehouses: { [locationId]: 'Stores - SD' } };
    const store = createMemoryStore();
    const options = {
      shop: shopify.shop.domain,
      shopify: createShopifyClient({ shop: shopifyUrl, accessToken: 'shpat_x' }),
      erpnext: createErpnextClient({ baseUrl: erpUrl, apiKey: 'k', apiSecret: 's' }),
      store,
      settings,
      formula,
    };
    const clean = await reconcileStock({ ...options, findings: null });
    // Both simulators start with the same stock of every SKU the shop sells (SKU-1010 has none in ERPNext).
    expect(clean.compared).toBeGreaterThan(5);
    const baseline = clean.mismatches.map((m) => m.sku);
    shopify.driver.changeInventory({ sku: 'SKU-1004', set: 61 });
    const found = await reconcileStock({ ...options, findings: { mode: 'record', store, now: () => new Date() } });
    const added = found.mismatches.filter((m) => !baseline.includes(m.sku));
    expect(added).toEqual([{ sku: 'SKU-1004', locationId, shopify: 61, erpnext: 100 }]);
    const again = await reconcileStock({ ...options, findings: { mode: 'record', store, now: () => new Date() } });
    expect(again.findingsRecorded).toBe(0);
    const failures = await store.failures({ status: 'open' });
    const drift = failures.find((failure) => failure.message.includes('SKU-1004'));
    expect(drift).toMatchObject({ code: 'drift.stock_differs', category: 'drift', topic: 'inventory_levels/update' });
    expect(drift!.message).toContain("is 61 available in Shopify, but ERPNext's Bins say 100 (found by reconciliation)");
  });
});
