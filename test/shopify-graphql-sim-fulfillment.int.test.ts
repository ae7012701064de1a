import { createShopifySimulator, type ShopifySimulator } from '@shopsync/simulators';
import { startWebhookReceiver, type WebhookReceiver } from './support/shopify-webhook-receiver';
import { fakeTime } from './support/shopify-graphql-time';

// fulfillmentCreate in the simulator: Shopify's userErrors (notes §5), the fulfillment-order state
// it leaves behind, and the webhooks it fires.

const SECRET = 'fulfil-secret';
const FOS = 'query($id: ID!) { order(id: $id) { displayFulfillmentStatus fulfillmentOrders(first: 5) { nodes { id status lineItems(first: 10) { nodes { id remainingQuantity lineItem { sku } } } } } } }';
const CREATE = 'mutation($f: FulfillmentInput!) { fulfillmentCreate(fulfillment: $f) { fulfillment { name status displayStatus trackingInfo { company number url } } userErrors { field message } } }';

let sim: ShopifySimulator;
let receiver: WebhookReceiver;
beforeEach(async () => {
  receiver = await startWebhookReceiver(SECRET);
  sim = createShopifySimulator({ seed: 17, now: fakeTime().now, webhookSecret: SECRET, timeScale: 1e6 });
  for (const topic of ['fulfillments/create', 'orders/partially_fulfilled', 'orders/fulfilled']) sim.webhooks.subscribe({ topic, address: receiver.url });
});
afterEach(async () => {
  await sim.close();
  await receiver.close();
});

type FoNode = { id: string; status: string; lineItems: { nodes: { id: string; remainingQuantity: number; lineItem: { sku: string } }[] } };
async function fulfillmentOrders(orderGid: string) {
  const body = (await sim.graphql.execute({ query: FOS, variables: { id: orderGid } })).body as { data: { order: { displayFulfillmentStatus: string; fulfillmentOrders: { nodes: FoNode[] } } } };
  return body.data.order;
}
const create = async (f: unknown) => ((await sim.graphql.execute({ query: CREATE, variables: { f } })).body as { data: { fulfillmentCreate: { fulfillment: unknown; userErrors: unknown[] } } }).data.fulfillmentCreate;

it('fulfils part of an order, then the rest, with tracking and webhooks, and refuses what remains no more', async () => {
  const order = sim.driver.createOrder({ lines: [{ sku: 'SKU-1008', quantity: 3 }] });
  const [fo] = (await fulfillmentOrders(order.admin_graphql_api_id)).fulfillmentOrders.nodes;
  const line = fo?.lineItems.nodes[0];
  if (!fo || !line) throw new Error('no fulfillment order');
  const part = await create({ lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: fo.id, fulfillmentOrderLineItems: [{ id: line.id, quantity: 2 }] }], trackingInfo: { company: 'DHL', numbers: ['A1', 'A2'], urls: ['https://dhl.example/A1'] } });
  expect(part).toEqual({ fulfillment: { name: `${order.name}.1`, status: 'SUCCESS', displayStatus: 'FULFILLED', trackingInfo: [{ company: 'DHL', number: 'A1', url: 'https://dhl.example/A1' }, { company: 'DHL', number: 'A2', url: null }] }, userErrors: [] });
  expect(await fulfillmentOrders(order.admin_graphql_api_id)).toMatchObject({ displayFulfillmentStatus: 'PARTIALLY_FULFILLED', fulfillmentOrders: { nodes: [{ status: 'IN_PROGRESS', lineItems: { nodes: [{ remainingQuantity: 1 }] } }] } });
  expect(await create({ lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: fo.id, fulfillmentOrderLineItems: [{ id: line.id, quantity: 2 }] }] })).toEqual({ fulfillment: null, userErrors: [{ field: ['fulfillment'], message: 'Invalid fulfillment order line item quantity requested.' }] });
  expect(await create({ lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: fo.id, fulfillmentOrderLineItems: [{ id: line.id, quantity: 0 }] }] })).toEqual({ fulfillment: null, userErrors: [{ field: ['fulfillment', 'lineItemsByFulfillmentOrder', '0', 'fulfillmentOrderLineItems', '0', 'quantity'], message: 'Quantity must be greater than 0' }] });
  expect(await create({ lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: fo.id }] })).toMatchObject({ fulfillment: { name: `${order.name}.2` }, userErrors: [] });
  const closedId = fo.id.split('/').pop();
  expect(await create({ lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: fo.id }] })).toEqual({ fulfillment: null, userErrors: [{ field: ['fulfillment'], message: `Fulfillment order ${closedId} has an unfulfillable status= closed.` }] });
  expect(await create({ lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: 'gid://shopify/FulfillmentOrder/1' }] })).toEqual({ fulfillment: null, userErrors: [{ field: ['fulfillment'], message: 'Fulfillment order does not exist.' }] });
  await sim.webhooks.drain();
  expect(receiver.received.map((r) => r.headers['x-shopify-topic'])).toEqual(['fulfillments/create', 'orders/partially_fulfilled', 'fulfillments/create', 'orders/fulfilled']);
  const payload = JSON.parse(receiver.received[0]?.rawBody.toString('utf8') ?? '{}') as Record<string, unknown>;
  expect(payload).toMatchObject({ order_id: order.id, status: 'success', tracking_company: 'DHL', tracking_numbers: ['A1', 'A2'], line_items: [expect.objectContaining({ sku: 'SKU-1008', quantity: 2 })] });
  expect(sim.driver.getOrder(order.id)).toMatchObject({ fulfillment_status: 'fulfilled', fulfillments: [expect.objectContaining({ name: `${order.name}.1` }), expect.objectContaining({ name: `${order.name}.2` })] });
});
