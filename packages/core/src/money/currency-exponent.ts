/**
 * ISO 4217 minor units of the currencies that do not have two decimals. Shopify states amounts in
 * them with their own precision (a KWD price is "12.345"), so reading them as cents would refuse a
 * valid order or book it wrong.
 */
const NOT_TWO: Readonly<Record<string, number>> = {
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0, UYI: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  CLF: 4, UYW: 4,
};

/** The number of decimals of an ISO 4217 currency code (2 for any code not listed as different). */
export function currencyExponent(currency: string | null | undefined): number {
  return NOT_TWO[(currency ?? '').toUpperCase()] ?? 2;
}
