import { ShopifySimulatorInputError } from '../../shop-inputs';
import type { SimContext } from '../sim-context';
import type { View } from '../views/resolve-fields';
import { webhookSubscriptionView } from '../views/webhook-subscription-view';
import { gidNumber } from '../views/wire-format';
import { restTopic } from './webhook-topics';

interface SubscriptionInput {
  uri?: string | null;
  callbackUrl?: string | null;
  format?: string | null;
  name?: string | null;
  includeFields?: string[] | null;
  filter?: string | null;
}

const ADDRESS_FIELD = ['webhookSubscription', 'callbackUrl'];
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

function addressProblem(address: string): string | null {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return 'Address is invalid';
  }
  // Shopify accepts only HTTPS (capture …/webhook-subscription-uri-validation.json); plain HTTP is
  // let through on loopback because receivers under test listen there.
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) return 'Address protocol http:// is not supported';
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `Address protocol ${url.protocol}// is not supported`;
  if (/(^|\.)(myshopify\.com|shopify\.com)$/.test(url.hostname)) return 'Address cannot be a Shopify or an internal domain';
  return null;
}

/** webhookSubscriptionCreate onto the existing dispatcher: deliveries start with the next event. */
export function webhookSubscriptionCreate(args: { topic: string; webhookSubscription: SubscriptionInput }, ctx: SimContext): View {
  const fail = (field: string[], message: string): View => ({ webhookSubscription: null, userErrors: [{ field, message }] });
  const input = args.webhookSubscription;
  const topic = restTopic(args.topic);
  if (!topic) return fail(['topic'], `The simulator does not deliver ${args.topic}.`);
  const address = input.uri ?? input.callbackUrl ?? '';
  if (address.trim() === '') return fail(ADDRESS_FIELD, "Address can't be blank");
  const problem = addressProblem(address.trim());
  if (problem) return fail(ADDRESS_FIELD, problem);
  if (input.format != null && input.format !== 'JSON') return fail(['webhookSubscription', 'format'], 'The simulator delivers JSON only');
  try {
    const subscription = ctx.webhooks.subscriptions.subscribe({ topic, address: address.trim(), apiVersion: ctx.apiVersion, name: input.name ?? null });
    const at = ctx.shop.now();
    ctx.state.subscriptionMeta.set(subscription.id, { createdAt: at, updatedAt: at, includeFields: input.includeFields ?? [], filter: input.filter ?? null });
    return { webhookSubscription: webhookSubscriptionView(subscription, ctx), userErrors: [] };
  } catch (err) {
    if (err instanceof ShopifySimulatorInputError) return fail(err.field === 'name' ? ['webhookSubscription', 'name'] : ADDRESS_FIELD, err.message);
    throw err;
  }
}

export function webhookSubscriptionDelete(args: { id: string }, ctx: SimContext): View {
  const id = gidNumber(args.id, 'WebhookSubscription');
  if (id === undefined || !ctx.webhooks.subscriptions.unsubscribe(id)) {
    return { deletedWebhookSubscriptionId: null, userErrors: [{ field: ['id'], message: 'Webhook subscription does not exist' }] };
  }
  ctx.state.subscriptionMeta.delete(id);
  return { deletedWebhookSubscriptionId: args.id, userErrors: [] };
}
