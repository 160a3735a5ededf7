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

describe('region boundaries and far tails', () => {
  // Reference values from mpmath 1.3 at 40 significant digits (erfc, ncdf, erfinv), rounded to the nearest double.

  it('erfc for 4 < x < 26.543 keeps full relative accuracy (exp(−x²) split at ⌊16x⌋/16), to 1e-15', () => {
    // squaring x itself would leave a relative error up to x²·2⁻⁵³: 8e-15 at 17.77, 2e-14 at 25.9
    expect(erfc(17.77)).toBeWithinRelative(2.3047544563565794e-139, 1e-15);
    expect(erfc(20.3)).toBeWithinRelative(2.985318180601636e-181, 1e-15);
    expect(erfc(25.9)).toBeWithinRelative(1.0202833184732667e-293, 1e-15);
  });

  it("erfc is 0 from CALERF's XBIG = 26.543 on (where erfc falls to about the smallest normal double)", () => {
    // Cody's CALERF returns 0 for |x| ≥ XBIG; the true erfc(26.543) = 2.2558e-308 is at the edge of the normal range
    expect(erfc(26.543)).toBe(0);
    expect(erfc(-26.543)).toBe(2);
  });

  it('the quantile of Z truncated to (1, 2) at u = ½ is Φ⁻¹((Φ(1) + Φ(2))/2) = 1.336440347745247', () => {
    expect(truncatedStandardNormalQuantile(1, 2, 0.5)).toBeWithinRelative(1.336440347745247, 1e-14);
  });

  it('the half-normal quantile (Z truncated to (0, ∞)) is Φ⁻¹((1 + u)/2), also for u a few ulp below 1', () => {
    // u = ½: Φ⁻¹(0.75) = 0.6744897501960817 [A&S 26.5]; u = 1 − 3·2⁻⁵³ leaves (1 − u)/2 = 1.5·2⁻⁵³ in the upper
    // tail, exact in binary: z = 8.160707840858583 (forming Φ(0) + u·½ first rounds that tail to 2⁻⁵², z = 8.126)
    expect(truncatedStandardNormalQuantile(0, Infinity, 0.5)).toBeWithinRelative(0.6744897501960817, 1e-15);
    expect(truncatedStandardNormalQuantile(0, Infinity, 1 - 3 * 2 ** -53)).toBeWithinRelative(8.160707840858583, 1e-14);
  });
});
