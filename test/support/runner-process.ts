import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
export { freePort } from '@shopsync/demo';

const CLI = join(__dirname, '..', '..', 'packages', 'runner', 'bin', 'shopsync.js');

export interface ServeProcess {
  readonly child: ChildProcess;
  /** The runner's base URL, from its "runner.started" log line. */
  readonly url: string;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
}

/** `shopsync serve` as a real child process; resolves once its log line says it listens. */
export function startServe(configPath: string, env?: NodeJS.ProcessEnv): Promise<ServeProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'serve', '--config', configPath], { stdio: ['ignore', 'pipe', 'pipe'], ...(env === undefined ? {} : { env }) });
    let output = '';
    let started = false;
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = started ? undefined : output.split('\n').find((candidate) => candidate.includes('"msg":"runner.started"'));
      if (line !== undefined) {
        started = true;
        resolve({ child, url: (JSON.parse(line) as { url: string }).url, output: () => output });
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code, signal) => {
      if (!started) reject(new Error(`shopsync serve exited early (${code ?? signal}): ${output}`));
    });
  });
}

export function kill(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}
