import { createGraphqlTransport, createShopifyClient, SHOPIFY_ADMIN_API_VERSION, toShopifyError } from '@shopsync/shopify-client';
import { createShopifySimulator, type ShopifySimulator } from '@shopsync/simulators';
import { fakeTime } from './support/shopify-graphql-time';

// The simulator refuses what Shopify refuses before anything runs, in Shopify's shapes (capture
// graphql-base-validation-unhappy-paths, 2025-01): a document that does not parse, and an ID
// variable that is not a global id. Never more forgiving than Shopify: no silent null data.

const TOKEN = 'shpat_sim_errors';
const opened: ShopifySimulator[] = [];
afterEach(async () => {
  for (const sim of opened.splice(0)) await sim.close();
});

function simulator(): ShopifySimulator {
  const time = fakeTime();
  const sim = createShopifySimulator({ seed: 9, now: time.now, accessToken: TOKEN });
  opened.push(sim);
  return sim;
}

const BROKEN = 'query GraphqlBaseValidationInvalidSyntax {\n  shop {\n    id\n';
const ORDER = 'query OrderId($id: ID!) { order(id: $id) { id } }';

describe('a syntax error', () => {
  it('is answered like Shopify: HTTP 200, PARSE_ERROR at the last token read, no data, no cost, nothing charged', async () => {
    const sim = simulator();
    const reply = await sim.graphql.execute({ query: BROKEN });
    expect(reply).toEqual({
      status: 200,
      body: { errors: [{ message: 'syntax error, unexpected end of file at [3, 5]', locations: [{ line: 3, column: 5 }], extensions: { code: 'PARSE_ERROR' } }] },
    });
    const stray = await sim.graphql.execute({ query: '{ shop { id } ) }' });
    expect(stray.body).toEqual({ errors: [{ message: 'syntax error, unexpected RPAREN (")") at [1, 15]', locations: [{ line: 1, column: 15 }], extensions: { code: 'PARSE_ERROR' } }] });
    expect(sim.graphql.throttleStatus().currentlyAvailable).toBe(2000);
    expect(sim.graphql.stats()).toMatchObject({ requests: 2, invalid: 2, requestedCost: 0 });
  });

  it('reaches the client over HTTP and becomes shopify.invalid_query, not a generic error', async () => {
    const sim = simulator();
    const { url } = await sim.listen();
    // The client only sends parsed, registered documents, so the broken text goes through its transport.
    const send = createGraphqlTransport({ shop: url, accessToken: TOKEN, apiVersion: SHOPIFY_ADMIN_API_VERSION, timeoutMs: 5000 });
    const response = await send(BROKEN, {});
    expect(response.status).toBe(200);
    const error = toShopifyError({ kind: 'graphql', body: response.body }, { document: 'Broken' });
    expect(error).toMatchObject({ code: 'shopify.invalid_query', category: 'internal', retryable: false, details: { graphqlCodes: ['PARSE_ERROR'], action: 'fix_query' } });
    expect(error.message).toMatch(/^The Broken query itself is invalid \(PARSE_ERROR\).*syntax error, unexpected end of file at \[3, 5\]$/);
  });
});

describe('an ID variable that is not a global id', () => {
  it('is refused with INVALID_VARIABLE and Shopify\'s "Invalid global id" problem, instead of null data', async () => {
    const sim = simulator();
    const reply = await sim.graphql.execute({ query: ORDER, variables: { id: '12345' } });
    expect(reply).toEqual({
      status: 200,
      body: {
        errors: [{
          message: 'Variable $id of type ID! was provided invalid value',
          locations: [{ line: 1, column: 15 }],
          extensions: { code: 'INVALID_VARIABLE', value: '12345', problems: [{ path: [], explanation: "Invalid global id '12345'", message: "Invalid global id '12345'" }] },
        }],
      },
    });
    const listed = await sim.graphql.execute({ query: 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', variables: { ids: ['gid://shopify/Order/1', 'gid://shopify/Order'] } });
    expect(listed.body).toMatchObject({ errors: [{ message: "Variable $ids of type [ID!]! was provided invalid value for 1 (Invalid global id 'gid://shopify/Order')", extensions: { code: 'INVALID_VARIABLE', problems: [{ path: [1] }] } }] });
    const nested = await sim.graphql.execute({
      query: 'mutation($input: InventorySetQuantitiesInput!) { inventorySetQuantities(input: $input) { userErrors { message } } }',
      variables: { input: { name: 'available', reason: 'correction', quantities: [{ inventoryItemId: 42, locationId: 'gid://shopify/Location/1', quantity: 1, changeFromQuantity: null }] } },
    });
    expect(nested.body).toMatchObject({ errors: [{ message: "Variable $input of type InventorySetQuantitiesInput! was provided invalid value for quantities.0.inventoryItemId (Invalid global id '42')", extensions: { code: 'INVALID_VARIABLE', problems: [{ path: ['quantities', 0, 'inventoryItemId'] }] } }] });
    expect(nested.body).not.toHaveProperty('data');
  });

  it('still answers a well-formed global id of no known record with null, as Shopify does', async () => {
    const sim = simulator();
    const reply = await sim.graphql.execute({ query: 'query($a: ID!, $b: ID!) { a: node(id: $a) { id } b: node(id: $b) { id } }', variables: { a: 'gid://shopify/Order/1', b: 'gid://shopify/UnknownType/123' } });
    expect(reply.body).toMatchObject({ data: { a: null, b: null } });
    expect(reply.body).not.toHaveProperty('errors');
  });

  it('reaches the real client as shopify.invalid_variables, which it does not retry', async () => {
    const sim = simulator();
    const { url } = await sim.listen();
    const client = createShopifyClient({ shop: url, accessToken: TOKEN, sleep: async () => undefined });
    await expect(client.orders.get('12345')).rejects.toMatchObject({ code: 'shopify.invalid_variables', category: 'internal', retryable: false, details: { graphqlCodes: ['INVALID_VARIABLE'], document: 'OrderById' } });
    await expect(client.orders.get('gid://shopify/Order/1')).resolves.toBeNull();
    expect(sim.graphql.stats()).toMatchObject({ requests: 2, invalid: 1 });
  });
});
