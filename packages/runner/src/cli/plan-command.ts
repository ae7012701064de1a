import { readFileSync } from 'node:fs';
import { DEFAULT_SYNC_SETTINGS, describeFailure, planEvent, type Operation, type Plan, type SyncSettings } from '@shopsync/core';
import type { Command } from 'commander';
import { loadMappingConfig } from '../config/load-config';
import { settingsFrom } from '../create-runner';

interface PlanOptions {
  topic: string;
  payload: string;
  shop: string;
  config?: string;
  json?: boolean;
}

function operationToJson(op: Operation) {
  switch (op.kind) {
    case 'ensure_document':
      return { key: op.key, kind: op.kind, doctype: op.doctype, doc: op.doc, submit: op.submit, dependsOn: op.dependsOn };
    case 'ensure_mapped_document':
      return { key: op.key, kind: op.kind, doctype: op.doctype, method: op.method, args: op.args, changes: op.set, submit: op.submit, dependsOn: op.dependsOn };
    case 'cancel_document':
      return { key: op.key, kind: op.kind, doctype: op.doctype, target: op.target, dependsOn: op.dependsOn };
    case 'update_document':
      return { key: op.key, kind: op.kind, doctype: op.doctype, target: op.target, changes: op.changes, dependsOn: op.dependsOn };
  }
}

/** The plan as one JSON object, the shape `shopsync plan --json` promises. */
export function planToJson(plan: Plan) {
  return {
    outcome: plan.outcome,
    reason: plan.reason,
    operations: plan.operations.map(operationToJson),
    failure: plan.failure === null ? null : { code: plan.failure.code, category: plan.failure.category, message: describeFailure(plan.failure) },
  };
}

function planToText(plan: Plan): string {
  const lines = [`outcome: ${plan.outcome}${plan.reason === null ? '' : ` (${plan.reason})`}`];
  plan.operations.forEach((op, index) => {
    lines.push(`${index + 1}. ${op.kind} ${op.doctype}${(op.kind === 'ensure_document' || op.kind === 'ensure_mapped_document') && op.submit ? ' (submitted)' : ''}  key=${op.key}`);
  });
  if (plan.failure !== null) lines.push(`failure [${plan.failure.category}] ${plan.failure.code}: ${describeFailure(plan.failure)}`);
  return lines.join('\n');
}

function settingsFor(options: PlanOptions): SyncSettings {
  if (options.config === undefined) return DEFAULT_SYNC_SETTINGS;
  // Only the mapping: plan writes nothing and calls nobody, so it needs none of the secrets.
  const loaded = loadMappingConfig(options.config);
  if (!loaded.ok) throw new Error(`invalid config ${options.config}:\n  ${loaded.problems.join('\n  ')}`);
  return settingsFrom({ mapping: loaded.mapping });
}

export function registerPlanCommand(program: Command): void {
  program
    .command('plan')
    .description('print what shopsync would do with one webhook payload, writing nothing')
    .requiredOption('--topic <topic>', 'webhook topic, e.g. orders/create')
    .requiredOption('--payload <file>', 'the webhook body (JSON file)')
    .option('--shop <domain>', 'shop domain the webhook came from', 'example.myshopify.com')
    .option('--config <file>', 'take the ERPNext mapping (company, warehouse …) from this config file')
    .option('--json', 'print one JSON object')
    .action((options: PlanOptions) => {
      const payload: unknown = JSON.parse(readFileSync(options.payload, 'utf8'));
      const plan = planEvent({ shop: options.shop.toLowerCase(), topic: options.topic, payload }, settingsFor(options));
      process.stdout.write(`${options.json ? JSON.stringify(planToJson(plan)) : planToText(plan)}\n`);
    });
}
