import {
  advanceStockLedger,
  classifyLevelUpdate,
  deliveryNotesOf,
  evaluateStockFormula,
  groupStockChanges,
  parseStockFormula,
  planStockPush,
  readFrom,
  START_OF_LEDGER,
  unbookedUnits,
  type ShopifyOrder,
  type StockLedgerRow,
} from '@shopsync/core';

const row = (name: string, creation: string, extra: Partial<StockLedgerRow> = {}): StockLedgerRow => ({
  name,
  creation,
  item_code: 'SKU-1',
  warehouse: 'Stores - SD',
  voucher_type: 'Stock Entry',
  voucher_no: `MAT-STE-${name}`,
  actual_qty: 5,
  is_cancelled: 0,
  ...extra,
});

describe('the stock formula', () => {
  test('defaults to what is on the shelf minus what Sales Orders hold, floored at 0 and to whole units', () => {
    const parsed = parseStockFormula('actual_qty - reserved_qty');
    if (!parsed.ok) throw new Error(parsed.error);
    expect(evaluateStockFormula(parsed.formula, [{ actual_qty: 10.7, reserved_qty: 3 }])).toBe(7);
    expect(evaluateStockFormula(parsed.formula, [{ actual_qty: 2, reserved_qty: 3 }])).toBe(0);
    // Several warehouses of one location are summed before the floor.
    expect(evaluateStockFormula(parsed.formula, [{ actual_qty: 4, reserved_qty: 5 }, { actual_qty: 6 }])).toBe(5);
  });

  test('an unknown field or a stray word is refused, naming it', () => {
    expect(parseStockFormula('actual_qty - sold')).toEqual({ ok: false, error: expect.stringContaining('"sold" is not a Bin quantity field') });
    expect(parseStockFormula('actual_qty reserved_qty')).toEqual({ ok: false, error: 'expected + or - before "reserved_qty"' });
    expect(parseStockFormula('  ')).toEqual({ ok: false, error: 'the formula is empty' });
    expect(parseStockFormula('projected_qty+reserved_qty')).toEqual({ ok: true, formula: [{ sign: 1, field: 'projected_qty' }, { sign: 1, field: 'reserved_qty' }] });
  });
});

describe('the Stock Ledger tail', () => {
  const OVERLAP = 60_000;

  test('a read starts the overlap before the cursor, and an entry read twice is taken once', () => {
    const first = advanceStockLedger(START_OF_LEDGER, [row('a', '2026-12-05 10:00:00.000001'), row('b', '2026-12-05 10:00:30')], OVERLAP);
    expect(first.fresh.map((r) => r.name)).toEqual(['a', 'b']);
    expect(first.cursor.creation).toBe('2026-12-05 10:00:30.000000');
    expect(readFrom(first.cursor, OVERLAP)).toBe('2026-12-05 09:59:30.000000');
    // A late-committed entry (older creation than the cursor) appears in the next read with the two already seen.
    const second = advanceStockLedger(first.cursor, [row('a', '2026-12-05 10:00:00.000001'), row('late', '2026-12-05 10:00:10.5'), row('b', '2026-12-05 10:00:30')], OVERLAP);
    expect(second.fresh.map((r) => r.name)).toEqual(['late']);
  });

  test('names older than the window are forgotten, so the cursor stays small', () => {
    const first = advanceStockLedger(START_OF_LEDGER, [row('a', '2026-12-05 10:00:00.000000')], OVERLAP);
    const later = advanceStockLedger(first.cursor, [row('z', '2026-12-05 10:05:00.000000')], OVERLAP);
    expect(later.cursor.seen.map((entry) => entry.name)).toEqual(['z']);
  });

  test('entries group per mapped location (many warehouses to one), unmapped warehouses on their own', () => {
    const rows = [
      row('1', '2026-12-05 10:00:00', { warehouse: 'Stores - SD', item_code: 'SKU-1' }),
      row('2', '2026-12-05 10:00:01', { warehouse: 'Finished Goods - SD', item_code: 'SKU-1', voucher_type: 'Purchase Receipt', voucher_no: 'MAT-PRE-1' }),
      row('3', '2026-12-05 10:00:02', { warehouse: 'Work In Progress - SD', item_code: 'SKU-2' }),
    ];
    const groups = groupStockChanges(rows, { '77': ['Stores - SD', 'Finished Goods - SD'] });
    expect(groups.map((group) => [group.locationId, group.warehouse, group.items.map((item) => item.itemCode), group.entries])).toEqual([
      ['77', null, ['SKU-1'], ['1', '2']],
      [null, 'Work In Progress - SD', ['SKU-2'], ['3']],
    ]);
    expect(groups[0]!.items[0]!.vouchers.map((v) => `${v.type} ${v.name}`)).toEqual(['Stock Entry MAT-STE-1', 'Purchase Receipt MAT-PRE-1']);
  });

  test('Delivery Notes are found once each: submitted by their outgoing entries, cancelled by their cancelled ones', () => {
    const rows = [
      row('1', '2026-12-05 10:00:00', { voucher_type: 'Delivery Note', voucher_no: 'DN-1', actual_qty: -1 }),
      row('2', '2026-12-05 10:00:00', { voucher_type: 'Delivery Note', voucher_no: 'DN-1', actual_qty: -2, item_code: 'SKU-2' }),
      row('3', '2026-12-05 10:00:01', { voucher_type: 'Delivery Note', voucher_no: 'DN-0', actual_qty: 1, is_cancelled: 1 }),
    ];
    expect(deliveryNotesOf(rows)).toEqual({ submitted: ['DN-1'], cancelled: ['DN-0'] });
  });
});

describe('the push plan', () => {
  const formula = [
    { sign: 1, field: 'actual_qty' },
    { sign: -1, field: 'reserved_qty' },
  ] as const;

  test('pushes only what differs, takes the unbooked units off, and reports unlinked and unstocked items', () => {
    const plan = planStockPush({
      itemCodes: ['SKU-1', 'SKU-2', 'SKU-3', 'SKU-4', 'SKU-1'],
      formula,
      binsByItem: new Map([
        ['SKU-1', [{ actual_qty: 20, reserved_qty: 2 }]],
        ['SKU-2', [{ actual_qty: 5 }]],
      ]),
      unbookedByItem: new Map([['SKU-1', 3]]),
      inventoryItemByItem: new Map([
        ['SKU-1', 'gid://shopify/InventoryItem/1'],
        ['SKU-2', 'gid://shopify/InventoryItem/2'],
        ['SKU-4', 'gid://shopify/InventoryItem/4'],
      ]),
      shopifyAvailable: new Map([
        ['gid://shopify/InventoryItem/1', 9],
        ['gid://shopify/InventoryItem/2', 5],
      ]),
    });
    expect(plan.pushes).toEqual([{ itemCode: 'SKU-1', inventoryItemId: 'gid://shopify/InventoryItem/1', quantity: 15, changeFromQuantity: 9, erpnextQuantity: 18, unbooked: 3 }]);
    expect(plan.unchanged).toEqual([{ itemCode: 'SKU-2', quantity: 5 }]);
    expect(plan.unlinked).toEqual(['SKU-3']);
    expect(plan.notStocked).toEqual(['SKU-4']);
  });

  test('an inbound level is our echo, consistent with ERPNext, or drift with both numbers', () => {
    const pushes = [{ quantity: 15, at: '2026-12-05T10:00:00.000Z' }];
    expect(classifyLevelUpdate(15, pushes, 14)).toEqual({ kind: 'echo', pushedAt: '2026-12-05T10:00:00.000Z' });
    expect(classifyLevelUpdate(14, pushes, 14)).toEqual({ kind: 'consistent' });
    expect(classifyLevelUpdate(3, pushes, 14)).toEqual({ kind: 'drift', shopify: 3, erpnext: 14 });
  });

  test('unbooked units count at the order’s mapped location, else the default warehouse’s; cancelled orders and gift cards hold none', () => {
    const line = (sku: string | null, currentQuantity: number, giftCard = false) => ({ sku, currentQuantity, giftCard }) as unknown as ShopifyOrder['lineItems'][number];
    const order = (locationId: string | null, lines: ShopifyOrder['lineItems'], cancelledAt: string | null = null) => ({ locationId, lineItems: lines, cancelledAt }) as unknown as ShopifyOrder;
    const units = unbookedUnits(
      [order(null, [line('SKU-1', 2), line('GIFT', 1, true)]), order('88', [line('SKU-1', 1)]), order(null, [line('SKU-1', 5)], '2026-12-05T10:00:00Z'), order('99', [line('SKU-1', 4)])],
      { '77': 'Stores - SD', '88': 'Shop Floor - SD' },
      'Stores - SD',
    );
    expect([...units].map(([location, bySku]) => [location, [...bySku]])).toEqual([
      ['77', [['SKU-1', 6]]],
      ['88', [['SKU-1', 1]]],
    ]);
  });
});
