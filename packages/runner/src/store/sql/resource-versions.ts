import type Database from 'better-sqlite3';
import { prepared } from './prepared';

export function resourceVersion(db: Database.Database, resourceKey: string): { version: string | null; snapshot: string | null } {
  const row = prepared(db, 'SELECT version, snapshot FROM resource_versions WHERE resource_key = ?').get(resourceKey) as { version: string; snapshot: string | null } | undefined;
  return { version: row?.version ?? null, snapshot: row?.snapshot ?? null };
}

/** Only ever moves forward: Shopify versions carry offsets, so they are compared as instants. */
export function advanceResourceVersion(db: Database.Database, resourceKey: string, version: string, snapshot: string, nowIso: string): void {
  const versionMs = Date.parse(version);
  if (Number.isNaN(versionMs)) return;
  prepared(db, 
    `INSERT INTO resource_versions (resource_key, version, version_ms, snapshot, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (resource_key) DO UPDATE SET version = excluded.version, version_ms = excluded.version_ms, snapshot = excluded.snapshot, updated_at = excluded.updated_at
     WHERE excluded.version_ms >= resource_versions.version_ms`,
  ).run(resourceKey, version, versionMs, snapshot, nowIso);
}
