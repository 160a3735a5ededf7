import { describe, expect, it } from 'vitest';
import { mannWhitneyU, uCounts, EXACT_LIMIT } from '../../src/statistics/rankTest.js';

/**
 * Brute force: every way to pick which nx of the pooled ranks 1..N belong to x; the share with U at least as extreme.
 */
function bruteForceTwoSided(nx: number, ny: number, u: number): number {
  const N = nx + ny;
  let total = 0,
    below = 0,
    above = 0;
  const pick = (start: number, left: number, rankSum: number): void => {
    if (left === 0) {
      const uu = rankSum - (nx * (nx + 1)) / 2;
      total++;
      if (uu <= u) below++;
      if (uu >= u) above++;
      return;
    }
    for (let r = start; r <= N - left + 1; r++) pick(r + 1, left - 1, rankSum + r);
  };
  pick(1, nx, 0);
  return Math.min(1, (2 * Math.min(below, above)) / total);
}

describe('Mann–Whitney U test', () => {
  it("Hollander & Wolfe (1973) p. 69, the example of R's wilcox.test: W = 35, one-sided p = 0.1272, so two-sided 0.2544", () => {
    // permeability constants of the chorioamnion at term (x) and at 12–26 weeks (y)
    const x = [0.8, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46];
    const y = [1.15, 0.88, 0.9, 0.74, 1.21];
    const t = mannWhitneyU({ x, y });
    expect(t.u).toBe(35);
    expect(t.method).toBe('exact');
    expect(t.p).toBeCloseTo(2 * 0.1272, 3);
    expect(t.p).toBeCloseTo(bruteForceTwoSided(10, 5, 35), 12);
  });
  it('the exact null distribution counts C(m + n, m) assignments and is symmetric', () => {
    const c = uCounts(4, 6);
    expect(c.reduce((s, v) => s + v, 0)).toBe(210); // C(10, 4)
    for (let u = 0; u <= 24; u++) expect(c[u]).toBe(c[24 - u]);
    // U = 0 and U = 1 each in one way (x the 4 smallest; swap the 4th and 5th)
    expect([c[0], c[1], c[2]]).toEqual([1, 1, 2]);
  });
  it('complete separation of 5 against 5: two-sided p = 2/252 (Mann & Whitney 1947, Table I: P(U = 0) = 1/252)', () => {
    const t = mannWhitneyU({ x: [1, 2, 3, 4, 5], y: [6, 7, 8, 9, 10] });
    expect(t.u).toBe(0);
    expect(t.p).toBeCloseTo(2 / 252, 14);
  });
  it('identical samples (all tied): normal approximation with the tie correction, p = 1', () => {
    const t = mannWhitneyU({ x: [1, 1, 1], y: [1, 1, 1] });
    expect(t.ties).toBe(true);
    expect(t.method).toBe('normal approximation');
    expect(t.u).toBe(4.5);
    expect(t.p).toBe(1);
  });
  it('ties: U by hand with mid-ranks, z with continuity and tie correction', () => {
    // pooled 1 1 2 3 | 2 4 5 6: ranks x = 1.5, 1.5, 3.5, 5 → R = 11.5, U = 11.5 − 10 = 1.5
    const t = mannWhitneyU({ x: [1, 1, 2, 3], y: [2, 4, 5, 6] });
    expect(t.u).toBe(1.5);
    // σ² = 16/12 · (9 − (6 + 6)/(8·7)) = 1.3333 · 8.7857 = 11.714; z = (1.5 − 8 + 0.5)/√11.714 = −1.7531
    const z = (1.5 - 8 + 0.5) / Math.sqrt((16 / 12) * (9 - 12 / 56));
    expect(t.z).toBeCloseTo(z, 12);
    expect(t.p).toBeCloseTo(0.0796, 3); // 2·(1 − Φ(1.7531)) = 2 · 0.03980
  });
  it('exact and brute-force enumeration agree on several sizes and shifts without ties', () => {
    for (const [nx, ny, shift] of [
      [3, 3, 0.5],
      [4, 7, 2.5],
      [6, 5, -1.5],
      [2, 9, 7.5],
    ] as const) {
      const x = Array.from({ length: nx }, (_, i) => i);
      const y = Array.from({ length: ny }, (_, i) => i + shift);
      const t = mannWhitneyU({ x, y });
      expect(t.method).toBe('exact');
      expect(t.p).toBeCloseTo(bruteForceTwoSided(nx, ny, t.u), 12);
    }
  });
});

describe('edges', () => {
  /**
   * Edges of the Mann–Whitney U test (src/statistics/rankTest.ts): its checks, and the switch from the exact null
   * distribution to the normal approximation at 50 values per sample (R's wilcox.test rule).
   */
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
});
