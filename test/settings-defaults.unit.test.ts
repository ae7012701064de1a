import { DEFAULT_SYNC_SETTINGS, SYNC_SETTINGS_DEFAULTS } from '@shopsync/core';
import { configTemplate, MAPPING_PLACEHOLDERS, MappingSchema, parseConfig, settingsFrom } from '@shopsync/runner';

/**
 * One settings shape, one source of defaults: the core's SyncSettings and SYNC_SETTINGS_DEFAULTS.
 * The runner's zod schema of `mapping` is checked against the type by `satisfies` (its output fits
 * SyncSettings) and here (it has no key SyncSettings lacks); `init` writes what that schema fills in.
 */
const TEMPLATE_OPTIONS = { shop: 'acme.myshopify.com', erpnextUrl: 'https://erp.example.com', storePath: 'state.sqlite', webhookAddress: 'https://sync.example.com/webhooks/shopify' };
const SECRETS = { apiKey: 'k', apiSecret: 's' };

describe('the mapping schema and the core settings', () => {
  test('have the same keys', () => {
    expect(Object.keys(MappingSchema.shape).sort()).toEqual(Object.keys(DEFAULT_SYNC_SETTINGS).sort());
  });

  test('only the keys without a core default are required', () => {
    const result = MappingSchema.safeParse({});
    expect(result.success ? [] : result.error.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['company', 'companyCurrency', 'customerGroup', 'defaultWarehouse', 'territory']);
  });

  test('a mapping of the required keys alone parses to the core defaults', () => {
    const mapping = MappingSchema.parse(MAPPING_PLACEHOLDERS);
    expect(mapping).toEqual({ ...MAPPING_PLACEHOLDERS, ...SYNC_SETTINGS_DEFAULTS, fieldAuthority: {} });
    expect(settingsFrom({ mapping })).toEqual({ ...MAPPING_PLACEHOLDERS, ...SYNC_SETTINGS_DEFAULTS });
  });
});

describe('the file `init` writes', () => {
  const template = configTemplate(TEMPLATE_OPTIONS);
  const withSecrets = (config: Record<string, unknown>) => ({
    ...config,
    shops: [{ ...(config.shops as Array<Record<string, unknown>>)[0], webhookSecrets: ['w'] }],
    erpnext: { ...(config.erpnext as object), ...SECRETS },
  });

  test('parses to the defaults: the same config as one giving only what has no default', () => {
    const fromTemplate = parseConfig(withSecrets(template));
    const minimal = parseConfig(withSecrets({
      shops: [{ domain: TEMPLATE_OPTIONS.shop }],
      webhookAddress: TEMPLATE_OPTIONS.webhookAddress,
      erpnext: { url: TEMPLATE_OPTIONS.erpnextUrl },
      store: { path: TEMPLATE_OPTIONS.storePath },
      mapping: MAPPING_PLACEHOLDERS,
    }));
    expect(fromTemplate.ok && minimal.ok).toBe(true);
    if (!fromTemplate.ok || !minimal.ok) return;
    expect(fromTemplate.config).toEqual(minimal.config);
    expect(settingsFrom(fromTemplate.config)).toEqual({ ...MAPPING_PLACEHOLDERS, ...SYNC_SETTINGS_DEFAULTS });
  });

  test('writes every mapping key, so the operator sees each default', () => {
    expect(Object.keys(template.mapping as object).filter((key) => key !== '//').sort()).toEqual(Object.keys(DEFAULT_SYNC_SETTINGS).sort());
  });
});
