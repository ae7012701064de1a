import type { FailureSubject } from '../failures/failure';
import type { Flow } from '../plan/flows';
import type { InboundEvent, PlanContext } from '../plan/plan-context';
import type { Plan } from '../plan/types';
import type { SyncSettings } from '../settings/sync-settings';

/**
 * How a topic's payload names the resource it is about. The inbox queues events by the resource key
 * built from `kind` and `idOf`, and a failure's sentence names `subjectOf`, even when no plan was made.
 */
export interface TopicResource {
  /** The kind in the resource key: events of one order share `order`, whatever their topic. */
  readonly kind: string;
  /** The exact Shopify id, or null when the payload holds none (the event is then keyed by its topic). */
  readonly idOf: (payload: Record<string, unknown>) => string | null;
  /** Null when the payload names nothing readable: the failure then names the event's topic. */
  readonly subjectOf: (payload: Record<string, unknown>) => FailureSubject | null;
}

/** Parses the payload and plans it: pure, like every decision of the core (STYLE C2). */
export type TopicPlanner = (event: InboundEvent, settings: SyncSettings, context: PlanContext) => Plan;

/**
 * What a topic's payload holds of its resource: its whole latest `state` (kept as the resource's
 * snapshot, and replaced by Shopify's latest read on a requeue), a `part` of it (a refund, a payment:
 * never the snapshot; a requeue refreshes the snapshot instead), or only a `change` (orders/edited:
 * the resource is always read back, and planned as the `readAs` topic).
 *
 * A part's `listedIn` is the list of the resource's state that holds it by id (an order lists its
 * `refunds`), or null when the state does not hold it (an order's REST body has no payments): an
 * applied state listing the part has done what the part would, which makes its parked event moot.
 */
export type TopicPayload =
  | { readonly carries: 'state' }
  | { readonly carries: 'part'; readonly listedIn: string | null }
  | { readonly carries: 'change'; readonly readAs: string };

/** One synced topic: what its payload is about, what it holds, and how it is planned. */
export interface TopicSpec {
  readonly resource: TopicResource;
  readonly payload: TopicPayload;
  readonly plan: TopicPlanner;
  /**
   * The order this topic's event holds has taken its units off Shopify's `available`, and is counted
   * by the oversell guard (unbooked-units.ts) while its event is open and ERPNext holds no Sales
   * Order of it yet. Left out: the topic's events are not counted.
   */
  readonly countsUnbooked?: true;
}

/**
 * A Shopify resource family: the part of a topic before its slash. It decides the flow of all its
 * topics, synced or not, and how a topic without a row names its resource (null: it cannot say).
 */
export interface TopicFamilySpec {
  readonly flow: Flow;
  readonly resource: TopicResource | null;
}
