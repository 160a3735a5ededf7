/**
 * The classic constrained problems BNH, OSY, TNK, SRN and CTP1.
 * Objective and constraint values at points worked out by hand from the papers' definitions (the arithmetic is
 * written next to each expectation), and feasibility of known feasible and infeasible points. Nothing here calls
 * the code under test to make an expectation.
 */
import { describe, expect, it } from 'vitest';
import { P, run, close } from './problems.js';

describe('classic constrained problems', () => {
  it('BNH', () => {
    const p = P('bnh');
    // (1, 1): f = (4 + 4, 16 + 16) = (8, 32); g1 = (16 + 1 - 25)/25 = -0.32; g2 = -(49 + 16 - 7.7)/7.7
    const a = run(p, [1, 1]);
    close(a.f, [8, 32]);
    close(a.g, [-0.32, -57.3 / 7.7]);
    // (0, 3) is outside the disk (x1 - 5)² + x2² <= 25: g1 = (25 + 9 - 25)/25 = 0.36
    expect(run(p, [0, 3]).g[0]!).toBeCloseTo(0.36, 12);
    // front ends: (0, 0) → (0, 50), (5, 3) → (100 + 36, 0 + 4) = (136, 4)
    close(run(p, [0, 0]).f, [0, 50]);
    close(run(p, [5, 3]).f, [136, 4]);
  });

  it('OSY', () => {
    const p = P('osy');
    // (1, 1, 1, 0, 1, 0): f1 = -(25 + 1 + 0 + 16 + 0) = -42, f2 = 1 + 1 + 1 + 0 + 1 + 0 = 4;
    // g = -(0)/2, -(4)/6, -(2)/2, -(4)/2, -(4 - 4 - 0)/4, -(4 + 0 - 4)/4
    const a = run(p, [1, 1, 1, 0, 1, 0]);
    close(a.f, [-42, 4]);
    close(a.g, [-0, -4 / 6, -1, -2, -0, -0]);
    expect(a.cv).toBe(0);
    // (5, 1, 5, 0, 5, 0): f1 = -(225 + 1 + 16 + 16 + 16) = -274, f2 = 25 + 1 + 25 + 25 = 76
    const b = run(p, [5, 1, 5, 0, 5, 0]);
    close(b.f, [-274, 76]);
    expect(b.cv).toBe(0);
    // (0, 0, 3, 0, 3, 0): f1 = -(100 + 4 + 4 + 16 + 4) = -128, f2 = 18; g1 = -(0 + 0 - 2)/2 = 1, g6 = -(0 + 0 - 4)/4 =
    // 1
    const c = run(p, [0, 0, 3, 0, 3, 0]);
    close(c.f, [-128, 18]);
    expect(c.g[0]!).toBeCloseTo(1, 12);
    expect(c.g[5]!).toBeCloseTo(1, 12);
    expect(c.cv).toBeCloseTo(2, 12);
  });

  it('TNK', () => {
    const p = P('tnk');
    // (1, 1): atan(1) = π/4, cos(16 π/4) = 1: g1 = -(2 - 1 - 0.1) = -0.9; g2 = 2 (0.25 + 0.25) - 1 = 0
    const a = run(p, [1, 1]);
    close(a.f, [1, 1]);
    close(a.g, [-0.9, 0]);
    // (0.5, 0.5): g1 = -(0.5 - 1 - 0.1) = 0.6 (inside the wavy circle)
    expect(run(p, [0.5, 0.5]).g[0]!).toBeCloseTo(0.6, 12);
    // (1.0384, 0.0417) region: x1² + x2² must reach 1 + 0.1 cos(16 atan(x1/x2))
    const x1 = 1,
      x2 = 0.2;
    expect(run(p, [x1, x2]).g[0]!).toBeCloseTo(-(1 + 0.04 - 1 - 0.1 * Math.cos(16 * Math.atan(5))), 12);
  });

  it('SRN', () => {
    const p = P('srn');
    // (-2.5, 3): f1 = 2 + 20.25 + 4 = 26.25, f2 = -22.5 - 4 = -26.5 (f1 + f2 = -0.25); g = (6.25 + 9 - 225, -2.5 - 9 +
    // 10)
    const a = run(p, [-2.5, 3]);
    close(a.f, [26.25, -26.5]);
    close(a.g, [-209.75, -1.5]);
    // the f1-minimizer (1.1, 3.7): f = (2 + 0.81 + 7.29, 9.9 - 7.29) = (10.1, 2.61), on C2: 1.1 - 11.1 + 10 = 0
    const b = run(p, [1.1, 3.7]);
    close(b.f, [10.1, 2.61]);
    expect(b.g[1]!).toBeCloseTo(0, 12);
    // (2, 1), the unconstrained f1-minimizer, violates C2: 2 - 3 + 10 = 9
    expect(run(p, [2, 1]).g[1]!).toBeCloseTo(9, 12);
  });

  it("CTP1: the recursion gives Deb et al.'s a = (0.858, 0.728), b = (0.541, 0.295)", () => {
    const p = P('ctp1');
    // (0.5, 0): g = 1, f2 = e^-0.5 = 0.606531; constraint 1: 0.858 e^(-0.541 · 0.5) - 0.6065 ≈ 0.0481 > 0 (infeasible)
    const a = run(p, [0.5, 0]);
    close(a.f, [0.5, Math.exp(-0.5)]);
    expect(a.g[0]!).toBeCloseTo(0.858 * Math.exp(-0.541 * 0.5) - Math.exp(-0.5), 2);
    expect(a.g[0]!).toBeGreaterThan(0);
    // (0, 0): f = (0, 1); g_j = a_j - 1 < 0
    const b = run(p, [0, 0]);
    expect(b.g[0]!).toBeCloseTo(0.858 - 1, 3);
    expect(b.g[1]!).toBeCloseTo(0.728 - 1, 3);
    // (1, 0): f2 = e^-1 = 0.3679 < 0.728 e^-0.295 = 0.5423 (constraint 2 cuts the unconstrained front there)
    expect(run(p, [1, 0]).g[1]!).toBeCloseTo(0.728 * Math.exp(-0.295) - Math.exp(-1), 3);
  });
});
