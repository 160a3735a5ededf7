/**
 * Edges of the Mann–Whitney U test (src/statistics/rankTest.ts): its checks, and the switch from the exact null
 * distribution to the normal approximation at 50 values per sample (R's wilcox.test rule).
 */
import { describe, expect, it } from 'vitest';
import { EXACT_LIMIT, mannWhitneyU } from '../../src/statistics/rankTest.js';

const range = (n: number, from = 0): number[] => Array.from({ length: n }, (_, i) => from + i);

describe('Mann–Whitney U: checks and method switch', () => {
  it('each sample needs a value; every value must be finite', () => {
    const empty = 'mannWhitneyU needs at least one value in each sample';
    expect(() => mannWhitneyU({ x: [], y: [1] })).toThrow(empty);
    expect(() => mannWhitneyU({ x: [1], y: [] })).toThrow(empty);
    expect(() => mannWhitneyU({ x: [1, Number.NaN], y: [2] })).toThrow('mannWhitneyU needs finite values');
    expect(() => mannWhitneyU({ x: [1], y: [2, Infinity] })).toThrow('mannWhitneyU needs finite values');
  });

  it('49 against 49 without ties is exact; 50 against 49 (or 49 against 50) uses the normal approximation', () => {
    expect(EXACT_LIMIT).toBe(50);
    // interleaved samples, no ties: x = 0, 2, 4, …; y = 1, 3, 5, …
    const even = (n: number): number[] => range(n).map((i) => 2 * i);
    const odd = (n: number): number[] => range(n).map((i) => 2 * i + 1);
    expect(mannWhitneyU({ x: even(49), y: odd(49) }).method).toBe('exact');
    const big = mannWhitneyU({ x: even(50), y: odd(49) });
    expect(big.method).toBe('normal approximation');
    expect(mannWhitneyU({ x: even(49), y: odd(50) }).method).toBe('normal approximation');
    // U by hand: x_i = 2i beats y_j = 2j + 1 when j < i: Σ_{i<50} min(i, 49) = 0 + 1 + … + 49 = 1225
    expect(big.u).toBe(1225);
    // z = (U − n_x n_y/2 ∓ ½)/σ, σ² = n_x n_y (N + 1)/12: (1225 − 1225 − 0)/… = 0, so p = 1
    expect(big.z).toBe(0);
    expect(big.p).toBe(1);
  });

  it('complete separation of 50 against 50: z = −(1250 − ½)/√(2500·101/12), p = erfc(|z|/√2)', () => {
    const r = mannWhitneyU({ x: range(50), y: range(50, 100) });
    const z = -(1250 - 0.5) / Math.sqrt((2500 * 101) / 12);
    expect(r.u).toBe(0);
    expect(r.z).toBeCloseTo(z, 12);
    expect(r.p).toBeLessThan(1e-15);
    expect(r.p).toBeGreaterThan(0);
  });
});
