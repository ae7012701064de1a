import Database from 'better-sqlite3';
import { TERMINAL_STATUSES } from '@shopsync/runner';

export interface OpenFailure {
  readonly id: number;
  readonly code: string;
  readonly category: string;
  readonly message: string;
  readonly resource: string;
}

export interface StoreFindings {
  readonly events: number;
  readonly byStatus: Readonly<Record<string, number>>;
  readonly deliveries: number;
  readonly duplicateDeliveries: number;
  /** Webhooks the runner answered 2xx to that are not in the inbox. */
  readonly notStored: readonly string[];
  /** Events not final, or whose trail lacks its start (received), its plan or its end (result, agreeing with the status). */
  readonly unfinished: readonly string[];
  readonly openFailures: readonly OpenFailure[];
}

const TERMINAL: ReadonlySet<string> = new Set(TERMINAL_STATUSES);
/** A status a plan decided: the trail must hold that plan. */
const PLANNED: ReadonlySet<string> = new Set(['applied', 'skipped', 'superseded']);

interface EventRow {
  readonly id: number;
  readonly topic: string;
  readonly status: string;
  readonly resource: string;
}

/** What the trail of one event lacks, in words; null when it is complete. */
function trailProblem(event: EventRow, kinds: readonly string[], results: readonly string[], payloads: ReadonlySet<number>): string | null {
  const name = `event ${event.id} ${event.topic} (${event.resource})`;
  if (!TERMINAL.has(event.status)) return `${name} is still ${event.status}`;
  // The trail's "received" record is the inbox row itself (no evidence row since issue 15): the row and its payload.
  if (!payloads.has(event.id)) return `${name}: its payload is not stored`;
  if (PLANNED.has(event.status) && !kinds.includes('plan')) return `${name} is ${event.status} without a recorded plan`;
  const last = results.at(-1);
  if (last === undefined) return `${name} is ${event.status} without a "result" row`;
  if (last !== event.status) return `${name} is ${event.status} but its last result says ${last}`;
  return null;
}

/**
 * Reads the state file read-only, after the last `serve` stopped: every webhook the runner
 * acknowledged must be there, and every stored event final with its trail received … result.
 */
export function readStoreFindings(path: string, shop: string, acknowledged: ReadonlySet<string>): StoreFindings {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const events = db.prepare('SELECT id, topic, status, resource_key AS resource FROM inbox ORDER BY id').all() as EventRow[];
    const stored = new Set((db.prepare('SELECT webhook_id AS id FROM inbox WHERE shop = ?').all(shop) as Array<{ id: string }>).map((row) => row.id));
    const trails = new Map<number, { kinds: string[]; results: string[] }>();
    for (const row of db.prepare('SELECT inbox_id AS id, kind, data FROM evidence ORDER BY inbox_id, id').iterate() as Iterable<{ id: number; kind: string; data: string }>) {
      const trail = trails.get(row.id) ?? { kinds: [], results: [] };
      trail.kinds.push(row.kind);
      if (row.kind === 'result') trail.results.push(String((JSON.parse(row.data) as { status?: unknown }).status));
      trails.set(row.id, trail);
    }
    const byStatus: Record<string, number> = {};
    for (const event of events) byStatus[event.status] = (byStatus[event.status] ?? 0) + 1;
    const payloads = new Set((db.prepare('SELECT inbox_id AS id FROM inbox_payloads').all() as Array<{ id: number }>).map((row) => row.id));
    // Each event is its first delivery; each repeat is a delivery row marked duplicate.
    const { duplicates } = db.prepare('SELECT COUNT(*) AS duplicates FROM deliveries WHERE duplicate = 1').get() as { duplicates: number };
    const openFailures = db
      .prepare("SELECT id, code, category, message, resource_key AS resource FROM failures WHERE status IN ('open', 'retrying') ORDER BY id")
      .all() as OpenFailure[];
    return {
      events: events.length,
      byStatus,
      deliveries: events.length + duplicates,
      duplicateDeliveries: duplicates,
      notStored: [...acknowledged].filter((id) => !stored.has(id)).map((id) => `webhook ${id} was answered 2xx but is not in the inbox`),
      unfinished: events.map((event) => trailProblem(event, trails.get(event.id)?.kinds ?? [], trails.get(event.id)?.results ?? [], payloads)).filter((problem): problem is string => problem !== null),
      openFailures,
    };
  } finally {
    db.close();
  }
}
