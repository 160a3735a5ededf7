import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/base/rng.js';
import { scripted } from './scriptedRng.js';
import type { Distribution } from '../../src/statistics/distributions.js';
import { latinHypercube, monteCarlo, sampleInputs, toInputs, unitSample } from '../../src/statistics/sampling.js';
import { meanWithStandardError } from '../../src/statistics/statistics.js';

// Linear test model y = 3 x1 − 2 x2 + 5, x1 ~ U(0, 2), x2 ~ N(1, 0.5), independent. Analytic:
//   E[y] = 3·1 − 2·1 + 5 = 6;  Var[y] = 9·(2²/12) + 4·0.5² = 3 + 1 = 4.
//   Fourth central moment μ4 = 9²·μ4(x1) + 6·Var(3x1)·Var(2x2) + 2⁴·μ4(x2)
//     = 81·(2⁴/80) + 6·3·1 + 16·3·0.5⁴ = 16.2 + 18 + 3 = 37.2,
//   so the sample variance has standard error √((μ4 − σ⁴)/n) = √(21.2/n) (i.i.d. sampling; LHS only reduces it).
const inputs: Distribution[] = [
  { kind: 'uniform', min: 0, max: 2 },
  { kind: 'normal', mean: 1, sd: 0.5 },
];
const model = (x: readonly number[]): number => 3 * x[0]! - 2 * x[1]! + 5;
const exactMean = 6;
const exactVariance = 4;
const mu4 = 37.2;

describe('sampling the linear model y = 3 x1 − 2 x2 + 5', () => {
  for (const method of ['mc', 'lhs'] as const) {
    it(`${method}: mean within 3 standard errors of 6, variance within 3 standard errors of 4`, () => {
      const n = 10_000;
      const y = sampleInputs({ n, distributions: inputs, rng: createRng(20240601), method }).map(model);
      const m = meanWithStandardError({ values: y });
      expect(Math.abs(m.mean - exactMean)).toBeLessThan(3 * m.standardError);
      const varianceStandardError = Math.sqrt((mu4 - exactVariance ** 2) / n);
      expect(Math.abs(m.sd ** 2 - exactVariance)).toBeLessThan(3 * varianceStandardError);
    });
  }
  it('LHS estimates the mean of a linear model far better than Monte Carlo (McKay et al. 1979)', () => {
    // additive model: LHS removes the main-effect variance, so its error is well below MC's standard error 2/√n
    const n = 1000;
    const errors = [1, 2, 3, 4, 5].map((seed) => {
      const y = sampleInputs({ n, distributions: inputs, rng: createRng(seed), method: 'lhs' }).map(model);
      return Math.abs(meanWithStandardError({ values: y }).mean - exactMean);
    });
    expect(Math.max(...errors)).toBeLessThan(0.2 * (2 / Math.sqrt(n)));
  });
});

describe('unit samples', () => {
  it('latinHypercube has exactly one point in each of the n strata of every column', () => {
    const n = 257;
    const rows = latinHypercube({ n, d: 4, rng: createRng(7) });
    expect(rows).toHaveLength(n);
    for (let j = 0; j < 4; j++) {
      const strata = rows.map((r) => Math.floor(r[j]! * n)).sort((a, b) => a - b);
      expect(strata).toEqual(Array.from({ length: n }, (_, k) => k));
    }
  });
  it('every unit value lies strictly inside (0, 1)', () => {
    for (const rows of [
      latinHypercube({ n: 500, d: 3, rng: createRng(1) }),
      monteCarlo({ n: 500, d: 3, rng: createRng(1) }),
    ]) {
      for (const r of rows) for (const u of r) expect(u > 0 && u < 1).toBe(true);
    }
  });
  it('the same seed gives identical samples; different seeds differ', () => {
    for (const sample of [latinHypercube, monteCarlo]) {
      const a = sample({ n: 50, d: 3, rng: createRng(42) });
      const b = sample({ n: 50, d: 3, rng: createRng(42) });
      const c = sample({ n: 50, d: 3, rng: createRng(43) });
      expect(b).toEqual(a);
      expect(c).not.toEqual(a);
    }
  });
  it('toInputs maps each column through its quantile function', () => {
    const x = toInputs({ unit: [[0.25, 0.5]], distributions: inputs });
    expect(x).toEqual([[0.5, 1]]);
    expect(() => toInputs({ unit: [[0.5]], distributions: inputs })).toThrow(RangeError);
  });
  it('rejects a non-integer or empty size', () => {
    expect(() => latinHypercube({ n: 0, d: 2, rng: createRng(1) })).toThrow(RangeError);
    expect(() => monteCarlo({ n: 10, d: 1.5, rng: createRng(1) })).toThrow(RangeError);
  });
});

describe('steps', () => {
  /**
   * Latin hypercube and Monte Carlo samples worked by hand from their definitions with a scripted random source:
   * LHS x_ij = (π_j(i) + U_ij)/n, π_j by Fisher–Yates (Knuth TAOCP vol. 2 §3.4.2 algorithm P: for i = n−1 … 1 swap
   * element i with a uniform k in [0, i]), then the n jitters U_ij (McKay, Beckman & Conover 1979 §2.3); Monte Carlo
   * row by row. Unit values are kept in [2⁻⁵³, 1 − 2⁻⁵³] so every quantile is finite.
   */

  const below1 = 1 - 2 ** -53; // the largest double below 1
  const EPS = 2 ** -53;

  describe('Latin hypercube by hand', () => {
    it('n = 3, d = 2: Fisher–Yates permutations, then one jitter per stratum', () => {
      // column 0: perm [0, 1, 2]; i = 2, k = 0 → [2, 1, 0]; i = 1, k = 1 → [2, 1, 0]; jitters 0.5, 0.25, 0.75:
      //   (2 + 0.5)/3, (1 + 0.25)/3, (0 + 0.75)/3
      // column 1: perm [0, 1, 2]; i = 2, k = 1 → [0, 2, 1]; i = 1, k = 0 → [2, 0, 1]; jitters 0, 0.5, 0.125:
      //   (2 + 0)/3, (0 + 0.5)/3, (1 + 0.125)/3
      const rng = scripted([0, 1, 1, 0], [0.5, 0.25, 0.75, 0, 0.5, 0.125]);
      const rows = latinHypercube({ n: 3, d: 2, rng });
      expect(rows).toEqual([
        [2.5 / 3, 2 / 3],
        [1.25 / 3, 0.5 / 3],
        [0.75 / 3, 1.125 / 3],
      ]);
      // int(i + 1) for i = 2, 1 in each column: k is drawn from [0, i], i included (an int(i) would never leave i)
      expect(rng.bounds).toEqual([3, 2, 3, 2]);
    });

    it('a single stratum needs no permutation draw; values are clamped into [2⁻⁵³, 1 − 2⁻⁵³]', () => {
      expect(latinHypercube({ n: 1, d: 2, rng: scripted([], [0, 0.5]) })).toEqual([[EPS, 0.5]]);
      // perm [2, 1, 0]: (2 + (1 − 2⁻⁵³))/3 rounds to 3/3 = 1 in doubles, clamped below 1
      const top = latinHypercube({ n: 3, d: 1, rng: scripted([0, 1], [below1, 0, 0]) });
      expect(top.map((r) => r[0])).toEqual([below1, 1 / 3, EPS]); // (0 + 0)/3 = 0 is clamped up
    });
  });

  describe('Monte Carlo by hand', () => {
    it('draws row by row, clamped the same way', () => {
      const rows = monteCarlo({ n: 3, d: 2, rng: scripted([], [0.1, 0.2, 0.3, 0, 0.5, 0.6]) });
      expect(rows).toEqual([
        [0.1, 0.2],
        [0.3, EPS],
        [0.5, 0.6],
      ]);
    });

    it('unitSample dispatches on the method; sampleInputs defaults to Latin hypercube', () => {
      expect(unitSample({ n: 4, d: 2, rng: createRng(8), method: 'mc' })).toEqual(
        monteCarlo({ n: 4, d: 2, rng: createRng(8) }),
      );
      expect(unitSample({ n: 4, d: 2, rng: createRng(8), method: 'lhs' })).toEqual(
        latinHypercube({ n: 4, d: 2, rng: createRng(8) }),
      );
      const distributions: Distribution[] = [
        { kind: 'uniform', min: 10, max: 20 },
        { kind: 'uniform', min: -1, max: 1 },
      ];
      const unit = latinHypercube({ n: 5, d: 2, rng: createRng(9) });
      const expected = unit.map((r) => [10 + 10 * r[0]!, -1 + 2 * r[1]!]);
      const x = sampleInputs({ n: 5, distributions, rng: createRng(9) });
      x.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(expected[i]![j]!, 13)));
      const mc = sampleInputs({ n: 5, distributions, rng: createRng(9), method: 'mc' });
      const mcUnit = monteCarlo({ n: 5, d: 2, rng: createRng(9) });
      mc.forEach((row, i) => expect(row[0]).toBeCloseTo(10 + 10 * mcUnit[i]![0]!, 13));
    });
  });

  describe('checks', () => {
    it('sizes must be integers ≥ 1, with the value in the message', () => {
      const rng = createRng(1);
      expect(() => latinHypercube({ n: 0, d: 2, rng })).toThrow('sample size n must be an integer >= 1, got 0');
      expect(() => monteCarlo({ n: 2.5, d: 2, rng })).toThrow('sample size n must be an integer >= 1, got 2.5');
      expect(() => latinHypercube({ n: 2, d: 0, rng })).toThrow('dimension d must be an integer >= 1, got 0');
      expect(() => monteCarlo({ n: 2, d: 1.5, rng })).toThrow('dimension d must be an integer >= 1, got 1.5');
      expect(latinHypercube({ n: 1, d: 1, rng })).toHaveLength(1);
      expect(monteCarlo({ n: 1, d: 1, rng })[0]).toHaveLength(1);
    });
    it('a unit row must have one column per distribution, and the message names the row', () => {
      const distributions: Distribution[] = [{ kind: 'uniform', min: 0, max: 1 }];
      expect(() => toInputs({ unit: [[0.5], [0.5, 0.5]], distributions })).toThrow(
        'unit row 1 has 2 columns but there are 1 distributions',
      );
    });
  });
});
