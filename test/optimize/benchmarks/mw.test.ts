/**
 * MW1–MW3 (Ma & Wang 2019).
 * Objective and constraint values at points worked out by hand from the papers' definitions (the arithmetic is
 * written next to each expectation), and feasibility of known feasible and infeasible points. Nothing here calls
 * the code under test to make an expectation.
 */
import { describe, expect, it } from 'vitest';
import { P, run, close } from './problems.js';

describe('MW (Ma & Wang 2019), n = 3 so the sums have two terms', () => {
  it('MW1', () => {
    const p = P('mw1', 2, 3);
    // g1 = 1 + Σ_{i=1,2} [1 - exp(-10 (x_i^1 - 0.5 - i/6)²)]; x1 = 2/3 → 0, x2 = 5/6 - 0.1 → 1 - e^-0.1
    const g = 1 + (1 - Math.exp(-0.1));
    const a = run(p, [0.2, 2 / 3, 5 / 6 - 0.1]);
    close(a.f, [0.2, g - 0.85 * 0.2]); // f1 = g - 0.85 f0 = 1.095163 - 0.17
    close(a.g, [0.2 + (g - 0.17) - 1 - 0.5 * Math.sin(2 * Math.PI * Math.SQRT2 * (g - 0.17 - 0.2)) ** 8]);
    // at the optimum (g = 1) and f0 = 0: f = (0, 1), c = 0 + 1 - 1 - 0.5 sin⁸(2π√2) < 0: feasible
    const b = run(p, [0, 2 / 3, 5 / 6]);
    close(b.f, [0, 1]);
    expect(b.g[0]!).toBeCloseTo(-0.5 * Math.sin(2 * Math.PI * Math.SQRT2) ** 8, 12);
    expect(b.cv).toBe(0);
  });

  it('MW2', () => {
    const p = P('mw2', 2, 3);
    // optimum x_i = i/3; x2 = 2/3 + 0.1: z = 1 - e^-0.1, term = (0.1/3) z² + 1.5 - 1.5 cos(2π z)
    const z = 1 - Math.exp(-0.1);
    // z = 0.0951626, cos(2π z) = cos(0.597929) = 0.826505: g = 1 + 0.000302 + 1.5 (0.173495) = 1.260545
    const g = 1 + (0.1 / 3) * z * z + 1.5 - 1.5 * Math.cos(2 * Math.PI * z);
    expect(g).toBeCloseTo(1.260545, 5);
    const a = run(p, [0.4, 1 / 3, 2 / 3 + 0.1]);
    close(a.f, [0.4, g - 0.4]);
    close(a.g, [0.4 + g - 0.4 - 1 - 0.5 * Math.sin(3 * Math.PI * Math.SQRT2 * (g - 0.8)) ** 8]);
    // the whole line g = 1 is feasible: f0 + f1 - 1 = 0 <= 0.5 sin⁸
    expect(run(p, [0.7, 1 / 3, 2 / 3]).cv).toBe(0);
  });

  it('MW3: the chain optimum gives g = 1; the line point at d = 0.6 violates the second constraint', () => {
    const p = P('mw3', 2, 3);
    // x0 = 0.2 → x1 = 1 - (0.2 - 0.5)² = 0.91 → x2 = 1 - (0.91 - 0.5)² = 0.8319: g3 = 1, f = (0.2, 0.8)
    const a = run(p, [0.2, 0.91, 0.8319]);
    close(a.f, [0.2, 0.8]);
    // l = √2 · 0.6; c1 = 1 - 1.05 - 0.45 sin⁶(0.75π l) < 0; c2 = 0.85 - 1 + 0.3 sin²(0.75π l) = -0.15 + 0.3 · 0.8275 =
    // 0.0982
    const l = Math.SQRT2 * 0.6;
    close(a.g, [-0.05 - 0.45 * Math.sin(0.75 * Math.PI * l) ** 6, -0.15 + 0.3 * Math.sin(0.75 * Math.PI * l) ** 2]);
    expect(a.g[1]!).toBeCloseTo(0.0982, 3);
    // g3 with x1 off the chain by 0.1: 1 + 2 (0.1)² + 2 (x2 + (x1 - 0.5)² - 1)²
    const b = run(p, [0.2, 0.81, 0.8319]);
    const g = 1 + 2 * 0.01 + 2 * (0.8319 + 0.31 ** 2 - 1) ** 2;
    close(b.f, [0.2, g - 0.2]);
  });
});
