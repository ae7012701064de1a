import Database from 'better-sqlite3';

/** How often the checkpointer copies the WAL's committed pages into the database file. */
export const CHECKPOINT_EVERY_MS = 50;
/** WAL pages (4 KB) after which the checkpointer also starts the WAL over (~16 MB). */
export const RESTART_AFTER_PAGES = 4_096;

/**
 * The WAL checkpointer, on a thread and a connection of its own. With the default automatic
 * checkpoint, the committing connection — the store thread — copies the WAL into the database file
 * itself every ~40 MB, and at ingress speed (an 8.5 KB payload and its rows per webhook) that stalled
 * every commit behind it: `npm run bench`'s ingress p99 was 64 ms with it and 26 ms without it.
 * A PASSIVE checkpoint runs beside the writer (WAL lets it append while committed frames are copied).
 * Under steady load it never quite catches up, so the WAL would only grow: once it passes ~16 MB a
 * RESTART checkpoint copies what the last PASSIVE one left (a few frames, so the writer waits only
 * that long) and makes the next writer start the WAL from the beginning. The store thread keeps a far
 * larger automatic checkpoint as a safety net should this thread stop.
 */
export function runCheckpointer(path: string, everyMs: number = CHECKPOINT_EVERY_MS): () => void {
  const db = new Database(path);
  db.pragma('busy_timeout = 5000');
  const timer = setInterval(() => {
    try {
      const [state] = db.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number }>;
      if ((state?.log ?? 0) > RESTART_AFTER_PAGES) db.pragma('wal_checkpoint(RESTART)');
    } catch {
      // Busy or the file went away while closing: the next round (or the store's own safety net) checkpoints.
    }
  }, everyMs);
  return () => {
    clearInterval(timer);
    db.close();
  };
}
