import { parseArgs } from 'node:util';
import { createErpnextSimulator } from './create-erpnext-simulator';

/** `npm run sim:erpnext -- --port 8000 --api-key KEY --api-secret SECRET`: the simulator on its own. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8000' },
      host: { type: 'string', default: '127.0.0.1' },
      'api-key': { type: 'string' },
      'api-secret': { type: 'string' },
      company: { type: 'string' },
      'no-tracebacks': { type: 'boolean', default: false },
    },
  });
  const port = Number(values.port);
  const problems: string[] = [];
  if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push(`--port must be 0..65535, got ${values.port}`);
  if (!values['api-key']) problems.push('--api-key is required');
  if (!values['api-secret']) problems.push('--api-secret is required');
  if (problems.length > 0) {
    for (const problem of problems) console.error(problem);
    process.exit(2);
  }
  const simulator = createErpnextSimulator({
    apiKey: String(values['api-key']),
    apiSecret: String(values['api-secret']),
    tracebacks: !values['no-tracebacks'],
    ...(values.company ? { company: values.company } : {}),
  });
  const { url } = await simulator.listen(port, values.host);
  console.log(`ERPNext simulator listening on ${url}`);
  const stop = (): void => {
    void simulator.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
