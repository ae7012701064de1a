import { ok, skipped, type CheckResult } from './types';

/** The newest event that arrived signed (not a backfill), as the state database holds it. */
export interface VerifiedDelivery {
  readonly inboxId: number;
  readonly topic: string;
  readonly receivedAt: string;
}

/**
 * The webhook secret cannot be checked remotely: Shopify never discloses the app's client secret, and
 * no Admin API call reveals which key signs deliveries. A self-signed probe POSTed to webhookAddress
 * would only prove that the running serve holds the same secret as this config — which it does when
 * both read the same file — not that Shopify signs with it, the one thing that can be wrong. So the
 * evidence is a real delivery: every event in the inbox passed the HMAC check against the configured
 * secret(s), and the newest one says when that last held.
 */
export function checkWebhookSecret(shop: string, newest: VerifiedDelivery | null): CheckResult {
  const id = 'shopify.webhook_secret';
  const howTo = `Change something small on a test order in the Shopify admin (a tag) and run \`shopsync events list --topic orders/updated --limit 1\`: the event appears when the secret is right; a wrong one shows on /metrics as shopsync_webhooks_received_total{outcome="bad_signature"}.`;
  if (newest === null) {
    return { ...skipped(id, 'the webhook secret cannot be checked remotely (Shopify never discloses the app\'s client secret), and the state database holds no signed delivery from this shop yet', howTo), shop };
  }
  return { ...ok(id, `a delivery signed by Shopify passed the HMAC check with the configured secret: ${newest.topic} received ${newest.receivedAt} (event ${newest.inboxId})`, { ...newest }), shop };
}
