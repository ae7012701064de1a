import { Command } from 'commander';
import { processIo, type CliContext } from '@shopsync/runner';
import { registerChaosCommand } from './chaos-command';
import { registerDemoCommand } from './demo-command';

// The one place that reads the environment (STYLE C9), as in the runner's cli/main.ts: the chaos run
// hands this snapshot, less shopsync's own variables, to the serve processes it starts.
const ctx: CliContext = { io: processIo, env: { ...process.env }, now: () => new Date() };

const program = new Command()
  .name('shopsync-demo')
  .description('The demo and the chaos run: the runner against the Shopify and ERPNext simulators.')
  .showHelpAfterError();

registerDemoCommand(program, ctx);
registerChaosCommand(program, ctx);

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`shopsync-demo: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
