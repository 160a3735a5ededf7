/**
 * WFG1–WFG9 (Huband et al. 2006).
 * Objective and constraint values at points worked out by hand from the papers' definitions (the arithmetic is
 * written next to each expectation), and feasibility of known feasible and infeasible points. Nothing here calls
 * the code under test to make an expectation.
 */
import { describe, expect, it } from 'vitest';
import { P, run, close } from './problems.js';

describe('WFG (Huband et al. 2006), hand-worked transformation chains', () => {
  // z_i = 2i y_i, nudged by ulps so that z_i / 2i gives y_i back exactly (WFG1's b_poly(·, 0.02) turns a
  // round-off of 1e-16 in a distance variable into (1e-16)^0.02 ≈ 0.48)
  const z = (y: readonly number[]): number[] =>
    y.map((v, i) => {
      const s = 2 * (i + 1);
      const base = v * s;
      const ulp = base === 0 ? 0 : 2 ** (Math.floor(Math.log2(base)) - 52);
      for (let d = 0; d <= 8; d++) for (const c of [base + d * ulp, base - d * ulp]) if (c / s === v) return c;
      return base;
    });
  const d035 = (l: number): number[] => new Array<number>(l).fill(0.35);

  it('WFG1 (m = 2, k = 4, l = 1)', () => {
    const p = P('wfg1', 2, 5);
    // positions y = 1: b_poly(1) = 1, t1 = 1; distance 0.35: s_linear → 0, b_flat(0) = 0.8 - 0.8 = 0, t2 = 0.
    // x1 = 1: h1 = 1 - cos(π/2) = 1, h2 = mixed(1) = 1 - 1 - cos(10.5π)/(10π) = 0 → f = (2, 0)
    close(run(p, z([1, 1, 1, 1, 0.35])).f, [2, 0]);
    // positions 0.5^50: b_poly → 0.5^(50·0.02) = 0.5, x1 = 0.5: h1 = 1 - cos(π/4), h2 = 0.5 - cos(5.5π)/(10π) = 0.5
    close(run(p, z([...new Array<number>(4).fill(0.5 ** 50), 0.35])).f, [2 * (1 - Math.SQRT1_2), 2], 8);
    // distance y = 1: s_linear(1) = 0.65/0.65 = 1, b_flat(1) = 0.8 + 0.2 = 1 → t2 = 1 = x_M: f = 1 + (2, 0)
    close(run(p, z([1, 1, 1, 1, 1])).f, [3, 1]);
  });

  it('WFG1 in doubles: no z_6 gives y_6 = z_6 / 12 = 0.35 exactly, and b_poly(·, 0.02) magnifies the rest', () => {
    // doubles near 4.2 are 2^-50 apart, so z / 12 steps by 7.4e-17 while doubles near 0.35 are 5.6e-17 apart:
    // 0.35 is skipped. s_linear leaves ~1.6e-16, b_flat ~1.1e-16, and (1.1e-16)^0.02 ≈ 0.48; with the distance
    // weights 10, 12, 14, 16: t2 ≈ 0.48 · 12/52 ≈ 0.11 above the front (same arithmetic in pymoo and the C++ toolkit)
    const y = [1, 1, 1, 1, 0.35, 0.35, 0.35, 0.35];
    const zs = z(y);
    expect(zs[5]! / 12).not.toBe(0.35);
    const f = run(P('wfg1', 2, 8), zs).f;
    expect(f[0]! - 2).toBeGreaterThan(0.05);
    expect(f[0]! - 2).toBeLessThan(0.2);
    expect(f[1]!).toBeCloseTo(f[0]! - 2, 12);
  });

  it('WFG2 (m = 2, k = 4, l = 4): non-separable pairs', () => {
    const p = P('wfg2', 2, 8);
    // positions 0.2 → t1 = 0.2; h1 = 1 - cos(0.1π), h2 = disc(0.2) = 1 - 0.2 cos²(π) = 0.8
    const f0 = [2 * (1 - Math.cos(0.1 * Math.PI)), 4 * 0.8];
    close(run(p, z([0.2, 0.2, 0.2, 0.2, ...d035(4)])).f, f0);
    // distance (1, .35, .35, .35) → shifted (1, 0, 0, 0); r_nonsep([1, 0], 2) = (1 + 0 + 2·1)/3 = 1, second pair 0;
    // t2 = mean(1, 0) = 0.5 = x_M, and x1 = max(0.5, 1)(0.2 - 0.5) + 0.5 = 0.2 → f = 0.5 + f0
    close(
      run(p, z([0.2, 0.2, 0.2, 0.2, 1, 0.35, 0.35, 0.35])).f,
      f0.map((v) => v + 0.5),
    );
  });

  it('WFG3 (m = 3, k = 4, l = 4): A = (1, 0) pins x2 at 0.5 on the front', () => {
    const p = P('wfg3', 3, 8);
    // t1 = mean(0.8, 0.6) = 0.7, t2 = mean(0.1, 0.9) = 0.5 (irrelevant: x2 = max(0, 0)(t2 - 0.5) + 0.5 = 0.5), t3 = 0
    // linear: h = (x1 x2, x1 (1 - x2), 1 - x1) = (0.35, 0.35, 0.3) → f = (0.7, 1.4, 1.8)
    close(run(p, z([0.8, 0.6, 0.1, 0.9, ...d035(4)])).f, [0.7, 1.4, 1.8]);
    close(run(p, z([0.8, 0.6, 0.3, 0.3, ...d035(4)])).f, [0.7, 1.4, 1.8]);
  });

  it('WFG4 (m = 2, k = 4, l = 4): s_multi(0.35) = 0, s_multi(1) = 1', () => {
    const p = P('wfg4', 2, 8);
    // s_multi(1, 30, 10, 0.35): t = 0.65 / (2 (⌊-0.65⌋ + 0.35)) = -0.5; (1 + cos(122π) + 40 · 0.25)/12 = 1
    // positions (0.35, 1, 0.35, 1) → t1 = 0.5, x1 = 0.5: f = (2 sin(π/4), 4 cos(π/4)) = (√2, 2√2)
    close(run(p, z([0.35, 1, 0.35, 1, ...d035(4)])).f, [Math.SQRT2, 2 * Math.SQRT2]);
  });

  it('WFG5 (m = 2, k = 4, l = 4): the deceptive minima s_decept(0) = s_decept(1) = C = 0.05', () => {
    const p = P('wfg5', 2, 8);
    // s_decept(1, .35, .001, .05) = 1 + 0.649 (-(0.95 + 649)/0.649 + 1000) = 1 - 0.95 = 0.05
    // positions (.35, .35, 1, 1) → (0, 0, .05, .05), t1 = 0.025: f = (2 sin(0.025 π/2), 4 cos(0.025 π/2))
    close(run(p, z([0.35, 0.35, 1, 1, ...d035(4)])).f, [
      2 * Math.sin(0.0125 * Math.PI),
      4 * Math.cos(0.0125 * Math.PI),
    ]);
    close(run(p, z([0, 0, 1, 1, ...d035(4)])).f, [2 * Math.sin(0.025 * Math.PI), 4 * Math.cos(0.025 * Math.PI)]);
  });

  it('WFG6 (m = 2, k = 4, l = 4): r_nonsep of equal values is 0.4 of them for A = 4', () => {
    const p = P('wfg6', 2, 8);
    // r_nonsep(y, 4) = Σ_j (y_j + Σ_{k<3} |y_j - y_(j+k+1)|) / (4/4 · 2 · (1 + 8 - 4)) = 4/10 for y = 1
    // x1 = 0.4: f = (2 sin(0.2π), 4 cos(0.2π))
    close(run(p, z([1, 1, 1, 1, ...d035(4)])).f, [2 * Math.sin(0.2 * Math.PI), 4 * Math.cos(0.2 * Math.PI)]);
  });

  it('WFG7 (m = 2, k = 4, l = 4): positions biased by the mean of the later variables', () => {
    const p = P('wfg7', 2, 8);
    // all y = 0.35: u = 0.35, b_param exponent 0.02 + 49.98 (A - 0.3 A) = 0.02 + 0.7 · 0.98 = 0.706, A = 0.98/49.98
    const y = 0.35 ** 0.706; // every position maps to it, so t1 = y
    close(run(p, z([0.35, 0.35, 0.35, 0.35, ...d035(4)])).f, [
      2 * Math.sin((y * Math.PI) / 2),
      4 * Math.cos((y * Math.PI) / 2),
    ]);
  });

  it('WFG8 and WFG9 (m = 2, k = 4, l = 4): the optimal distance values follow the positions', () => {
    // WFG8: positions 0.35 → u = 0.35 for y5, exponent 0.706, y5 = 0.35^(1/0.706). Later u's include y5..:
    // built here independently from the paper's formula, b_param(y_i, mean(y_1..y_{i-1})) = 0.35.
    const A = 0.98 / 49.98;
    const expo = (u: number): number => 0.02 + 49.98 * (A - (1 - 2 * u) * Math.abs(Math.floor(0.5 - u) + A));
    const y8 = [0.35, 0.35, 0.35, 0.35];
    for (let i = 4; i < 8; i++) y8.push(0.35 ** (1 / expo(y8.reduce((s, v) => s + v, 0) / y8.length)));
    expect(y8[4]!).toBeCloseTo(0.35 ** (1 / 0.706), 12);
    // positions 0.35 stay 0.35 → t1 = 0.35: f = (2 sin(0.35 π/2), 4 cos(0.35 π/2))
    close(run(P('wfg8', 2, 8), z(y8)).f, [2 * Math.sin(0.175 * Math.PI), 4 * Math.cos(0.175 * Math.PI)]);
    // WFG9: y8 = 0.35, y_i = 0.35^(1/(0.02 + 1.96 mean(y_{i+1..8}))) backwards (mean < 0.5)
    const y9 = new Array<number>(8).fill(0);
    y9[7] = 0.35;
    for (let i = 6; i >= 4; i--)
      y9[i] = 0.35 ** (1 / (0.02 + 1.96 * (y9.slice(i + 1).reduce((s, v) => s + v, 0) / (7 - i))));
    // b_param(1, ·) = 1, s_decept(1) = 0.05, r_nonsep of four 0.05 = 0.4 · 0.05 = 0.02
    for (let i = 0; i < 4; i++) y9[i] = 1;
    close(run(P('wfg9', 2, 8), z(y9)).f, [2 * Math.sin(0.01 * Math.PI), 4 * Math.cos(0.01 * Math.PI)]);
  });
});
