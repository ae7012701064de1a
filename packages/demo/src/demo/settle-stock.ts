import type { Runner, Store } from '@shopsync/runner';
import type { ShopifySimulator } from '@shopsync/simulators';

export interface StockParties {
  readonly runner: Pick<Runner, 'tailStock' | 'drained'>;
  readonly store: Pick<Store, 'counts'>;
  readonly shopify: Pick<ShopifySimulator, 'webhooks'>;
}

/**
 * Until quiet: read the Stock Ledger, deliver every webhook and drain the inbox. A push makes Shopify
 * send webhooks and a fulfillment makes ERPNext stock move, so one pass is not enough; a round that
 * stores nothing new ends it. False when work still flowed after `rounds`.
 */
export async function settleStock(parties: StockParties, rounds = 20): Promise<boolean> {
  for (let round = 0; round < rounds; round += 1) {
    const before = (await parties.store.counts()).deliveries;
    await parties.shopify.webhooks.drain();
    await parties.runner.tailStock();
    await parties.runner.drained();
    await parties.shopify.webhooks.drain();
    await parties.runner.drained();
    if ((await parties.store.counts()).deliveries === before) return true;
  }
  return false;
}
