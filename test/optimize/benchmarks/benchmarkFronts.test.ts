/**
 * The fronts of the added benchmarks: every sample lies on the analytic description (formulas restated
 * here), decision vectors built from the papers' optimality conditions evaluate onto the front (and are
 * feasible), no feasible point found by seeded random and local sampling dominates a front point, and
 * `benchmarkNormalization` matches the fronts' ideal and nadir.
 */
import { describe, expect, it } from 'vitest';
import {
  BENCHMARK_NAMES,
  benchmarkNormalization,
  dasDennis,
  paretoFront,
} from '../../../src/optimize/benchmarks/benchmarks.js';
import { dominates, nonDominatedIndices, toMatrix } from '../../../src/optimize/pareto/dominance.js';
import { createRng, type Rng } from '../../../src/base/rng.js';
import type { Problem } from '../../../src/optimize/types.js';
import { P, run } from './problems.js';

const ADDED = BENCHMARK_NAMES.filter(
  (n) => !['zdt1', 'zdt2', 'zdt3', 'zdt4', 'zdt6', 'dtlz1', 'dtlz2', 'dtlz3', 'dtlz4', 'dtlz7'].includes(n),
);
const TWO_OBJ = new Set(['mw1', 'mw2', 'mw3', 'bnh', 'osy', 'tnk', 'srn', 'ctp1', 'mixed1']);

const sum = (v: ArrayLike<number>): number => Array.from(v).reduce((s, x) => s + x, 0);
const sumSq = (v: ArrayLike<number>): number => Array.from(v).reduce((s, x) => s + x * x, 0);

/** Minimum distance from f to the front, in objective units. */
function distanceToFront(f: readonly number[], front: readonly Float64Array[]): number {
  let best = Infinity;
  for (const p of front) best = Math.min(best, Math.hypot(...f.map((v, i) => v - p[i]!)));
  return best;
}

/**
 * Whether feasible point s dominates some front point by more than tol in every objective. Two objectives:
 * `front` sorted by f1 (so f2 falls), the first point with f1 > s1 + tol1 has the largest f2 of those.
 */
function dominatesSomeFrontPoint(
  s: readonly number[],
  front: readonly Float64Array[],
  tol: readonly number[],
): boolean {
  if (s.length === 2) {
    let lo = 0,
      hi = front.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (front[mid]![0]! > s[0]! + tol[0]!) hi = mid;
      else lo = mid + 1;
    }
    return lo < front.length && front[lo]![1]! > s[1]! + tol[1]!;
  }
  return front.some((p) => s.every((v, i) => v < p[i]! - tol[i]!));
}

/**
 * Whether some front point weakly dominates s up to tol (2-D: the last point with f1 <= s1 + tol1 has the least f2).
 */
function frontCovers(s: readonly number[], front: readonly Float64Array[], tol: readonly number[]): boolean {
  if (s.length === 2) {
    let lo = 0,
      hi = front.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (front[mid]![0]! <= s[0]! + tol[0]!) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && front[lo - 1]![1]! <= s[1]! + tol[1]!;
  }
  return front.some((p) => s.every((v, i) => p[i]! <= v + tol[i]!));
}

/** On the WFG convex shape with last shape `last`: recover x1 from h_1..h_{m-1}, compare h_m (m = 2, 3). */
function onConvexShape(f: ArrayLike<number>, last: (x1: number) => number): number {
  const m = f.length;
  // m = 2: h1 = 1 - cos(π x1/2); m = 3: h1 = c (1 - cos θ), h2 = c (1 - sin θ) with c = 1 - cos(π x1/2),
  // so (c - h1)² + (c - h2)² = c², whose root with c >= max(h1, h2) is h1 + h2 + sqrt(2 h1 h2)
  const a = f[0]! / 2;
  const c = m === 2 ? a : a + f[1]! / 4 + Math.sqrt(2 * a * (f[1]! / 4));
  const x1 = (2 / Math.PI) * Math.acos(Math.min(1, Math.max(-1, 1 - c)));
  return f[m - 1]! / (2 * m) - last(x1);
}
/** OSY's five Pareto-optimal regions AB, BC, CD, DE, EF (Deb 2001) at parameter t ∈ [0, 1], x4 = x6 = 0. */
const osyRegions = (t: number): number[][] => [
  [5, 1, 1 + 4 * t, 0, 5, 0],
  [5, 1, 1 + 4 * t, 0, 1, 0],
  [2 + 3 * t, t, 1, 0, 1, 0],
  [0, 2, 1 + 4 * t, 0, 1, 0],
  [2 * t, 2 - 2 * t, 1, 0, 1, 0],
];
const mixedShape = (x: number): number => 1 - x - Math.cos(10 * Math.PI * x + Math.PI / 2) / (10 * Math.PI);
const discShape = (x: number): number => 1 - x * Math.cos(5 * Math.PI * x) ** 2;

describe('front shapes', () => {
  it('analytic fronts have the documented sizes and are mutually non-dominated', () => {
    expect(paretoFront('zdt1', 2, 1000)).toHaveLength(1000);
    expect(paretoFront('dtlz2', 3, 861)).toHaveLength(861);
    expect(dasDennis(3, 12)).toHaveLength(91);
    const dominatedPairs = (front: readonly Float64Array[]): number => {
      let c = 0;
      for (const a of front) for (const b of front) if (dominates(a, b)) c++;
      return c;
    };
    for (const name of ['zdt3', 'dtlz7']) {
      const front = paretoFront(name, 2, 200);
      expect(front.length).toBeGreaterThan(190);
      expect(dominatedPairs(front)).toBe(0);
    }
    const f3 = paretoFront('dtlz7', 3);
    expect(f3.length).toBeGreaterThan(900);
    expect(dominatedPairs(f3)).toBe(0);
    expect(() => paretoFront('nope')).toThrow(RangeError);
  });

  it('every front is finite, of the expected size and mutually non-dominated', () => {
    for (const name of ADDED) {
      const m = TWO_OBJ.has(name) ? 2 : 3;
      const front = paretoFront(name, m);
      expect(front.length, name).toBeGreaterThan(name === 'mw1' ? 300 : 600);
      expect(front.length, name).toBeLessThanOrEqual(2200);
      for (const p of front) {
        expect(p).toHaveLength(m);
        for (const v of p) expect(Number.isFinite(v)).toBe(true);
      }
      expect(nonDominatedIndices(toMatrix(front, m), front.length, m).length, name).toBe(front.length);
    }
    expect(paretoFront('bnh', 2, 200).length).toBeLessThanOrEqual(200);
    expect(() => paretoFront('osy', 3)).toThrow(RangeError);
  });

  it('constrained and transformed DTLZ fronts satisfy their defining equations', () => {
    for (const p of paretoFront('c1dtlz1', 3)) expect(sum(p)).toBeCloseTo(0.5, 12);
    // C2-DTLZ2 (r = 0.4, m = 3): on the unit sphere and inside one of the four balls
    for (const p of paretoFront('c2dtlz2', 3)) {
      expect(sumSq(p)).toBeCloseTo(1, 12);
      const corner = Math.min(...[0, 1, 2].map((i) => (p[i]! - 1) ** 2 + sumSq(p) - p[i]! ** 2));
      const centre = sumSq(Array.from(p, (v) => v - 1 / Math.sqrt(3)));
      expect(Math.min(corner, centre)).toBeLessThanOrEqual(0.16 + 1e-12);
    }
    // C3-DTLZ4: |f|² - 3/4 max f² = 1
    for (const p of paretoFront('c3dtlz4', 3))
      expect(sumSq(p) - 0.75 * Math.max(...Array.from(p, (v) => v * v))).toBeCloseTo(1, 12);
    for (const p of paretoFront('idtlz1', 3)) {
      expect(sum(p)).toBeCloseTo(1, 12); // Σ (0.5 - 0.5 w_i) = 1.5 - 0.5
      expect(Math.max(...p)).toBeLessThanOrEqual(0.5);
    }
    for (const p of paretoFront('sdtlz1', 3)) expect(p[0]! + p[1]! / 10 + p[2]! / 100).toBeCloseTo(0.5, 12);
    for (const p of paretoFront('sdtlz2', 3))
      expect(p[0]! ** 2 + (p[1]! / 10) ** 2 + (p[2]! / 100) ** 2).toBeCloseTo(1, 12);
    for (const name of ['dtlz5', 'dtlz6']) {
      for (const p of paretoFront(name, 3)) {
        expect(p[0]).toBeCloseTo(p[1]!, 12);
        expect(sumSq(p)).toBeCloseTo(1, 12);
      }
    }
  });

  it('WFG fronts: ellipsoid Σ (f_j / 2j)² = 1 for WFG4–9, the WFG3 line, the WFG1/WFG2 shape curves', () => {
    for (const name of ['wfg4', 'wfg5', 'wfg6', 'wfg7', 'wfg8', 'wfg9']) {
      for (const m of [2, 3])
        for (const p of paretoFront(name, m))
          expect(sumSq(Array.from(p, (v, j) => v / (2 * (j + 1))))).toBeCloseTo(1, 12);
    }
    // WFG3, m = 3: x = (x1, 0.5): f = (2 · 0.5 x1, 4 · 0.5 x1, 6 (1 - x1))
    for (const p of paretoFront('wfg3', 3)) {
      expect(p[1]).toBeCloseTo(2 * p[0]!, 12);
      expect(p[2]).toBeCloseTo(6 * (1 - p[0]!), 12);
    }
    for (const p of paretoFront('wfg3', 2)) expect(p[1]).toBeCloseTo(4 * (1 - p[0]! / 2), 12);
    // WFG1: convex + mixed (h_m = 1 - x1 - cos(10π x1 + π/2)/(10π)); WFG2: convex + disc (h_m = 1 - x1 cos²(5π x1))
    for (const m of [2, 3]) {
      for (const p of paretoFront('wfg1', m)) expect(onConvexShape(p, mixedShape)).toBeCloseTo(0, 6);
      for (const p of paretoFront('wfg2', m)) expect(onConvexShape(p, discShape)).toBeCloseTo(0, 6);
    }
    // WFG2 is disconnected: its m = 2 front has gaps in f1 wider than 0.1
    const f1 = paretoFront('wfg2', 2)
      .map((p) => p[0]!)
      .sort((a, b) => a - b);
    expect(Math.max(...f1.slice(1).map((v, i) => v - f1[i]!))).toBeGreaterThan(0.1);
  });

  it('two-objective constrained fronts lie on their analytic pieces', () => {
    for (const p of paretoFront('mw1')) expect(p[1]).toBeCloseTo(1 - 0.85 * p[0]!, 12);
    for (const p of paretoFront('mw2')) expect(p[0]! + p[1]!).toBeCloseTo(1, 12);
    // MW3: s = f0 + f1 = max(1, 0.85 + 0.3 sin²(0.75π √2 (f1 - f0)))
    for (const p of paretoFront('mw3')) {
      expect(p[0]! + p[1]!).toBeCloseTo(
        Math.max(1, 0.85 + 0.3 * Math.sin(0.75 * Math.PI * Math.SQRT2 * (p[1]! - p[0]!)) ** 2),
        12,
      );
    }
    // BNH: x1 = x2 = t <= 3 (f1 = 8t² <= 72) or x2 = 3, x1 = s (f1 = 4s² + 36)
    for (const [f1, f2] of paretoFront('bnh')) {
      if (f1! <= 72) expect(f2).toBeCloseTo(2 * (Math.sqrt(f1! / 8) - 5) ** 2, 9);
      else expect(f2).toBeCloseTo((Math.sqrt((f1! - 36) / 4) - 5) ** 2 + 4, 9);
    }
    // CTP1: f2 = max(e^-f1, a_j e^(-b_j f1)) with Deb et al.'s rounded a = (0.858, 0.728), b = (0.541, 0.295)
    for (const [f1, f2] of paretoFront('ctp1')) {
      expect(f2).toBeCloseTo(
        Math.max(Math.exp(-f1!), 0.858 * Math.exp(-0.541 * f1!), 0.728 * Math.exp(-0.295 * f1!)),
        3,
      );
    }
    // mixed1: the three pieces
    for (const [x, f2] of paretoFront('mixed1')) {
      const expected = x! < 0.25 ? 1.1 * (1 - x!) : x! < 0.5 ? 1.1 * (1 - Math.sqrt(x!)) : 1 - Math.sqrt(x!);
      expect(f2).toBeCloseTo(expected, 12);
    }
  });
});

describe('decision vectors built from the optimality conditions evaluate onto the fronts', () => {
  const rng = createRng(7);

  it('constrained and transformed DTLZ', () => {
    const c1 = P('c1dtlz1');
    const c2 = P('c2dtlz2');
    const c3 = P('c3dtlz4');
    const c2front = paretoFront('c2dtlz2', 3);
    let c2feasible = 0;
    for (let t = 0; t < 200; t++) {
      const a = rng.next();
      const b = rng.next();
      const r1 = run(c1, [a, b, 0.5, 0.5, 0.5, 0.5, 0.5]);
      expect(sum(r1.f)).toBeCloseTo(0.5, 12);
      expect(r1.cv).toBe(0);
      const r2 = run(c2, [a, b, ...new Array<number>(10).fill(0.5)]);
      expect(sumSq(r2.f)).toBeCloseTo(1, 12);
      if (r2.cv === 0) {
        c2feasible++;
        expect(distanceToFront(r2.f, c2front)).toBeLessThan(0.05);
      }
      // C3-DTLZ4: u = DTLZ4 sphere point; 1 + g = 1 / sqrt(|u|² - 3/4 max u²) with g = Σ (x_i - 0.5)² over 5 variables
      const [ta, tb] = [(a ** 100 * Math.PI) / 2, (b ** 100 * Math.PI) / 2];
      const u = [Math.cos(ta) * Math.cos(tb), Math.cos(ta) * Math.sin(tb), Math.sin(ta)];
      const scale = 1 / Math.sqrt(1 - 0.75 * Math.max(...u.map((v) => v * v)));
      const d = 0.5 + Math.sqrt((scale - 1) / 5);
      const r3 = run(c3, [a, b, d, d, d, d, d]);
      r3.f.forEach((v, i) => expect(v).toBeCloseTo(scale * u[i]!, 10));
      expect(r3.cv).toBeLessThan(1e-12);
    }
    // the four caps of radius 0.4 cover a few tenths of the sphere octant, not all of it
    expect(c2feasible).toBeGreaterThan(10);
    expect(c2feasible).toBeLessThan(190);
  });

  it('WFG: random positions with the distance parameters at their optimum', () => {
    // WFG1 with n = 5 (its only distance index, 5, gives 0.35 exactly: see the values test); others n = 24, k = 4
    const A = 0.98 / 49.98;
    for (const name of ['wfg1', 'wfg2', 'wfg3', 'wfg4', 'wfg5', 'wfg6', 'wfg7', 'wfg8', 'wfg9']) {
      for (const m of [2, 3]) {
        const n = name === 'wfg1' ? 5 : 24;
        const p = P(name, m, n);
        const front = paretoFront(name, m);
        expect(front.length).toBeGreaterThan(100);
        for (let t = 0; t < 20; t++) {
          const y = Array.from({ length: 4 }, () => rng.next());
          if (name === 'wfg8') {
            for (let i = 4; i < n; i++) {
              const u = sum(y) / y.length;
              y.push(0.35 ** (1 / (0.02 + 49.98 * (A - (1 - 2 * u) * Math.abs(Math.floor(0.5 - u) + A)))));
            }
          } else if (name === 'wfg9') {
            const d = new Array<number>(n - 4).fill(0.35);
            for (let i = d.length - 2; i >= 0; i--)
              d[i] = 0.35 ** (1 / (0.02 + 1.96 * (sum(d.slice(i + 1)) / (d.length - 1 - i))));
            y.push(...d);
          } else {
            while (y.length < n) y.push(0.35);
          }
          const f = run(
            p,
            y.map((v, i) => v * 2 * (i + 1)),
          ).f;
          if (name === 'wfg1' || name === 'wfg2') {
            // on the shape surface (WFG2's point may sit on a dominated stretch of it)
            expect(onConvexShape(f, name === 'wfg1' ? mixedShape : discShape)).toBeCloseTo(0, 6);
            if (name === 'wfg1') expect(distanceToFront(f, front)).toBeLessThan(m === 2 ? 0.01 : 0.3);
          } else if (name === 'wfg3') {
            // x2 pinned at 0.5: m = 2 f2 = 4 (1 - f1/2); m = 3 f2 = 2 f1, f3 = 6 (1 - f1)
            if (m === 2) expect(f[1]).toBeCloseTo(4 * (1 - f[0]! / 2), 9);
            else {
              expect(f[1]).toBeCloseTo(2 * f[0]!, 9);
              expect(f[2]).toBeCloseTo(6 * (1 - f[0]!), 9);
            }
          } else {
            expect(sumSq(f.map((v, j) => v / (2 * (j + 1))))).toBeCloseTo(1, 9);
          }
        }
      }
    }
  });

  it('MW: x0 free, the distance variables at their optimum', () => {
    const n = 15;
    for (let t = 0; t < 100; t++) {
      const x0 = rng.next();
      // MW1: x_i = (0.5 + i/(2n))^(1/(n-2)); MW2: x_i = i/n; MW3: x_i = 1 - (x_{i-1} - 0.5)²
      const mw1 = [x0, ...Array.from({ length: n - 1 }, (_, j) => (0.5 + (j + 1) / (2 * n)) ** (1 / (n - 2)))];
      const mw2 = [x0, ...Array.from({ length: n - 1 }, (_, j) => (j + 1) / n)];
      const mw3 = [x0];
      for (let i = 1; i < n; i++) mw3.push(1 - (mw3[i - 1]! - 0.5) ** 2);
      const r1 = run(P('mw1'), mw1);
      expect(r1.f[0]).toBe(x0);
      expect(r1.f[1]).toBeCloseTo(1 - 0.85 * x0, 12);
      const onLine = x0 + r1.f[1]! - 1 - 0.5 * Math.sin(2 * Math.PI * Math.SQRT2 * (r1.f[1]! - x0)) ** 8 <= 0;
      expect(r1.cv === 0).toBe(onLine);
      const r2 = run(P('mw2'), mw2);
      expect(r2.f[1]).toBeCloseTo(1 - x0, 12);
      expect(r2.cv).toBe(0);
      const r3 = run(P('mw3'), mw3);
      expect(r3.f[1]).toBeCloseTo(1 - x0, 12);
    }
    // MW3 front points with s = f0 + f1 > 1 are reached with g3 = s: x1 off the chain by δ, 2 δ² = s - 1
    const p = P('mw3');
    let raised = 0;
    for (const [f0, f1] of paretoFront('mw3', 2, 200)) {
      const s = f0! + f1!;
      const x = [f0!, 1 - (f0! - 0.5) ** 2 - Math.sqrt((s - 1) / 2)];
      for (let i = 2; i < n; i++) x.push(1 - (x[i - 1]! - 0.5) ** 2);
      const r = run(p, x);
      expect(r.f[1]).toBeCloseTo(f1!, 10);
      expect(r.cv).toBeLessThan(1e-12);
      if (s > 1 + 1e-9) raised++;
    }
    expect(raised).toBeGreaterThan(20);
  });

  it('classic problems and mixed1: front points come from feasible designs', () => {
    const tol = 1e-9;
    // BNH: (t, t) and (s, 3)
    const bnh = P('bnh');
    for (const [f1, f2] of paretoFront('bnh', 2, 100)) {
      const x = f1! <= 72 ? [Math.sqrt(f1! / 8), Math.sqrt(f1! / 8)] : [Math.sqrt((f1! - 36) / 4), 3];
      const r = run(bnh, x);
      expect(r.f[1]).toBeCloseTo(f2!, 9);
      expect(r.cv).toBe(0);
    }
    // TNK: x = f; feasible, and the point 1e-3 closer to the origin is not
    const tnk = P('tnk');
    for (const [f1, f2] of paretoFront('tnk', 2, 200)) {
      expect(run(tnk, [f1!, f2!]).cv).toBeLessThan(tol);
      expect(run(tnk, [f1! - 1e-3, f2! - 1e-3]).cv).toBeGreaterThan(0);
    }
    // CTP1: x1 = f1, x2 = g - 1 with g e^(-f1/g) = f2 (bisection on g ∈ [1, 2], increasing)
    const ctp1 = P('ctp1');
    for (const [f1, f2] of paretoFront('ctp1', 2, 100)) {
      let lo = 1,
        hi = 2;
      for (let it = 0; it < 60; it++) {
        const g = (lo + hi) / 2;
        if (g * Math.exp(-f1! / g) < f2!) lo = g;
        else hi = g;
      }
      const r = run(ctp1, [f1!, lo - 1]);
      expect(r.f[1]).toBeCloseTo(f2!, 9);
      expect(r.cv).toBeLessThan(tol);
    }
    // SRN: C2 arc (f1 < 24.5): 10 x2² - 74 x2 + 147 - f1 = 0, smaller root; line: x1 = -2.5, x2 = 1 + sqrt(f1 - 22.25);
    // C1 arc: x = 15 (cos φ, sin φ) with f1 = 232 - 60 cos φ - 30 sin φ increasing in φ on [φ0, π]
    const srn = P('srn');
    const top = Math.sqrt(218.75);
    let arcs = 0;
    for (const [f1, f2] of paretoFront('srn', 2, 300)) {
      let x: number[];
      if (f1! < 24.5) {
        const x2 = (74 - Math.sqrt(Math.max(0, 74 * 74 - 40 * (147 - f1!)))) / 20;
        x = [3 * x2 - 10, x2];
        arcs++;
      } else if (f1! <= 22.25 + (top - 1) ** 2 + 1e-9) {
        x = [-2.5, 1 + Math.sqrt(f1! - 22.25)];
      } else {
        let lo = Math.atan2(top, -2.5),
          hi = Math.PI;
        for (let it = 0; it < 60; it++) {
          const phi = (lo + hi) / 2;
          if (232 - 60 * Math.cos(phi) - 30 * Math.sin(phi) < f1!) lo = phi;
          else hi = phi;
        }
        x = [15 * Math.cos(lo), 15 * Math.sin(lo)];
        arcs++;
      }
      const r = run(srn, x);
      expect(r.f[1]).toBeCloseTo(f2!, 6);
      expect(r.cv).toBeLessThan(1e-7);
    }
    expect(arcs).toBeGreaterThan(10);
    // OSY: the five regions (x4 = x6 = 0), their images contain every front point
    const osy = P('osy');
    const images: number[][] = [];
    for (let i = 0; i <= 4000; i++) {
      const t = i / 4000;
      for (const x of osyRegions(t)) {
        const r = run(osy, x);
        expect(r.cv).toBeLessThan(tol);
        images.push(r.f);
      }
    }
    for (const p of paretoFront('osy', 2, 200)) {
      let best = Infinity;
      for (const q of images) best = Math.min(best, Math.hypot((p[0]! - q[0]!) / 232, (p[1]! - q[1]!) / 72));
      expect(best).toBeLessThan(1e-3);
    }
    // mixed1: linear n = 2 below 0.25, convex n = 2 below 0.5, convex n = 3 above, z = 0
    const mixed = P('mixed1');
    for (const [x, f2] of paretoFront('mixed1', 2, 200)) {
      const r = run(mixed, [x!, 0, 0, x! < 0.5 ? 2 : 3, x! < 0.25 ? 1 : 0]);
      expect(r.f[1]).toBeCloseTo(f2!, 12);
      expect(r.cv).toBe(0);
    }
  });
});

describe('the fronts against seeded random and local sampling: nothing feasible beats them or lies beyond them', () => {
  /** Uniform design in the box (ints and choices as integers). */
  function uniform(p: Problem, rng: Rng): number[] {
    return p.variables.map((v) =>
      v.kind === 'choice'
        ? rng.int(v.options.length)
        : v.kind === 'int'
          ? v.lower + rng.int(v.upper - v.lower + 1)
          : v.lower + (v.upper - v.lower) * rng.next(),
    );
  }
  /** x perturbed by uniform noise of half-width w (relative to each real range), clipped to the box. */
  function near(p: Problem, x: readonly number[], w: number, rng: Rng): number[] {
    return x.map((v, i) => {
      const s = p.variables[i]!;
      if (s.kind !== 'real') return v;
      const r = v + (2 * rng.next() - 1) * w * (s.upper - s.lower);
      return Math.min(s.upper, Math.max(s.lower, r));
    });
  }

  function check(name: string, seeds: (rng: Rng) => number[][], samples: number, m = 2): number {
    const p = P(name, m);
    const front = paretoFront(name, m).sort((a, c) => a[0]! - c[0]!);
    const b = benchmarkNormalization(name, m) ?? {
      ideal: new Array<number>(m).fill(0),
      nadir: new Array<number>(m).fill(1),
    };
    const tol = b.nadir.map((v, i) => 1e-6 * (v - b.ideal[i]!));
    const gap = b.nadir.map((v, i) => 1e-3 * (v - b.ideal[i]!));
    const rng = createRng(11);
    const starts = seeds(rng);
    let feasible = 0;
    for (let s = 0; s < samples; s++) {
      const x =
        starts.length > 0 && s % 2 === 1
          ? near(p, starts[rng.int(starts.length)]!, rng.next() < 0.5 ? 0.01 : 0.001, rng)
          : uniform(p, rng);
      const r = run(p, x);
      if (r.cv > 0) continue;
      feasible++;
      // soundness: no feasible design beats a front point
      if (dominatesSomeFrontPoint(r.f, front, tol))
        throw new Error(`${name}: feasible ${JSON.stringify(x)} → ${JSON.stringify(r.f)} dominates the front`);
      // completeness: a design the front does not (weakly) dominate must lie next to it: within 2 % of the
      // ranges for two objectives, 5 % for three (about two lattice spacings of the sampled surface)
      if (!frontCovers(r.f, front, gap)) {
        const d = Math.min(
          ...front.map((q) => Math.hypot(...r.f.map((v, i) => (v - q[i]!) / (b.nadir[i]! - b.ideal[i]!)))),
        );
        if (d > (m === 2 ? 0.02 : 0.05))
          throw new Error(
            `${name}: feasible ${JSON.stringify(x)} → ${JSON.stringify(r.f)} is not dominated by the front and ${d.toFixed(3)} away from it`,
          );
      }
    }
    return feasible;
  }

  it('BNH, TNK, SRN, CTP1, OSY', () => {
    const bnhSeeds = (): number[][] =>
      Array.from({ length: 51 }, (_, i) => (i <= 30 ? [i / 10, i / 10] : [3 + (i - 30) / 10, 3]));
    expect(check('bnh', bnhSeeds, 4000)).toBeGreaterThan(2000);
    expect(check('tnk', () => paretoFront('tnk', 2, 100).map((p) => Array.from(p)), 20000)).toBeGreaterThan(3000);
    const srnSeeds = (): number[][] => Array.from({ length: 41 }, (_, i) => [-2.5, 2.5 + (12.29 * i) / 40]);
    expect(check('srn', srnSeeds, 20000)).toBeGreaterThan(5000);
    expect(check('ctp1', () => Array.from({ length: 21 }, (_, i) => [i / 20, 0]), 20000)).toBeGreaterThan(5000);
    const osySeeds = (): number[][] => Array.from({ length: 21 }, (_, i) => i / 20).flatMap(osyRegions);
    expect(check('osy', osySeeds, 20000)).toBeGreaterThan(1000);
  });

  it('MW1, MW3, mixed1, C2-DTLZ2, C3-DTLZ4', () => {
    const n = 15;
    const mwSeeds =
      (name: string) =>
      (rng: Rng): number[][] =>
        Array.from({ length: 50 }, () => {
          const x = [rng.next()];
          for (let i = 1; i < n; i++)
            x.push(name === 'mw1' ? (0.5 + i / (2 * n)) ** (1 / (n - 2)) : 1 - (x[i - 1]! - 0.5) ** 2);
          return x;
        });
    expect(check('mw1', mwSeeds('mw1'), 10000)).toBeGreaterThan(200);
    expect(check('mw3', mwSeeds('mw3'), 10000)).toBeGreaterThan(200);
    const mixedSeeds = (): number[][] =>
      Array.from({ length: 41 }, (_, i) => i / 40).map((x) => [x, 0, 0, x < 0.5 ? 2 : 3, x < 0.25 ? 1 : 0]);
    expect(check('mixed1', mixedSeeds, 20000)).toBeGreaterThan(5000);
    // seeds on the fronts: C2-DTLZ2 on the unit sphere (g = 0); C3-DTLZ4 with g = 1 (f = 2u, always feasible)
    const c2Seeds = (rng: Rng): number[][] =>
      Array.from({ length: 50 }, () => [rng.next(), rng.next(), ...new Array<number>(10).fill(0.5)]);
    const c3Seeds = (rng: Rng): number[][] =>
      Array.from({ length: 50 }, () => [rng.next(), rng.next(), ...new Array<number>(5).fill(0.5 + Math.sqrt(0.2))]);
    expect(check('c2dtlz2', c2Seeds, 2000, 3)).toBeGreaterThan(100);
    expect(check('c3dtlz4', c3Seeds, 2000, 3)).toBeGreaterThan(100);
  });
});

describe('benchmarkNormalization', () => {
  it('gives the ideal and nadir of the true fronts (null inside [0, 1]^m)', () => {
    expect(benchmarkNormalization('bnh', 2)).toEqual({ ideal: [0, 4], nadir: [136, 50] });
    expect(benchmarkNormalization('OSY', 2)).toEqual({ ideal: [-274, 4], nadir: [-42, 76] });
    expect(benchmarkNormalization('wfg4', 3)).toEqual({ ideal: [0, 0, 0], nadir: [2, 4, 6] });
    expect(benchmarkNormalization('wfg3', 3)).toEqual({ ideal: [0, 0, 0], nadir: [1, 2, 6] }); // x1 = 1: (2·½, 4·½)
    expect(benchmarkNormalization('wfg3', 2)).toEqual({ ideal: [0, 0], nadir: [2, 4] });
    expect(benchmarkNormalization('sdtlz1', 3)).toEqual({ ideal: [0, 0, 0], nadir: [0.5, 5, 50] });
    expect(benchmarkNormalization('sdtlz2', 3)).toEqual({ ideal: [0, 0, 0], nadir: [1, 10, 100] });
    expect(benchmarkNormalization('c3dtlz4', 3)).toEqual({ ideal: [0, 0, 0], nadir: [2, 2, 2] });
    expect(benchmarkNormalization('mixed1', 2)).toEqual({ ideal: [0, 0], nadir: [1, 1.1] });
    // SRN: the f1-minimizer (1.1, 3.7) gives f1 = 10.1 and the largest f2, 2.61
    const srn = benchmarkNormalization('srn', 2)!;
    expect(srn.ideal[0]).toBeCloseTo(10.1, 9);
    expect(srn.nadir[1]).toBeCloseTo(2.61, 9);
    // TNK is symmetric: the same bounds on both axes, about [0.042, 1.038]
    const tnk = benchmarkNormalization('tnk', 2)!;
    expect(tnk.ideal[0]).toBeCloseTo(tnk.ideal[1]!, 9);
    expect(tnk.nadir[0]).toBeCloseTo(tnk.nadir[1]!, 9);
    expect(tnk.ideal[0]).toBeCloseTo(0.0417, 3);
    expect(tnk.nadir[0]).toBeCloseTo(1.0385, 3);
    for (const name of ['zdt1', 'dtlz2', 'c1dtlz1', 'c2dtlz2', 'idtlz1', 'dtlz5', 'mw1', 'mw3', 'ctp1'])
      expect(
        benchmarkNormalization(name, name.startsWith('mw') || name === 'ctp1' || name === 'zdt1' ? 2 : 3),
      ).toBeNull();
    expect(() => benchmarkNormalization('nope', 2)).toThrow(RangeError);
    expect(() => benchmarkNormalization('osy', 3)).toThrow(RangeError);
    expect(() => benchmarkNormalization('wfg1', 1)).toThrow(RangeError);
    // the result is a copy
    benchmarkNormalization('bnh', 2)!.nadir[0] = 0;
    expect(benchmarkNormalization('bnh', 2)!.nadir[0]).toBe(136);
  });

  it("matches the sampled fronts' extremes", () => {
    for (const name of ADDED) {
      for (const m of TWO_OBJ.has(name) ? [2] : [2, 3]) {
        const front = paretoFront(name, m);
        const b = benchmarkNormalization(name, m) ?? {
          ideal: new Array<number>(m).fill(0),
          nadir: new Array<number>(m).fill(1),
        };
        for (let i = 0; i < m; i++) {
          const lo = Math.min(...front.map((p) => p[i]!));
          const hi = Math.max(...front.map((p) => p[i]!));
          const span = b.nadir[i]! - b.ideal[i]!;
          expect(lo, `${name} m=${m} ideal ${i}`).toBeGreaterThanOrEqual(b.ideal[i]! - 1e-9 * span);
          expect(hi, `${name} m=${m} nadir ${i}`).toBeLessThanOrEqual(b.nadir[i]! + 1e-9 * span);
          if (benchmarkNormalization(name, m) !== null) {
            expect(lo, `${name} m=${m} ideal ${i}`).toBeCloseTo(b.ideal[i]!, 6);
            expect(hi, `${name} m=${m} nadir ${i}`).toBeCloseTo(b.nadir[i]!, 6);
          }
        }
      }
    }
  });
});
