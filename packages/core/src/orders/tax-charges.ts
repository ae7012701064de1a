import { coreFailure } from '../failures/make-failure';
import type { Failure, FailureSubject } from '../failures/failure';
import type { SyncSettings } from '../settings/sync-settings';
import type { ChargeRow } from './charge-row';
import type { ShopifyTaxLine } from './shopify-order';

/**
 * The row's description: the title, with the rate appended only when the title does not already show
 * one — Shopify titles such as "MwSt 19%" carry it, and "MwSt 19% 19%" reads like two taxes.
 */
function taxDescription(title: string, rate: number): string {
  if (/\d\s*%/.test(title)) return title;
  return `${title} ${Math.round(rate * 10_000) / 100}%`;
}

/** One "Actual" row per tax title, on the account mapped for it: each tax is booked once, whatever it was charged on. */
export function taxCharges(taxLines: readonly ShopifyTaxLine[], settings: SyncSettings, subject: FailureSubject): ChargeRow[] | Failure {
  const byTitle = new Map<string, { cents: number; rate: number }>();
  for (const tax of taxLines) {
    const seen = byTitle.get(tax.title) ?? { cents: 0, rate: tax.rate };
    byTitle.set(tax.title, { cents: seen.cents + tax.cents, rate: seen.rate });
  }
  const rows: ChargeRow[] = [];
  for (const [title, { cents, rate }] of byTitle) {
    if (cents === 0) continue;
    const account = settings.taxAccounts[title];
    if (account === undefined) return coreFailure('mapping.tax_account_unmapped', subject, { taxTitle: title });
    rows.push({ account, description: taxDescription(title, rate), cents });
  }
  return rows;
}

/**
 * Splits a refunded tax amount over the titles the refunded line (or shipping) was taxed with, in
 * proportion to what each title charged; the cents lost to rounding go to the largest shares first,
 * so the parts always add up to the amount Shopify refunded. No tax lines: one "Tax" part.
 */
export function splitByTitle(cents: number, taxLines: readonly ShopifyTaxLine[]): Array<{ title: string; cents: number }> {
  const charged = taxLines.reduce((sum, tax) => sum + tax.cents, 0);
  if (taxLines.length === 0 || charged === 0) return cents === 0 ? [] : [{ title: taxLines[0]?.title ?? 'Tax', cents }];
  const exact = taxLines.map((tax) => (cents * tax.cents) / charged);
  const parts = exact.map((value) => Math.floor(value));
  let left = cents - parts.reduce((sum, value) => sum + value, 0);
  const order = exact.map((value, index) => ({ index, fraction: value - Math.floor(value) })).sort((a, b) => b.fraction - a.fraction || a.index - b.index);
  for (const { index } of order) {
    if (left === 0) break;
    parts[index] = (parts[index] ?? 0) + 1;
    left -= 1;
  }
  return taxLines.map((tax, index) => ({ title: tax.title, cents: parts[index] ?? 0 })).filter((part) => part.cents !== 0);
}
