/**
 * The design table's column widths (src/serve/app/table.ts, widestTexts): the longest text a column can show, found
 * from the decades its values span. Checked against hand-formatted cases and against brute force: no value inside
 * the column's range, formatted as the table formats it, is longer than the widest text. A column given by its first
 * rows and its span (valueSpan.ts: what the server sends with a run's first rows) gets the widths of the whole column,
 * and spans of parts merged are the span of the whole.
 */
import { describe, expect, it } from 'vitest';
import { fmtValue } from '../../src/serve/app/data.js';
import { widestTexts } from '../../src/serve/app/table.js';
import { createRng } from '../../src/base/rng.js';
import { mergeSpans, valueSpan } from '../../src/serve/valueSpan.js';
import { dim } from './dims.js';

/** A variable column of unit '-' (a choice column where options are given). */
const variable = (values: readonly number[], options?: readonly string[]) =>
  dim(values, { role: 'variable', unit: '-', ...(options !== undefined && { options }) });

describe('widestTexts', () => {
  it('gives the longest text of the decades a column spans (hand-formatted)', () => {
    // 0.0012 .. 250: the smallest decade (1e-3) prints four significant digits after "0.00": "0.008888" (8 chars)
    expect(widestTexts(variable([0.0012, 3, 250]), 3)).toEqual(['0.008888']);
    // a negative value adds the minus sign
    expect(widestTexts(variable([-0.0012, 250]), 2)).toEqual(['-0.008888']);
    // below 1e-3: exponent notation with three decimals, "8.888e-5" and "8.888e-4" are equally long
    expect(widestTexts(variable([2e-5, 4e-4]), 2).sort()).toEqual(['8.888e-4', '8.888e-5']);
    // 1e4 .. 1e7: grouped integers; the representative of 1e4 .. 1e5 is 8.888e4, "88,880"
    expect(widestTexts(variable([12_000, 15_500]), 2)).toEqual(['88,880']);
    // only the first `count` values are the column's (the arrays can be longer than the designs shown)
    expect(widestTexts(variable([1, 2e6]), 1)).toEqual(['8.888']);
  });

  it('gives the longest option of a choice column, and "0" for a column of zeros or NaN only', () => {
    expect(widestTexts(variable([0, 1, 2], ['a', 'bbb', 'cc']), 3)).toEqual(['bbb']);
    expect(widestTexts(variable([0, 0, NaN]), 3)).toEqual(['0']);
  });

  it('an infinite value gives its own text and leaves the finite decades as they are', () => {
    const column = variable([0.5, Infinity, 2]);
    const texts = widestTexts(column, 3);
    const infinite = fmtValue(Infinity, column);
    const finite = Math.max(fmtValue(0.8888, column).length, fmtValue(8.888, column).length);
    expect(texts[0]!.length).toBe(Math.max(infinite.length, finite));
  });

  it('no value in the range is printed longer (brute force over log-uniform values)', () => {
    const rng = createRng(7);
    for (const [lo, hi] of [
      [1e-9, 5],
      [3e-3, 9.99e3],
      [0.5, 4e8],
      [1e-300, 1e300],
    ] as const) {
      for (const negative of [false, true]) {
        const values = Array.from({ length: 2000 }, () => {
          // log-uniform through the exponent: hi / lo overflows to Infinity for the widest range
          const x = 10 ** (Math.log10(lo) + (Math.log10(hi) - Math.log10(lo)) * rng.next());
          return negative && rng.next() < 0.5 ? -x : x;
        });
        const column = variable(values);
        const width = widestTexts(column, values.length)[0]!.length;
        const longest = Math.max(...values.map((v) => fmtValue(v, column).length));
        expect(longest).toBeLessThanOrEqual(width);
        // and the bound is tight to the sign and one character
        expect(width - longest).toBeLessThanOrEqual(2);
      }
    }
  });
});

describe('widestTexts from a span', () => {
  it("a column's first rows with its span give the whole column's widths", () => {
    // the first rows alone span 0.5 .. 3 ("0.8888"); the rest reach 7e-3 (decade 1e-3: "0.008888"), a negative value
    // (the minus sign) and +Infinity
    const whole = [0.5, 3, 2, 1, -12_000, 7e-3, Infinity];
    const span = valueSpan(Float64Array.from(whole), 0, whole.length);
    const head = { ...variable(whole.slice(0, 3)), span };
    expect(widestTexts(head, 3)).toEqual(widestTexts(variable(whole), whole.length));
    expect(widestTexts(head, 3)).toEqual(['-0.008888']);
    expect(widestTexts(variable(whole.slice(0, 3)), 3)).toEqual(['0.8888']);
  });

  it('leaves out the rows whose skip value matches, and NaN', () => {
    const values = Float64Array.from([1, -5e6, NaN, 2e-4]);
    const status = Float64Array.from([0, 2, 0, 1]);
    expect(valueSpan(values, 0, 4, status, 2)).toEqual({
      negative: false,
      smallest: 2e-4,
      largest: 1,
      posInfinity: false,
      negInfinity: false,
    });
  });

  it('spans of two parts merged are the span of both (random splits, zeros and infinities included)', () => {
    const rng = createRng(11);
    for (let t = 0; t < 200; t++) {
      const values = Float64Array.from({ length: 1 + Math.floor(rng.next() * 20) }, () => {
        const u = rng.next();
        if (u < 0.1) return 0;
        if (u < 0.13) return rng.next() < 0.5 ? Infinity : -Infinity;
        return (rng.next() - 0.3) * 10 ** Math.floor(rng.next() * 12 - 6);
      });
      const cut = Math.floor(rng.next() * (values.length + 1));
      const merged = mergeSpans(valueSpan(values, 0, cut), valueSpan(values, cut, values.length));
      expect(merged).toEqual(valueSpan(values, 0, values.length));
    }
  });
});
