import type Database from 'better-sqlite3';
import { prepared } from './prepared';

export function addEvidence(db: Database.Database, inboxId: number, kind: string, data: unknown, nowIso: string): void {
  prepared(db, 'INSERT INTO evidence (inbox_id, at, kind, data) VALUES (?, ?, ?, ?)').run(inboxId, nowIso, kind, JSON.stringify(data));
}
