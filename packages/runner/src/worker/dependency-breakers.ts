import { SyncError } from '@shopsync/core';
import type { Config } from '../config/config-schema';
import type { Logger } from 'pino';
import type { ErpnextPort } from './erpnext-port';
import type { LatestOrderPort } from './latest-state';
import { OutageBreaker } from './outage-breaker';

// The runner's circuit breakers, one per dependency it writes to: ERPNext, and each shop's Shopify.
// Each is driven by the same check /readyz runs for that dependency.

interface BreakerDeps {
  readonly config: Config;
  readonly erpnext: Pick<ErpnextPort, 'ping'>;
  readonly logger: Logger;
  /** The /readyz checks by name: 'erpnext', 'shopify:<domain>'. */
  readonly probes?: ReadonlyArray<{ readonly name: string; readonly check: () => Promise<unknown> }>;
}

/** The breaker probes ERPNext with /readyz's own check (or the client's ping); without either there is none. */
export function createErpnextBreaker(deps: BreakerDeps): OutageBreaker | undefined {
  const readyCheck = deps.probes?.find((probe) => probe.name === 'erpnext')?.check;
  const ping = deps.erpnext.ping?.bind(deps.erpnext);
  const probe = readyCheck ?? ping;
  if (probe === undefined) return undefined;
  return new OutageBreaker({ name: 'erpnext', probe, ...probeIntervals(deps.config), logger: deps.logger });
}

function probeIntervals(config: Config): { probeEveryMs: number; maxProbeEveryMs: number } {
  const { outageProbeMs, maxDelayMs } = config.worker;
  return { probeEveryMs: outageProbeMs, maxProbeEveryMs: Math.max(outageProbeMs, Math.min(maxDelayMs, 30_000)) };
}

/**
 * One breaker per shop whose Shopify /readyz probes (`shopify:<domain>`, ingress/shopify-probes.ts),
 * with that very check: a shop without Admin API credentials has neither probe nor breaker.
 */
export function createShopifyBreakers(deps: BreakerDeps, now: () => Date): Map<string, OutageBreaker> {
  const breakers = new Map<string, OutageBreaker>();
  for (const { name, check } of deps.probes ?? []) {
    if (!name.startsWith('shopify:')) continue;
    const shop = name.slice('shopify:'.length);
    // The store compares due times with `now`: the breaker tells when it probes next on the same clock.
    breakers.set(shop, new OutageBreaker({ name: 'shopify', logFields: { shop }, probe: check, ...probeIntervals(deps.config), logger: deps.logger, clockMs: () => now().getTime() }));
  }
  return breakers;
}

/**
 * A requeued order event (and every orders/edited) reads the order from Shopify first: while the
 * shop's breaker is open it is not asked; the error below puts the event back like a refused request.
 */
export function latestOrderUnlessDown(latestOrder: LatestOrderPort, breakers: ReadonlyMap<string, OutageBreaker>): LatestOrderPort {
  return (shop, orderId) => {
    const breaker = breakers.get(shop);
    if (breaker?.isOpen() === true) {
      const message = `${breaker.reason() ?? 'no answer'}; order ${orderId} was not read from it again`;
      return Promise.reject(SyncError.of('shopify.network', { message, details: { requestSent: false } }));
    }
    return latestOrder(shop, orderId);
  };
}
