import { demoSucceeded, runDemo, summaryText } from '@shopsync/demo';
import { rmSync } from 'node:fs';

// The main job (`npm run demo`), small: every order booked once, every payment, refund and invoice
// present, nothing different from Shopify — with webhooks duplicated, and some never sent, so the
// reconciliation rounds have to find and repair what they left out. Stock goes the other way: goods
// received and counted in ERPNext reach Shopify, Delivery Notes become fulfillments, and levels changed
// by hand in Shopify are drift that the operator's Retry sets back.

describe('the demo', () => {
  test('with duplicated and dropped webhooks, ERPNext holds every order exactly once, to the cent, and Shopify holds ERPNext’s stock', async () => {
    const summary = await runDemo(
      {
        orders: 40,
        duplicateRate: 0.3,
        dropRate: 0.15,
        returningRate: 0.3,
        guestRate: 0.1,
        pendingRate: 0.3,
        refundRate: 0.2,
        editRate: 0.5,
        deliveryRate: 0.3,
        manualStockChanges: 3,
        seed: 3,
        workerConcurrency: 4,
      },
      () => undefined,
    );
    rmSync(summary.stateDir, { recursive: true, force: true });
    expect(summary.droppedWebhooks).toBeGreaterThan(0);
    expect(summary.driftFound).toBeGreaterThan(0);
    expect(summary).toMatchObject({ salesOrders: 40, duplicatesInErpnext: 0, duplicateInvoicesOrPayments: 0, totalsNotMatchingShopify: 0, documentsMissing: 0, driftRemaining: 0, failed: 0 });
    expect(summary.syncLogs).toBe(summary.eventsStored);

    // ERPNext → Shopify: after the drain and the Retry of the drift failures, every item at every mapped
    // location is ERPNext's quantity; no echo was acted on; each change made by hand was one drift
    // failure whose Retry set Shopify back, and every other one is an order Shopify never sent a webhook
    // for (true then, gone once the reconciliation booked it); every Delivery Note is a fulfillment.
    expect(summary).toMatchObject({
      stockItems: 10,
      stockMoves: 5,
      manualStockChanges: 3,
      inventoryMismatches: 0,
      inventoryMismatchList: [],
      echoesApplied: 0,
      stockDriftRepaired: 3,
      deliveryNotesWithoutFulfillment: 0,
      shopifyThrottledFailures: 0,
    });
    expect(summary.stockDriftDetected).toBe(summary.manualStockChanges + summary.stockDriftFromLostWebhooks);
    expect(summary.stockPushes).toBeGreaterThanOrEqual(summary.stockMoves);
    expect(summary.echoesRecognised).toBeGreaterThan(0);
    expect(summary.deliveryNotes).toBeGreaterThan(0);
    expect(summary.fulfillmentsPushed).toBe(summary.deliveryNotes);
    expect(demoSucceeded(summary)).toBe(true);

    // The exit code follows the stock as well as the orders.
    expect(demoSucceeded({ ...summary, inventoryMismatches: 1 })).toBe(false);
    expect(demoSucceeded({ ...summary, echoesApplied: 1 })).toBe(false);
    expect(demoSucceeded({ ...summary, stockDriftDetected: summary.stockDriftDetected + 1 })).toBe(false);
    expect(demoSucceeded({ ...summary, deliveryNotesWithoutFulfillment: 1 })).toBe(false);
    expect(demoSucceeded({ ...summary, shopifyThrottledFailures: 1 })).toBe(false);

    const text = summaryText(summary);
    expect(text).toContain(`stock: 5 stock movements in ERPNext on 10 items → ${summary.stockPushes} inventorySetQuantities pushes to Shopify`);
    expect(text).toContain('stock: 3 levels changed by hand in Shopify');
    expect(text).toContain("items whose Shopify stock differs from ERPNext's: 0");
    expect(text).toContain(`fulfillments: ${summary.deliveryNotes} Delivery Notes in ERPNext → ${summary.fulfillmentsPushed} Shopify fulfillments`);
    expect(text).toContain("result: every order booked exactly once, and Shopify holds ERPNext's stock");
  }, 120_000);
});
