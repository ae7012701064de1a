import { parseArgs } from 'node:util';
import { createShopifySimulator, type ShopifySimulatorOptions } from './create-shopify-simulator';
import { SHOPIFY_PLANS, type ShopifyPlan } from './graphql/leaky-bucket';

// Standalone simulated shop for the demo and manual runs:
//   npm run sim:shopify -- --port 8081 --access-token TOKEN --webhook-secret SECRET
// Every problem with the arguments is reported at once, then exit code 2 (STYLE C9).

const USAGE = `usage: sim:shopify [--port N] [--host H] [--access-token T] [--webhook-secret S] [--seed N]
                  [--shop-domain D] [--api-version V] [--time-scale N] [--plan standard|advanced|plus|enterprise]`;

function parseOptions(argv: string[]): { port: number; host: string; options: ShopifySimulatorOptions } | { problems: string[] } {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      port: { type: 'string', default: '0' },
      host: { type: 'string', default: '127.0.0.1' },
      'access-token': { type: 'string' },
      'webhook-secret': { type: 'string' },
      seed: { type: 'string', default: '1' },
      'shop-domain': { type: 'string' },
      'api-version': { type: 'string' },
      'time-scale': { type: 'string' },
      plan: { type: 'string' },
    },
  });
  const problems: string[] = [];
  const integer = (name: string, text: string | undefined, min: number, max: number): number => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < min || n > max) problems.push(`--${name} must be an integer in [${min}, ${max}], received ${JSON.stringify(text)}`);
    return n;
  };
  const port = integer('port', values.port, 0, 65535);
  const seed = integer('seed', values.seed, 0, 2 ** 32 - 1);
  const timeScale = values['time-scale'] === undefined ? undefined : Number(values['time-scale']);
  if (timeScale !== undefined && !(timeScale > 0)) problems.push(`--time-scale must be a positive number, received ${JSON.stringify(values['time-scale'])}`);
  if (values['api-version'] !== undefined && !/^\d{4}-\d{2}$|^unstable$/.test(values['api-version'])) {
    problems.push(`--api-version must look like 2026-10, received ${JSON.stringify(values['api-version'])}`);
  }
  const plan = values.plan;
  if (plan !== undefined && !(plan in SHOPIFY_PLANS)) problems.push(`--plan must be one of ${Object.keys(SHOPIFY_PLANS).join(', ')}, received ${JSON.stringify(plan)}`);
  if (problems.length > 0) return { problems };
  const options: ShopifySimulatorOptions = { seed };
  if (values['access-token'] !== undefined) options.accessToken = values['access-token'];
  if (values['webhook-secret'] !== undefined) options.webhookSecret = values['webhook-secret'];
  if (values['shop-domain'] !== undefined) options.shopDomain = values['shop-domain'];
  if (values['api-version'] !== undefined) options.apiVersion = values['api-version'];
  if (timeScale !== undefined) options.timeScale = timeScale;
  if (plan !== undefined) options.graphql = { plan: plan as ShopifyPlan };
  return { port, host: values.host ?? '127.0.0.1', options };
}

async function main(): Promise<void> {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(process.argv.slice(2));
  } catch (err) {
    parsed = { problems: [(err as Error).message] };
  }
  if ('problems' in parsed) {
    for (const problem of parsed.problems) console.error(`sim:shopify: ${problem}`);
    console.error(USAGE);
    process.exit(2);
  }
  const sim = createShopifySimulator(parsed.options);
  const { url } = await sim.listen(parsed.port, parsed.host);
  console.log(`Shopify simulator for ${sim.shop.domain} listening on ${url}`);
  console.log(`GraphQL Admin API: ${url}/admin/api/${parsed.options.apiVersion ?? '2026-10'}/graphql.json`);
  if (parsed.options.accessToken === undefined) console.log('warning: no --access-token given, /_sim routes are open');
  const stop = (): void => {
    void sim.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
