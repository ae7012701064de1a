import type Database from 'better-sqlite3';

// Bound parameters per statement: far below SQLite's limit (32766) and PostgreSQL's (65535).
const CHUNK = 500;

/** Which of these webhook ids of one shop are in the inbox already (a synthetic event's id included). */
export function knownWebhookIds(db: Database.Database, shop: string, webhookIds: readonly string[]): string[] {
  const known: string[] = [];
  for (let start = 0; start < webhookIds.length; start += CHUNK) {
    const chunk = webhookIds.slice(start, start + CHUNK);
    const sql = `SELECT webhook_id FROM inbox WHERE shop = ? AND webhook_id IN (${chunk.map(() => '?').join(', ')})`;
    known.push(...(db.prepare(sql).all(shop, ...chunk) as Array<{ webhook_id: string }>).map((row) => row.webhook_id));
  }
  return known;
}
