import fc from 'fast-check';
import { MAX_INTEGER_DIGITS, formatCents, parseCents } from '@shopsync/core';

// Whatever a payload carries where money is expected, the reader returns an exact safe integer that
// prints back to itself, or refuses. Before issue 11, 1e308 came back as Infinity and a 20-digit
// string as 1e22 (not a safe integer), and both were booked.

const exponent = fc.constantFrom(0, 2, 3, 4);
const digits = (minLength: number, maxLength: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength, maxLength });
const pad = fc.constantFrom('', ' ', '\t', '\n', '\u00a0', '\u2003');

/** Strings near the decimal grammar: signs ("+" too), long and short digit runs, many decimals, exponents, whitespace. */
const decimalish = fc
  .tuple(pad, fc.constantFrom('', '-', '+', '--'), digits(0, 30), fc.option(digits(0, 30)), fc.option(fc.constantFrom('e3', 'E-2', 'e+308', 'e', 'E400')), pad)
  .map(([before, sign, whole, fraction, power, after]) => `${before}${sign}${whole}${fraction === null ? '' : `.${fraction}`}${power ?? ''}${after}`);

const oddDoubles = fc.constantFrom(1e308, -1e308, Number.MAX_VALUE, Number.MIN_VALUE, -0, NaN, Infinity, -Infinity, 0.1 + 0.2, 19.99, 1e12, 999999999999.99, Number.MAX_SAFE_INTEGER, 2 ** 53 + 2);

const anything = fc.oneof(
  fc.double(),
  oddDoubles,
  fc.integer(),
  fc.double().map(String),
  fc.double({ min: -1e13, max: 1e13, noNaN: true }).map((value) => value.toFixed(6)),
  decimalish,
  digits(13, 400),
  fc.constantFrom('NaN', 'Infinity', '-Infinity', '1e3', '+1.00', ' 1.00 ', '0x1F', '1_000.00', ''),
  fc.string(),
  fc.constantFrom(null, undefined, true, {}, [], [1]),
);

describe('the money reader, fed arbitrary strings and numbers (fast-check)', () => {
  test('returns a safe integer below the ceiling that prints back to itself, or null; never NaN, Infinity, -0 or an unsafe integer', () => {
    let read = 0;
    fc.assert(
      fc.property(anything, exponent, (value, e) => {
        const cents = parseCents(value, e);
        if (cents === null) return;
        read += 1;
        expect(Number.isSafeInteger(cents)).toBe(true);
        expect(Object.is(cents, -0)).toBe(false);
        expect(Math.abs(cents)).toBeLessThan(10 ** (MAX_INTEGER_DIGITS + e));
        expect(parseCents(formatCents(cents, e), e)).toBe(cents);
      }),
      { numRuns: 3000 },
    );
    // The generators do reach amounts that are read, not only refusals.
    expect(read).toBeGreaterThan(100);
  });

  test('a valid two-decimal string is read exactly (checked with BigInt) and prints back to its canonical text', () => {
    const amount = fc.tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 12n - 1n }), fc.integer({ min: 0, max: 99 }));
    fc.assert(
      fc.property(amount, ([negative, whole, fraction]) => {
        const text = `${negative ? '-' : ''}${whole}.${String(fraction).padStart(2, '0')}`;
        const expected = (whole * 100n + BigInt(fraction)) * (negative ? -1n : 1n);
        expect(parseCents(text)).toBe(Number(expected));
        expect(formatCents(parseCents(text)!)).toBe(expected === 0n ? '0.00' : text);
      }),
      { numRuns: 2000 },
    );
  });

  test('the JSON number of a two-decimal amount (19.99, not 1998.9999999999998 cents) reads as its string does', () => {
    const amount = fc.tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 12n - 1n }), fc.integer({ min: 0, max: 99 }));
    fc.assert(
      fc.property(amount, ([negative, whole, fraction]) => {
        const text = `${negative ? '-' : ''}${whole}.${String(fraction).padStart(2, '0')}`;
        expect(parseCents(Number(text))).toBe(parseCents(text));
      }),
      { numRuns: 2000 },
    );
  });

  test('in any currency, a decimal with its own number of decimals is exact, or refused once past 2^53 (4 decimals)', () => {
    const amount = fc.tuple(exponent, fc.bigInt({ min: 0n, max: 10n ** 12n - 1n }), fc.bigInt({ min: 0n, max: 9999n }));
    fc.assert(
      fc.property(amount, ([e, whole, raw]) => {
        const fraction = raw % 10n ** BigInt(e);
        const text = e === 0 ? `${whole}` : `${whole}.${String(fraction).padStart(e, '0')}`;
        const expected = whole * 10n ** BigInt(e) + fraction;
        expect(parseCents(text, e)).toBe(expected <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(expected) : null);
      }),
      { numRuns: 2000 },
    );
  });
});
