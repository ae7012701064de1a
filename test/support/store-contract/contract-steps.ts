import type { NewDelivery, ParkedFailure, Store } from '@shopsync/runner';

/**
 * What every part of the Store contract shares: the clock, the deliveries and failures it stores,
 * and the steps that bring an event to a state. The parts speak only through the Store interface,
 * so nothing here may depend on an engine.
 */

/** Opens an empty store of the engine under test; each test gets its own. */
export type MakeStore = () => Store | Promise<Store>;

export const T0 = new Date('2026-11-27T10:00:00.000Z');
export const at = (ms: number) => new Date(T0.getTime() + ms);
export const DAY = 86_400_000;
export const LEASE = 30_000;

export function delivery(webhookId: string, resourceKey = 'shop.myshopify.com/order/1', topic = 'orders/create'): NewDelivery {
  return { shop: 'shop.myshopify.com', webhookId, topic, eventId: null, triggeredAt: null, apiVersion: '2026-10', resourceKey, payload: '{"id":1}', payloadHash: 'h' };
}

export const mapping = (code = 'mapping.sku_missing'): ParkedFailure => ({ code, category: 'mapping', retryable: false, message: `Order #1: ${code}`, details: { sku: null } });

export interface ContractSteps {
  /** Accepts, claims and settles one event; returns its id. */
  settled(webhookId: string, how: 'applied' | ParkedFailure, options?: { resourceKey?: string; topic?: string; now?: Date }): Promise<number>;
  /** Claims an event put back to pending, and settles it. */
  claimAndSettle(inboxId: number, how: 'applied' | ParkedFailure, now: Date): Promise<void>;
  /** The kinds of an event's evidence, in the order written. */
  kinds(inboxId: number): Promise<string[]>;
}

/** The steps, over the store of the current test (`current` is read when a step runs). */
export function contractSteps(current: () => Store): ContractSteps {
  return {
    async settled(webhookId, how, options = {}) {
      const store = current();
      const now = options.now ?? T0;
      await store.acceptDelivery(delivery(webhookId, options.resourceKey, options.topic), now);
      const event = await store.claimNext('w', `t-${webhookId}-${now.getTime()}`, now, LEASE);
      if (event === null || event.webhookId !== webhookId) throw new Error(`expected to claim ${webhookId}`);
      if (how === 'applied') await store.finish(event.claim, 'applied', null, now);
      else await store.park(event.claim, how, now);
      return event.claim.inboxId;
    },
    async claimAndSettle(inboxId, how, now) {
      const store = current();
      const event = await store.claimNext('w', `again-${inboxId}-${now.getTime()}`, now, LEASE);
      expect(event?.claim.inboxId).toBe(inboxId);
      expect(how === 'applied' ? await store.finish(event!.claim, 'applied', null, now) : await store.park(event!.claim, how, now)).toBe(true);
    },
    kinds: async (inboxId) => (await current().evidence(inboxId)).map((row) => row.kind),
  };
}
