import type { FailureDetail, FailureFilter, FailureRecord } from '../../store-records';
import { one, rows, type Db } from './query';

interface FailureRow {
  id: number;
  inbox_id: number;
  code: string;
  category: string;
  retryable: boolean;
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
    retryable: row.retryable,
    message: row.message,
    details: JSON.parse(row.details) as Record<string, unknown>,
    status: row.status as FailureRecord['status'],
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    resolvedAt: row.resolved_at,
    occurrences: row.occurrences,
  };
}

export async function listFailures(db: Db, filter: FailureFilter): Promise<FailureRecord[]> {
  const found = await rows<FailureRow>(
    db,
    `${SELECT} WHERE ($1::text IS NULL OR f.status = $1) AND ($2::text IS NULL OR f.category = $2) AND ($3::text IS NULL OR f.code = $3)
     ORDER BY f.id`,
    [filter.status ?? null, filter.category ?? null, filter.code ?? null],
  );
  return found.map(failureOf);
}

export async function getFailure(db: Db, failureId: number): Promise<FailureDetail | null> {
  const row = await one<FailureRow>(db, `${SELECT} WHERE f.id = $1`, [failureId]);
  if (row === undefined) return null;
  const events = await rows<{ id: number }>(db, 'SELECT id FROM inbox WHERE failure_id = $1 ORDER BY id', [failureId]);
  return { ...failureOf(row), eventIds: events.map((event) => event.id) };
}
