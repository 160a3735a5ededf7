import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/base/rng.js';
import type { Distribution } from '../../src/statistics/distributions.js';
import { toInputs } from '../../src/statistics/sampling.js';
import {
  rankByTotal,
  saltelliDesign,
  sobolFromModel,
  sobolIndices,
  splitSaltelliOutputs,
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
    expect(Math.abs(result.variance / V - 1)).toBeLessThan(0.05);
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
