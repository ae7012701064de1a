import { join } from 'node:path';
import type { Config } from '@shopsync/runner';
import { freePort, ServeProcess, type Env } from '../chaos/serve-process';
import { writeFleetConfig, type FleetConfigInput } from './fleet-config';

export interface FleetRunner {
  readonly index: number;
  readonly port: number;
  readonly configPath: string;
  readonly logPath: string;
  readonly serve: ServeProcess;
}

/**
 * N `shopsync serve --config FILE` child processes (the real binary, as an operator runs it) on one
 * shared store, each on a port of its own with a config file and a log in `dir`.
 */
export class RunnerFleet {
  private constructor(
    readonly runners: readonly FleetRunner[],
    /** The config every runner has (each on a port of its own). */
    readonly config: Config,
  ) {}

  static async create(count: number, dir: string, env: Env, config: Omit<FleetConfigInput, 'port'>): Promise<RunnerFleet> {
    const runners: FleetRunner[] = [];
    let parsed: Config | undefined;
    for (let index = 0; index < count; index += 1) {
      const port = await freePort();
      const configPath = join(dir, `runner-${index + 1}.json`);
      const logPath = join(dir, `runner-${index + 1}.log`);
      parsed = writeFleetConfig(configPath, { ...config, port });
      runners.push({ index, port, configPath, logPath, serve: new ServeProcess(configPath, logPath, env) });
    }
    if (parsed === undefined) throw new Error('a fleet needs at least one runner');
    return new RunnerFleet(runners, parsed);
  }

  get ports(): number[] {
    return this.runners.map((runner) => runner.port);
  }

  /** Starts every runner at once; resolves when each has logged runner.started. */
  async start(): Promise<void> {
    await Promise.all(this.runners.map((runner) => runner.serve.start()));
  }

  /** Exits nobody asked for, across the fleet (a SIGKILL the demo sent is not one). */
  crashes(): string[] {
    return this.runners.flatMap((runner) => runner.serve.crashes.map((crash) => `runner ${runner.index + 1}: ${crash}`));
  }

  /** SIGTERM to every runner (each stops its workers and schedules, closes the store and exits); SIGKILL to one still running after `graceMs`. */
  async stop(graceMs = 10_000): Promise<void> {
    await Promise.all(this.runners.map((runner) => runner.serve.stop(graceMs)));
  }

  /** SIGKILL to whatever still runs (the clean-up path). */
  async kill(): Promise<void> {
    await Promise.all(this.runners.map((runner) => runner.serve.kill()));
  }
}
