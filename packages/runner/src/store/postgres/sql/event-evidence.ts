import { withReceived } from '../../received-evidence';
import type { EvidenceRecord } from '../../store-records';
import { one, rows, type Db } from './query';

interface EvidenceRow {
  id: number;
  inbox_id: number;
  at: string;
  kind: string;
  data: string;
}

interface ReceivedRow {
  received_at: string;
  webhook_id: string;
  event_id: string | null;
  topic: string;
  payload_hash: string;
  api_version: string | null;
}

/** The trail of one event in the order it was written: received (from its inbox row), plan, operations, result, actions. */
export async function eventEvidence(db: Db, inboxId: number): Promise<EvidenceRecord[]> {
  const event = await one<ReceivedRow>(db, 'SELECT received_at, webhook_id, event_id, topic, payload_hash, api_version FROM inbox WHERE id = $1', [inboxId]);
  const trail = await rows<EvidenceRow>(db, 'SELECT id, inbox_id, at, kind, data FROM evidence WHERE inbox_id = $1 ORDER BY id', [inboxId]);
  const stored = trail.map((row) => ({ id: row.id, inboxId: row.inbox_id, at: row.at, kind: row.kind, data: JSON.parse(row.data) as unknown }));
  if (event === undefined) return stored;
  const { received_at, webhook_id, event_id, topic, payload_hash, api_version } = event;
  return withReceived({ inboxId, receivedAt: received_at, webhookId: webhook_id, eventId: event_id, topic, payloadHash: payload_hash, apiVersion: api_version }, stored);
}
