import { execFile } from 'node:child_process';
import { join } from 'node:path';

const CLI = join(__dirname, '..', '..', 'packages', 'runner', 'bin', 'shopsync.js');

export interface StatusJson {
  readonly backlog: { readonly pending: number; readonly claimed: number };
  readonly events: Record<string, number>;
  readonly deliveries: number;
  readonly duplicateDeliveries: number;
  readonly openFailures: number;
}

/** `shopsync status --json --db FILE`, the operator's own view of a state file. */
export function statusJson(statePath: string): Promise<StatusJson> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [CLI, 'status', '--json', '--db', statePath], { maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error !== null) return reject(new Error(`shopsync status failed: ${stderr || error.message}`));
      try {
        resolve(JSON.parse(stdout) as StatusJson);
      } catch {
        reject(new Error(`shopsync status --json printed no JSON: ${stdout.slice(0, 500)}`));
      }
    });
  });
}
