import type { FailureStatus } from './store-records';

/**
 * What an operator may do to a stored event or failure, and the rules that make every action safe to
 * repeat. The rules are pure so that every store (SQLite, the in-memory fake, a later PostgreSQL)
 * applies exactly the same ones; the contract battery checks that they do.
 *
 * - retry: the same stored event goes back to pending with its attempts reset.
 * - requeue: the same as retry today; the evidence records `requeue`, so once the planner can re-read
 *   the latest Shopify state first, requeued events are the ones that will do so.
 * - replay: any terminal event (applied too) is run again through the same path; writes are keyed.
 */
export const EVENT_ACTIONS = ['retry', 'requeue', 'replay'] as const;
export type EventAction = (typeof EVENT_ACTIONS)[number];

export type RequeueOutcome = 'requeued' | 'already_pending' | 'not_found';

export const FAILURE_ACTIONS = ['retry', 'requeue', 'ignore'] as const;
export type FailureAction = (typeof FAILURE_ACTIONS)[number];

export type FailureActionOutcome =
  | 'retrying'
  | 'ignored'
  | 'already_retrying'
  | 'already_ignored'
  | 'already_resolved'
  | 'refused'
  | 'not_found';

export interface FailureActionResult {
  readonly failureId: number;
  readonly outcome: FailureActionOutcome;
  /** The events set back to pending by this call (none when repeated). */
  readonly requeued: readonly number[];
  readonly message: string;
}

export type FailureTransition = { readonly ok: true; readonly next: FailureStatus } | { readonly ok: false; readonly outcome: FailureActionOutcome; readonly message: string };

/** The failure state machine; repeating an action lands on an `already_*` outcome that changes nothing. */
export function failureTransition(current: FailureStatus, action: FailureAction): FailureTransition {
  if (current === 'resolved') return { ok: false, outcome: 'already_resolved', message: 'already resolved: its events no longer fail' };
  if (action === 'ignore') {
    if (current === 'open') return { ok: true, next: 'ignored' };
    if (current === 'ignored') return { ok: false, outcome: 'already_ignored', message: 'already ignored' };
    return { ok: false, outcome: 'refused', message: 'a retry is in progress; ignore it if it fails again' };
  }
  if (current === 'retrying') return { ok: false, outcome: 'already_retrying', message: 'a retry is already in progress' };
  return { ok: true, next: 'retrying' };
}

/** The sentence for a transition that went through. */
export function failureActionMessage(action: FailureAction, requeued: readonly number[]): string {
  if (action === 'ignore') return 'ignored; its event stays failed';
  const events = requeued.length === 0 ? 'no failed event left to requeue' : `event${requeued.length === 1 ? '' : 's'} ${requeued.join(', ')} back to pending`;
  return `${action === 'requeue' ? 'requeued' : 'retrying'}: ${events}`;
}
