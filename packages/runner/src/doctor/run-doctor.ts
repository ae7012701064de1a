import type { Config, ShopConfig } from '../config/config-schema';
import { checkAppVersion } from './app-version-check';
import { checkCustomFields, checkErpnextConnection } from './erpnext-checks';
import { checkAccounts, checkMasters, checkModesOfPayment } from './mapping-checks';
import { checkShopifyConnection, checkWebhooks, noToken } from './shopify-checks';
import { checkSkus } from './sku-check';
import { checkStockMapping, checkTimeZone } from './stock-checks';
import { webhookTopicsFor } from './webhook-topics';
import { settingsFrom } from '../create-runner';
import { CHECK_IDS, skipped, type CheckId, type CheckResult, type DoctorErpnext, type DoctorReport, type DoctorShopify } from './types';
import { checkWebhookSecret, type VerifiedDelivery } from './webhook-secret-check';

export interface DoctorDeps {
  readonly config: Config;
  readonly erpnext: DoctorErpnext;
  /** The Admin API client of a configured shop, or null when the config holds no token for it. */
  readonly shopify: (shop: ShopConfig) => DoctorShopify | null;
  /** Subscribe the missing webhook topics instead of only reporting them. */
  readonly fix: boolean;
  /** The newest signed delivery from a shop in the state database, when there is one. */
  readonly newestDelivery: (shop: string) => Promise<VerifiedDelivery | null>;
}

const C = CHECK_IDS;
const because = (id: CheckId, why: string, shop?: string): CheckResult => ({ ...skipped(id, `not checked: ${why}`), ...(shop === undefined ? {} : { shop }) });

async function erpnextChecks(deps: DoctorDeps): Promise<{ checks: CheckResult[]; up: boolean }> {
  const connection = await checkErpnextConnection(deps.erpnext, deps.config.erpnext.url);
  if (connection.status !== 'ok') {
    const down = 'ERPNext did not accept the connection check above';
    return { checks: [connection, because(C.customFields, down), because(C.appVersion, down), because(C.mappingMasters, down), because(C.mappingAccounts, down), because(C.modesOfPayment, down), because(C.timeZone, down)], up: false };
  }
  const { config, erpnext } = deps;
  const rest = await Promise.all([checkCustomFields(erpnext, config.erpnext.writes), checkAppVersion(erpnext), checkMasters(config, erpnext), checkAccounts(config, erpnext), checkModesOfPayment(config, erpnext), checkTimeZone(erpnext, config.mapping.erpnextTimeZone)]);
  return { checks: [connection, ...rest], up: true };
}

async function shopChecks(shop: ShopConfig, erpnextUp: boolean, deps: DoctorDeps): Promise<CheckResult[]> {
  const secret = checkWebhookSecret(shop.domain, await deps.newestDelivery(shop.domain));
  const client = deps.shopify(shop);
  if (client === null) {
    const why = 'no Admin API access token for this shop';
    return [noToken(shop.domain), because(C.skus, why, shop.domain), because(C.webhooks, why, shop.domain), secret];
  }
  const { result, info } = await checkShopifyConnection(client, shop.domain, deps.config.mapping.companyCurrency);
  if (info === null || info.myshopifyDomain.toLowerCase() !== shop.domain) {
    const why = 'the Shopify connection check above failed';
    return [result, because(C.skus, why, shop.domain), because(C.webhooks, why, shop.domain), secret];
  }
  const skus = erpnextUp ? { ...(await checkSkus(client, deps.erpnext)), shop: shop.domain } : because(C.skus, 'ERPNext is not reachable', shop.domain);
  const stock = await stockCheck(shop, client, erpnextUp, deps);
  return [result, skus, ...stock, await checkWebhooks(client, shop.domain, deps.config.webhookAddress, deps.fix, webhookTopicsFor(deps.config.flows)), secret];
}

/** Only when stock flows to Shopify: the warehouses, locations and Items it needs mapped. */
async function stockCheck(shop: ShopConfig, client: DoctorShopify, erpnextUp: boolean, deps: DoctorDeps): Promise<CheckResult[]> {
  if (deps.config.flows.inventory === 'off') return [];
  if (!erpnextUp) return [because(C.stockMapping, 'ERPNext is not reachable', shop.domain)];
  return [{ ...(await checkStockMapping(client, deps.erpnext, settingsFrom(deps.config), shop.domain)), shop: shop.domain }];
}

/**
 * Every check, each reported (never stopping at the first problem): ERPNext first, then each shop.
 * A check whose precondition failed is reported as skipped with the reason, so the list is complete.
 */
export async function runDoctor(deps: DoctorDeps): Promise<DoctorReport> {
  const erpnext = await erpnextChecks(deps);
  const checks = [...erpnext.checks];
  for (const shop of deps.config.shops) checks.push(...(await shopChecks(shop, erpnext.up, deps)));
  return { ok: !checks.some((check) => check.status === 'problem'), checks };
}
