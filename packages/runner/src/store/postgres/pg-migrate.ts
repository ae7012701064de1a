import type { Pool } from 'pg';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const MIGRATIONS_DIR = join(__dirname, 'migrations');

// pg_advisory_lock(int4, int4): a class of our own ('sync' in ASCII), then the schema's hash, so stores
// on different schemas of one database migrate side by side and stores on the same schema one by one.
export const MIGRATION_LOCK_CLASS = 0x73796e63;

export interface PostgresMigration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** The PostgreSQL dialect of the SQLite migrations, numbered and named the same (same schema meaning). */
export function knownPostgresMigrations(): PostgresMigration[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((file) => /^\d{3}-[a-z0-9-]+\.sql$/.test(file))
    .sort()
    .map((file) => ({ version: Number(file.slice(0, 3)), name: file, sql: readFileSync(join(MIGRATIONS_DIR, file), 'utf8') }));
}

/**
 * Applies the numbered migrations, each in its own transaction and recorded in schema_migrations, and
 * refuses a schema written by a newer shopsync (running old code on a newer schema could silently drop
 * what it does not know). Several processes starting together take turns on a session advisory lock:
 * the first migrates, the others then find nothing left to do. A process killed while holding it
 * loses its session, and with it the lock; a migration it had not committed is rolled back.
 */
export async function migratePostgres(pool: Pool, schema: string | null): Promise<number> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('SELECT pg_advisory_lock($1::int, hashtext($2::text))', [MIGRATION_LOCK_CLASS, schema ?? '']);
    try {
      if (schema !== null) await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
      await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)');
      const migrations = knownPostgresMigrations();
      const newestKnown = migrations.at(-1)?.version ?? 0;
      const current = Number((await client.query('SELECT COALESCE(MAX(version), 0) AS version FROM schema_migrations')).rows[0].version);
      if (current > newestKnown) {
        throw new Error(`the state database is at schema version ${current}, newer than this shopsync knows (${newestKnown}); upgrade shopsync`);
      }
      for (const migration of migrations.filter((m) => m.version > current)) {
        await client.query('BEGIN');
        try {
          await client.query(migration.sql);
          await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, now())', [migration.version, migration.name]);
          await client.query('COMMIT');
        } catch (err) {
          await client.query('ROLLBACK');
          throw err;
        }
      }
      return newestKnown;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1::int, hashtext($2::text))', [MIGRATION_LOCK_CLASS, schema ?? '']);
    }
  } catch (err) {
    broken = isConnectionError(err);
    throw err;
  } finally {
    client.release(broken);
  }
}

/** A schema name from the options, checked when the store is opened (pg-connection.ts), quoted anyway. */
export const quoteIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** A client whose connection failed is dropped from the pool, not handed to the next caller. */
export const isConnectionError = (err: unknown): boolean => !(typeof err === 'object' && err !== null && 'severity' in err);
