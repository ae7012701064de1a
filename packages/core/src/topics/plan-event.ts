import type { FailureSubject } from '../failures/failure';
import { TOPIC_KEY_KIND, formatResourceKey, type ResourceKey } from '../keys/resource-key';
import type { Flow } from '../plan/flows';
import { EMPTY_CONTEXT, type InboundEvent, type PlanContext } from '../plan/plan-context';
import { skippedPlan, type Plan } from '../plan/types';
import type { SyncSettings } from '../settings/sync-settings';
import { isRecord } from '../webhooks/parse-result';
import { TOPICS, familyOf, isTopic } from './topic-registry';
import { subjectIn } from './topic-resources';
import type { TopicResource } from './types';

/**
 * What the runner asks of a topic, each read from the registry (topic-registry.ts): its plan, its
 * resource key, its failure subject and its flow. None of them names a topic.
 */

/** The single entry point: event + settings in, plan out. No IO, no clock, no randomness. */
export function planEvent(event: InboundEvent, settings: SyncSettings, context: PlanContext = EMPTY_CONTEXT): Plan {
  if (!isTopic(event.topic)) return skippedPlan(`topic ${event.topic} is not synced`);
  return TOPICS[event.topic].plan(event, settings, context);
}

/** A synced topic's own resource; else its family's, so an unsynced topic still queues with its resource. */
function resourceOfTopic(topic: string): TopicResource | null {
  return isTopic(topic) ? TOPICS[topic].resource : familyOf(topic)?.resource ?? null;
}

/**
 * The resource that serialises events: all events about one Shopify order (or customer) are applied
 * one at a time. A topic whose payload names no resource is keyed by the topic; it is never applied.
 */
export function resourceOf(shop: string, topic: string, payload: unknown): ResourceKey {
  const resource = resourceOfTopic(topic);
  const id = resource !== null && isRecord(payload) ? resource.idOf(payload) : null;
  return resource !== null && id !== null ? { shop, kind: resource.kind, id } : { shop, kind: TOPIC_KEY_KIND, id: topic };
}

/** The resource key as the inbox stores it. */
export function resourceKeyOf(shop: string, topic: string, payload: unknown): string {
  return formatResourceKey(resourceOf(shop, topic, payload));
}

/** What a failure of this event is about, for its operator sentence, even when the plan never got made. */
export function subjectOf(topic: string, payload: unknown): FailureSubject {
  return subjectIn(resourceOfTopic(topic), topic, payload);
}

/** Which flow a webhook topic belongs to, or null for topics no flow handles. */
export function flowOfTopic(topic: string): Flow | null {
  return familyOf(topic)?.flow ?? null;
}
