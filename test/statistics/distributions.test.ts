import { describe as group, expect, it } from 'vitest';
import { StudyError } from '../../src/base/errors.js';
import { distributionSchema, validateDistribution } from '../../src/statistics/distributionSchema.js';
import { describe, mean, quantile, variance, type Distribution } from '../../src/statistics/distributions.js';
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
  const error = (value: unknown): StudyError => {
    try {
      validateDistribution({ value, path });
    } catch (e) {
      if (e instanceof StudyError) return e;
      throw e;
    }
    throw new Error('expected a StudyError');
  };
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
  it('the zod schema rejects the same relations, with the field path in the message', () => {
    const schema = distributionSchema(path);
    const r = schema.safeParse({ kind: 'normal', mean: 0, sd: -1 });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['sd']);
    expect(r.error?.issues[0]?.message).toBe('economics.batteryCost.sd must be > 0, got -1');
    expect(schema.safeParse({ kind: 'triangular', min: 3, mode: 5, max: 9 }).success).toBe(true);
    expect(schema.safeParse({ kind: 'uniform', min: 0, max: 1, extra: 1 }).success).toBe(false);
  });
});
