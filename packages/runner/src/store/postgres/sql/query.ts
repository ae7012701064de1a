import type { Pool, PoolClient } from 'pg';

/** What a statement runs on: the pool (one statement, autocommit) or the client of a transaction. */
export type Db = Pool | PoolClient;

/** The rows of one statement. Parameters are positional ($1, $2 …), cast in the SQL where PostgreSQL cannot infer them. */
export async function rows<R>(db: Db, sql: string, params: readonly unknown[] = []): Promise<R[]> {
  return (await db.query(sql, [...params])).rows as R[];
}

export async function one<R>(db: Db, sql: string, params: readonly unknown[] = []): Promise<R | undefined> {
  return (await rows<R>(db, sql, params))[0];
}

/** How many rows a write changed. */
export async function run(db: Db, sql: string, params: readonly unknown[] = []): Promise<number> {
  return (await db.query(sql, [...params])).rowCount ?? 0;
}
