/**
 * Constrained DTLZ problems of Jain & Deb, "An evolutionary many-objective optimization algorithm using
 * reference-point based nondominated sorting approach, part II: handling constraints and extending to an
 * adaptive approach", IEEE TEVC 18(4):602–622, 2014, §VI (definitions as in pymoo 0.6 `cdtlz.py`).
 * Objectives are those of ./dtlz.ts; every constraint is written g <= 0.
 * - C1-DTLZ1 (type 1, eq. 7): g = f_m / 0.6 + Σ_{i<m} f_i / 0.5 - 1 <= 0; front: the DTLZ1 front. k = 5.
 * - C2-DTLZ2 (type 2, eq. 8): g = min( min_i [(f_i - 1)² + Σ_{j≠i} f_j² - r²], Σ_i (f_i - 1/√m)² - r² ) <= 0,
 *   r = 0.4 for m = 3, 0.5 otherwise (pymoo: 0.2 for m = 2); front: the unit sphere restricted to g <= 0. k = 10.
 * - C3-DTLZ4 (type 3, eq. 10): g_j = 1 - f_j² / 4 - Σ_{i≠j} f_i² <= 0 for j = 1..m; front: the surface
 *   |f|² - (3/4) max_j f_j² = 1, f_j ∈ [0, 2]. k = 5 (pymoo default n = 7 for m = 3).
 * Derivation of each front: docs/algorithms.md §"Constrained DTLZ".
 */
import type { Evaluation, Problem } from '../types.js';
import {
  checkObjectives,
  constraintsSpec,
  defaultPoints,
  objectivesSpec,
  ok,
  realVariables,
  simplexWeights,
  sphereSample,
  type FrontBounds,
  type SizeOptions,
} from './common.js';
import { dtlzRaw } from './dtlz.js';

export const CDTLZ_NAMES = ['c1dtlz1', 'c2dtlz2', 'c3dtlz4'] as const;
export type CdtlzName = (typeof CDTLZ_NAMES)[number];

const K: Readonly<Record<CdtlzName, number>> = { c1dtlz1: 5, c2dtlz2: 10, c3dtlz4: 5 };

/** C2-DTLZ2 radius (pymoo 0.6). */
export function c2dtlz2Radius(m: number): number {
  return m === 2 ? 0.2 : m === 3 ? 0.4 : 0.5;
}

/** C2-DTLZ2 constraint value at objective vector f. */
export function c2dtlz2Constraint(f: ArrayLike<number>, r: number): number {
  const m = f.length;
  let sq = 0;
  for (let i = 0; i < m; i++) sq += f[i]! * f[i]!;
  let v1 = Infinity;
  for (let i = 0; i < m; i++) v1 = Math.min(v1, (f[i]! - 1) ** 2 + sq - f[i]! * f[i]! - r * r);
  const a = 1 / Math.sqrt(m);
  let v2 = -r * r;
  for (let i = 0; i < m; i++) v2 += (f[i]! - a) ** 2;
  return Math.min(v1, v2);
}

export function createCdtlz(name: CdtlzName, options: SizeOptions): Problem {
  const m = options.objectives ?? 3;
  checkObjectives(name, m);
  const n = options.variables ?? m + K[name] - 1;
  if (!Number.isInteger(n) || n < m)
    throw new RangeError(`${name} with ${m} objectives needs at least ${m} variables, got ${n}`);
  const base = name === 'c1dtlz1' ? 'dtlz1' : name === 'c2dtlz2' ? 'dtlz2' : 'dtlz4';
  const r = c2dtlz2Radius(m);
  const nc = name === 'c3dtlz4' ? m : 1;
  const evaluate = (x: Float64Array): Evaluation => {
    const f = new Float64Array(m);
    dtlzRaw(base, x, m, f);
    const g = new Float64Array(nc);
    if (name === 'c1dtlz1') {
      let s = f[m - 1]! / 0.6 - 1;
      for (let i = 0; i < m - 1; i++) s += f[i]! / 0.5;
      g[0] = s;
    } else if (name === 'c2dtlz2') {
      g[0] = c2dtlz2Constraint(f, r);
    } else {
      let sq = 0;
      for (let i = 0; i < m; i++) sq += f[i]! * f[i]!;
      for (let j = 0; j < m; j++) g[j] = 1 - (f[j]! * f[j]!) / 4 - (sq - f[j]! * f[j]!);
    }
    return ok(f, g);
  };
  const cnames =
    name === 'c1dtlz1'
      ? ['f_m/0.6 + sum f_i/0.5 <= 1']
      : name === 'c2dtlz2'
        ? [`within r = ${r} of a corner or of the centre of the unit sphere`]
        : Array.from({ length: m }, (_, j) => `f${j + 1}^2/4 + sum_{i != ${j + 1}} f_i^2 >= 1`);
  return {
    name,
    variables: realVariables(n, () => [0, 1]),
    objectives: objectivesSpec(m),
    constraints: constraintsSpec(cnames),
    evaluate,
  };
}

/**
 * Fronts: C1-DTLZ1 the Das–Dennis simplex Σ f = 0.5; C2-DTLZ2 the points of a sphere lattice that satisfy
 * the constraint (lattice enlarged by the inverse feasible share, so about `points` remain); C3-DTLZ4 the
 * sphere lattice scaled onto φ = 1.
 */
export function cdtlzFront(name: CdtlzName, m: number, points?: number): Float64Array[] {
  checkObjectives(name, m);
  const count = defaultPoints(m, points);
  if (name === 'c1dtlz1') return simplexWeights(m, count).map((w) => w.map((v) => 0.5 * v));
  if (name === 'c2dtlz2') {
    // A first lattice measures the feasible share of the sphere; the second is sized to keep about `count`.
    const r = c2dtlz2Radius(m);
    const feasible = (n: number): Float64Array[] => sphereSample(m, n).filter((u) => c2dtlz2Constraint(u, r) <= 0);
    const share = Math.max(feasible(count).length / count, 0.01);
    return feasible(Math.ceil(count / share));
  }
  return sphereSample(m, count).map((u) => {
    let sq = 0;
    let mx = 0;
    for (const v of u) {
      sq += v * v;
      mx = Math.max(mx, v * v);
    }
    const a = Math.sqrt(sq - 0.75 * mx);
    return u.map((v) => v / a);
  });
}

export function cdtlzNormalization(name: CdtlzName, m: number): FrontBounds | null {
  if (name !== 'c3dtlz4') return null;
  return { ideal: new Array<number>(m).fill(0), nadir: new Array<number>(m).fill(2) };
}
