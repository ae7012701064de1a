import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Command } from 'commander';
import { configTemplate } from '../config/config-template';
import { exitCodeOf, type CliContext } from './cli-context';

interface InitOptions {
  readonly file: string;
  readonly shop: string;
  readonly erpnextUrl: string;
  readonly store: string;
  readonly webhookAddress: string;
  readonly force?: boolean;
}

/** Writes a commented config file (JSON with "//" keys, see config-template.ts); never overwrites unless --force. */
export async function runInit(options: InitOptions, ctx: CliContext): Promise<number> {
  if (existsSync(options.file) && options.force !== true) {
    ctx.io.err(`${options.file} exists; pass --force to overwrite it`);
    return 1;
  }
  const template = configTemplate({ shop: options.shop, erpnextUrl: options.erpnextUrl, storePath: options.store, webhookAddress: options.webhookAddress });
  const folder = dirname(options.file);
  const created = existsSync(folder) ? [] : [`created folder ${folder}`];
  try {
    // The file will hold secrets once filled in: its folder is private too when init makes it.
    if (created.length > 0) mkdirSync(folder, { recursive: true, mode: 0o700 });
    writeFileSync(options.file, `${JSON.stringify(template, null, 2)}\n`, { mode: 0o600 });
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    ctx.io.err(`cannot write ${options.file}: ${code ?? 'error'} (${message}); choose a --file in a folder you can write to`);
    return 1;
  }
  ctx.io.out(
    [
      ...created,
      `wrote ${options.file}`,
      'next: fill in "mapping" for your ERPNext company, export SHOPSYNC_ERPNEXT_API_KEY, SHOPSYNC_ERPNEXT_API_SECRET,',
      `SHOPSYNC_WEBHOOK_SECRETS and SHOPSYNC_SHOPIFY_ACCESS_TOKEN, check with: shopsync doctor --config ${options.file}`,
      `then run: shopsync serve --config ${options.file}`,
    ].join('\n'),
  );
  return 0;
}

export function registerInitCommand(program: Command, ctx: CliContext): void {
  program
    .command('init')
    .description('write a commented config file to start from')
    .option('--file <path>', 'where to write it', 'shopsync.json')
    .option('--shop <domain>', 'your shop', 'your-shop.myshopify.com')
    .option('--erpnext-url <url>', 'your ERPNext site', 'https://erp.example.com')
    .option('--store <path>', 'the SQLite state file', 'shopsync-state.sqlite')
    .option('--webhook-address <url>', 'the public https URL Shopify posts webhooks to', 'https://shopsync.example.com/webhooks/shopify')
    .option('--force', 'overwrite an existing file')
    .action((options: InitOptions) => exitCodeOf(runInit(options, ctx)));
}
