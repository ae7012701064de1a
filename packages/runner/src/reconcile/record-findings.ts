import type { InboxPort, NewDelivery, OperatorActionPort, OperatorQueryPort, ParkedFailure } from '../store/store';

/** Where findings go (see ReconcileShopOptions.findings). */
export interface FindingsTarget {
  readonly mode: 'record' | 'repair';
  readonly store: InboxPort & OperatorQueryPort & OperatorActionPort;
  readonly now: () => Date;
}

export interface FindingToRecord {
  readonly delivery: NewDelivery;
  readonly failure: ParkedFailure;
}

/**
 * Records each drifted order as a parked event with its drift failure; on repair, requeues it (a
 * repair is the recorded finding requeued: when it applies, its drift failure resolves with it),
 * requeues the order's other parked events (a payment that waited in vain for its order), and
 * enqueues its transactions.
 */
export async function recordFindings(
  target: FindingsTarget,
  shop: string,
  findings: readonly FindingToRecord[],
  paymentRepairs: readonly NewDelivery[],
): Promise<{ findingsRecorded: number; repairsEnqueued: number }> {
  let findingsRecorded = 0;
  let repairsEnqueued = 0;
  const open = target.mode === 'repair' ? await target.store.failures({ status: 'open' }) : [];
  for (const { delivery, failure } of findings) {
    const finding = await target.store.recordFinding(delivery, failure, target.now());
    if (finding.recorded) findingsRecorded += 1;
    if (target.mode !== 'repair') continue;
    if ((await target.store.requeueEvent(finding.inboxId, 'requeue', target.now())) === 'requeued') repairsEnqueued += 1;
    for (const parked of open) {
      if (parked.resourceKey === delivery.resourceKey && parked.category !== 'drift') await target.store.actOnFailure(parked.id, 'requeue', target.now());
    }
  }
  if (target.mode === 'repair' && paymentRepairs.length > 0) {
    const known = new Set(await target.store.knownWebhookIds(shop, paymentRepairs.map((delivery) => delivery.webhookId)));
    const fresh = paymentRepairs.filter((delivery) => !known.has(delivery.webhookId));
    if (fresh.length > 0) await target.store.acceptDeliveries(fresh, target.now());
  }
  return { findingsRecorded, repairsEnqueued };
}
