import { demoSucceeded, runDemo } from '@shopsync/demo';
import { rmSync } from 'node:fs';

// The main job (`npm run demo`), small: every order booked once, every payment, refund and invoice
// present, nothing different from Shopify — with webhooks duplicated, and some never sent, so the
// reconciliation at its end has to find and repair what they left out.

describe('the demo', () => {
  test('with duplicated and dropped webhooks, ERPNext ends up holding every order exactly once, to the cent', async () => {
    const summary = await runDemo(
      { orders: 40, duplicateRate: 0.3, dropRate: 0.15, returningRate: 0.3, guestRate: 0.1, pendingRate: 0.3, refundRate: 0.2, editRate: 0.5, seed: 3, workerConcurrency: 4 },
      () => undefined,
    );
    rmSync(summary.stateDir, { recursive: true, force: true });
    expect(summary.droppedWebhooks).toBeGreaterThan(0);
    expect(summary.driftFound).toBeGreaterThan(0);
    expect(summary).toMatchObject({ salesOrders: 40, duplicatesInErpnext: 0, duplicateInvoicesOrPayments: 0, totalsNotMatchingShopify: 0, documentsMissing: 0, driftRemaining: 0, failed: 0 });
    expect(summary.syncLogs).toBe(summary.eventsStored);
    expect(demoSucceeded(summary)).toBe(true);
  }, 60_000);
});
