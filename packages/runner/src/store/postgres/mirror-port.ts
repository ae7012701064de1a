import type { MirrorPort } from '../ports/mirror-port';
import { iso, type PgConnection } from './pg-connection';
import { eventsToMirror, markMirrored } from './sql/events-to-mirror';

export function postgresMirrorPort(conn: PgConnection): MirrorPort {
  return {
    eventsToMirror: (limit) => conn.read((db) => eventsToMirror(db, limit)),
    markMirrored: (inboxIds, now) => conn.read((db) => markMirrored(db, inboxIds, iso(now))),
  };
}
