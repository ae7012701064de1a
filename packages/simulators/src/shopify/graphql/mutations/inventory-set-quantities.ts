import { getDirectiveValues, GraphQLError, type GraphQLResolveInfo } from 'graphql';
import type { LevelChange } from '../../inventory/shop-inventory';
import { fireEvents, inventoryEvents } from '../../shop-events';
import type { SimContext } from '../sim-context';
import { inventoryItemView, locationView } from '../views/inventory-views';
import type { View } from '../views/resolve-fields';
import { dateTime, gid } from '../views/wire-format';
import { validateSetQuantities, type SetQuantitiesInput } from './inventory-set-rules';

const FIELD = 'inventorySetQuantities';

/** The `@idempotent(key:)` value on this field, or a BAD_REQUEST like Shopify's from 2026-04 (notes §3.3). */
export function idempotencyKey(info: GraphQLResolveInfo): string {
  const directive = info.schema.getDirective('idempotent');
  const node = info.fieldNodes[0];
  const values = directive && node ? getDirectiveValues(directive, node, info.variableValues) : undefined;
  const key = values?.key;
  if (typeof key !== 'string') throw new GraphQLError('The @idempotent directive is required for this mutation but was not provided.', { extensions: { code: 'BAD_REQUEST' } });
  if (key.trim() === '') throw new GraphQLError('The idempotency key must not be blank.', { extensions: { code: 'BAD_REQUEST' } });
  return key;
}

/**
 * inventorySetQuantities with the 2026-04+ rules: `@idempotent` required, `changeFromQuantity`
 * present on every quantity, compare-and-set per quantity, all-or-nothing, and the mirrored
 * available/on_hand changes in the adjustment group (notes §3.2–3.4).
 */
export async function inventorySetQuantities(args: { input: SetQuantitiesInput }, ctx: SimContext, info: GraphQLResolveInfo): Promise<View> {
  const key = idempotencyKey(info);
  const { input } = args;
  if (input.quantities.some((q) => !('changeFromQuantity' in q))) {
    throw new GraphQLError('InventoryQuantityInput must include the following argument: changeFromQuantity.', { extensions: { code: 'INVALID_FIELD_ARGUMENTS' } });
  }
  if (input.quantities.length > 250) {
    throw new GraphQLError(`The input array size of ${input.quantities.length} is greater than the maximum allowed of 250.`, { extensions: { code: 'MAX_INPUT_SIZE_EXCEEDED' } });
  }
  const claim = ctx.state.idempotency.claim(FIELD, key, input);
  if (claim.kind === 'replay') return claim.payload as View;
  if (claim.kind === 'refused') return { inventoryAdjustmentGroup: null, userErrors: [{ field: null, message: claim.error.message, code: claim.error.code }] };
  await ctx.state.writeGate?.(FIELD);
  const checked = validateSetQuantities(input, ctx.shop);
  if (!checked.ok) {
    const payload = { inventoryAdjustmentGroup: null, userErrors: checked.userErrors };
    ctx.state.idempotency.finish(FIELD, key, input, 'failed', payload);
    return payload;
  }
  const changes: LevelChange[] = checked.levels.flatMap(({ level, quantity }) => ctx.shop.inventory.set(level, input.name as 'available' | 'on_hand', quantity));
  fireEvents(ctx.webhooks, inventoryEvents(ctx.shop));
  const payload = { inventoryAdjustmentGroup: groupView(input, changes, ctx), userErrors: [] };
  ctx.state.idempotency.finish(FIELD, key, input, 'succeeded', payload);
  return payload;
}

function groupView(input: SetQuantitiesInput, changes: LevelChange[], ctx: SimContext): View {
  const id = ctx.state.ids.next('InventoryAdjustmentGroup');
  const views = changes.map((c) => ({
    name: c.name,
    delta: c.delta,
    quantityAfterChange: null,
    ledgerDocumentUri: null,
    itemId: gid('InventoryItem', c.level.itemId),
    locationId: gid('Location', c.level.locationId),
    item: () => {
      const item = ctx.shop.inventory.items.get(c.level.itemId);
      return item ? inventoryItemView(item, ctx) : null;
    },
    location: () => locationView(ctx.shop.inventory.location(c.level.locationId), ctx),
  }));
  return {
    __typename: 'InventoryAdjustmentGroup',
    id: gid('InventoryAdjustmentGroup', id),
    createdAt: dateTime(ctx.shop.now()),
    reason: input.reason,
    referenceDocumentUri: input.referenceDocumentUri ?? null,
    app: null,
    staffMember: null,
    changes: (args: { inventoryItemIds?: string[] | null; locationIds?: string[] | null; quantityNames?: string[] | null }) =>
      views.filter((v) => (!args.inventoryItemIds || args.inventoryItemIds.includes(v.itemId)) && (!args.locationIds || args.locationIds.includes(v.locationId)) && (!args.quantityNames || args.quantityNames.includes(v.name))),
  };
}

