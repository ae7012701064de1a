import type { FailureStatus } from '../../store-records';
import { one, run, type Db } from './query';

/** Moves a failure from one status to the next; false when it was not in `from` any more. */
export async function setFailureStatus(db: Db, failureId: number, from: FailureStatus, to: FailureStatus): Promise<boolean> {
  return (await run(db, 'UPDATE failures SET status = $3 WHERE id = $1 AND status = $2', [failureId, from, to])) === 1;
}

/** Another live (open or retrying) failure for the same resource and problem, which a retry would clash with. */
export async function liveTwinOf(db: Db, failureId: number): Promise<number | null> {
  const row = await one<{ id: number }>(
    db,
    `SELECT o.id FROM failures f JOIN failures o ON o.resource_key = f.resource_key AND o.code = f.code AND o.id <> f.id
     WHERE f.id = $1 AND o.status IN ('open', 'retrying')`,
    [failureId],
  );
  return row?.id ?? null;
}
