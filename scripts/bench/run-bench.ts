import { cpus } from 'node:os';
import { readOptions, type BenchOptions } from './options';
import { endToEnd } from './part-end-to-end';
import { erpnextRequests } from './part-erpnext-requests';
import { realErpnext, realErpnextConfigured } from './part-real-erpnext';
import { drain } from './part-drain';
import { ingress } from './part-ingress';
import { restart } from './part-restart';
import { memory } from './part-rss';
import { cleanUpEverything } from './processes';
import { formatReport, type BenchResult } from './report';

/**
 * `npm run bench [-- --seconds 10 --orders 2000 --events 1000000 --connections 50 --backlog 5000
 * --drain-backlog 100000 --drain-measure 5000
 * --only ingress,endToEnd,erpnextRequests,rssMb,restartMs,drain,realErpnext --json
 * --real-orders 30 --real-rounds 2 --real-items CODE,… --real-mapping FILE --real-erpnext-sim]`
 *
 * The whole path a user runs: `shopsync serve --config FILE` as a child process (the real binary,
 * workers on, production defaults except the addresses, the state file and the flows a scenario
 * needs), the ERPNext simulator and the load generator each in a process of their own, every figure
 * from this one run. What each figure measures: BENCHMARKS.md, "Whole path (`npm run bench`)".
 * Speed targets live here and in the part files, never in timed tests (STYLE C13, C15).
 */
function realErpnextNote(env: NodeJS.ProcessEnv, options: BenchOptions): string {
  if (!options.only.has('realErpnext')) return 'not run: left out by --only';
  if (options.realErpnextSim) return 'run against the ERPNext SIMULATOR (--real-erpnext-sim), not a real site: it tests the comparison, its figures are not a real ERPNext\'s';
  if (realErpnextConfigured(env)) return 'run against the site at ERPNEXT_URL (url below, without credentials)';
  return 'not run: set ERPNEXT_URL, ERPNEXT_API_KEY and ERPNEXT_API_SECRET to compare against a real ERPNext site, or give --real-erpnext-sim to run the comparison against the ERPNext simulator';
}

const progress = (line: string) => process.stderr.write(`bench: ${line}\n`);

async function run(options: BenchOptions): Promise<BenchResult> {
  const result: BenchResult = {
    command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
    machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, node: process.version },
    realErpnext: null,
    realErpnextNote: realErpnextNote(process.env, options),
  };
  if (options.only.has('ingress')) {
    progress(`ingress: floor server, then serve in shadow and live mode, ${options.seconds} s each after 1 s warm-up`);
    result.ingress = await ingress({ connections: options.connections, seconds: options.seconds, modes: ['shadow', 'live'] });
  }
  if (options.only.has('endToEnd')) {
    progress(`end to end: ${options.orders} paid orders through serve (live) into the ERPNext simulator`);
    result.endToEnd = await endToEnd({ orders: options.orders, connections: options.connections });
  }
  if (options.only.has('erpnextRequests')) {
    progress('ERPNext requests per scenario');
    result.erpnextRequests = await erpnextRequests();
  }
  if (options.only.has('rssMb')) {
    progress(`memory: serve on an empty store, then on ${options.events} stored events (filling them first)`);
    result.rssMb = await memory({ events: options.events });
  }
  if (options.only.has('restartMs')) {
    progress(`restart: SIGKILL while draining a ${options.backlog}-event backlog, then spawn again`);
    const r = await restart({ backlog: options.backlog });
    result.restartMs = r.restartMs;
    result.restart = r.detail;
  }
  if (options.only.has('drain')) {
    progress(`drain: ${options.drainBacklog} orders/create events pending (filling them first), serve in shadow mode, the first ${Math.min(options.drainMeasure, options.drainBacklog)} settled`);
    result.drain = await drain({ backlog: options.drainBacklog, measured: options.drainMeasure });
  }
  if (options.only.has('realErpnext') && (options.realErpnextSim || realErpnextConfigured(process.env))) {
    progress(`real ERPNext: ${options.realOrders} paid new-customer orders per round, bare REST loop vs serve, ${options.realRounds} round(s) each, concurrency 4`);
    result.realErpnext = await realErpnext(
      { orders: options.realOrders, rounds: options.realRounds, items: options.realItems, mappingFile: options.realMapping, simulator: options.realErpnextSim },
      process.env,
      progress,
    );
  }
  return result;
}

const options = readOptions(process.argv.slice(2));
run(options).then(
  (result) => {
    process.stdout.write(options.json ? `${JSON.stringify(result)}\n` : formatReport(result));
    cleanUpEverything();
    process.exit(0);
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    cleanUpEverything();
    process.exit(1);
  },
);
