import { Pool, types, type PoolClient } from 'pg';
import { migratePostgres } from './pg-migrate';
import type { Db } from './sql/query';

export interface PostgresStoreOptions {
  /** postgres://user[:password]@host:port/database (a password may also come from PGPASSWORD or ~/.pgpass). */
  readonly url: string;
  /**
   * The schema holding shopsync's tables, created if missing; default: the connection's search_path
   * (public). Tests give each store a fresh one; several shops' runners may share a database this way.
   */
  readonly schema?: string;
  /** Connections this process keeps (default 10): a worker holds one only while a statement or transaction runs. */
  readonly poolSize?: number;
}

/**
 * The one pool every port piece of a PostgreSQL store shares, migrated before its first statement.
 * Opening is synchronous like the SQLite store's (the composition root opens the store on first use):
 * the migration starts at once, and every statement waits for it, so a failed migration (a newer
 * schema, an unreachable server) is the error of the calls made meanwhile, and of ping.
 */
export interface PgConnection {
  /** Statements outside a transaction: reads, and writes that are one statement. */
  read<T>(work: (db: Db) => Promise<T>): Promise<T>;
  /** One transaction (READ COMMITTED); retried whole on a deadlock or serialization failure. */
  tx<T>(work: (db: PoolClient) => Promise<T>): Promise<T>;
  ping(): Promise<void>;
  /**
   * A connection of the caller's own, for a session-level advisory lock held across calls (the Sync
   * Log mirror's turn, mirror-port.ts); the caller ends it. close() ends any still held.
   */
  session(): Promise<PgSession>;
  close(): Promise<void>;
}

export interface PgSession {
  readonly client: PoolClient;
  /** Back to the pool; `destroy`: closed instead (its session, and the session's locks, end with it). */
  end(destroy?: boolean): void;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

// int8 (ids, counts) as numbers, like SQLite's integers: ids stay far below 2^53. timestamptz as the
// ISO-8601 UTC text the ports return (store-records.ts), read as an instant whatever the session's
// time zone; the store only writes instants with millisecond precision, so the text is exact.
const parseTimestamptz = types.getTypeParser(types.builtins.TIMESTAMPTZ) as (text: string) => Date;
const TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === types.builtins.INT8) return (text: string) => Number(text);
    if (oid === types.builtins.TIMESTAMPTZ) return (text: string) => parseTimestamptz(text).toISOString();
    return types.getTypeParser(oid, format ?? 'text');
  }) as typeof types.getTypeParser,
};

// Worth retrying the whole transaction: nothing it did was committed (deadlock_detected, serialization_failure).
const RETRYABLE = new Set(['40P01', '40001']);
const TX_ATTEMPTS = 3;

export function openPostgresConnection(options: PostgresStoreOptions): PgConnection {
  const schema = options.schema ?? null;
  if (schema !== null && !SCHEMA_NAME.test(schema)) {
    throw new Error(`store schema must be a lower-case SQL identifier (letters, digits, _), got ${JSON.stringify(schema)}`);
  }
  const poolSize = options.poolSize ?? 10;
  if (!Number.isInteger(poolSize) || poolSize < 1) throw new Error(`store poolSize must be a positive integer, got ${poolSize}`);
  const pool = new Pool({
    connectionString: options.url,
    max: poolSize,
    application_name: 'shopsync',
    types: TYPES,
    ...(schema === null ? {} : { options: `-c search_path=${schema}` }),
  });
  // An idle connection the server closed (a restart, a failover) is dropped by the pool and replaced
  // on the next checkout; without a listener its error event would crash the process.
  pool.on('error', () => undefined);
  // Migrated once per store; a failed attempt (the server not up yet) is made again by the next call.
  let migrated: Promise<unknown> | null = null;
  const ready = (): Promise<unknown> => {
    migrated ??= migratePostgres(pool, schema).catch((err: unknown) => {
      migrated = null;
      throw err;
    });
    return migrated;
  };
  ready().catch(() => undefined);
  let closed = false;
  const sessions = new Set<PgSession>();

  async function tx<T>(work: (db: PoolClient) => Promise<T>): Promise<T> {
    await ready();
    for (let attempt = 1; ; attempt += 1) {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query('BEGIN');
        const result = await work(client);
        await client.query('COMMIT');
        return result;
      } catch (err) {
        // A connection that cannot even roll back is dropped: the server rolls back when it goes.
        await client.query('ROLLBACK').catch(() => {
          broken = true;
        });
        if (broken || attempt >= TX_ATTEMPTS || !RETRYABLE.has((err as { code?: string }).code ?? '')) throw err;
      } finally {
        client.release(broken);
      }
    }
  }

  return {
    read: async (work) => {
      await ready();
      return work(pool);
    },
    tx,
    ping: async () => {
      await ready();
      await pool.query('SELECT 1');
    },
    session: async () => {
      await ready();
      const client = await pool.connect();
      // Held between statements, the connection is no longer the pool's to watch: a server that drops
      // it must fail the next statement, not crash the process with an unhandled error event.
      const dropped = () => undefined;
      client.on('error', dropped);
      const session: PgSession = {
        client,
        end: (destroy = false) => {
          if (!sessions.delete(session)) return;
          client.off('error', dropped);
          client.release(destroy);
        },
      };
      sessions.add(session);
      return session;
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await migrated?.catch(() => undefined);
      // Ending the session ends its advisory locks with it.
      for (const session of [...sessions]) session.end(true);
      await pool.end();
    },
  };
}

/** The statements take instants as ISO-8601 text, cast to timestamptz in the SQL. */
export const iso = (date: Date): string => date.toISOString();
