import type { MirrorPort } from '../ports/mirror-port';
import { iso, type PgConnection, type PgSession } from './pg-connection';
import { eventsToMirror, markMirrored } from './sql/events-to-mirror';

// pg_try_advisory_lock(int4, int4): a class of our own ('mirr' in ASCII), then the schema's hash, so
// stores on different schemas of one database mirror side by side (pg-migrate.ts keys its lock alike).
const MIRROR_LOCK_CLASS = 0x6d697272;
const TRY_LOCK = 'SELECT pg_try_advisory_lock($1::int, hashtext(current_schema())) AS locked';
const UNLOCK = 'SELECT pg_advisory_unlock($1::int, hashtext(current_schema()))';

/**
 * One Sync Log mirror round at a time across every runner on the store. A round reads a batch, sends it
 * to ERPNext and marks what ERPNext answered for (mirror/mirror-sync-logs.ts); two rounds in two
 * processes at once would send the same batch twice and, worse, could land out of order: a round that
 * read an event before it settled again sending after one that read it after, and both marking it
 * mirrored, would leave the Sync Log showing the older status for good. So a round takes the mirror's
 * turn — a session advisory lock on a connection of its own — when it reads, and gives it back when it
 * marks (or reads nothing); a runner that finds the turn taken mirrors nothing this round, and one
 * killed mid-round loses its session and with it the turn.
 */
function mirrorTurn(conn: PgConnection) {
  let holder: PgSession | null = null;
  return {
    async take(): Promise<boolean> {
      if (holder !== null) return true;
      const session = await conn.session();
      try {
        if ((await session.client.query<{ locked: boolean }>(TRY_LOCK, [MIRROR_LOCK_CLASS])).rows[0]?.locked !== true) {
          session.end();
          return false;
        }
      } catch (err) {
        session.end(true);
        throw err;
      }
      holder = session;
      return true;
    },
    async give(): Promise<void> {
      const session = holder;
      holder = null;
      if (session === null) return;
      try {
        await session.client.query(UNLOCK, [MIRROR_LOCK_CLASS]);
        session.end();
      } catch {
        session.end(true);
      }
    },
  };
}

export function postgresMirrorPort(conn: PgConnection): MirrorPort {
  const turn = mirrorTurn(conn);
  return {
    eventsToMirror: async (limit) => {
      if (!(await turn.take())) return [];
      try {
        const events = await conn.read((db) => eventsToMirror(db, limit));
        if (events.length === 0) await turn.give();
        return events;
      } catch (err) {
        await turn.give();
        throw err;
      }
    },
    markMirrored: async (inboxIds, now) => {
      try {
        await conn.read((db) => markMirrored(db, inboxIds, iso(now)));
      } finally {
        await turn.give();
      }
    },
  };
}
