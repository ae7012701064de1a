/** An order of the window that was not compared, and why (a sentence starting with its code when an error caused it). */
export interface NotComparedOrder {
  readonly id: string;
  readonly name: string;
  /**
   * A stable code: the error's (`erpnext.network`, `erpnext.permission`), the planner's failure code
   * or `plan.skipped`, or `reconcile.order_unreadable` (the read's limits, admin-read/read-limits.ts) / `reconcile.order_gone`.
   */
  readonly code: string;
  readonly reason: string;
  /** Reads tried before giving up; 1 when the error was not worth repeating. */
  readonly attempts: number;
}

/** Why the rest of a shop's window was not compared (auth refused, a service unreachable). */
export interface ShopStop {
  readonly code: string;
  readonly reason: string;
  /** Orders of the window left unvisited, on top of those listed as not compared. */
  readonly unvisited: number;
}

export interface ReconcileCounts {
  readonly shop: string;
  /** Orders visited so far, of `total` in the window. */
  readonly done: number;
  readonly total: number;
  readonly compared: number;
  readonly drifted: number;
  readonly notCompared: number;
}

/**
 * What a reconcile run reports while it runs, as data: the CLI renders it as lines on stderr (or pino
 * JSON lines with --json), `serve` logs it. A run of 1,000 orders takes minutes; silence looked hung.
 */
export type ReconcileEvent =
  | { readonly type: 'progress'; readonly counts: ReconcileCounts }
  | { readonly type: 'retry'; readonly shop: string; readonly order: string | null; readonly code: string; readonly attempt: number; readonly delayMs: number }
  | { readonly type: 'not_compared'; readonly shop: string; readonly order: NotComparedOrder }
  | { readonly type: 'stopped'; readonly shop: string; readonly stop: ShopStop };

/**
 * Whether a progress event is worth showing: every `everyOrders` orders or `everyMs` of the run's
 * clock, and always the last one, so 1,000 orders give ~20 lines, not 1,000.
 */
export function progressGate(now: () => Date, everyOrders = 50, everyMs = 5_000): (counts: ReconcileCounts) => boolean {
  let shownAt = now().getTime();
  return (counts) => {
    const at = now().getTime();
    const due = counts.done === counts.total || counts.done % everyOrders === 0 || at - shownAt >= everyMs;
    if (due) shownAt = at;
    return due;
  };
}

/** The one-line form of a progress event (stderr in text mode). */
export function progressLine(counts: ReconcileCounts): string {
  return `reconcile ${counts.shop}: ${counts.done}/${counts.total} orders checked: ${counts.compared} compared, ${counts.drifted} drifted, ${counts.notCompared} not compared`;
}
