import { parseArgs } from 'node:util';

export const PARTS = ['ingress', 'endToEnd', 'erpnextRequests', 'rssMb', 'restartMs', 'drain', 'realErpnext'] as const;
export type Part = (typeof PARTS)[number];

export interface BenchOptions {
  readonly seconds: number;
  readonly orders: number;
  readonly events: number;
  readonly connections: number;
  readonly backlog: number;
  /** drain (part-drain.ts): orders/create events pending when serve starts, and how many of them the rate is taken over. */
  readonly drainBacklog: number;
  readonly drainMeasure: number;
  readonly only: ReadonlySet<Part>;
  readonly json: boolean;
  /** realErpnext (part-real-erpnext.ts): orders per round, rounds per side, item codes and mapping file for a real site, the simulator instead. */
  readonly realOrders: number;
  readonly realRounds: number;
  readonly realItems: readonly string[] | null;
  readonly realMapping: string | null;
  readonly realErpnextSim: boolean;
}

/** Every problem with the options at once (STYLE C9); exit 2 on any. */
export function readOptions(argv: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      seconds: { type: 'string', default: '10' },
      orders: { type: 'string', default: '2000' },
      events: { type: 'string', default: '1000000' },
      connections: { type: 'string', default: '50' },
      backlog: { type: 'string', default: '5000' },
      'drain-backlog': { type: 'string', default: '100000' },
      'drain-measure': { type: 'string', default: '5000' },
      only: { type: 'string', default: PARTS.join(',') },
      json: { type: 'boolean', default: false },
      // Read by serve-rig.ts benchConcurrency(): worker and ERPNext concurrency of every serve started.
      concurrency: { type: 'string' },
      'real-orders': { type: 'string', default: '30' },
      'real-rounds': { type: 'string', default: '2' },
      'real-items': { type: 'string' },
      'real-mapping': { type: 'string' },
      'real-erpnext-sim': { type: 'boolean', default: false },
    },
  });
  const problems: string[] = [];
  const whole = (name: keyof typeof values, min: number): number => {
    const n = Number(values[name]);
    if (!Number.isInteger(n) || n < min) problems.push(`--${name} must be a whole number ≥ ${min}, got ${String(values[name])}`);
    return n;
  };
  const only = String(values.only).split(',').map((part) => part.trim()).filter((part) => part !== '');
  for (const part of only) if (!(PARTS as readonly string[]).includes(part)) problems.push(`--only: unknown part ${JSON.stringify(part)} (parts: ${PARTS.join(', ')})`);
  const options = {
    seconds: whole('seconds', 1),
    orders: whole('orders', 1),
    events: whole('events', 0),
    connections: whole('connections', 1),
    backlog: whole('backlog', 10),
    drainBacklog: whole('drain-backlog', 1),
    drainMeasure: whole('drain-measure', 1),
    only: new Set(only as Part[]),
    json: values.json === true,
    realOrders: whole('real-orders', 1),
    realRounds: whole('real-rounds', 1),
    realItems: values['real-items'] === undefined ? null : values['real-items'].split(',').map((code) => code.trim()).filter((code) => code !== ''),
    realMapping: values['real-mapping'] ?? null,
    realErpnextSim: values['real-erpnext-sim'] === true,
  };
  if (problems.length > 0) {
    for (const problem of problems) process.stderr.write(`${problem}\n`);
    process.exit(2);
  }
  return options;
}
