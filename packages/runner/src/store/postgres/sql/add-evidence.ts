import { run, type Db } from './query';

export async function addEvidence(db: Db, inboxId: number, kind: string, data: unknown, nowIso: string): Promise<void> {
  await run(db, 'INSERT INTO evidence (inbox_id, at, kind, data) VALUES ($1, $2, $3, $4)', [inboxId, nowIso, kind, JSON.stringify(data)]);
}
