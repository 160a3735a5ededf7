/**
 * Constrained DTLZ (C1-DTLZ1, C2-DTLZ2, C3-DTLZ4; Jain & Deb 2014).
 * Objective and constraint values at points worked out by hand from the papers' definitions (the arithmetic is
 * written next to each expectation), and feasibility of known feasible and infeasible points. Nothing here calls
 * the code under test to make an expectation.
 */
import { describe, expect, it } from 'vitest';
import { P, run, close, half } from './problems.js';

describe('constrained DTLZ (Jain & Deb 2014)', () => {
  it('C1-DTLZ1: values, feasible on the front, infeasible above it', () => {
    const p = P('c1dtlz1');
    // g = 100 (5 + Σ (0 - cos 0)) = 0; f = 0.5 (x1 x2, x1 (1 - x2), 1 - x1) = (0.125, 0.125, 0.25)
    // c = 0.25/0.6 + (0.125 + 0.125)/0.5 - 1 = 0.416667 + 0.5 - 1 = -0.083333
    const a = run(p, [0.5, 0.5, ...half(5)]);
    close(a.f, [0.125, 0.125, 0.25]);
    close(a.g, [0.25 / 0.6 + 0.5 - 1]);
    // distance variables 0.6: each term 0.1² - cos(2π) = -0.99, g = 100 (5 - 4.95) = 5, f scaled by 6
    // f = (0.75, 0.75, 1.5), c = 1.5/0.6 + 1.5/0.5 - 1 = 4.5
    const b = run(p, [0.5, 0.5, 0.6, 0.6, 0.6, 0.6, 0.6]);
    close(b.f, [0.75, 0.75, 1.5], 8);
    close(b.g, [4.5], 8);
  });

  it('C2-DTLZ2 (r = 0.4): a corner and the centre are feasible, the (f1, f2) diagonal is not', () => {
    const p = P('c2dtlz2');
    // x = (0, 0): f = (1, 0, 0); ball around e1: (1 - 1)² + 0 - 0.16 = -0.16
    close(run(p, [0, 0, ...half(10)]).g, [-0.16]);
    // x1 = (2/π) asin(1/√3), x2 = 0.5: f = (1, 1, 1)/√3, the centre: Σ (f - 1/√3)² - 0.16 = -0.16
    close(run(p, [(2 / Math.PI) * Math.asin(1 / Math.sqrt(3)), 0.5, ...half(10)]).g, [-0.16]);
    // x = (0, 0.5): f = (√½, √½, 0). Corner balls: (√½ - 1)² + ½ - 0.16 = 0.085786 + 0.34 = 0.425786;
    // e3 ball: 1 + 1 - 0.16 = 1.84; centre: 2 (√½ - 1/√3)² + 1/3 - 0.16 = 0.033676 + 0.173333 = 0.207009
    const c = run(p, [0, 0.5, ...half(10)]);
    close(c.f, [Math.SQRT1_2, Math.SQRT1_2, 0]);
    close(c.g, [2 * (Math.SQRT1_2 - 1 / Math.sqrt(3)) ** 2 + 1 / 3 - 0.16]);
    expect(c.g[0]!).toBeCloseTo(0.207007, 6);
  });

  it('C3-DTLZ4: the unit-sphere corner is infeasible, 2·e1 (g_DTLZ = 1) lies on the front', () => {
    const p = P('c3dtlz4');
    // x = 0, distance 0.5: f = (1, 0, 0); g_1 = 1 - 1/4 - 0 = 0.75, g_2 = g_3 = 1 - 0 - 1 = 0
    const a = run(p, [0, 0, ...half(5)]);
    close(a.f, [1, 0, 0]);
    close(a.g, [0.75, 0, 0]);
    // distance variables 0.5 + 1/√5: Σ (1/√5)² = 1 = g, f = 2 (1, 0, 0); g_1 = 1 - 4/4 = 0, g_2 = g_3 = 1 - 4 = -3
    const b = run(p, [0, 0, ...new Array<number>(5).fill(0.5 + 1 / Math.sqrt(5))]);
    close(b.f, [2, 0, 0]);
    close(b.g, [0, -3, -3]);
  });
});
