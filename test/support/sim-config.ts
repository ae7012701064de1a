import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_MAPPING, type ConfigInput } from '@shopsync/runner';
import { SIM_KEY, SIM_SECRET } from './erpnext-sim';

export const SIM_SHOP = 'shopsync-demo.myshopify.com';

/**
 * A config file for both simulators, as an operator would write it for a real site: the demo mapping,
 * the Shopify token and the simulator's API base URL. `patch` replaces whole top-level sections.
 */
export function writeSimConfig(dir: string, urls: { erpnext: string; shopify: string; accessToken?: string }, patch: Partial<ConfigInput> = {}): string {
  const file = join(dir, 'shopsync.json');
  const config: ConfigInput = {
    shops: [{ domain: SIM_SHOP, webhookSecrets: ['sim-webhook-secret'], ...(urls.accessToken === undefined ? {} : { accessToken: urls.accessToken }), apiBaseUrl: urls.shopify }],
    webhookAddress: 'http://127.0.0.1:8787/webhooks/shopify',
    erpnext: { url: urls.erpnext, apiKey: SIM_KEY, apiSecret: SIM_SECRET },
    store: { path: join(dir, 'state.sqlite') },
    mapping: DEMO_MAPPING,
    flows: { orders: 'live', customers: 'live' },
    log: { level: 'silent' },
    ...patch,
  };
  writeFileSync(file, JSON.stringify(config, null, 2));
  return file;
}
