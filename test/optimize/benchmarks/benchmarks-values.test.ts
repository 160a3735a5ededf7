/**
 * Objective and constraint values of the added benchmarks at points worked out by hand from the papers'
 * definitions (the arithmetic is written next to each expectation), and feasibility of known feasible and
 * infeasible points. Nothing here calls the code under test to make an expectation.
 */
import { describe, expect, it } from 'vitest';
import { BENCHMARK_NAMES, createBenchmarkProblem } from '../../../src/optimize/benchmarks/benchmarks.js';
import { constraintViolation, type Problem } from '../../../src/optimize/types.js';

function run(problem: Problem, x: readonly number[]): { f: number[]; g: number[]; cv: number } {
  const e = problem.evaluate(Float64Array.from(x));
  if (e.status !== 'ok') throw new Error(`evaluation failed: ${e.reason}`);
  return { f: Array.from(e.f), g: Array.from(e.g), cv: constraintViolation(e) };
}

function close(actual: readonly number[], expected: readonly number[], digits = 10): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((v, i) => expect(v, `component ${i}`).toBeCloseTo(expected[i]!, digits));
}

const P = (problem: string, objectives?: number, variables?: number): Problem =>
  createBenchmarkProblem({
    problem,
    ...(objectives !== undefined ? { objectives } : {}),
    ...(variables !== undefined ? { variables } : {}),
  });

const half = (n: number): number[] => new Array<number>(n).fill(0.5);

describe('registry', () => {
  it('builds every listed problem with its default sizes, and rejects bad names and sizes', () => {
    for (const name of BENCHMARK_NAMES) {
      const p = P(name);
      expect(p.name).toBe(name);
      const x = Float64Array.from(p.variables, (v) =>
        v.kind === 'choice' ? 0 : v.kind === 'int' ? v.lower : (v.lower + v.upper) / 2,
      );
      const e = p.evaluate(x);
      expect(e.status).toBe('ok');
      if (e.status === 'ok') {
        expect(e.f).toHaveLength(p.objectives.length);
        expect(e.g).toHaveLength(p.constraints.length);
      }
    }
    expect(() => P('wfg10')).toThrow(/valid names: .*mixed1/);
    expect(() => P('bnh', 3)).toThrow(RangeError);
    expect(() => P('osy', 2, 5)).toThrow(RangeError);
    expect(() => P('mw1', 3)).toThrow(RangeError);
    expect(() => P('wfg2', 3, 23)).toThrow(/even/); // k = 4, l = 19
    expect(() => P('wfg4', 3, 4)).toThrow(RangeError); // needs n > k = 4
    expect(() => P('c2dtlz2', 3, 2)).toThrow(RangeError);
  });

  it('uses the documented default sizes', () => {
    const sizes: Record<string, [number, number, number]> = {
      // name: [variables, objectives, constraints]
      c1dtlz1: [7, 3, 1],
      c2dtlz2: [12, 3, 1],
      c3dtlz4: [7, 3, 3],
      idtlz1: [7, 3, 0],
      sdtlz1: [7, 3, 0],
      sdtlz2: [12, 3, 0],
      dtlz5: [12, 3, 0],
      dtlz6: [12, 3, 0],
      mw1: [15, 2, 1],
      mw2: [15, 2, 1],
      mw3: [15, 2, 2],
      bnh: [2, 2, 2],
      osy: [6, 2, 6],
      tnk: [2, 2, 2],
      srn: [2, 2, 2],
      ctp1: [2, 2, 2],
      mixed1: [5, 2, 3],
      wfg1: [24, 3, 0],
      wfg9: [24, 3, 0],
    };
    for (const [name, [n, m, c]] of Object.entries(sizes)) {
      const p = P(name);
      expect([p.variables.length, p.objectives.length, p.constraints.length], name).toEqual([n, m, c]);
    }
    expect(P('wfg1', 2).variables).toHaveLength(24); // k = 4, l = 20
    expect(P('wfg1', 5).variables).toHaveLength(28); // k = 2(5 - 1) = 8, l = 20
    const w = P('wfg3');
    expect(w.variables.map((v) => (v.kind === 'real' ? v.upper : NaN)).slice(0, 3)).toEqual([2, 4, 6]); // z_i ∈ [0, 2i]
  });
});

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

describe('mixed1 (real, int, choice)', () => {
  const p = P('mixed1');
  it('declares one variable of each kind', () => {
    expect(p.variables.map((v) => v.kind)).toEqual(['real', 'real', 'real', 'int', 'choice']);
  });

  it('values and constraints', () => {
    // x = 0.3, z = (0.1, 0.2), n = 2, linear: g = 1 + 0.01 + 0.04 + 0.1 = 1.15, f2 = 1.15 · 0.7 = 0.805;
    // c = (0 (not convex), 0.3 - 0.5, 2 - 2 - 0.6)
    const a = run(p, [0.3, 0.1, 0.2, 2, 1]);
    close(a.f, [0.3, 0.805]);
    close(a.g, [0, -0.2, -0.6]);
    // convex at x = 0.2: c1 = 0.05 > 0; concave: h = 1 - 0.04
    expect(run(p, [0.2, 0, 0, 2, 0]).g[0]!).toBeCloseTo(0.05, 12);
    close(run(p, [0.2, 0, 0, 2, 2]).f, [0.2, 1.1 * 0.96]);
    // n = 4 at x = 0.6: c3 = 4 - 2 - 1.2 = 0.8; z = (0.4, 0.3): c2 = 0.2
    expect(run(p, [0.6, 0, 0, 4, 0]).g[2]!).toBeCloseTo(0.8, 12);
    expect(run(p, [0.6, 0.4, 0.3, 3, 0]).g[1]!).toBeCloseTo(0.2, 12);
  });

  it('the three front pieces', () => {
    close(run(p, [0.1, 0, 0, 2, 1]).f, [0.1, 1.1 * 0.9]); // linear, n = 2
    close(run(p, [0.36, 0, 0, 2, 0]).f, [0.36, 1.1 * 0.4]); // convex, n = 2
    close(run(p, [0.81, 0, 0, 3, 0]).f, [0.81, 0.1]); // convex, n = 3
    for (const x of [
      [0.1, 0, 0, 2, 1],
      [0.36, 0, 0, 2, 0],
      [0.81, 0, 0, 3, 0],
    ])
      expect(run(p, x).cv).toBe(0);
  });
});
