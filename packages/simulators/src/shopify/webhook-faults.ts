// Fault injection for webhook delivery: the ways real Shopify delivery misbehaves (notes §1.3–1.4)
// — duplicates, no ordering, lateness, loss — made reproducible by a seed.

export interface ShopifyWebhookFaults {
  /** Probability in [0, 1] that a delivery is POSTed once more (same webhook id, same bytes). */
  duplicateRate?: number;
  /** Probability in [0, 1] that Shopify never sends a delivery at all; it is recorded as dropped. */
  dropRate?: number;
  /** Send the next POST chosen at random among the first `window` ready ones instead of FIFO. */
  reorder?: { window: number } | false;
  /** Real milliseconds each attempt waits in the queue before it may be sent. */
  delayMs?: number;
  /** Parallel POSTs. Default 1. */
  concurrency?: number;
}

export type ResolvedWebhookFaults = { duplicateRate: number; dropRate: number; reorderWindow: number; delayMs: number; concurrency: number };

/** Validate every option and report all problems at once, naming option, expectation and value. */
export function resolveWebhookFaults(faults: ShopifyWebhookFaults, base?: ResolvedWebhookFaults): ResolvedWebhookFaults {
  const resolved: ResolvedWebhookFaults = {
    duplicateRate: faults.duplicateRate ?? base?.duplicateRate ?? 0,
    dropRate: faults.dropRate ?? base?.dropRate ?? 0,
    reorderWindow: faults.reorder === undefined ? (base?.reorderWindow ?? 1) : faults.reorder === false ? 1 : faults.reorder.window,
    delayMs: faults.delayMs ?? base?.delayMs ?? 0,
    concurrency: faults.concurrency ?? base?.concurrency ?? 1,
  };
  const problems: string[] = [];
  const rate = (name: 'duplicateRate' | 'dropRate'): void => {
    const v = resolved[name];
    if (!(v >= 0 && v <= 1)) problems.push(`${name} must be a probability in [0, 1], received ${v}`);
  };
  rate('duplicateRate');
  rate('dropRate');
  if (!Number.isInteger(resolved.reorderWindow) || resolved.reorderWindow < 1) problems.push(`reorder.window must be an integer ≥ 1, received ${resolved.reorderWindow}`);
  if (!(resolved.delayMs >= 0)) problems.push(`delayMs must be ≥ 0, received ${resolved.delayMs}`);
  if (!Number.isInteger(resolved.concurrency) || resolved.concurrency < 1) problems.push(`concurrency must be an integer ≥ 1, received ${resolved.concurrency}`);
  if (problems.length > 0) throw new Error(`invalid webhook fault options: ${problems.join('; ')}`);
  return resolved;
}
