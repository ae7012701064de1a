import { bulkOperationCancel, bulkOperationRunQuery } from '../mutations/bulk-operations';
import { fulfillmentCreate } from '../mutations/fulfillment-create';
import { inventorySetQuantities } from '../mutations/inventory-set-quantities';
import { webhookSubscriptionCreate, webhookSubscriptionDelete } from '../mutations/webhook-subscriptions';
import type { View } from '../views/resolve-fields';

/**
 * The mutations the engine uses; every other Mutation field answers "not simulated". Each is
 * called as a view function: (args, context: SimContext, info).
 */
export const MUTATION_ROOT: View = {
  inventorySetQuantities,
  fulfillmentCreate,
  webhookSubscriptionCreate,
  webhookSubscriptionDelete,
  bulkOperationRunQuery,
  bulkOperationCancel,
};
