import Database from 'better-sqlite3';
import { runCli, type Env } from './serve-process';
import type { OpenFailure } from './store-findings';

export interface RetryOutcome {
  readonly retried: number;
  /** Parked failures a plain retry fixed: parked for nothing, each with its code and sentence. */
  readonly fixedByRetry: readonly string[];
  /** The CLI refused or failed: the check could not be made as an operator would. */
  readonly problems: readonly string[];
}

interface FailureState {
  readonly id: number;
  readonly status: string;
  readonly applied: number;
}

function failureStates(path: string, ids: readonly number[]): FailureState[] {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const query = db.prepare(
      `SELECT f.id, f.status, (SELECT COUNT(*) FROM evidence e JOIN inbox i ON i.id = e.inbox_id
         WHERE e.kind IN ('retry', 'requeue') AND json_extract(e.data, '$.failureId') = f.id AND i.status IN ('applied', 'superseded')) AS applied
       FROM failures f WHERE f.id = ?`,
    );
    return ids.map((id) => query.get(id) as FailureState);
  } finally {
    db.close();
  }
}

/**
 * Every parked failure retried once, through the CLI as an operator would (`shopsync failures retry
 * ID… --config FILE`), and the inbox drained again by the running `serve` (`drain`). A failure that
 * resolves — its events now apply — was parked although a retry would simply have fixed it: the
 * runner should have retried it itself. Faults are off by now, so the retry meets a healthy ERPNext.
 */
export async function retryParked(failures: readonly OpenFailure[], configPath: string, statePath: string, env: Env, drain: () => Promise<void>): Promise<RetryOutcome> {
  const open = failures.filter((failure) => failure.category !== 'drift');
  if (open.length === 0) return { retried: 0, fixedByRetry: [], problems: [] };
  const cli = await runCli(['failures', 'retry', ...open.map((failure) => String(failure.id)), '--config', configPath, '--json'], env);
  const problems = cli.code === 0 ? [] : [`\`shopsync failures retry\` exited ${cli.code}: ${(cli.stderr || cli.stdout).trim().slice(0, 500)}`];
  await drain();
  const byId = new Map(open.map((failure) => [failure.id, failure]));
  const fixedByRetry = failureStates(statePath, open.map((failure) => failure.id))
    .filter((state) => state.status === 'resolved' || state.applied > 0)
    .map((state) => {
      const failure = byId.get(state.id)!;
      return `failure ${failure.id} (${failure.resource}) ${failure.code} applied after one retry: "${failure.message}"`;
    });
  return { retried: open.length, fixedByRetry, problems };
}
