import { Command } from 'commander';
import { registerDemoCommand } from './demo-command';
import { registerPlanCommand } from './plan-command';
import { registerServeCommand } from './serve-command';

const program = new Command()
  .name('shopsync')
  .description('Replay-safe ERPNext <-> Shopify sync: webhook ingress, durable inbox, idempotent workers.')
  .showHelpAfterError();

registerServeCommand(program);
registerPlanCommand(program);
registerDemoCommand(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`shopsync: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
