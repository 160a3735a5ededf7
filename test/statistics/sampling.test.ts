import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/base/rng.js';
import type { Distribution } from '../../src/statistics/distributions.js';
import { latinHypercube, monteCarlo, sampleInputs, toInputs } from '../../src/statistics/sampling.js';
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
