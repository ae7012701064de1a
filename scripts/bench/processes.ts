import { fork, spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Every child process and temp dir the benchmark makes, so each is gone when it exits — normally, on
 * an error or on Ctrl-C. A child is killed by its own pid, never by name.
 */
const children = new Set<ChildProcess>();
const dirs = new Set<string>();

export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `shopsync-bench-${prefix}-`));
  dirs.add(dir);
  return dir;
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  dirs.delete(dir);
}

function track(child: ChildProcess): ChildProcess {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** Synchronous: runs from process 'exit' too. */
export function cleanUpEverything(): void {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  children.clear();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs.clear();
}

process.once('exit', cleanUpEverything);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    cleanUpEverything();
    process.exit(130);
  });
}

/** A TypeScript file of this folder in its own Node process, through tsx like this one, with an IPC channel. */
export function forkScript(file: string, args: readonly string[] = []): ChildProcess {
  return track(fork(join(__dirname, file), [...args], { execArgv: process.execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
}

/** The first IPC message of `child` of this type, or an error when it exits first. */
export function nextMessage<T extends { type: string }>(child: ChildProcess, type: T['type']): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: unknown) => {
      if ((message as { type?: string }).type !== type) return;
      cleanup();
      resolve(message as T);
    };
    const onExit = (code: number | null, signal: string | null) => {
      cleanup();
      reject(new Error(`child ${child.pid} exited (${code ?? signal}) before it sent ${type}`));
    };
    const cleanup = () => {
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

export function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

const CLI = join(__dirname, '..', '..', 'packages', 'runner', 'bin', 'shopsync.js');

/** The caller's environment less shopsync's own variables, so the config file alone decides what serve runs with. */
function serveEnv(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined && !entry[0].startsWith('SHOPSYNC_')));
}

export interface Serve {
  readonly child: ChildProcess;
  readonly pid: number;
  /** http://host:port of the server (webhooks at the config's webhook path, /metrics beside it). */
  readonly url: string;
  /** performance.now() when the process was spawned, and when it logged runner.started. */
  readonly spawnedAt: number;
  readonly startedAt: number;
  /** Log lines with this `msg` so far. */
  count(msg: string): number;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** `shopsync serve --config FILE` as a user runs it; resolves at its `runner.started` log line. */
export function startServe(configPath: string, logPath: string): Promise<Serve> {
  const spawnedAt = performance.now();
  // BENCH_SERVE_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof": profile serve itself under the benchmark's load.
  const nodeArgs = (process.env.BENCH_SERVE_NODE_ARGS ?? '').split(' ').filter((arg) => arg !== '');
  const child = track(spawn(process.execPath, [...nodeArgs, CLI, 'serve', '--config', configPath], { stdio: ['ignore', 'pipe', 'pipe'], env: serveEnv() }));
  const counts = new Map<string, number>();
  let pending = '';
  return new Promise((resolve, reject) => {
    let started = false;
    const onOutput = (chunk: Buffer) => {
      appendFileSync(logPath, chunk);
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        let parsed: { msg?: string; url?: string };
        try {
          parsed = JSON.parse(line) as { msg?: string; url?: string };
        } catch {
          continue;
        }
        if (parsed.msg !== undefined) counts.set(parsed.msg, (counts.get(parsed.msg) ?? 0) + 1);
        if (!started && parsed.msg === 'runner.started' && parsed.url !== undefined) {
          started = true;
          resolve({ child, pid: child.pid!, url: parsed.url, spawnedAt, startedAt: performance.now(), count: (msg) => counts.get(msg) ?? 0, stop: (signal) => stopChild(child, signal) });
        }
      }
    };
    child.stdout!.on('data', onOutput);
    child.stderr!.on('data', onOutput);
    child.once('exit', (code, signal) => {
      if (!started) reject(new Error(`shopsync serve exited before it listened (${code ?? signal}): ${readTail(logPath)}`));
    });
  });
}

function readTail(path: string): string {
  try {
    return readFileSync(path, 'utf8').slice(-1_500);
  } catch {
    return '(no output)';
  }
}

/** Resident memory of a process in MB, from /proc/<pid>/status (VmRSS). */
export function rssMb(pid: number): number {
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (match === null) throw new Error(`no VmRSS for pid ${pid}`);
  return Math.round(Number(match[1]) / 1024);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** CPU time a process has used so far (user + system, all its threads), in ms, from /proc/<pid>/stat. */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start after the last ')': utime and stime are 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticksPerSecond = 100; // USER_HZ on Linux
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
}
