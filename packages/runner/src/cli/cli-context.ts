/** Where a command writes; tests pass a recorder, the binary passes stdout and stderr. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

/** Everything a command may take from its surroundings, read once by main.ts (STYLE C9). */
export interface CliContext {
  readonly io: CliIo;
  /** The environment as it was at start; commands never read the process environment themselves. */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly now: () => Date;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

/** Prints one JSON document (`--json`) or the human text. */
export function emit(ctx: CliContext, json: boolean | undefined, value: unknown, text: () => string): void {
  ctx.io.out(json ? JSON.stringify(value, null, 2) : text());
}

/** Parses a positive integer argument, naming the option and the value on failure. */
export function positiveInt(name: string) {
  return (value: string): number => {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`${name} must be a positive whole number, got "${value}"`);
    return parsed;
  };
}

/** Runs a command body and sets the exit code from its result. */
export function exitCodeOf(run: Promise<number>): Promise<void> {
  return run.then((code) => {
    process.exitCode = code;
  });
}
