import { describe, expect, it } from 'vitest';
import {
  histogram,
  jointProbability,
  meanWithStandardError,
  sampleQuantiles,
  wilsonInterval,
  sortedQuantile,
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

describe('edges', () => {
  /**
   * Edges of src/statistics/statistics.ts: the validity checks with their messages, the small-sample branches
   * (one value, fewer than 4 values, zero IQR) and the exact ends of histograms and Wilson intervals. Expectations
   * are hand counts and the closed forms of the header (Sturges ⌈log₂ n⌉ + 1; Freedman–Diaconis 2·IQR·n^(−1/3);
   * Wilson 1927).
   */
  describe('finite, non-empty values only', () => {
    it('no value: every statistic says it needs one', () => {
      const message = 'statistics need at least one value';
      expect(() => sampleQuantiles({ values: [], probabilities: [0.5] })).toThrow(message);
      expect(() => meanWithStandardError({ values: [] })).toThrow(message);
      expect(() => histogram({ values: [] })).toThrow(message);
    });

    it('names the first bad value by index, index 0 included', () => {
      expect(() => meanWithStandardError({ values: [Number.NaN, 1] })).toThrow(
        /^values\[0\] is NaN: statistics need finite values/,
      );
      expect(() => histogram({ values: [1, 2, Infinity] })).toThrow(/^values\[2\] is Infinity/);
    });

    it('probabilities in [0, 1]: both ends allowed, either side refused with the value', () => {
      expect(sortedQuantile([1, 2, 3], 0)).toBe(1);
      expect(sortedQuantile([1, 2, 3], 1)).toBe(3);
      expect(() => sortedQuantile([1, 2, 3], -0.1)).toThrow('probability must be in [0, 1], got -0.1');
      expect(() => sortedQuantile([1, 2, 3], 1.1)).toThrow('probability must be in [0, 1], got 1.1');
      expect(() => sortedQuantile([1, 2, 3], Number.NaN)).toThrow(/got NaN/);
    });
  });

  describe('meanWithStandardError', () => {
    it('one value: its own mean, no spread (not 0/0)', () => {
      expect(meanWithStandardError({ values: [7] })).toEqual({ n: 1, mean: 7, sd: 0, standardError: 0 });
    });

    it('two values 1 and 3: sd = √((1 + 1)/1) = √2, SE = √2/√2 = 1', () => {
      const m = meanWithStandardError({ values: [1, 3] });
      expect(m.sd).toBeCloseTo(Math.SQRT2, 14);
      expect(m.standardError).toBeCloseTo(1, 14);
    });
  });

  describe('histogram rules and bins', () => {
    it('fewer than 4 values: Sturges even when the IQR is positive — 3 values, ⌈log₂ 3⌉ + 1 = 3 bins', () => {
      const h = histogram({ values: [1, 2, 3] });
      expect(h.rule).toBe('sturges');
      expect(h.bins.map((b) => b.count)).toEqual([1, 1, 1]);
    });

    it('4 values with IQR 1.5: Freedman–Diaconis, width 2·1.5·4^(−1/3) = 1.89 → ⌈3/1.89⌉ = 2 bins', () => {
      // type 7: Q(0.25) = 1.75, Q(0.75) = 3.25 for 1, 2, 3, 4
      const h = histogram({ values: [4, 1, 3, 2] });
      expect(h.rule).toBe('freedman-diaconis');
      expect(h.binWidth).toBe(1.5);
      expect(h.bins.map((b) => b.count)).toEqual([2, 2]);
    });

    it('zero IQR with 6 values: Sturges ⌈log₂ 6⌉ + 1 = 4 bins of width 1 over [1, 5]', () => {
      const h = histogram({ values: [1, 1, 1, 1, 1, 5] });
      expect(h.rule).toBe('sturges');
      expect(h.binWidth).toBe(1);
      expect(h.bins).toEqual([
        { lower: 1, upper: 2, count: 5 },
        { lower: 2, upper: 3, count: 0 },
        { lower: 3, upper: 4, count: 0 },
        { lower: 4, upper: 5, count: 1 },
      ]);
    });

    it('bins start at the minimum, not at 0: 10…19 in 2 fixed bins is 5 + 5', () => {
      const h = histogram({ values: Array.from({ length: 10 }, (_, i) => 10 + i), binCount: 2 });
      expect(h.rule).toBe('fixed');
      expect(h.bins).toEqual([
        { lower: 10, upper: 14.5, count: 5 },
        { lower: 14.5, upper: 19, count: 5 },
      ]);
    });

    it('the last bin closes exactly at the maximum (0.1 + 3·(0.9/3) rounds to 0.9999999999999999)', () => {
      expect(histogram({ values: [0.1, 0.5, 1], binCount: 3 }).bins.at(-1)!.upper).toBe(1);
    });

    it('a fixed count of 1 is one bin; 0 or a fraction is refused', () => {
      expect(histogram({ values: [1, 2, 3], binCount: 1 }).bins).toEqual([{ lower: 1, upper: 3, count: 3 }]);
      expect(() => histogram({ values: [1, 2], binCount: 0 })).toThrow('binCount must be an integer >= 1, got 0');
      expect(() => histogram({ values: [1, 2], binCount: 2.5 })).toThrow('binCount must be an integer >= 1, got 2.5');
    });

    it('maxBins caps the rule: 1…100 asks for 5 Freedman–Diaconis bins, gets 3', () => {
      expect(histogram({ values: Array.from({ length: 100 }, (_, i) => i + 1), maxBins: 3 }).bins).toHaveLength(3);
    });
  });

  describe('Wilson interval edges', () => {
    it('0 successes: the lower end is 0 exactly; all successes: the upper end is 1 exactly', () => {
      // the score interval's ends are centre ∓ half, equal to 0 and 1 exactly at k = 0 and k = n; computed, rounding
      // leaves 2.8e-17 (0/10) and 0.9999999999999999 (13/13) at z = Φ⁻¹(0.975)
      expect(wilsonInterval({ successes: 0, trials: 10 }).lower).toBe(0);
      expect(wilsonInterval({ successes: 13, trials: 13 }).upper).toBe(1);
    });

    it('one trial: 1/1 is allowed; n = 1, z = 1.96: lower = (1 + z²/2 − z·√(z²/4))/(1 + z²) = 1/(1 + z²)', () => {
      const z = 1.959963984540054;
      const w = wilsonInterval({ successes: 1, trials: 1 });
      expect(w.lower).toBeCloseTo(1 / (1 + z * z), 12);
      expect(w.estimate).toBe(1);
    });

    it('90 % interval of 15/148 by the score formula (z = 1.6449)', () => {
      const z = 1.6448536269514722,
        n = 148,
        p = 15 / n;
      const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
      const half = (z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
      const w = wilsonInterval({ successes: 15, trials: n, confidence: 0.9 });
      expect(w.lower).toBeCloseTo(centre - half, 12);
      expect(w.upper).toBeCloseTo(centre + half, 12);
      expect(w.confidence).toBe(0.9);
    });

    it('refuses impossible counts and confidences, with the value', () => {
      expect(() => wilsonInterval({ successes: 0, trials: 0 })).toThrow('trials must be an integer >= 1, got 0');
      expect(() => wilsonInterval({ successes: 1, trials: 2.5 })).toThrow('trials must be an integer >= 1, got 2.5');
      expect(() => wilsonInterval({ successes: -1, trials: 5 })).toThrow(
        'successes must be an integer in [0, trials = 5], got -1',
      );
      expect(() => wilsonInterval({ successes: 1.5, trials: 5 })).toThrow('got 1.5');
      expect(() => wilsonInterval({ successes: 6, trials: 5 })).toThrow('got 6');
      expect(wilsonInterval({ successes: 5, trials: 5 }).estimate).toBe(1);
      for (const c of [0, 1, 1.5]) {
        expect(() => wilsonInterval({ successes: 1, trials: 5, confidence: c })).toThrow(
          `confidence must be in (0, 1), got ${c}`,
        );
      }
    });

    it('joint probabilities pass a confidence level through; 95 % by default', () => {
      const holds = [[true, true], [true, false], null, [true, true]];
      expect(jointProbability({ holds, confidence: 0.8 })).toEqual(
        wilsonInterval({ successes: 2, trials: 4, confidence: 0.8 }),
      );
      expect(jointProbability({ holds }).confidence).toBe(0.95);
    });
  });
});
