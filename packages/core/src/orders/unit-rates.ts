import { coreFailure } from '../failures/make-failure';
import type { Failure, FailureSubject } from '../failures/failure';
import { formatCents, sumCents } from '../money/cents';
import type { SyncSettings } from '../settings/sync-settings';
import type { ChargeRow } from './charge-row';

/** What is left when a line's net amount is booked as quantity × a whole-cent unit rate. */
export interface RateRemainder {
  readonly lineTitle: string;
  readonly netCents: number;
  readonly qty: number;
  /** net − qty × rate: 0 ≤ cents < qty on a Sales Order; either sign on a credit note. */
  readonly cents: number;
}

/**
 * ERPNext books a line as qty × rate, and its rate has the currency's precision. A net amount that
 * the quantity does not divide gets the rate rounded down, and the remainder is booked apart
 * (roundingCharge) rather than spread over lines it does not belong to.
 */
export function unitRate(netCents: number, qty: number): { rateCents: number; remainderCents: number } {
  const rateCents = Math.floor(netCents / qty);
  return { rateCents, remainderCents: netCents - rateCents * qty };
}

/**
 * One "Actual" row on the rounding account carrying every remainder, its description naming each
 * line and amount so the evidence says where the cents came from. No remainder, no row and no need
 * for the account; a remainder without one is a mapping failure naming the line.
 */
export function roundingCharge(remainders: readonly RateRemainder[], settings: SyncSettings, subject: FailureSubject, exponent: number): ChargeRow[] | Failure {
  const left = remainders.filter((remainder) => remainder.cents !== 0);
  const cents = sumCents(left.map((remainder) => remainder.cents));
  if (cents === 0) return [];
  if (settings.roundingAccount === null) {
    const first = left[0]!;
    return coreFailure('mapping.rounding_account_unmapped', subject, { lineTitle: first.lineTitle, amount: formatCents(cents, exponent) });
  }
  const parts = left.map((remainder) => `"${remainder.lineTitle}" ${formatCents(remainder.netCents, exponent)} net over ${remainder.qty} units leaves ${formatCents(remainder.cents, exponent)}`);
  return [{ account: settings.roundingAccount, description: `Unit-rate rounding: ${parts.join('; ')}`, cents }];
}
