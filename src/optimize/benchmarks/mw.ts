/**
 * MW1–MW3 of Ma & Wang, "Evolutionary constrained multiobjective optimization: test suite construction and
 * performance comparisons", IEEE TEVC 23(6):972–986, 2019, Table I (as in pymoo 0.6 `mw.py`, which follows
 * the authors' C++ code). Two objectives, n = 15 reals in [0, 1] by default, f0 = x_1, l = √2 (f1 - f0), and
 * with 0-based variable index i = 1..n-1:
 * - g_1 (MW1) = 1 + Σ_i [1 - exp(-10 (x_i^(n-2) - 0.5 - i/(2n))²)], minimum 1 at x_i = (0.5 + i/(2n))^(1/(n-2));
 *   g_2 (MW2) = 1 + Σ_i [0.1/n z_i² + 1.5 - 1.5 cos(2π z_i)], z_i = 1 - exp(-10 (x_i - i/n)²), minimum 1 at x_i = i/n;
 *   g_3 (MW3) = 1 + Σ_i 2 (x_i + (x_{i-1} - 0.5)² - 1)², minimum 1 on the chain x_i = 1 - (x_{i-1} - 0.5)².
 * - MW1: f1 = g_1 - 0.85 f0; g = f0 + f1 - 1 - 0.5 sin⁸(2π l) <= 0.
 *   MW2: f1 = g_2 - f0;       g = f0 + f1 - 1 - 0.5 sin⁸(3π l) <= 0.
 *   MW3: f1 = g_3 - f0;       g1 = f0 + f1 - 1.05 - 0.45 sin⁶(0.75π l) <= 0,
 *                             g2 = 0.85 - f0 - f1 + 0.3 sin²(0.75π l) <= 0.
 * Fronts: the lower edge of the feasible set in (d, s) = (f1 - f0, f0 + f1), non-dominated points only.
 * Derivation of each front: docs/algorithms.md §"MW".
 */
import type { Evaluation, Problem } from '../types.js';
import {
  checkVariables,
  constraintsSpec,
  linspace,
  nonDominatedOnly,
  objectivesSpec,
  ok,
  realVariables,
  thin2d,
  twoObjectives,
  type SizeOptions,
} from './common.js';

export const MW_NAMES = ['mw1', 'mw2', 'mw3'] as const;
export type MwName = (typeof MW_NAMES)[number];

const SQRT2 = Math.SQRT2;

function mwG(name: MwName, x: Float64Array): number {
  const n = x.length;
  let s = 0;
  for (let i = 1; i < n; i++) {
    const xi = x[i]!;
    if (name === 'mw1') {
      const t = Math.pow(xi, n - 2) - 0.5 - i / (2 * n);
      s += 1 - Math.exp(-10 * t * t);
    } else if (name === 'mw2') {
      const d = xi - i / n;
      const z = 1 - Math.exp(-10 * d * d);
      s += (0.1 / n) * z * z + 1.5 - 1.5 * Math.cos(2 * Math.PI * z);
    } else {
      const p = x[i - 1]! - 0.5;
      const t = xi + p * p - 1;
      s += 2 * t * t;
    }
  }
  return 1 + s;
}

function mw1C(f0: number, f1: number): number {
  return f0 + f1 - 1 - 0.5 * Math.pow(Math.sin(2 * Math.PI * SQRT2 * (f1 - f0)), 8);
}

function mw3C(f0: number, f1: number): [number, number] {
  const l = SQRT2 * (f1 - f0);
  return [
    f0 + f1 - 1.05 - 0.45 * Math.pow(Math.sin(0.75 * Math.PI * l), 6),
    0.85 - f0 - f1 + 0.3 * Math.pow(Math.sin(0.75 * Math.PI * l), 2),
  ];
}

export function createMw(name: MwName, options: SizeOptions): Problem {
  twoObjectives(name, options.objectives);
  const n = options.variables ?? 15;
  checkVariables(name, n, 3);
  const evaluate = (x: Float64Array): Evaluation => {
    const g = mwG(name, x);
    const f0 = x[0]!;
    if (name === 'mw1') {
      const f1 = g * (1 - (0.85 * f0) / g);
      return ok(Float64Array.of(f0, f1), Float64Array.of(mw1C(f0, f1)));
    }
    const f1 = g * (1 - f0 / g);
    if (name === 'mw2') {
      const c = f0 + f1 - 1 - 0.5 * Math.pow(Math.sin(3 * Math.PI * SQRT2 * (f1 - f0)), 8);
      return ok(Float64Array.of(f0, f1), Float64Array.of(c));
    }
    return ok(Float64Array.of(f0, f1), Float64Array.from(mw3C(f0, f1)));
  };
  const constraints =
    name === 'mw3'
      ? ['f1 + f2 <= 1.05 + 0.45 sin^6(0.75 pi l)', 'f1 + f2 >= 0.85 + 0.3 sin^2(0.75 pi l)']
      : [`f1 + f2 <= 1 + 0.5 sin^8(${name === 'mw1' ? 2 : 3} pi l)`];
  return {
    name,
    variables: realVariables(n, () => [0, 1]),
    objectives: objectivesSpec(2),
    constraints: constraintsSpec(constraints),
    evaluate,
  };
}

/** MW fronts (see the header), about `points` points (default 1000). */
export function mwFront(name: MwName, m = 2, points = 1000): Float64Array[] {
  if (m !== 2) throw new RangeError(`${name} has 2 objectives, got m = ${m}`);
  const pts: Float64Array[] = [];
  const dense = Math.max(4000, 10 * points);
  if (name === 'mw1') {
    for (const f0 of linspace(0, 1, dense)) {
      const f1 = 1 - 0.85 * f0;
      if (mw1C(f0, f1) <= 0) pts.push(Float64Array.of(f0, f1));
    }
  } else if (name === 'mw2') {
    for (const f0 of linspace(0, 1, dense)) pts.push(Float64Array.of(f0, 1 - f0));
  } else {
    for (const d of linspace(-1, 1, dense)) {
      const s = Math.max(1, 0.85 + 0.3 * Math.pow(Math.sin(0.75 * Math.PI * SQRT2 * d), 2));
      pts.push(Float64Array.of((s - d) / 2, (s + d) / 2));
    }
  }
  return thin2d(nonDominatedOnly(pts), points);
}
