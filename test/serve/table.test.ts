/**
 * The design table's column widths (src/serve/app/table.ts, widestTexts): the longest text a column can show, found
 * from the decades its values span. Checked against hand-formatted cases and against brute force: no value inside
 * the column's range, formatted as the table formats it, is longer than the widest text.
 */
import { describe, expect, it } from 'vitest';
import { fmtValue } from '../../src/serve/app/data.js';
import { widestTexts } from '../../src/serve/app/table.js';
import { createRng } from '../../src/base/rng.js';
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
