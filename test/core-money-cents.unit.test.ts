import { MAX_INTEGER_DIGITS, formatCents, parseCents, readCents } from '@shopsync/core';

// Money is read as exact integers in minor units, or refused (issue 11 point 4). Before, a JSON
// 1e308 became Infinity and "99999999999999999999.99" became 1e22 with its cents lost.
describe('parseCents reads money exactly or not at all', () => {
  test('decimal strings as Shopify sends them are read to the minor unit', () => {
    expect([parseCents('89.99'), parseCents('30.0'), parseCents('0.00'), parseCents('-5.00'), parseCents(' 12.34 ')]).toEqual([8999, 3000, 0, -500, 1234]);
    expect([parseCents('12.345', 3), parseCents('1000.00', 0), parseCents('1.2345', 4)]).toEqual([12345, 1000, 12345]);
  });

  test('JSON numbers count when they are exactly a decimal of the currency: 19.99 is 1999 although 19.99 × 100 is 1998.9999999999998', () => {
    expect([parseCents(19.99), parseCents(89.99), parseCents(0), parseCents(1000, 0), parseCents(12.345, 3), parseCents(-0.01)]).toEqual([1999, 8999, 0, 1000, 12345, -1]);
  });

  test('a JSON number with float noise or more decimals than the currency is refused, as such strings already were', () => {
    expect(parseCents(0.1 + 0.2)).toBeNull();
    expect(parseCents(19.999)).toBeNull();
    expect(parseCents(1000.5, 0)).toBeNull();
    expect(parseCents(12.3456, 3)).toBeNull();
    expect(parseCents(1e-7)).toBeNull();
    expect(parseCents(5e-324)).toBeNull();
    expect(readCents(19.999)).toEqual({ ok: false, refusal: 'too_precise' });
  });

  test('non-finite numbers are refused, not turned into Infinity or NaN', () => {
    expect([parseCents(Infinity), parseCents(-Infinity), parseCents(NaN)]).toEqual([null, null, null]);
    for (const value of [Infinity, -Infinity, NaN]) expect(readCents(value)).toEqual({ ok: false, refusal: 'not_a_decimal' });
  });

  test('1e308 and a 20-digit string are refused as too large, not booked as Infinity or 1e22', () => {
    expect([parseCents(1e308), parseCents('99999999999999999999.99'), parseCents('9'.repeat(400))]).toEqual([null, null, null]);
    expect(readCents(1e308)).toEqual({ ok: false, refusal: 'too_large' });
    expect(readCents(-1e308)).toEqual({ ok: false, refusal: 'too_large' });
    expect(readCents('99999999999999999999.99')).toEqual({ ok: false, refusal: 'too_large' });
    expect(readCents('9'.repeat(400))).toEqual({ ok: false, refusal: 'too_large' });
  });

  test(`the ceiling is ERPNext's decimal(21,9): ${MAX_INTEGER_DIGITS} integer digits, whatever the leading zeros`, () => {
    expect(parseCents('999999999999.99')).toBe(99999999999999);
    expect(parseCents(999999999999.99)).toBe(99999999999999);
    expect(parseCents('-999999999999.99')).toBe(-99999999999999);
    expect(parseCents('0000000000000000012.34')).toBe(1234);
    expect([parseCents('1000000000000.00'), parseCents(1e12)]).toEqual([null, null]);
    expect(readCents('1000000000000.00')).toEqual({ ok: false, refusal: 'too_large' });
    expect(readCents(1e12)).toEqual({ ok: false, refusal: 'too_large' });
  });

  test('with 4 decimals the 12 digits pass 2^53: the result is still refused rather than rounded', () => {
    expect(parseCents('900719925474.0991', 4)).toBe(Number.MAX_SAFE_INTEGER);
    expect(parseCents('900719925474.0993', 4)).toBeNull();
    expect(readCents('900719925474.0993', 4)).toEqual({ ok: false, refusal: 'too_large' });
    expect(readCents('999999999999.9999', 4)).toEqual({ ok: false, refusal: 'too_large' });
  });

  test('only plain decimals: no exponent, no "+", no bare point, no hex, no other digits or words', () => {
    for (const text of ['1e3', '1E3', '+5.00', '.5', '5.', '', ' ', '-', '0x10', '1_000', '1,000.00', 'NaN', 'Infinity', '١٢', '12.34.5', '--1']) {
      expect([text, parseCents(text)]).toEqual([text, null]);
    }
    for (const value of [null, undefined, true, {}, [], 10n]) expect(parseCents(value)).toBeNull();
  });

  test('zero is plain 0, never -0 (Jest and Object.is tell them apart)', () => {
    expect(parseCents('-0.00')).toBe(0);
    expect(parseCents(-0)).toBe(0);
    expect(formatCents(parseCents('-0.00')!)).toBe('0.00');
  });

  test('what is read prints back to the same amount', () => {
    expect([formatCents(1999), formatCents(-1), formatCents(12345, 3), formatCents(1000, 0), formatCents(Number.MAX_SAFE_INTEGER, 4)]).toEqual(['19.99', '-0.01', '12.345', '1000', '900719925474.0991']);
  });
});
