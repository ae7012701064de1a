import type Database from 'better-sqlite3';
import type { LifecyclePort, RetentionPort } from '../ports/upkeep-ports';
import { pruneEvidence } from '../sql/prune-evidence';
import { iso } from './sqlite-connection';

export function sqliteRetentionPort(db: Database.Database): RetentionPort {
  return {
    pruneEvidence: async (olderThan) => pruneEvidence(db, iso(olderThan)),
  };
}

export function sqliteLifecyclePort(db: Database.Database): LifecyclePort {
  return {
    ping: async () => {
      db.prepare('SELECT 1').get();
    },
    close: async () => {
      db.close();
    },
  };
}
