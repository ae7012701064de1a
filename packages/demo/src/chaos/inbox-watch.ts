import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';

/**
 * A read-only look at the state file a running `serve` writes (SQLite WAL lets a reader in beside
 * the writer): how much work is unfinished. Opened on first use, since serve creates the file.
 */
export class InboxWatch {
  private db: Database.Database | null = null;

  constructor(private readonly path: string) {}

  /** Events pending (new, waiting for a retry or for another event of their order) or claimed by a worker. */
  unfinished(): number {
    const db = this.open();
    if (db === null) return Number.POSITIVE_INFINITY;
    return (db.prepare("SELECT COUNT(*) AS n FROM inbox WHERE status IN ('pending', 'claimed')").get() as { n: number }).n;
  }

  /** The backlog by state, for progress lines: new or waiting events, and those a worker holds. */
  backlog(): { readonly pending: number; readonly claimed: number } {
    const db = this.open();
    if (db === null) return { pending: 0, claimed: 0 };
    const rows = db.prepare("SELECT status, COUNT(*) AS n FROM inbox WHERE status IN ('pending', 'claimed') GROUP BY status").all() as Array<{ status: string; n: number }>;
    return { pending: rows.find((row) => row.status === 'pending')?.n ?? 0, claimed: rows.find((row) => row.status === 'claimed')?.n ?? 0 };
  }

  /** What is still unfinished, by topic and reason, for a report when the run does not settle. */
  describeUnfinished(limit = 10): string[] {
    const db = this.open();
    if (db === null) return ['no state file'];
    const rows = db
      .prepare("SELECT id, topic, status, resource_key AS resource, reason FROM inbox WHERE status IN ('pending', 'claimed') ORDER BY id LIMIT ?")
      .all(limit) as Array<{ id: number; topic: string; status: string; resource: string; reason: string | null }>;
    return rows.map((row) => `event ${row.id} ${row.topic} (${row.resource}) still ${row.status}${row.reason === null ? '' : `: ${row.reason}`}`);
  }

  close(): void {
    this.db?.close();
    this.db = null;
  }

  private open(): Database.Database | null {
    if (this.db === null && existsSync(this.path)) this.db = new Database(this.path, { readonly: true, fileMustExist: true });
    return this.db;
  }
}
