import { one, run, type Db } from './query';

export async function resourceVersion(db: Db, resourceKey: string): Promise<{ version: string | null; snapshot: string | null }> {
  const row = await one<{ version: string; snapshot: string | null }>(db, 'SELECT version, snapshot FROM resource_versions WHERE resource_key = $1', [resourceKey]);
  return { version: row?.version ?? null, snapshot: row?.snapshot ?? null };
}

const ADVANCE = `INSERT INTO resource_versions (resource_key, version, version_ms, snapshot, updated_at) VALUES ($1, $2, $3, $4, $5)
  ON CONFLICT (resource_key) DO UPDATE SET version = EXCLUDED.version, version_ms = EXCLUDED.version_ms, snapshot = EXCLUDED.snapshot, updated_at = EXCLUDED.updated_at
  WHERE EXCLUDED.version_ms >= resource_versions.version_ms`;

/** Only ever moves forward: Shopify versions carry offsets, so they are compared as instants. */
export async function advanceResourceVersion(db: Db, resourceKey: string, version: string, snapshot: string, nowIso: string): Promise<void> {
  const versionMs = Date.parse(version);
  if (Number.isNaN(versionMs)) return;
  await run(db, ADVANCE, [resourceKey, version, versionMs, snapshot, nowIso]);
}
