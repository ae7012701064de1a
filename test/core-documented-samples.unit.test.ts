import { describeFailure, planEvent } from '@shopsync/core';
import { documentedPayload, documentedPayloadText, documentedVersions } from './support/documented-webhooks';
import { MAPPED_SETTINGS, SHOP } from './support/order-fixtures';

/**
 * Every documented order sample of every API version parses and plans, and the plans are pinned:
 * a change in what shopsync would do with Shopify's own examples shows up as a snapshot diff.
 * The samples are illustrative (a test order, cancelled, voided, totals that do not add up), so most
 * pin a skip or a failure — which is exactly what shopsync must do with such an order.
 */
const TOPICS = ['orders/create', 'orders/updated', 'orders/paid', 'orders/cancelled', 'orders/fulfilled', 'orders/partially_fulfilled', 'orders/edited', 'orders/delete', 'refunds/create', 'customers/create', 'customers/update', 'customers/delete', 'order_transactions/create'];

const cases = documentedVersions().flatMap((version) =>
  TOPICS.filter((topic) => documentedPayloadText(version, topic) !== null).map((topic) => [version, topic] as const),
);

describe('documented Shopify samples', () => {
  test('there are samples to check', () => {
    expect(cases.length).toBeGreaterThan(50);
  });

  test.each(cases)('%s %s plans without throwing, and the plan is pinned', (version, topic) => {
    const payload = documentedPayload(version, topic);
    const asIs = planEvent({ shop: SHOP, topic, payload }, MAPPED_SETTINGS);
    const asLiveOrder = planEvent({ shop: SHOP, topic, payload: { ...payload, test: false } }, { ...MAPPED_SETTINGS, syncTestOrders: true });
    const summary = (plan: typeof asIs) => ({
      outcome: plan.outcome,
      reason: plan.reason,
      operations: plan.operations.map((op) => `${op.kind} ${op.doctype} ${op.key}`),
      failure: plan.failure === null ? null : `${plan.failure.code}: ${describeFailure(plan.failure)}`,
    });
    expect({ asIs: summary(asIs), asLiveOrder: summary(asLiveOrder) }).toMatchSnapshot();
  });
});
