import type Database from 'better-sqlite3';
import type { FailureDetail, FailureFilter, FailureRecord } from '../store-records';
import { prepared } from './prepared';

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
  resolved_at: string | null;
  occurrences: number;
  topic: string;
  resource_key: string;
}

const SELECT = `SELECT f.id, f.inbox_id, f.code, f.category, f.retryable, f.message, f.details, f.status, f.created_at, f.last_seen_at,
    f.resolved_at, f.occurrences, f.resource_key, i.topic
  FROM failures f JOIN inbox i ON i.id = f.inbox_id`;

function failureOf(row: FailureRow): FailureRecord {
  return {
    id: row.id,
    inboxId: row.inbox_id,
    topic: row.topic,
    resourceKey: row.resource_key,
    code: row.code,
    category: row.category as FailureRecord['category'],
    retryable: row.retryable === 1,
    message: row.message,
    details: JSON.parse(row.details) as Record<string, unknown>,
    status: row.status as FailureRecord['status'],
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    resolvedAt: row.resolved_at,
    occurrences: row.occurrences,
  };
}

export function listFailures(db: Database.Database, filter: FailureFilter): FailureRecord[] {
  const rows = prepared(
    db,
    `${SELECT} WHERE (@status IS NULL OR f.status = @status) AND (@category IS NULL OR f.category = @category) AND (@code IS NULL OR f.code = @code)
     ORDER BY f.id`,
  ).all({ status: filter.status ?? null, category: filter.category ?? null, code: filter.code ?? null }) as FailureRow[];
  return rows.map(failureOf);
}

export function getFailure(db: Database.Database, failureId: number): FailureDetail | null {
  const row = prepared(db, `${SELECT} WHERE f.id = ?`).get(failureId) as FailureRow | undefined;
  if (row === undefined) return null;
  const events = prepared(db, 'SELECT id FROM inbox WHERE failure_id = ? ORDER BY id').all(failureId) as Array<{ id: number }>;
  return { ...failureOf(row), eventIds: events.map((event) => event.id) };
}
