/**
 * groupedDecimal writes numbers as en-US Intl.NumberFormat (0 to d fraction digits) does, without loading ICU.
 * The oracle is Intl itself, an independent implementation (ICU's DecimalQuantity and its rounding).
 * percentNumber and percentText: margins and shares, with words for what is not a finite number.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/base/rng.js';
import { fmt, groupedDecimal, percentNumber, percentText } from '../../src/base/numberFormat.js';

const intl = Array.from(
  { length: 7 },
  (_, d) => new Intl.NumberFormat('en-US', { minimumFractionDigits: 0, maximumFractionDigits: d }),
);

describe('groupedDecimal', () => {
  it('matches Intl.NumberFormat on 200,000 random values from 1e-6 to 1e12, both signs, 0 to 6 fraction digits', () => {
    const rng = createRng(21);
    for (let i = 0; i < 200_000; i++) {
      const magnitude = 10 ** (-6 + 18 * rng.next());
      // every fourth value has few digits, so ties (…5) and exact roundings are common
      const v = (rng.next() < 0.5 ? -1 : 1) * (i % 4 === 0 ? Math.round(magnitude * 1000) / 1000 : magnitude);
      const d = rng.int(7);
      const want = intl[d]!.format(v);
      if (groupedDecimal(v, d) !== want) expect(`${v} to ${d} digits: ${groupedDecimal(v, d)}`).toBe(want);
    }
  });

  it('rounds the shortest decimal half away from zero, carries through nines, groups by thousands, keeps -0', () => {
    const cases: [number, number, string][] = [
      [1.005, 2, '1.01'], // the double is 1.00499999999999989…: ICU rounds the digits "1.005", not the binary value
      [1234567.8915, 3, '1,234,567.892'],
      [-2.5, 0, '-3'],
      [0.125, 2, '0.13'],
      [999999.9999999, 6, '1,000,000'],
      [99.96, 1, '100'],
      [1000, 2, '1,000'],
      [123, 0, '123'],
      [1.5, 3, '1.5'],
      [-0, 2, '-0'],
      [0, 2, '0'],
      [-0.0001, 2, '-0'],
    ];
    for (const [v, d, want] of cases) {
      expect(groupedDecimal(v, d), `${v} to ${d}`).toBe(want);
      expect(intl[d]!.format(v), `Intl agrees on ${v} to ${d}`).toBe(want);
    }
  });

  it('fmt keeps its rules: 3 significant digits, exponential below 1e-3 and from 1e9, symbols for the infinities', () => {
    expect(fmt(0.0123456)).toBe('0.0123');
    expect(fmt(123456.7)).toBe('123,457');
    expect(fmt(12.3456)).toBe('12.3');
    expect(fmt(0.000999)).toBe('9.99e-4');
    expect(fmt(2.5e9)).toBe('2.50e+9');
    expect(fmt(Infinity)).toBe('∞');
    expect(fmt(-Infinity)).toBe('−∞');
    expect(fmt(NaN)).toBe('n/a');
  });
});

describe('percentNumber and percentText (margins and shares)', () => {
  it('print a fraction as a percentage with one decimal by default', () => {
    expect(percentNumber(0.0532)).toBe('5.3');
    expect(percentNumber(-0.2, 2)).toBe('-20.00');
    expect(percentText(0.0532)).toBe('5.3 %');
    expect(percentText(1)).toBe('100.0 %');
  });

  it('say n/a for what is not a finite number, never NaN or Infinity', () => {
    for (const x of [NaN, Infinity, -Infinity]) {
      expect(percentNumber(x)).toBe('n/a');
      expect(percentText(x)).toBe('n/a');
    }
  });
});
