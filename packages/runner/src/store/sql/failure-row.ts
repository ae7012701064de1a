import type { FailureRecord } from '../store-records';

/** A failure joined with its event's topic, as both engines select it (sql/ and postgres/sql/ list-failures.ts). */
export interface FailureRow {
  id: number;
  inbox_id: number;
  code: string;
  category: string;
  /** SQLite answers 0/1, PostgreSQL a boolean. */
  retryable: number | boolean;
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

export const FAILURE_SELECT = `SELECT f.id, f.inbox_id, f.code, f.category, f.retryable, f.message, f.details, f.status, f.created_at, f.last_seen_at,
    f.resolved_at, f.occurrences, f.resource_key, i.topic
  FROM failures f JOIN inbox i ON i.id = f.inbox_id`;

export function failureOf(row: FailureRow): FailureRecord {
  return {
    id: row.id,
    inboxId: row.inbox_id,
    topic: row.topic,
    resourceKey: row.resource_key,
    code: row.code,
    category: row.category as FailureRecord['category'],
    retryable: row.retryable === true || row.retryable === 1,
    message: row.message,
    details: JSON.parse(row.details) as Record<string, unknown>,
    status: row.status as FailureRecord['status'],
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    resolvedAt: row.resolved_at,
    occurrences: row.occurrences,
  };
}
