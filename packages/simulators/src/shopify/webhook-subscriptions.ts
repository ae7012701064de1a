import type { Prng } from './prng';
import { createIdGenerator, shopifyGid, type IdGenerator } from './shop-ids';
import { ShopifySimulatorInputError } from './shop-inputs';

export interface ShopifyWebhookSubscription {
  id: number;
  admin_graphql_api_id: string;
  topic: string;
  address: string;
  /** Version used to serialize payloads, sent as X-Shopify-API-Version. */
  api_version: string;
  /** Sent as X-Shopify-Name when set (subscription `name`, API 2026-04+). */
  name: string | null;
}

export interface SubscribeInput {
  topic: string;
  address: string;
  apiVersion?: string;
  name?: string | null;
}

const TOPIC_PATTERN = /^[a-z_]+\/[a-z_]+$/;
const NAME_PATTERN = /^[A-Za-z0-9_-]{1,50}$/;

/** Shop-specific webhook subscriptions, as created through the Admin API. */
export class WebhookSubscriptions {
  private readonly byId = new Map<number, ShopifyWebhookSubscription>();
  private readonly ids: IdGenerator;

  constructor(prng: Prng, private readonly defaultApiVersion: string) {
    this.ids = createIdGenerator(prng);
  }

  subscribe(input: SubscribeInput): ShopifyWebhookSubscription {
    if (!TOPIC_PATTERN.test(input.topic)) throw new ShopifySimulatorInputError('topic', `not a webhook topic: ${JSON.stringify(input.topic)}`);
    let url: URL;
    try {
      url = new URL(input.address);
    } catch {
      throw new ShopifySimulatorInputError('address', `address is not a URL: ${JSON.stringify(input.address)}`);
    }
    // Real Shopify demands HTTPS; plain HTTP is allowed here because receivers under test listen on loopback.
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ShopifySimulatorInputError('address', `address must be http(s): ${input.address}`);
    if (input.name != null && !NAME_PATTERN.test(input.name)) throw new ShopifySimulatorInputError('name', 'name must be 1–50 of A–Z a–z 0–9 _ -');
    if (this.list().some((s) => s.topic === input.topic && s.address === input.address)) {
      // Shopify's userError text for the same case.
      throw new ShopifySimulatorInputError('address', 'Address for this topic has already been taken');
    }
    const id = this.ids.next('WebhookSubscription');
    const subscription = {
      id,
      admin_graphql_api_id: shopifyGid('WebhookSubscription', id),
      topic: input.topic,
      address: input.address,
      api_version: input.apiVersion ?? this.defaultApiVersion,
      name: input.name ?? null,
    };
    this.byId.set(id, subscription);
    return subscription;
  }

  unsubscribe(id: number): boolean {
    return this.byId.delete(id);
  }

  list(): ShopifyWebhookSubscription[] {
    return [...this.byId.values()];
  }

  forTopic(topic: string): ShopifyWebhookSubscription[] {
    return this.list().filter((s) => s.topic === topic);
  }
}
