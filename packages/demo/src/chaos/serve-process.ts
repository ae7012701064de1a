import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** The runner's real binary, as an operator runs it (the package exports it for this). */
const CLI = require.resolve('@shopsync/runner/bin/shopsync.js');

export type Env = Readonly<Record<string, string | undefined>>;

/** The caller's environment less shopsync's own variables, so the config file alone decides what a child runs with. */
export function childEnv(env: Env): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && !entry[0].startsWith('SHOPSYNC_')));
}

/**
 * `shopsync serve --config FILE` as a child process, its output appended to a log file. Killed with
 * SIGKILL (no shutdown code runs) and started again on the same config: the same port, the same
 * SQLite file. An exit nobody asked for is kept as a crash, with the end of its output.
 */
export class ServeProcess {
  readonly crashes: string[] = [];
  starts = 0;
  private child: ChildProcess | null = null;

  constructor(
    private readonly configPath: string,
    private readonly logPath: string,
    private readonly env: Env,
  ) {}

  get running(): boolean {
    return this.child !== null;
  }

  start(): Promise<void> {
    this.starts += 1;
    appendFileSync(this.logPath, `--- shopsync serve, start ${this.starts} at ${new Date().toISOString()}\n`);
    const child = spawn(process.execPath, [CLI, 'serve', '--config', this.configPath], { stdio: ['ignore', 'pipe', 'pipe'], env: childEnv(this.env) });
    this.child = child;
    let tail = '';
    return new Promise((resolve, reject) => {
      let started = false;
      const onOutput = (chunk: Buffer) => {
        const text = chunk.toString();
        appendFileSync(this.logPath, text);
        tail = (tail + text).slice(-2_000);
        if (!started && tail.includes('"msg":"runner.started"')) {
          started = true;
          resolve();
        }
      };
      child.stdout?.on('data', onOutput);
      child.stderr?.on('data', onOutput);
      child.once('exit', (code, signal) => {
        const asked = this.child !== child;
        if (this.child === child) this.child = null;
        if (!asked) this.crashes.push(`serve exited on its own (${code ?? signal}) after start ${this.starts}: …${tail.slice(-500)}`);
        if (!started) reject(new Error(`shopsync serve exited before it listened (${code ?? signal}): ${tail.slice(-1_000)}`));
      });
    });
  }

  /** SIGKILL: the process dies wherever it is, mid-write included. */
  kill(): Promise<void> {
    return this.end('SIGKILL');
  }

  /** SIGTERM: serve stops its workers, closes the store and exits; with `graceMs`, SIGKILL if it has not exited by then. */
  stop(graceMs?: number): Promise<void> {
    return this.end('SIGTERM', graceMs);
  }

  private end(signal: NodeJS.Signals, graceMs?: number): Promise<void> {
    const child = this.child;
    this.child = null;
    if (child === null || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      const late = graceMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), graceMs);
      child.once('exit', () => {
        clearTimeout(late);
        resolve();
      });
      child.kill(signal);
    });
  }
}

/** One CLI command run as a child process, as an operator types it. */
export function runCli(args: readonly string[], env: Env): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: childEnv(env) });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve({ code: code ?? (signal === null ? 1 : 128), stdout, stderr }));
  });
}

/** A free loopback port, so every restarted serve listens where Shopify keeps retrying. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
