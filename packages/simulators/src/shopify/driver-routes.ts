import type { EditOrderInput } from './shop-order-edits';
import type { RefundOrderInput } from './shop-refunds';
import type { FulfilOrderInput, InventoryChangeInput, ShopifyDriver } from './shopify-driver';
import type { JsonReply } from './http-json';
import { ShopifySimulatorInputError, type CancelOrderInput, type CreateOrderInput, type CustomerInput, type UpdateCustomerInput, type UpdateOrderInput } from './shop-inputs';
import type { SubscribeInput } from './webhook-subscriptions';
import type { ShopifyWebhookDispatcher } from './webhook-dispatcher';
import type { ShopifyWebhookFaults } from './webhook-faults';

// Bodies are untrusted JSON objects cast to the driver's input types; the shop validates what it
// relies on (SKUs, quantities, ids, states) and answers 422 naming the field.
type Handler = (params: { id: number }, body: object) => JsonReply | Promise<JsonReply>;
interface Route {
  method: string;
  pattern: RegExp;
  handler: Handler;
}

const ok = (body: unknown, status = 200): JsonReply => ({ status, body });

/**
 * The `/_sim/*` HTTP twin of the in-process driver, so a demo or a process in another language can
 * drive the shop. Bodies are the same option objects the in-process functions take.
 */
export function driverRoutes(driver: ShopifyDriver, webhooks: ShopifyWebhookDispatcher): Route[] {
  const id = ':id';
  const route = (method: string, path: string, handler: Handler): Route => ({
    method,
    pattern: new RegExp(`^${path.replace(id, '(\\d+)')}$`),
    handler,
  });
  return [
    route('POST', '/_sim/customers', (_p, body) => ok(driver.createCustomer(body as CustomerInput), 201)),
    route('GET', `/_sim/customers/${id}`, (p) => ok(driver.getCustomer(p.id))),
    route('PUT', `/_sim/customers/${id}`, (p, body) => ok(driver.updateCustomer(p.id, body as UpdateCustomerInput))),
    route('POST', '/_sim/orders', (_p, body) => ok(driver.createOrder(body as CreateOrderInput), 201)),
    route('GET', `/_sim/orders/${id}`, (p) => ok(driver.getOrder(p.id))),
    route('PUT', `/_sim/orders/${id}`, (p, body) => ok(driver.updateOrder(p.id, body as UpdateOrderInput))),
    route('POST', `/_sim/orders/${id}/pay`, (p) => ok(driver.payOrder(p.id))),
    route('POST', `/_sim/orders/${id}/cancel`, (p, body) => ok(driver.cancelOrder(p.id, body as CancelOrderInput))),
    route('POST', `/_sim/orders/${id}/fulfil`, (p, body) => ok(driver.fulfilOrder(p.id, body as FulfilOrderInput))),
    route('POST', `/_sim/orders/${id}/edit`, (p, body) => ok(driver.editOrder(p.id, body as EditOrderInput))),
    route('POST', `/_sim/orders/${id}/refund`, (p, body) => ok(driver.refundOrder(p.id, body as RefundOrderInput))),
    route('POST', '/_sim/inventory', (_p, body) => ok(driver.changeInventory(body as InventoryChangeInput))),
    route('POST', '/_sim/webhooks/subscriptions', (_p, body) => ok(webhooks.subscriptions.subscribe(body as SubscribeInput), 201)),
    route('GET', '/_sim/webhooks/subscriptions', () => ok(webhooks.subscriptions.list())),
    route('DELETE', `/_sim/webhooks/subscriptions/${id}`, (p) => (webhooks.subscriptions.unsubscribe(p.id) ? ok({}) : { status: 404, body: { errors: 'Not Found' } })),
    route('POST', '/_sim/webhooks/drain', async () => {
      await webhooks.drain();
      return ok(webhooks.stats());
    }),
    route('GET', '/_sim/webhooks/stats', () => ok(webhooks.stats())),
    route('GET', '/_sim/webhooks/deliveries', () => ok(webhooks.deliveries().map(({ body, ...rest }) => ({ ...rest, body: body.toString('utf8') })))),
    route('PUT', '/_sim/webhooks/faults', (_p, body) => {
      try {
        webhooks.configure(body as ShopifyWebhookFaults);
      } catch (err) {
        throw new ShopifySimulatorInputError('faults', (err as Error).message);
      }
      return ok({});
    }),
  ];
}

export function matchRoute(routes: readonly Route[], method: string, path: string): { handler: Handler; params: { id: number } } | 'method-not-allowed' | null {
  let pathMatched = false;
  for (const r of routes) {
    const m = r.pattern.exec(path);
    if (!m) continue;
    pathMatched = true;
    if (r.method === method) return { handler: r.handler, params: { id: Number(m[1] ?? NaN) } };
  }
  return pathMatched ? 'method-not-allowed' : null;
}
