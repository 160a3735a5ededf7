import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../../src/base/rng.js';
import { scripted } from './scriptedRng.js';
import type { Distribution } from '../../src/statistics/distributions.js';
import { toInputs } from '../../src/statistics/sampling.js';
import {
  rankByTotal,
  saltelliDesign,
  sobolFromModel,
  sobolIndices,
  splitSaltelliOutputs,
  type SobolResult,
} from '../../src/statistics/sobol.js';

// Ishigami & Homma (1990), "An importance quantification technique in uncertainty analysis for computer models",
// Proc. ISUMA '90, 398–403: f = sin x1 + a sin² x2 + b x3⁴ sin x1, x_i ~ U(−π, π). Analytic variances (Ishigami &
// Homma 1990; Saltelli et al. 2008, "Global Sensitivity Analysis: The Primer"):
//   V1 = ½ (1 + bπ⁴/5)², V2 = a²/8, V13 = b²π⁸ (1/18 − 1/50), V = a²/8 + bπ⁴/5 + b²π⁸/18 + ½.
// With a = 7, b = 0.1 the published indices are S1 = 0.3139, S2 = 0.4424, S3 = 0, ST1 = 0.5576, ST2 = 0.4424,
// ST3 = 0.2437.
const a = 7;
const b = 0.1;
const ishigami = (x: readonly number[]): number =>
  Math.sin(x[0]!) + a * Math.sin(x[1]!) ** 2 + b * x[2]! ** 4 * Math.sin(x[0]!);
const V1 = 0.5 * (1 + (b * Math.PI ** 4) / 5) ** 2;
const V2 = (a * a) / 8;
const V13 = b * b * Math.PI ** 8 * (1 / 18 - 1 / 50);
const V = (a * a) / 8 + (b * Math.PI ** 4) / 5 + (b * b * Math.PI ** 8) / 18 + 0.5;
const analyticFirst = [V1 / V, V2 / V, 0];
const analyticTotal = [(V1 + V13) / V, V2 / V, V13 / V];
const published = { first: [0.3139, 0.4424, 0], total: [0.5576, 0.4424, 0.2437] };
const absTolerance = 0.03; // sampling error of the estimators at n = 2¹³
const U: Distribution = { kind: 'uniform', min: -Math.PI, max: Math.PI };

describe('Sobol indices of the Ishigami function (a = 7, b = 0.1)', () => {
  it('the analytic formulas reproduce the published indices to 4 decimals', () => {
    analyticFirst.forEach((s, i) => expect(s).toBeCloseTo(published.first[i]!, 4));
    analyticTotal.forEach((s, i) => expect(s).toBeCloseTo(published.total[i]!, 4));
  });

  it('n = 2¹³ estimates lie within 0.03 of the analytic values and their 95 % bootstrap intervals cover them', () => {
    const n = 2 ** 13;
    const d = 3;
    const design = saltelliDesign({ n, d, rng: createRng(2010) });
    expect(design.rows).toHaveLength(n * (d + 2));
    const y = toInputs({ unit: design.rows, distributions: [U, U, U] }).map(ishigami);
    const result = sobolIndices({ ...splitSaltelliOutputs({ n, d, y }), rng: createRng(99), resamples: 500 });
    expect(result.variance).toBeWithinRelative(V, 0.05);
    for (const s of result.indices) {
      const i = s.input;
      expect(Math.abs(s.first - analyticFirst[i]!)).toBeLessThan(absTolerance);
      expect(Math.abs(s.total - analyticTotal[i]!)).toBeLessThan(absTolerance);
      expect(s.firstLow).toBeLessThanOrEqual(analyticFirst[i]!);
      expect(s.firstHigh).toBeGreaterThanOrEqual(analyticFirst[i]!);
      expect(s.totalLow).toBeLessThanOrEqual(analyticTotal[i]!);
      expect(s.totalHigh).toBeGreaterThanOrEqual(analyticTotal[i]!);
      expect(s.firstHigh - s.firstLow).toBeLessThan(0.1); // a sane interval, not a trivially wide one
    }
    expect(rankByTotal({ result }).map((s) => s.input)).toEqual([0, 1, 2]);
  });

  it('is deterministic for a seed (design and bootstrap)', () => {
    const run = (): unknown =>
      sobolFromModel({ model: ishigami, distributions: [U, U, U], n: 256, rng: createRng(5), resamples: 50 });
    expect(run()).toEqual(run());
  });
});

describe('sobolIndices on an additive model', () => {
  it('y = x1 + 2 x2 with x_i ~ U(0, 1): S = ST = (1/5, 4/5), no interactions', () => {
    const result = sobolFromModel({
      model: (x) => x[0]! + 2 * x[1]!,
      distributions: [
        { kind: 'uniform', min: 0, max: 1 },
        { kind: 'uniform', min: 0, max: 1 },
      ],
      n: 4096,
      rng: createRng(3),
      resamples: 200,
    });
    const [s1, s2] = result.indices;
    expect(s1!.first).toBeCloseTo(0.2, 1);
    expect(s2!.first).toBeCloseTo(0.8, 1);
    expect(Math.abs(s1!.total - s1!.first)).toBeLessThan(0.02);
    expect(Math.abs(s2!.total - s2!.first)).toBeLessThan(0.02);
  });
  it('rejects outputs that do not match the design', () => {
    expect(() => splitSaltelliOutputs({ n: 4, d: 2, y: [1, 2, 3] })).toThrow(RangeError);
    expect(() => sobolIndices({ yA: [1, 2], yB: [1, Number.NaN], yAB: [[1, 2]], rng: createRng(1) })).toThrow(
      /yB\[1\] is NaN/,
    );
  });
});

describe('steps', () => {
  /**
   * Sobol' estimators and bootstrap worked by hand on tiny samples, from the formulas of Saltelli et al. (2010)
   * Table 2: with m the mean and V the variance (divisor 2n) of f(A) ∪ f(B),
   *   S_i = (1/n) Σ_j (f(B)_j − m)(f(A_B^(i))_j − f(A)_j) / V,   S_Ti = (1/2n) Σ_j (f(A)_j − f(A_B^(i))_j)² / V,
   * and the percentile bootstrap (Efron & Tibshirani 1993 ch. 13) over row indices drawn with replacement, its ends
   * the type-7 quantiles of the resampled indices. The design's layout follows Saltelli (2010) §3.
   */
  /** An Rng whose int(n) replays `ints` and records n (next() is 0.5). */
  const scriptedInts = (ints: number[]) => scripted(ints);

  describe('the estimators by hand', () => {
    // n = 2, d = 1: f(A) = [1, 3], f(B) = [2, 4], f(A_B) = [1, 4].
    // m = (1 + 3 + 2 + 4)/4 = 2.5; V = (1.5² + 0.5² + 0.5² + 1.5²)/4 = 5/4.
    // f(A_B) − f(A) = [0, 1]: S = ((2 − 2.5)·0 + (4 − 2.5)·1)/2 / (5/4) = 0.75/1.25 = 0.6;
    // S_T = (0² + 1²)/(2·2) / (5/4) = 0.25/1.25 = 0.2.
    const outputs = { yA: [1, 3], yB: [2, 4], yAB: [[1, 4]] };

    it('point estimates and the output variance', () => {
      const r = sobolIndices({ ...outputs, rng: createRng(1), resamples: 1 });
      expect(r.variance).toBe(1.25);
      expect(r.n).toBe(2);
      expect(r.indices[0]!.input).toBe(0);
      expect(r.indices[0]!.first).toBeCloseTo(0.6, 15);
      expect(r.indices[0]!.total).toBeCloseTo(0.2, 15);
    });

    it('bootstrap: three resamples of the rows, sorted, their 25th and 75th percentiles', () => {
      // resample 1: rows {1, 1}: f(A) = 3, f(B) = 4, m = 3.5, V = 0.25, differences 1, 1:
      //   S = (0.5 + 0.5)/2/0.25 = 2, S_T = 2/4/0.25 = 2
      // resample 2: rows {0, 0}: f(A) = 1, f(B) = 2, V = 0.25, differences 0: S = S_T = 0
      // resample 3: rows {0, 1}: the whole sample, S = 0.6, S_T = 0.2
      // sorted S: [0, 0.6, 2]: type-7 quantile at 0.25 → h = 0.5 → 0.3; at 0.75 → h = 1.5 → 0.6 + 0.5·1.4 = 1.3
      // sorted S_T: [0, 0.2, 2]: 0.1 and 0.2 + 0.5·1.8 = 1.1
      const rng = scriptedInts([1, 1, 0, 0, 0, 1]);
      const r = sobolIndices({ ...outputs, rng, resamples: 3, confidence: 0.5 });
      const s = r.indices[0]!;
      expect(rng.bounds).toEqual([2, 2, 2, 2, 2, 2]);
      expect([r.resamples, r.confidence]).toEqual([3, 0.5]);
      expect(s.firstLow).toBeCloseTo(0.3, 14);
      expect(s.firstHigh).toBeCloseTo(1.3, 14);
      expect(s.totalLow).toBeCloseTo(0.1, 14);
      expect(s.totalHigh).toBeCloseTo(1.1, 14);
      // the point estimates are those of the whole sample, not of the last resample
      expect(s.first).toBeCloseTo(0.6, 15);
    });

    it('defaults: 1,000 resamples (n draws each) and a 95 % interval', () => {
      let draws = 0;
      const base = createRng(4);
      const counting: Rng = { ...base, int: (n) => (draws++, base.int(n)), next: () => base.next() };
      const r = sobolIndices({ ...outputs, rng: counting });
      expect([r.resamples, r.confidence, draws]).toEqual([1000, 0.95, 2000]);
    });

    it('a constant output has V = 0 and every index 0, in the bootstrap too', () => {
      const r = sobolIndices({ yA: [5, 5], yB: [5, 5], yAB: [[5, 5]], rng: createRng(2), resamples: 5 });
      expect(r.variance).toBe(0);
      const s = r.indices[0]!;
      expect([s.first, s.total, s.firstLow, s.firstHigh, s.totalLow, s.totalHigh]).toEqual([0, 0, 0, 0, 0, 0]);
    });

    it('two inputs: each index reads its own column of f(A_B)', () => {
      // f(A) = [0, 2], f(B) = [1, 1]: m = 1, V = (1 + 1 + 0 + 0)/4 = 0.5
      // input 0: f(A_B) = [0, 2] (no change): S = S_T = 0
      // input 1: f(A_B) = [2, 0]: differences [2, −2]: S = ((1 − 1)·2 + (1 − 1)·(−2))/2/0.5 = 0;
      //   S_T = (4 + 4)/4/0.5 = 4
      const r = sobolIndices({
        yA: [0, 2],
        yB: [1, 1],
        yAB: [
          [0, 2],
          [2, 0],
        ],
        rng: createRng(3),
        resamples: 1,
      });
      expect(r.indices.map((s) => [s.input, s.first, s.total])).toEqual([
        [0, 0, 0],
        [1, 0, 4],
      ]);
      expect(rankByTotal({ result: r }).map((s) => s.input)).toEqual([1, 0]);
    });
    it('ranking: equal totals are ordered by input number, whatever order the result lists them in', () => {
      const index = (input: number, total: number) => ({
        input,
        first: 0,
        firstLow: 0,
        firstHigh: 0,
        total,
        totalLow: total,
        totalHigh: total,
      });
      const result: SobolResult = {
        n: 2,
        variance: 1,
        confidence: 0.95,
        resamples: 1,
        indices: [index(2, 0.3), index(0, 0.3), index(3, 0.7), index(1, 0.3)],
      };
      // input 3 has the largest total; inputs 0, 1, 2 tie at 0.3 and follow in input order
      expect(rankByTotal({ result }).map((s) => s.input)).toEqual([3, 0, 1, 2]);
    });
  });

  describe('checks', () => {
    const rng = createRng(1);
    it('sizes, resamples and confidence', () => {
      expect(() => sobolIndices({ yA: [1], yB: [1], yAB: [[1]], rng })).toThrow(
        'need n >= 2 rows and d >= 1 inputs, got n = 1, d = 1',
      );
      expect(() => sobolIndices({ yA: [1, 2], yB: [1, 2], yAB: [], rng })).toThrow(
        'need n >= 2 rows and d >= 1 inputs, got n = 2, d = 0',
      );
      const ok = { yA: [1, 2], yB: [1, 2], yAB: [[1, 2]], rng };
      expect(() => sobolIndices({ ...ok, resamples: 0 })).toThrow('resamples must be an integer >= 1, got 0');
      expect(() => sobolIndices({ ...ok, resamples: 2.5 })).toThrow('resamples must be an integer >= 1, got 2.5');
      expect(() => sobolIndices({ ...ok, confidence: 1 })).toThrow('confidence must be in (0, 1), got 1');
      expect(() => sobolIndices({ ...ok, confidence: 0 })).toThrow('confidence must be in (0, 1), got 0');
      expect(sobolIndices({ ...ok, resamples: 1 }).resamples).toBe(1);
    });
    it('every output vector has n finite values, and the message names it', () => {
      expect(() => sobolIndices({ yA: [1, 2], yB: [1, 2], yAB: [[1, 2, 3]], rng })).toThrow(
        'yAB[0] has 3 outputs, expected n = 2',
      );
      expect(() => sobolIndices({ yA: [1, 2], yB: [1], yAB: [[1, 2]], rng })).toThrow(
        'yB has 1 outputs, expected n = 2',
      );
      expect(() => sobolIndices({ yA: [Infinity, 2], yB: [1, 2], yAB: [[1, 2]], rng })).toThrow(
        "yA[0] is Infinity: Sobol' indices need a finite output for every row",
      );
      expect(() =>
        sobolIndices({
          yA: [1, 2],
          yB: [1, 2],
          yAB: [
            [1, 2],
            [1, Number.NaN],
          ],
          rng,
        }),
      ).toThrow(/^yAB\[1\]\[1\] is NaN/);
    });
    it('the outputs split into n, n and d blocks of n', () => {
      expect(splitSaltelliOutputs({ n: 2, d: 2, y: [1, 2, 3, 4, 5, 6, 7, 8] })).toEqual({
        yA: [1, 2],
        yB: [3, 4],
        yAB: [
          [5, 6],
          [7, 8],
        ],
      });
      expect(() => splitSaltelliOutputs({ n: 2, d: 2, y: [1] })).toThrow('expected n(d + 2) = 8 outputs, got 1');
    });
  });

  describe('the design', () => {
    it('rows are A, B, then A with column i from B, for i = 0 … d − 1 (Saltelli 2010 §3)', () => {
      const [n, d] = [3, 2];
      const design = saltelliDesign({ n, d, rng: createRng(11), method: 'mc' });
      // A and B are the next two n × d Monte Carlo blocks of the same generator
      const rng = createRng(11);
      const draw = (): number[][] => Array.from({ length: n }, () => Array.from({ length: d }, () => rng.next()));
      const [A, B] = [draw(), draw()];
      expect([design.n, design.d, design.rows.length]).toEqual([n, d, n * (d + 2)]);
      expect(design.rows.slice(0, n)).toEqual(A);
      expect(design.rows.slice(n, 2 * n)).toEqual(B);
      for (let i = 0; i < d; i++)
        for (let j = 0; j < n; j++)
          expect(design.rows[(2 + i) * n + j]).toEqual(A[j]!.map((x, k) => (k === i ? B[j]![k] : x)));
    });

    it('Latin hypercube by default: each block of n rows has one point per stratum in every column', () => {
      const design = saltelliDesign({ n: 8, d: 2, rng: createRng(12) });
      for (const block of [design.rows.slice(0, 8), design.rows.slice(8, 16)])
        for (let j = 0; j < 2; j++)
          expect(block.map((r) => Math.floor(r[j]! * 8)).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    });

    it('sobolFromModel = design → inputs → model → indices, passing the method, resamples and confidence', () => {
      const U: Distribution = { kind: 'uniform', min: 0, max: 1 };
      const model = (x: readonly number[]): number => x[0]! + 2 * x[1]! * x[1]!;
      const one = sobolFromModel({
        model,
        distributions: [U, U],
        n: 16,
        rng: createRng(6),
        method: 'mc',
        resamples: 7,
        confidence: 0.8,
      });
      const rng = createRng(6);
      const design = saltelliDesign({ n: 16, d: 2, rng, method: 'mc' });
      const y = toInputs({ unit: design.rows, distributions: [U, U] }).map(model);
      const byHand: SobolResult = sobolIndices({
        ...splitSaltelliOutputs({ n: 16, d: 2, y }),
        rng,
        resamples: 7,
        confidence: 0.8,
      });
      expect(one).toEqual(byHand);
      expect([one.resamples, one.confidence]).toEqual([7, 0.8]);
    });
  });
});
