/**
 * Far-tail accuracy of the standard normal helpers (src/statistics/normal.ts). Reference values: R 4.x
 * `pnorm(8, lower.tail = FALSE)` = 6.220960574271784e-16 and `pnorm(9, lower.tail = FALSE)` = 1.128588405953840e-19
 * (Cody's erfc, as in SPECFUN); the central mass P(|Z| < 1) = erf(1/√2) = 0.6826894921370859 (A&S 1964 table 26.1).
 */
import { describe, expect, it } from 'vitest';
import {
  erfc,
  standardNormalMass,
  standardNormalQuantile,
  standardNormalUpperTail,
  truncatedStandardNormalQuantile,
} from '../../src/statistics/normal.js';

const Q8 = 6.220960574271784e-16,
  Q9 = 1.12858840595384e-19;

describe('normal tails without cancellation', () => {
  it('P(8 < Z < 9) = Q(8) − Q(9) and its mirror P(−9 < Z < −8), to 1e-9 relative', () => {
    expect(standardNormalMass(8, 9)).toBeWithinRelative(Q8 - Q9, 1e-9);
    expect(standardNormalMass(-9, -8)).toBeWithinRelative(Q8 - Q9, 1e-9);
    expect(standardNormalMass(-1, 1)).toBeWithinRelative(0.6826894921370859, 1e-14);
    expect(standardNormalMass(-Infinity, Infinity)).toBe(1);
  });

  it('the truncated quantile beyond 8: the median u = ½ leaves half of Q(8) above it', () => {
    const z = truncatedStandardNormalQuantile(8, Infinity, 0.5);
    expect(z).toBeGreaterThan(8);
    expect(standardNormalUpperTail(z)).toBeWithinRelative(Q8 / 2, 1e-9);
    // and below −8 by symmetry
    expect(truncatedStandardNormalQuantile(-Infinity, -8, 0.5)).toBeCloseTo(-z, 9);
  });

  it('erfc is odd about 1: erfc(−x) = 2 − erfc(x) in every range; NaN is refused', () => {
    for (const x of [1e-20, 0.3, 0.46875, 2, 4, 5, 27]) expect(erfc(-x)).toBeCloseTo(2 - erfc(x), 15);
    expect(erfc(27)).toBe(0);
    expect(erfc(8 / Math.SQRT2) / 2).toBeWithinRelative(Q8, 1e-12);
    expect(() => erfc(Number.NaN)).toThrow('erfc needs a number, got NaN');
  });

  it('quantile: p outside [0, 1] is refused with the value; Φ⁻¹(Q(8)) = −8', () => {
    expect(() => standardNormalQuantile(-0.1)).toThrow('standardNormalQuantile needs p in [0, 1], got -0.1');
    expect(() => standardNormalQuantile(1.1)).toThrow('got 1.1');
    expect(standardNormalQuantile(Q8)).toBeCloseTo(-8, 10);
    expect(standardNormalQuantile(1 - 0.025)).toBeCloseTo(1.959963984540054, 14);
  });
});
