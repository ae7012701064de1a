import type { Logger } from 'pino';
import { progressGate, type ReconcileEvent } from './reconcile-events';

/** Reconcile events as structured log records (serve's logger, or `reconcile --json` on stderr). */
export function logReconcileEvents(logger: Logger, now: () => Date): (event: ReconcileEvent) => void {
  const due = progressGate(now);
  return (event) => {
    switch (event.type) {
      case 'progress':
        if (due(event.counts)) logger.info(event.counts, 'reconcile.progress');
        return;
      case 'retry':
        logger.info({ shop: event.shop, order: event.order, code: event.code, attempt: event.attempt, delayMs: event.delayMs }, 'reconcile.read_retry');
        return;
      case 'not_compared':
        logger.warn({ shop: event.shop, order: event.order.name, orderId: event.order.id, code: event.order.code, reason: event.order.reason, attempts: event.order.attempts }, 'reconcile.not_compared');
        return;
      case 'stopped':
        logger.error({ shop: event.shop, code: event.stop.code, reason: event.stop.reason, unvisited: event.stop.unvisited }, 'reconcile.shop_stopped');
        return;
      default:
        return assertNever(event);
    }
  };
}

function assertNever(value: never): never {
  throw new Error(`unexpected reconcile event ${JSON.stringify(value)}`);
}
