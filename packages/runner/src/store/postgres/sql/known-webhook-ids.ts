import { rows, type Db } from './query';

/** Which of these webhook ids of one shop are in the inbox already (a synthetic event's id included). One array parameter, any length. */
export async function knownWebhookIds(db: Db, shop: string, webhookIds: readonly string[]): Promise<string[]> {
  if (webhookIds.length === 0) return [];
  const known = await rows<{ webhook_id: string }>(db, 'SELECT webhook_id FROM inbox WHERE shop = $1 AND webhook_id = ANY($2::text[])', [shop, webhookIds]);
  return known.map((row) => row.webhook_id);
}
