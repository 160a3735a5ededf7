import { describe as group, expect, it } from 'vitest';
import type { StudyError } from '../../src/base/errors.js';
import { studyErrorOf } from '../helpers/tmp.js';
import { distributionProblems, validateDistribution, MAX_GSD } from '../../src/statistics/distributionValidation.js';
import {
  describe,
  mean,
  quantile,
  variance,
  type Distribution,
  standardBounds,
} from '../../src/statistics/distributions.js';
import { erfc, standardNormalCdf, standardNormalQuantile } from '../../src/statistics/normal.js';

// Sources:
// [AS] Abramowitz & Stegun (1964), Handbook of Mathematical Functions, tables 7.1 (erf) and 26.1/26.5 (normal):
//      erf(1) = 0.8427007929497148693, Φ(1) = 0.8413447460685429, Φ(−1) = 0.15865525393145707,
//      z(0.975) = 1.959963984540054, z(0.75) = 0.6744897501960817, Φ(1.96) = 0.9750021048517795
//      (the same digits as R's pnorm/qnorm).
// [W88] Wichura (1988), AS 241: relative accuracy about 1e-16.
// Closed forms: uniform, triangular (Kotz & van Dorp 2004 ch. 1), lognormal (mean e^{μ+σ²/2},
// variance (e^{σ²} − 1) e^{2μ+σ²}), half-normal (mean √(2/π), variance 1 − 2/π).

const relClose = (actual: number, expected: number, rel: number): void => {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.abs(expected));
};
const tightRel = 1e-14; // a few ulps: AS 241 and Cody's erfc are good to ~1e-16

group('standard normal special functions [AS, W88]', () => {
  it('Φ⁻¹(0.975) = 1.959963984540054 and Φ⁻¹(0.025) is its negative', () => {
    relClose(standardNormalQuantile(0.975), 1.959963984540054, tightRel);
    relClose(standardNormalQuantile(0.025), -1.959963984540054, tightRel);
    relClose(standardNormalQuantile(0.75), 0.6744897501960817, tightRel);
    expect(standardNormalQuantile(0.5)).toBe(0);
  });
  it('Φ(1), Φ(−1), Φ(1.96) and erfc(1) match the tables', () => {
    relClose(standardNormalCdf(1), 0.8413447460685429, tightRel);
    relClose(standardNormalCdf(-1), 0.15865525393145707, tightRel);
    relClose(standardNormalCdf(1.96), 0.9750021048517795, tightRel);
    relClose(erfc(1), 0.15729920705028513, tightRel); // 1 − erf(1) = 0.1572992070502851307
  });
  it('Φ(Φ⁻¹(p)) = p from p = 1e-300 to 1 − 1e-12 (two independent algorithms agree)', () => {
    for (const p of [1e-300, 1e-100, 1e-20, 1e-8, 0.001, 0.02425, 0.1, 0.3, 0.5, 0.7, 0.97575, 0.999, 1 - 1e-12]) {
      relClose(standardNormalCdf(standardNormalQuantile(p)), p, 1e-12);
    }
  });
  it('Φ⁻¹ is ±∞ at 0 and 1 and rejects p outside [0, 1]', () => {
    expect(standardNormalQuantile(0)).toBe(-Infinity);
    expect(standardNormalQuantile(1)).toBe(Infinity);
    expect(() => standardNormalQuantile(1.5)).toThrow(RangeError);
    expect(() => standardNormalQuantile(Number.NaN)).toThrow(RangeError);
  });
});

group('quantile, mean, variance: closed forms', () => {
  it('uniform(0, 2)', () => {
    const d: Distribution = { kind: 'uniform', min: 0, max: 2 };
    expect(quantile(d, 0.25)).toBe(0.5);
    expect(quantile(d, 0)).toBe(0);
    expect(quantile(d, 1)).toBe(2);
    expect(mean(d)).toBe(1);
    relClose(variance(d), 1 / 3, tightRel);
  });
  it('triangular(3, 5, 9): F(5) = 1/3, median 9 − √12, mean 17/3, variance 28/18', () => {
    const d: Distribution = { kind: 'triangular', min: 3, mode: 5, max: 9 };
    relClose(quantile(d, 1 / 3), 5, tightRel);
    relClose(quantile(d, 0.1), 3 + Math.sqrt(0.1 * 6 * 2), tightRel);
    relClose(quantile(d, 0.5), 9 - Math.sqrt(12), tightRel);
    expect(quantile(d, 0)).toBe(3);
    expect(quantile(d, 1)).toBe(9);
    relClose(mean(d), 17 / 3, tightRel);
    relClose(variance(d), 28 / 18, tightRel);
  });
  it('normal(mean 10, sd 2): quantile(0.975) = 10 + 2·1.959963984540054', () => {
    const d: Distribution = { kind: 'normal', mean: 10, sd: 2 };
    relClose(quantile(d, 0.975), 10 + 2 * 1.959963984540054, tightRel);
    expect(quantile(d, 0.5)).toBe(10);
    expect(mean(d)).toBe(10);
    expect(variance(d)).toBe(4);
  });
  it('lognormal(median 1, gsd e): quantile(0.975) = e^1.959963984540054, mean √e, variance e(e − 1)', () => {
    const d: Distribution = { kind: 'lognormal', median: 1, gsd: Math.E };
    relClose(quantile(d, 0.975), Math.exp(1.959963984540054), tightRel);
    relClose(quantile(d, 0.5), 1, tightRel);
    relClose(mean(d), Math.sqrt(Math.E), tightRel);
    relClose(variance(d), Math.E * (Math.E - 1), tightRel);
  });
  it('lognormal(median 100, gsd 2): one gsd above the median is 200, at Φ(1)', () => {
    relClose(quantile({ kind: 'lognormal', median: 100, gsd: 2 }, 0.8413447460685429), 200, 1e-12);
  });
  it('normal truncated at its mean is the half-normal: median z(0.75), mean √(2/π), variance 1 − 2/π', () => {
    const d: Distribution = { kind: 'normal', mean: 0, sd: 1, min: 0 };
    relClose(quantile(d, 0.5), 0.6744897501960817, 1e-13);
    expect(quantile(d, 0)).toBe(0);
    relClose(mean(d), Math.sqrt(2 / Math.PI), 1e-13);
    relClose(variance(d), 1 - 2 / Math.PI, 1e-13);
  });
  it('symmetric truncation keeps the mean; a far-tail truncation stays inside its bounds', () => {
    const sym: Distribution = { kind: 'normal', mean: 5, sd: 1, min: 4, max: 6 };
    relClose(mean(sym), 5, tightRel);
    relClose(quantile(sym, 0.5), 5, tightRel);
    const tail: Distribution = { kind: 'normal', mean: 0, sd: 1, min: 10, max: 11 };
    for (const u of [0.001, 0.5, 0.999]) {
      const x = quantile(tail, u);
      expect(x).toBeGreaterThan(10);
      expect(x).toBeLessThan(11);
    }
  });
  it('lognormal(median 1, gsd e) truncated to max 1: mean 2·e^{1/2}·Φ(−1) (half of the log-normal below its median)', () => {
    const d: Distribution = { kind: 'lognormal', median: 1, gsd: Math.E, max: 1 };
    relClose(mean(d), 2 * Math.exp(0.5) * 0.15865525393145707, 1e-13);
    // E[X²] = 2 e² Φ(−2), Φ(−2) = 0.022750131948179195 [AS]
    relClose(
      variance(d),
      2 * Math.exp(2) * 0.022750131948179195 - (2 * Math.exp(0.5) * 0.15865525393145707) ** 2,
      1e-12,
    );
    expect(quantile(d, 1)).toBeLessThanOrEqual(1);
  });
  it('describe gives a short human string', () => {
    expect(describe({ kind: 'triangular', min: 3, mode: 5, max: 9 })).toBe('triangular(3, 5, 9)');
    expect(describe({ kind: 'uniform', min: 0, max: 2 })).toBe('uniform(0, 2)');
    expect(describe({ kind: 'normal', mean: 1, sd: 0.5 })).toBe('normal(mean 1, sd 0.5)');
    expect(describe({ kind: 'lognormal', median: 2, gsd: 1.5, min: 1 })).toBe(
      'lognormal(median 2, gsd 1.5) in [1, inf]',
    );
  });
});

group('validateDistribution: user errors name the field and the fix', () => {
  const path = 'economics.batteryCost';
  const error = (value: unknown): StudyError => studyErrorOf(() => validateDistribution({ value, path }));
  it('negative sd', () => {
    const e = error({ kind: 'normal', mean: 3, sd: -1 });
    expect(e.code).toBe('OUT_OF_RANGE');
    expect(e.message).toBe('economics.batteryCost.sd must be > 0, got -1');
    expect(e.field).toBe('economics.batteryCost.sd');
  });
  it('min > max says swap them', () => {
    const e = error({ kind: 'uniform', min: 5, max: 3 });
    expect(e.code).toBe('OUT_OF_RANGE');
    expect(e.message).toBe('economics.batteryCost.min 5 > max 3: swap them');
    expect(error({ kind: 'normal', mean: 0, sd: 1, min: 2, max: 1 }).message).toContain('swap them');
  });
  it('mode outside [min, max]', () => {
    const e = error({ kind: 'triangular', min: 3, mode: 10, max: 9 });
    expect(e.code).toBe('OUT_OF_RANGE');
    expect(e.message).toContain('economics.batteryCost.mode 10 is outside [min, max] = [3, 9]');
  });
  it('gsd ≤ 1, median ≤ 0, negative lognormal min, empty range, truncation without probability', () => {
    expect(error({ kind: 'lognormal', median: 2, gsd: 0.5 }).message).toMatch(
      /^economics\.batteryCost\.gsd must be > 1/,
    );
    expect(error({ kind: 'lognormal', median: 0, gsd: 2 }).message).toMatch(
      /^economics\.batteryCost\.median must be > 0/,
    );
    expect(error({ kind: 'lognormal', median: 1, gsd: 2, min: -1 }).field).toBe('economics.batteryCost.min');
    expect(error({ kind: 'uniform', min: 2, max: 2 }).message).toContain('range is empty');
    expect(error({ kind: 'normal', mean: 0, sd: 1, min: 1e6 }).message).toContain('holds no probability');
  });
  it('unknown kind, missing field, wrong type, unknown key', () => {
    const kind = error({ kind: 'normall', mean: 0, sd: 1 });
    expect([kind.code, kind.message]).toEqual(['WRONG_TYPE', expect.stringContaining('did you mean normal?')]);
    const missing = error({ kind: 'normal', mean: 0 });
    expect([missing.code, missing.message]).toEqual([
      'MISSING_FIELD',
      'economics.batteryCost.sd is missing: a normal distribution needs mean and sd (optional truncation: min, max)',
    ]);
    const wrong = error({ kind: 'uniform', min: 'low', max: 3 });
    expect([wrong.code, wrong.message]).toEqual([
      'WRONG_TYPE',
      'economics.batteryCost.min must be a finite number, got "low"',
    ]);
    expect(error({ kind: 'uniform', min: 0, max: Infinity }).code).toBe('WRONG_TYPE');
    const key = error({ kind: 'normal', mean: 0, sdd: 1 });
    expect([key.code, key.message]).toEqual([
      'UNKNOWN_KEY',
      expect.stringContaining('economics.batteryCost.sdd is not a normal parameter'),
    ]);
    expect(key.message).toContain('did you mean sd?');
    expect(error(42).code).toBe('WRONG_TYPE');
    expect(error({ mean: 0, sd: 1 }).code).toBe('MISSING_FIELD');
  });
  it('valid input comes back typed and unchanged', () => {
    const value = { kind: 'lognormal', median: 2, gsd: 1.5, max: 10 };
    expect(validateDistribution({ value, path })).toEqual(value);
  });
  it('a relation problem names the field path', () => {
    expect(error({ kind: 'normal', mean: 0, sd: -1 })).toMatchObject({
      code: 'OUT_OF_RANGE',
      field: 'economics.batteryCost.sd',
      message: 'economics.batteryCost.sd must be > 0, got -1',
    });
  });
});

group('edges', () => {
  /**
   * Truncation, precision and the edges of validation for ./distributions.test.ts's distributions. Closed forms:
   * half-normal and half-lognormal (truncated at the median): the truncated-moment formulas of JKB vol. 1 ch. 13–14
   * with the bound at the centre, Φ(1) = 0.8413447460685429, Φ(2) = 0.9772498680518208, z(0.75) =
   * 0.6744897501960817 (Abramowitz & Stegun 1964, table 26.1); φ(x) = e^{−x²/2}/√(2π). Messages and limits are the
   * ones the module headers document (sd > 0, min ≤ mode ≤ max, median > 0, 1 < gsd ≤ 1000, lognormal min ≥ 0).
   */
  const PHI1 = 0.8413447460685429;
  const PHI2 = 0.9772498680518208;
  const Z75 = 0.6744897501960817;
  const pdf = (x: number): number => Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);

  group('truncated normal and lognormal', () => {
    it('normal(0, 1) truncated above at 0: the mirrored half-normal, mean −√(2/π), median −z(0.75)', () => {
      const d: Distribution = { kind: 'normal', mean: 0, sd: 1, max: 0 };
      relClose(mean(d), -Math.sqrt(2 / Math.PI), 1e-13);
      relClose(variance(d), 1 - 2 / Math.PI, 1e-13);
      relClose(quantile(d, 0.5), -Z75, 1e-13);
      expect(quantile(d, 1)).toBe(0);
      expect(quantile(d, 0)).toBe(-Infinity);
    });

    it('normal(10, 2) on [8, 14]: standardised bounds −1 and 2, mean and variance from JKB ch. 13', () => {
      const d: Distribution = { kind: 'normal', mean: 10, sd: 2, min: 8, max: 14 };
      expect(standardBounds(d)).toEqual({ lo: -1, hi: 2 });
      const Z = PHI2 - (1 - PHI1); // Φ(2) − Φ(−1)
      const m = (pdf(-1) - pdf(2)) / Z;
      relClose(mean(d), 10 + 2 * m, 1e-13);
      relClose(variance(d), 4 * (1 + (-1 * pdf(-1) - 2 * pdf(2)) / Z - m * m), 1e-12);
      expect(quantile(d, 0)).toBeCloseTo(8, 12);
      expect(quantile(d, 1)).toBeCloseTo(14, 12);
    });

    it('lognormal(median 1, gsd e) truncated below at 1: median e^{z(0.75)}, mean 2√e Φ(1), E[X²] = 2e² Φ(2)', () => {
      const d: Distribution = { kind: 'lognormal', median: 1, gsd: Math.E, min: 1 };
      expect(standardBounds(d)).toEqual({ lo: 0, hi: Infinity });
      relClose(quantile(d, 0.5), Math.exp(Z75), 1e-13);
      expect(quantile(d, 0)).toBeCloseTo(1, 14);
      const m1 = 2 * Math.sqrt(Math.E) * PHI1;
      relClose(mean(d), m1, 1e-13);
      relClose(variance(d), 2 * Math.E ** 2 * PHI2 - m1 * m1, 1e-12);
    });

    it('a lognormal lower bound of 0 is no bound: the same distribution as without it', () => {
      const d: Distribution = { kind: 'lognormal', median: 3, gsd: 2, min: 0 };
      expect(standardBounds(d)).toEqual({ lo: -Infinity, hi: Infinity });
      relClose(mean(d), 3 * Math.exp(0.5 * Math.LN2 ** 2), 1e-14);
    });

    it('lognormal(median 1, gsd e²) cut at its median: the kσ shift of E[X^k] with σ = 2, not 1 (JKB ch. 14)', () => {
      // σ = ln gsd = 2, bound at the median (α or β = 0, mass ½): E[X] = e^{σ²/2}·P(Z > −σ)/½ = 2e²Φ(2) above,
      // e^{σ²/2}·P(Z < −σ)/½ = 2e²(1 − Φ(2)) below; a bound shifted by k/σ instead of kσ moves both far off
      const gsd = Math.E ** 2;
      relClose(mean({ kind: 'lognormal', median: 1, gsd, min: 1 }), 2 * Math.E ** 2 * PHI2, 1e-12);
      relClose(mean({ kind: 'lognormal', median: 1, gsd, max: 1 }), 2 * Math.E ** 2 * (1 - PHI2), 1e-12);
    });

    it('standardised bounds of a lognormal are in log units: median 100, gsd 10, [10, 10⁴] → [−1, 2]', () => {
      const b = standardBounds({ kind: 'lognormal', median: 100, gsd: 10, min: 10, max: 10_000 });
      expect(b.lo).toBeCloseTo(-1, 14);
      expect(b.hi).toBeCloseTo(2, 14);
    });

    it('a narrow lognormal keeps its variance precise: (e^{σ²} − 1) e^{2μ + σ²} with σ = ln 1.0001', () => {
      // σ² ≈ 1e-8: E[X²] − E[X]² would cancel 8 digits; the closed form with expm1 does not
      const s = Math.log(1.0001);
      const exact = Math.expm1(s * s) * Math.exp(2 * Math.log(5) + s * s);
      relClose(variance({ kind: 'lognormal', median: 5, gsd: 1.0001 }), exact, 1e-13);
      relClose(exact, 25 * s * s, 1e-7); // ≈ median²·σ² for small σ
    });
  });

  group('quantile checks and descriptions', () => {
    it('u outside [0, 1] or NaN is a RangeError naming u', () => {
      const d: Distribution = { kind: 'uniform', min: 0, max: 1 };
      expect(() => quantile(d, -0.1)).toThrow('quantile needs u in [0, 1], got -0.1');
      expect(() => quantile(d, 1.5)).toThrow('quantile needs u in [0, 1], got 1.5');
      expect(() => quantile(d, Number.NaN)).toThrow('quantile needs u in [0, 1], got NaN');
    });
    it('uniform(2, 6), away from 0: quantile min + u(max − min), mean 4, variance (max − min)²/12 = 4/3', () => {
      const d: Distribution = { kind: 'uniform', min: 2, max: 6 };
      expect(quantile(d, 0.25)).toBe(3);
      expect(mean(d)).toBe(4);
      relClose(variance(d), 4 / 3, 1e-15);
    });
    it('triangular(0, 2, 2) (mode at max) and (0, 0, 2) (mode at min) by the inverse CDF', () => {
      // mode = max: F(x) = x²/4 → F⁻¹(u) = 2√u; mode = min: F(x) = 1 − (2 − x)²/4 → F⁻¹(u) = 2 − 2√(1 − u)
      relClose(quantile({ kind: 'triangular', min: 0, mode: 2, max: 2 }, 0.25), 1, 1e-15);
      relClose(quantile({ kind: 'triangular', min: 0, mode: 0, max: 2 }, 0.75), 1, 1e-15);
    });
    it('triangular(0, 0.1, 1) at u = F(mode) = (mode − min)/(max − min) = 0.1 is the mode, 0.1', () => {
      // both branches of the inverse CDF give the mode there; the lower one exactly: √(0.1·1·0.1) = 0.1
      expect(quantile({ kind: 'triangular', min: 0, mode: 0.1, max: 1 }, 0.1)).toBe(0.1);
    });
    it('numbers to 6 significant digits; bounds shown as given, an absent one as ±inf', () => {
      expect(describe({ kind: 'uniform', min: 1 / 3, max: 123456789 })).toBe('uniform(0.333333, 123457000)');
      expect(describe({ kind: 'normal', mean: 1, sd: 0.5, max: 2 })).toBe('normal(mean 1, sd 0.5) in [-inf, 2]');
      expect(describe({ kind: 'normal', mean: 1, sd: 0.5, min: 0, max: 2 })).toBe('normal(mean 1, sd 0.5) in [0, 2]');
      expect(describe({ kind: 'lognormal', median: 2, gsd: 1.5 })).toBe('lognormal(median 2, gsd 1.5)');
    });
  });

  group('validateDistribution edges', () => {
    const path = 'p';
    const error = (value: unknown): StudyError => studyErrorOf(() => validateDistribution({ value, path }));
    const ok = (value: Record<string, unknown>): void => expect(validateDistribution({ value, path })).toEqual(value);

    it('limits are inclusive where the header says ≤ and strict where it says <', () => {
      ok({ kind: 'triangular', min: 1, mode: 1, max: 2 }); // mode = min
      ok({ kind: 'triangular', min: 1, mode: 2, max: 2 }); // mode = max
      ok({ kind: 'lognormal', median: 1, gsd: MAX_GSD }); // gsd = 1000
      ok({ kind: 'lognormal', median: 1, gsd: 2, min: 0 }); // lognormal min = 0
      expect(MAX_GSD).toBe(1000);
      expect(error({ kind: 'normal', mean: 0, sd: 0 }).message).toBe('p.sd must be > 0, got 0');
      expect(error({ kind: 'lognormal', median: 1, gsd: 1 }).message).toBe(
        'p.gsd must be > 1 (the geometric standard deviation: one gsd spans median/gsd to median·gsd), got 1',
      );
      expect(error({ kind: 'lognormal', median: 1, gsd: 1000.5 }).message).toBe(
        "p.gsd must be ≤ 1000 (one gsd multiplies or divides the median; 1000.5 puts samples beyond any model's range): check the units",
      );
      expect(error({ kind: 'lognormal', median: -2, gsd: 2 }).message).toBe(
        'p.median must be > 0 (a lognormal quantity is positive), got -2',
      );
      expect(error({ kind: 'lognormal', median: 1, gsd: 2, min: -0.5 }).message).toBe(
        'p.min must be ≥ 0 (a lognormal quantity is positive), got -0.5',
      );
      expect(error({ kind: 'triangular', min: 1, mode: 0.5, max: 2 }).message).toBe(
        'p.mode 0.5 is outside [min, max] = [1, 2]: the mode must lie between min and max',
      );
    });

    it('the first problem in fix order: the range before the mode; sd before the truncation order', () => {
      // min > max and the mode outside both: only the swap is reported
      expect(error({ kind: 'triangular', min: 5, mode: 9, max: 3 })).toMatchObject({
        field: 'p.min',
        message: 'p.min 5 > max 3: swap them',
      });
      // and it is the only problem listed: the mode is checked against a range only once the range is valid
      expect(distributionProblems({ kind: 'triangular', min: 5, mode: 9, max: 3 }).map((q) => q.field)).toEqual([
        'min',
      ]);
      expect(error({ kind: 'normal', mean: 0, sd: -1, min: 2, max: 1 }).field).toBe('p.sd');
      const equal = error({ kind: 'normal', mean: 0, sd: 1, min: 1, max: 1 });
      expect([equal.field, equal.message]).toEqual([
        'p.max',
        'p.max equals min (1): the range is empty; give min < max, or use a fixed value instead of a distribution',
      ]);
    });

    it('a truncation without probability names the bound given and how far it lies', () => {
      const lower = error({ kind: 'normal', mean: 0, sd: 1, min: 60 });
      expect([lower.code, lower.field, lower.message]).toEqual([
        'OUT_OF_RANGE',
        'p.min',
        'p.min truncation [60, inf] holds no probability (it lies 60 standard deviations from the centre): check the units or widen it',
      ]);
      const upper = error({ kind: 'normal', mean: 0, sd: 1, max: -50 });
      expect([upper.field, upper.message]).toEqual([
        'p.max',
        'p.max truncation [-inf, -50] holds no probability (it lies 50 standard deviations from the centre): check the units or widen it',
      ]);
      // both bounds far out: the distance is the nearer one, the field the lower bound
      expect(error({ kind: 'normal', mean: 0, sd: 1, min: 70, max: 80 }).message).toContain('it lies 70 standard');
      ok({ kind: 'normal', mean: 0, sd: 1, min: 5, max: 6 }); // far but with probability (~3e-7)
    });

    it('not a mapping, a missing or non-string kind, and the missing parameters of each kind', () => {
      expect(error(undefined).message).toBe(
        'p must be a distribution such as { kind: normal, mean: 1, sd: 0.2 }, got nothing',
      );
      expect(error([1, 2]).message).toBe(
        'p must be a distribution such as { kind: normal, mean: 1, sd: 0.2 }, got [1,2]',
      );
      expect(error('uniform').message).toMatch(/, got "uniform"$/);
      const noKind = error({ min: 0 });
      expect([noKind.field, noKind.message]).toEqual([
        'p.kind',
        'p.kind is missing: give one of uniform, triangular, normal, lognormal',
      ]);
      const numeric = error({ kind: 3 });
      expect([numeric.code, numeric.field, numeric.message]).toEqual([
        'WRONG_TYPE',
        'p.kind',
        'p.kind must be one of uniform, triangular, normal, lognormal, got 3',
      ]);
      expect(error({ kind: 'gamma' }).message).toBe(
        'p.kind must be one of uniform, triangular, normal, lognormal, got "gamma"',
      );
      expect(error({ kind: { a: 1 } }).message).toMatch(/, got \{"a":1\}$/);
      expect(error({ kind: 'uniform', min: 0 }).message).toBe(
        'p.max is missing: a uniform distribution needs min and max',
      );
      expect(error({ kind: 'triangular', min: 0, max: 1 }).message).toBe(
        'p.mode is missing: a triangular distribution needs min, mode and max',
      );
      expect(error({ kind: 'lognormal', median: 1 }).message).toBe(
        'p.gsd is missing: a lognormal distribution needs median and gsd (optional truncation: min, max)',
      );
      const wrong = error({ kind: 'normal', mean: true, sd: 1 });
      expect([wrong.code, wrong.field, wrong.message]).toEqual([
        'WRONG_TYPE',
        'p.mean',
        'p.mean must be a finite number, got true',
      ]);
    });

    it('null, NaN and an infinite parameter are named as such, and a missing field names its path', () => {
      // typeof null is 'object': null must still be refused as "not a mapping", not read as one
      expect(error(null)).toMatchObject({
        code: 'WRONG_TYPE',
        field: 'p',
        message: 'p must be a distribution such as { kind: normal, mean: 1, sd: 0.2 }, got null',
      });
      // JSON would print NaN and Infinity as null: the message shows the number given
      expect(error(Number.NaN).message).toMatch(/, got NaN$/);
      expect(error({ kind: 'normal', mean: Infinity, sd: 1 }).message).toBe(
        'p.mean must be a finite number, got Infinity',
      );
      expect(error({ kind: 'uniform', min: 0 })).toMatchObject({ code: 'MISSING_FIELD', field: 'p.max' });
    });

    it('an unknown key lists the parameters of the kind; no guess when nothing is close', () => {
      const far = error({ kind: 'uniform', min: 0, max: 1, reason: 'x' });
      expect([far.code, far.field, far.message]).toEqual([
        'UNKNOWN_KEY',
        'p.reason',
        'p.reason is not a uniform parameter (uniform takes min, max)',
      ]);
      expect(error({ kind: 'lognormal', median: 1, gsdd: 2 }).message).toBe(
        'p.gsdd is not a lognormal parameter (lognormal takes median, gsd, min, max): did you mean gsd?',
      );
    });

    it('relation problems: the first one found, a reversed range before the mode', () => {
      expect(error({ kind: 'lognormal', median: 0, gsd: 0.5 }).message).toBe(
        'p.median must be > 0 (a lognormal quantity is positive), got 0',
      );
      expect(error({ kind: 'lognormal', median: 1, gsd: 0.5 }).message).toBe(
        'p.gsd must be > 1 (the geometric standard deviation: one gsd spans median/gsd to median·gsd), got 0.5',
      );
      expect(validateDistribution({ value: { kind: 'lognormal', median: 1, gsd: 2, max: 5 }, path })).toBeTruthy();
      // the mode is not checked against a range that has to be swapped first
      expect(error({ kind: 'triangular', min: 5, mode: 9, max: 3 })).toMatchObject({
        code: 'OUT_OF_RANGE',
        field: 'p.min',
        message: 'p.min 5 > max 3: swap them',
      });
    });
  });
});
