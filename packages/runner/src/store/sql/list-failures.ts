import type Database from 'better-sqlite3';
import type { FailureRecord } from '../store';

interface FailureRow {
  id: number;
  inbox_id: number;
  code: string;
  category: string;
  retryable: number;
  message: string;
  details: string;
  status: string;
  created_at: string;
  last_seen_at: string;
  occurrences: number;
  topic: string;
  resource_key: string;
}

export function listFailures(db: Database.Database, filter: { status?: string }): FailureRecord[] {
  const rows = db
    .prepare(
      `SELECT f.*, i.topic FROM failures f JOIN inbox i ON i.id = f.inbox_id
       WHERE (@status IS NULL OR f.status = @status) ORDER BY f.id`,
    )
    .all({ status: filter.status ?? null }) as FailureRow[];
  return rows.map((row) => ({
    id: row.id,
    inboxId: row.inbox_id,
    topic: row.topic,
    resourceKey: row.resource_key,
    code: row.code,
    category: row.category as FailureRecord['category'],
    retryable: row.retryable === 1,
    message: row.message,
    details: JSON.parse(row.details) as Record<string, unknown>,
    status: row.status,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    occurrences: row.occurrences,
  }));
}
