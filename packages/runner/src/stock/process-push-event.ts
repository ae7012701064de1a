import { isRecord, type PushTopic, type StockChangedPayload } from '@shopsync/core';
import type { ClaimedEvent } from '../store/store';
import { processDeliveryNote } from './process-delivery-note';
import { processLevelUpdate, type LevelVerdict } from './process-level-update';
import { processStockChange } from './process-stock-change';
import type { PushDeps } from './push-deps';

/** A push topic's event, to its processor; an unreadable payload is the event's own validation failure. */
export async function processPushEvent(event: ClaimedEvent & { topic: PushTopic }, deps: PushDeps): Promise<LevelVerdict> {
  const payload: unknown = JSON.parse(event.payload);
  if (!isRecord(payload)) throw new TypeError(`the ${event.topic} payload is not an object`);
  switch (event.topic) {
    case 'stock/changed':
      return processStockChange(event, payload as unknown as StockChangedPayload, deps);
    case 'inventory_levels/update':
      return processLevelUpdate(event, payload, deps);
    case 'delivery_notes/submitted':
    case 'delivery_notes/cancelled':
      return processDeliveryNote(event, { name: String(payload.name) }, deps);
  }
}
