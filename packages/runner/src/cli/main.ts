import { Command } from 'commander';
import runnerPackage from '../../package.json';
import { registerBackfillCommand } from './backfill-command';
import { processIo, type CliContext } from './cli-context';
import { registerDoctorCommand } from './doctor-command';
import { registerEventsCommand } from './events-command';
import { registerFailuresCommand } from './failures-command';
import { registerInitCommand } from './init-command';
import { registerPlanCommand } from './plan-command';
import { registerReconcileCommand } from './reconcile-command';
import { registerReplayCommand } from './replay-command';
import { registerServeCommand } from './serve-command';
import { registerStatusCommand } from './status-command';

// The one place that reads the environment (STYLE C9): commands get this snapshot, nothing later
// reads process.env (test/runner-config.int.test.ts checks it).
const ctx: CliContext = { io: processIo, env: { ...process.env }, now: () => new Date() };

const program = new Command()
  .name('shopsync')
  .description('Replay-safe ERPNext <-> Shopify sync: webhook ingress, durable inbox, idempotent workers, operator controls.')
  .version(runnerPackage.version)
  .showHelpAfterError();

registerInitCommand(program, ctx);
registerServeCommand(program, ctx);
registerDoctorCommand(program, ctx);
registerStatusCommand(program, ctx);
registerEventsCommand(program, ctx);
registerFailuresCommand(program, ctx);
registerReplayCommand(program, ctx);
registerBackfillCommand(program, ctx);
registerReconcileCommand(program, ctx);
registerPlanCommand(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`shopsync: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
