import { webhookTopicEnum, type ShopInfo } from '@shopsync/shopify-client';
import { errorText, isAuthCode } from './error-text';
import { SHOPSYNC_WEBHOOK_TOPICS } from './webhook-topics';
import { ok, problem, type CheckResult, type DoctorShopify } from './types';

const TOKEN_FIX = 'Install the app on the shop (or create a custom app) with the read_orders, read_all_orders, read_products and read_customers scopes, and set SHOPSYNC_SHOPIFY_ACCESS_TOKEN (one shop) or shops[].accessToken to its Admin API access token.';

export const noToken = (shop: string): CheckResult => ({ ...problem('shopify.connection', `no Admin API access token is configured for ${shop}`, TOKEN_FIX), shop });

/**
 * The token works for this shop (the `shop` query, one point), it is the shop the config names, and
 * the shop's currency is the company's: an order in another currency is parked as
 * mapping.currency_unsupported.
 */
export async function checkShopifyConnection(shopify: DoctorShopify, shop: string, companyCurrency: string): Promise<{ result: CheckResult; info: ShopInfo | null }> {
  const id = 'shopify.connection';
  let info: ShopInfo;
  try {
    info = await shopify.shop();
  } catch (error) {
    const { code, message } = errorText(error);
    const result = isAuthCode(code)
      ? problem(id, `Shopify refused the access token for ${shop} (${code}): ${message}`, TOKEN_FIX, { code })
      : problem(id, `the Admin API of ${shop} cannot be reached (${code ?? 'error'}): ${message}`, 'Check the shop domain (and shops[].apiBaseUrl, if set) and that this machine can reach Shopify over HTTPS.', { code });
    return { result: { ...result, shop }, info: null };
  }
  const data = { name: info.name, myshopifyDomain: info.myshopifyDomain, currency: info.currencyCode, timezone: info.ianaTimezone };
  if (info.myshopifyDomain.toLowerCase() !== shop) {
    return { result: { ...problem(id, `the access token configured for ${shop} belongs to ${info.myshopifyDomain}`, `Set the access token of ${shop} itself (each shop has its own).`, data), shop }, info };
  }
  if (info.currencyCode !== companyCurrency) {
    return { result: { ...problem(id, `${shop} sells in ${info.currencyCode}, the company books in ${companyCurrency}: its orders would be parked as currency_unsupported`, 'Sync a shop whose currency is the company\'s (multi-currency is not synced yet), or correct mapping.companyCurrency if it is wrong.', data), shop }, info };
  }
  return { result: { ...ok(id, `${shop} (${info.name}) answers with this token; currency ${info.currencyCode}, time zone ${info.ianaTimezone}`, data), shop }, info };
}

/**
 * Every topic shopsync needs has a subscription delivering to `webhookAddress`. With `fix`, the
 * missing ones are created there; subscriptions to other addresses are reported, never deleted (they
 * may belong to another installation).
 */
export async function checkWebhooks(shopify: DoctorShopify, shop: string, webhookAddress: string | undefined, fix: boolean, topics: readonly string[] = SHOPSYNC_WEBHOOK_TOPICS): Promise<CheckResult> {
  const id = 'shopify.webhooks';
  if (webhookAddress === undefined) {
    return { ...problem(id, 'webhookAddress is not configured, so the subscriptions cannot be checked', 'Set webhookAddress in the config to the public https URL that reaches shopsync\'s webhook path.'), shop };
  }
  try {
    const subscriptions = await shopify.webhooks.list();
    const ours = new Set(subscriptions.filter((s) => s.uri === webhookAddress).map((s) => s.topic));
    const elsewhere = [...new Set(subscriptions.filter((s) => s.uri !== webhookAddress).map((s) => s.uri))];
    const missing = topics.filter((topic) => !ours.has(webhookTopicEnum(topic)));
    const also = elsewhere.length > 0 ? `; other addresses subscribed: ${elsewhere.join(', ')}` : '';
    if (missing.length === 0) return { ...ok(id, `all ${topics.length} topics deliver to ${webhookAddress}${also}`, { elsewhere }), shop };
    if (!fix) {
      return { ...problem(id, `${missing.length} topics do not deliver to ${webhookAddress}: ${missing.join(', ')}${also}`, 'Run `shopsync doctor --fix` to subscribe them (or subscribe them in your app\'s configuration).', { missing, elsewhere }), shop };
    }
    for (const topic of missing) await shopify.webhooks.create({ topic, uri: webhookAddress });
    return { ...ok(id, `subscribed ${missing.length} missing topics to ${webhookAddress}: ${missing.join(', ')}${also}`, { created: missing, elsewhere }), shop };
  } catch (error) {
    const { code, message } = errorText(error);
    return { ...problem(id, `the webhook subscriptions could not be ${fix ? 'read or created' : 'read'} (${code ?? 'error'}): ${message}`, 'Check that the token belongs to the app that should own the subscriptions and that webhookAddress is an https URL Shopify accepts.', { code }), shop };
  }
}
