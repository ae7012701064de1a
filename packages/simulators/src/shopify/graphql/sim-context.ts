import type { IdGenerator } from '../shop-ids';
import type { DocumentNode, ExecutionResult } from 'graphql';
import type { ShopifyShop } from '../shop-model';
import type { ShopifyWebhookDispatcher } from '../webhook-dispatcher';
import type { BulkOperationStore } from './bulk/bulk-operation-store';
import type { IdempotencyStore } from './mutations/idempotency-store';

/** What an API-created subscription has beyond the dispatcher's record. */
export interface SubscriptionMeta {
  createdAt: Date;
  updatedAt: Date;
  includeFields: string[];
  filter: string | null;
}

/** State of the Admin API that is not the shop itself. */
export interface AdminApiState {
  readonly idempotency: IdempotencyStore;
  /** Ids of what only the API creates (adjustment groups, bulk operations). */
  readonly ids: IdGenerator;
  readonly bulk: BulkOperationStore;
  readonly subscriptionMeta: Map<number, SubscriptionMeta>;
  /**
   * Awaited inside mutations after they claimed their idempotency key and before they change
   * anything: a test holds it open to have two requests overlap (no sleeps, STYLE C13).
   */
  writeGate: ((field: string) => Promise<void>) | null;
}

/** graphql-js context of one request. */
export interface SimContext {
  readonly shop: ShopifyShop;
  readonly webhooks: ShopifyWebhookDispatcher;
  readonly state: AdminApiState;
  /** The version that serves the request (after falling forward). */
  readonly apiVersion: string;
  /** Origin the request came in on, for URLs the simulator hands out (bulk results). */
  readonly baseUrl: string;
  /** True while running a bulk query: connections need no `first`. */
  readonly bulk: boolean;
  /** Executes a validated query as a bulk run (unbounded connections, no cost). */
  readonly runBulkQuery: (document: DocumentNode) => Promise<ExecutionResult>;
}
