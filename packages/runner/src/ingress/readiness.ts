/** A dependency the runner needs to do its work; `check` rejects when it cannot be reached. */
export interface ReadinessProbe {
  readonly name: string;
  check(): Promise<unknown>;
}

export interface ReadinessReport {
  readonly ready: boolean;
  /** The names of the probes that failed, in probe order. */
  readonly down: readonly string[];
  /** Per probe: "ok", or why it is down. */
  readonly checks: Readonly<Record<string, string>>;
}

function withTimeout(check: () => Promise<unknown>, timeoutMs: number): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    timer.unref();
  });
  return Promise.race([Promise.resolve().then(check), timeout]).finally(() => clearTimeout(timer));
}

/** Runs every probe at once, each bounded by `timeoutMs`, and reports all that are down. */
export async function checkReadiness(probes: readonly ReadinessProbe[], timeoutMs: number): Promise<ReadinessReport> {
  const results = await Promise.all(
    probes.map(async (probe) => {
      try {
        await withTimeout(() => probe.check(), timeoutMs);
        return [probe.name, 'ok'] as const;
      } catch (error) {
        return [probe.name, error instanceof Error ? error.message : String(error)] as const;
      }
    }),
  );
  const down = results.filter(([, verdict]) => verdict !== 'ok').map(([name]) => name);
  return { ready: down.length === 0, down, checks: Object.fromEntries(results) };
}
