import { describe, expect, it } from 'vitest';
import {
  empiricalProbability,
  histogram,
  jointProbability,
  meanWithStandardError,
  sampleQuantiles,
  wilsonInterval,
} from '../../src/statistics/statistics.js';
import { unitSample } from '../../src/statistics/sampling.js';
import { createRng } from '../../src/base/rng.js';

describe('sampleQuantiles (Hyndman & Fan 1996 type 7)', () => {
  it('matches a hand computation on 1, 2, 3, 4, 10', () => {
    // sorted x = [1, 2, 3, 4, 10], n = 5, h = 4p:
    //   p = 0.25 → h = 1 → x(2) = 2;   p = 0.5 → 3;   p = 0.9 → h = 3.6 → 4 + 0.6·(10 − 4) = 7.6;
    //   p = 0.1 → h = 0.4 → 1 + 0.4·1 = 1.4;   p = 0 → 1;   p = 1 → 10.
    const q = sampleQuantiles({ values: [10, 3, 1, 4, 2], probabilities: [0, 0.1, 0.25, 0.5, 0.9, 1] });
    const expected = [1, 1.4, 2, 3, 7.6, 10];
    q.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 12));
  });
  it('rejects NaN values and probabilities outside [0, 1]', () => {
    expect(() => sampleQuantiles({ values: [1, Number.NaN], probabilities: [0.5] })).toThrow(RangeError);
    expect(() => sampleQuantiles({ values: [1, 2], probabilities: [1.5] })).toThrow(RangeError);
  });
});

describe('meanWithStandardError', () => {
  it('2, 4, 4, 4, 5, 5, 7, 9: mean 5, sample sd √(32/7), standard error sd/√8', () => {
    const m = meanWithStandardError({ values: [2, 4, 4, 4, 5, 5, 7, 9] });
    expect(m.mean).toBe(5);
    expect(m.sd).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(m.standardError).toBeCloseTo(Math.sqrt(32 / 7) / Math.sqrt(8), 12);
  });
});

describe('histogram', () => {
  it('Freedman–Diaconis: 1..100 has IQR 49.5, width 2·49.5·100^(−1/3) = 21.33, so 5 bins', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    const h = histogram({ values });
    expect(h.rule).toBe('freedman-diaconis');
    expect(h.bins).toHaveLength(5); // ⌈99 / 21.33⌉
    expect(h.bins.reduce((s, b) => s + b.count, 0)).toBe(100);
    expect(h.bins[0]!.lower).toBe(1);
    expect(h.bins.at(-1)!.upper).toBe(100);
  });
  it('a fixed bin count overrides the rule; a constant sample is one bin', () => {
    const h = histogram({ values: [0, 1, 2, 3, 4, 5, 6, 7, 8, 10], binCount: 2 });
    expect(h.bins.map((b) => b.count)).toEqual([5, 5]);
    expect(histogram({ values: [3, 3, 3] }).bins).toEqual([{ lower: 3, upper: 3, count: 3 }]);
  });
});

describe('Wilson score interval', () => {
  // Newcombe (1998), "Two-sided confidence intervals for the single proportion: comparison of seven methods",
  // Statistics in Medicine 17:857–872, table II, method 3 (score, no continuity correction), 95 %:
  //   81/263 → 0.2553–0.3662;  15/148 → 0.0624–0.1605;  0/20 → 0–0.1611;  1/29 → 0.0061–0.1718.
  const cases: [number, number, number, number][] = [
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ];
  for (const [k, n, lo, hi] of cases) {
    it(`${k}/${n} gives ${lo}–${hi}`, () => {
      const w = wilsonInterval({ successes: k, trials: n });
      expect(w.lower).toBeCloseTo(lo, 4);
      expect(w.upper).toBeCloseTo(hi, 4);
    });
  }
  it('empiricalProbability counts the event and attaches the interval', () => {
    const p = empiricalProbability({ values: [1, 5, 7, 2, 9, 3, 8, 4, 6, 10], event: (v) => v > 7 });
    expect([p.successes, p.trials, p.estimate]).toEqual([3, 10, 0.3]);
    expect(p.lower).toBeLessThan(0.3);
    expect(p.upper).toBeGreaterThan(0.3);
  });
});

describe('jointProbability: P(every constraint holds in the same sample)', () => {
  // u1, u2 independent U(0, 1) (Latin hypercube: each column has exactly one value in each of n equal strata, so a
  // marginal share of a stratum boundary such as 0.7 is exact for n a multiple of 10)
  const n = 4000;
  const U = unitSample({ n, d: 2, rng: createRng(11), method: 'lhs' });
  it('independent constraints u1 ≤ 0.7 and u2 ≤ 0.6: the joint is the product 0.42 (within 4 binomial SE)', () => {
    const p = jointProbability({ holds: U.map(([u1, u2]) => [u1! <= 0.7, u2! <= 0.6]) });
    expect(p.trials).toBe(n);
    expect(Math.abs(p.estimate - 0.42)).toBeLessThan(4 * Math.sqrt((0.42 * 0.58) / n));
    expect(p.lower).toBeLessThan(p.estimate);
    expect(p.upper).toBeGreaterThan(p.estimate);
  });
  it('correlated constraints on one input, u1 ≤ 0.7 and u1 ≥ 0.2: the joint is 0.5 exactly, not the product 0.7 · 0.8 = 0.56', () => {
    const p = jointProbability({ holds: U.map(([u1]) => [u1! <= 0.7, u1! >= 0.2]) });
    expect(p.successes).toBe(0.5 * n);
    const marginals = [U.filter(([u1]) => u1! <= 0.7).length / n, U.filter(([u1]) => u1! >= 0.2).length / n];
    expect(marginals).toEqual([0.7, 0.8]);
    expect(Math.abs(p.estimate - marginals[0]! * marginals[1]!)).toBeGreaterThan(0.05);
  });
  it("a failed sample (null) counts as not holding; the interval is Wilson's (81/263: 0.2553–0.3662, Newcombe 1998)", () => {
    const holds: (boolean[] | null)[] = [
      ...Array.from({ length: 81 }, () => [true, true]),
      ...Array.from({ length: 100 }, () => [true, false]),
      ...Array.from({ length: 82 }, () => null),
    ];
    const p = jointProbability({ holds });
    expect([p.successes, p.trials]).toEqual([81, 263]);
    expect(p.lower).toBeCloseTo(0.2553, 4);
    expect(p.upper).toBeCloseTo(0.3662, 4);
  });
});
