import { Pool } from 'pg';

/** A schema of the demo's own in the operator's database: runs never see each other's rows. */
export interface SharedSchema {
  readonly name: string;
  /** The database URL with the schema as every session's search_path: what the runners' config and `--db` get. */
  readonly url: string;
  /** Drops the schema and everything in it (after every process using it has stopped). */
  drop(): Promise<void>;
}

const POSTGRES_URL = /^postgres(ql)?:\/\/\S+$/;

/**
 * A fresh schema name for one demo run, and the URL that puts a session in it. The runners read only
 * `store.url` (compose/open-store.ts): libpq's `options` parameter, `-c search_path=…`, which the pg
 * driver passes to the server at connect, keeps each of their sessions in the schema. The schema itself
 * is created by the demo's own store (openPostgresStore's `schema` option creates and migrates it)
 * before any runner starts. A URL that already sets `options` is refused rather than overridden.
 */
export function demoSchema(baseUrl: string, now: Date, pid: number): SharedSchema {
  if (!POSTGRES_URL.test(baseUrl)) throw new Error(`--store must be a postgres:// (or postgresql://) URL, got ${JSON.stringify(baseUrl)}`);
  if (/[?&]options=/.test(baseUrl)) throw new Error('--store must not set options=: the demo sets the search_path of its own schema there');
  const name = `shopsync_demo_${pid}_${now.getTime().toString(36)}`;
  const url = `${baseUrl}${baseUrl.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${name}`)}`;
  return {
    name,
    url,
    drop: async () => {
      const admin = new Pool({ connectionString: baseUrl, max: 1 });
      try {
        await admin.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
      } finally {
        await admin.end();
      }
    },
  };
}
