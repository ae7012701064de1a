import { createShopifySimulator, type ShopifyOrderJson } from '@shopsync/simulators';
import { parseAmountToCents } from '../packages/simulators/src/shopify/money';
import { documentedSample, inferredSchema, keyShapeDiff } from './support/shopify-payload-shape';

// Payloads are built by the simulator itself; these tests hold them to Shopify's documented 2026-07
// samples (key sets, nesting) and to arithmetic a receiver will rely on (money adds up, ids agree).

const VERSION = '2026-07';
const CLOCK = new Date('2026-11-27T15:15:00Z');

function simulator(options: Parameters<typeof createShopifySimulator>[0] = {}) {
  return createShopifySimulator({ seed: 7, now: () => CLOCK, ...options });
}

function cents(amount: string): number {
  return parseAmountToCents(amount);
}

function sumCents(amounts: string[]): number {
  return amounts.reduce((total, a) => total + cents(a), 0);
}

/** Every money fact a receiver derives from an order payload. */
function expectMoneyAddsUp(order: ShopifyOrderJson): void {
  const lineItems = order.line_items.reduce((total, l) => total + cents(l.price) * l.quantity, 0);
  const discounts = sumCents(order.line_items.flatMap((l) => l.discount_allocations.map((d) => d.amount)));
  const lineTax = sumCents(order.line_items.flatMap((l) => l.tax_lines.map((t) => t.price)));
  const shippingTax = sumCents(order.shipping_lines.flatMap((s) => s.tax_lines.map((t) => t.price)));
  const shipping = sumCents(order.shipping_lines.map((s) => s.price));
  expect(cents(order.total_line_items_price)).toBe(lineItems);
  expect(cents(order.total_discounts)).toBe(discounts);
  expect(cents(order.subtotal_price)).toBe(lineItems - discounts);
  expect(cents(order.total_shipping_price_set.shop_money.amount)).toBe(shipping);
  expect(cents(order.total_tax)).toBe(lineTax + shippingTax);
  expect(sumCents(order.tax_lines.map((t) => t.price))).toBe(lineTax + shippingTax);
  const tax = order.taxes_included ? 0 : lineTax + shippingTax;
  expect(cents(order.total_price)).toBe(lineItems - discounts + shipping + tax);
  expect(order.total_price_set.shop_money.amount).toBe(order.total_price);
  expect(order.total_price_set.presentment_money.amount).toBe(order.total_price);
  expect(order.current_total_price).toBe(order.total_price);
  expect(order.current_total_price_set).toEqual(order.total_price_set);
  expect(order.subtotal_price_set.shop_money.amount).toBe(order.subtotal_price);
  for (const line of order.line_items) expect(line.price_set.shop_money.amount).toBe(line.price);
}

describe('order payloads match the documented 2026-07 samples', () => {
  const sim = simulator();
  const created = sim.driver.createOrder({
    lines: [{ sku: 'SKU-1001', quantity: 3 }, { sku: 'SKU-1004', quantity: 1 }, { sku: 'SKU-1010', quantity: 2 }],
    discount: { code: 'WELCOME10', percentage: 10 },
    financialStatus: 'pending',
  });
  const paid = sim.driver.payOrder(created.id);
  const cancelled = sim.driver.cancelOrder(sim.driver.createOrder({}).id, { reason: 'customer' });
  const updated = sim.driver.updateOrder(created.id, { note: 'gift', tags: ['vip'] });

  it.each([
    ['orders/create', created],
    ['orders/paid', paid],
    ['orders/cancelled', cancelled],
    ['orders/updated', updated],
  ])('%s has exactly the documented key set, recursively', (topic, payload) => {
    const roundTripped = JSON.parse(JSON.stringify(payload)) as unknown;
    expect(keyShapeDiff(roundTripped, documentedSample(VERSION, topic), inferredSchema(VERSION, topic))).toEqual([]);
  });

  it('the shape check itself notices missing, extra and undocumented nested keys', () => {
    const topic = 'orders/create';
    const { email: _dropped, ...withoutEmail } = created;
    const [firstLine] = created.line_items;
    if (!firstLine) throw new Error('expected a line');
    const odd = { ...created, extra: 1, line_items: [{ ...firstLine, tax_lines: [{ ...firstLine.tax_lines[0], zone: 'x' }] }] };
    expect(keyShapeDiff(withoutEmail, documentedSample(VERSION, topic), inferredSchema(VERSION, topic))).toEqual(['$.email missing']);
    expect(keyShapeDiff(odd, documentedSample(VERSION, topic), inferredSchema(VERSION, topic))).toEqual([
      '$.extra not in the documented sample',
      '$.line_items[0].tax_lines[0].zone not in the inferred schema',
    ]);
  });

  it('fills the arrays the sample leaves empty (tax lines, discounts) in the documented shapes', () => {
    expect(created.discount_applications).toHaveLength(1);
    expect(created.discount_codes).toEqual([{ code: 'WELCOME10', amount: created.total_discounts, type: 'percentage' }]);
    expect(created.line_items.every((l) => l.tax_lines.length === 1 && l.discount_allocations.length === 1)).toBe(true);
  });

  it.each([
    ['created', created],
    ['paid', paid],
    ['cancelled', cancelled],
  ])('money adds up to the cent (%s)', (_name, order) => {
    expectMoneyAddsUp(order);
  });

  it('keeps totals consistent with taxes included and taxed shipping', () => {
    const inclusive = simulator({ taxesIncluded: true, taxShipping: true, taxRate: 0.2 }).driver.createOrder({ discount: { code: 'X', percentage: 15 } });
    expectMoneyAddsUp(inclusive);
    expect(cents(inclusive.total_price)).toBe(cents(inclusive.subtotal_price) + cents(inclusive.total_shipping_price_set.shop_money.amount));
  });

  it('moves financial status and timestamps with each action', () => {
    expect([created.financial_status, paid.financial_status]).toEqual(['pending', 'paid']);
    expect(created.total_outstanding).toBe(created.total_price);
    expect(paid.total_outstanding).toBe('0.00');
    expect(cancelled).toMatchObject({ cancel_reason: 'customer', financial_status: 'paid', closed_at: cancelled.cancelled_at });
    // The clock is frozen, yet every change must still move updated_at forward.
    expect(created.created_at).toBe('2026-11-27T10:15:00-05:00');
    expect(created.updated_at).toBe('2026-11-27T10:15:00-05:00');
    expect(paid.updated_at).toBe('2026-11-27T10:15:01-05:00');
    expect(cancelled.cancelled_at).toBe(cancelled.updated_at);
  });
});

describe('ids', () => {
  const sim = simulator();
  const order = sim.driver.createOrder({});
  const json = JSON.stringify(order);

  it('are JSON numbers of realistic magnitude, below 2^53, matching their GIDs', () => {
    const parsed = JSON.parse(json) as ShopifyOrderJson;
    const customer = parsed.customer;
    if (!customer?.default_address) throw new Error('expected a customer with an address');
    const pairs: [number, string, string][] = [
      [parsed.id, parsed.admin_graphql_api_id, 'Order'],
      [customer.id, customer.admin_graphql_api_id, 'Customer'],
      ...parsed.line_items.map((l): [number, string, string] => [l.id, l.admin_graphql_api_id, 'LineItem']),
    ];
    for (const [id, gid, type] of pairs) {
      expect(typeof id).toBe('number');
      expect(Number.isSafeInteger(id)).toBe(true);
      expect(id).toBeGreaterThan(1e12);
      expect(id).toBeLessThan(1e14);
      expect(gid).toBe(`gid://shopify/${type}/${id}`);
    }
    expect(customer.default_address.customer_id).toBe(customer.id);
    expect(json).toMatch(new RegExp(`^\\{"id":${parsed.id},`));
  });

  it('are deterministic for a seed and differ between seeds', () => {
    expect(JSON.stringify(simulator().driver.createOrder({}))).toBe(json);
    expect(simulator({ seed: 8 }).driver.createOrder({}).id).not.toBe(order.id);
  });
});

describe('customers', () => {
  it('customers/create and customers/update have exactly the documented key set', () => {
    const sim = simulator();
    const customer = sim.driver.createCustomer({ firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' });
    const updated = sim.driver.updateCustomer(customer.id, { note: 'prefers email' });
    for (const [topic, payload] of [['customers/create', customer], ['customers/update', updated]] as const) {
      expect(keyShapeDiff(JSON.parse(JSON.stringify(payload)), documentedSample(VERSION, topic), inferredSchema(VERSION, topic))).toEqual([]);
    }
    expect(customer).toMatchObject({ first_name: 'Ada', email: 'ada@example.com', admin_graphql_api_id: `gid://shopify/Customer/${customer.id}` });
    expect(customer.addresses).toEqual([customer.default_address]);
    expect(updated).toMatchObject({ note: 'prefers email', created_at: customer.created_at, updated_at: '2026-11-27T10:15:01-05:00' });
  });

  it('orders reuse an existing customer, create a new one, or have none for a guest', () => {
    const sim = simulator();
    const existing = sim.driver.createCustomer({});
    expect(sim.driver.createOrder({ customer: { id: existing.id } }).customer?.id).toBe(existing.id);
    expect(sim.driver.createOrder({ customer: 'new' }).customer?.id).not.toBe(existing.id);
    const guest = sim.driver.createOrder({ customer: null, email: 'guest@example.com' });
    expect(guest.customer).toBeNull();
    expect(guest.email).toBe('guest@example.com');
    expect(sim.shop.customers.size).toBe(2);
  });
});

describe('catalogue', () => {
  it('offers SKU-1001 … SKU-1010 at fixed prices and rejects unknown SKUs', () => {
    const sim = simulator();
    expect([...sim.shop.catalogue.keys()]).toEqual(Array.from({ length: 10 }, (_, i) => `SKU-${1001 + i}`));
    expect(sim.driver.createOrder({ lines: [{ sku: 'SKU-1007', quantity: 2 }] }).line_items[0]).toMatchObject({ sku: 'SKU-1007', price: '64.95', quantity: 2 });
    expect(() => sim.driver.createOrder({ lines: [{ sku: 'NOPE' }] })).toThrow(/not in the catalogue/);
  });
});
