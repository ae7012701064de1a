import type Database from 'better-sqlite3';
import type { MirrorPort } from '../ports/mirror-port';
import { eventsToMirror, markMirrored } from '../sql/events-to-mirror';
import { iso } from './sqlite-connection';

export function sqliteMirrorPort(db: Database.Database): MirrorPort {
  return {
    eventsToMirror: async (limit) => eventsToMirror(db, limit),
    markMirrored: async (inboxIds, now) => markMirrored(db, inboxIds, iso(now)),
  };
}
