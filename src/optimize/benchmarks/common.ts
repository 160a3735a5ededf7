/**
 * Helpers shared by the benchmark families (./zdt.ts … ./mixed.ts): variable and objective specs, the
 * `ok` evaluation, and the front tools (linspace, non-dominated filter, 2-D thinning by arc length).
 */
import { nonDominatedIndices, toMatrix } from '../pareto/dominance.js';
import { dasDennis, partitionsForPoints } from '../pareto/simplexLattice.js';
import type { ConstraintSpec, Evaluation, ObjectiveSpec, VariableSpec } from '../types.js';

export const EMPTY = new Float64Array(0);
export const HALF_PI = Math.PI / 2;

/** Ideal and nadir of a benchmark's true Pareto front (used to normalize objectives for the hypervolume). */
export interface FrontBounds {
  readonly ideal: number[];
  readonly nadir: number[];
}

/** Size options passed through from the study file. */
export interface SizeOptions {
  readonly variables?: number;
  readonly objectives?: number;
}

export function objectivesSpec(m: number): ObjectiveSpec[] {
  const out: ObjectiveSpec[] = [];
  for (let i = 0; i < m; i++) out.push({ name: `f${i + 1}`, sense: 'minimize' });
  return out;
}

export function constraintsSpec(names: readonly string[]): ConstraintSpec[] {
  return names.map((name) => ({ name }));
}

export function realVariables(n: number, bounds: (i: number) => readonly [number, number]): VariableSpec[] {
  const out: VariableSpec[] = [];
  for (let i = 0; i < n; i++) {
    const [lower, upper] = bounds(i);
    out.push({ kind: 'real', name: `x${i + 1}`, lower, upper });
  }
  return out;
}

export function ok(f: Float64Array, g: Float64Array = EMPTY): Evaluation {
  return { status: 'ok', f, g };
}

/** Throws unless the problem is used with exactly two objectives. */
export function twoObjectives(name: string, m: number | undefined): void {
  if (m !== undefined && m !== 2) throw new RangeError(`${name} has exactly 2 objectives, got ${m}`);
}

/** Throws unless `n` is an integer >= `min`. */
export function checkVariables(name: string, n: number, min: number): void {
  if (!Number.isInteger(n) || n < min) throw new RangeError(`${name} needs at least ${min} variables, got ${n}`);
}

/** Throws unless the problem has exactly `fixed` variables (when a count is given). */
export function fixedVariables(name: string, n: number | undefined, fixed: number): void {
  if (n !== undefined && n !== fixed) throw new RangeError(`${name} has exactly ${fixed} variables, got ${n}`);
}

export function checkObjectives(name: string, m: number): void {
  if (!Number.isInteger(m) || m < 2) throw new RangeError(`${name} needs at least 2 objectives, got ${m}`);
}

export function linspace(a: number, b: number, n: number): number[] {
  if (n <= 1) return [a];
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(a + ((b - a) * i) / (n - 1));
  return out;
}

/** `n` points in [a, b) (the right end excluded). */
export function halfOpen(a: number, b: number, n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(a + ((b - a) * i) / n);
  return out;
}

/** The mutually non-dominated points of `points` (first occurrence of duplicates kept). */
export function nonDominatedOnly(points: readonly Float64Array[]): Float64Array[] {
  if (points.length === 0) return [];
  const m = points[0]!.length;
  return Array.from(nonDominatedIndices(toMatrix(points, m), points.length, m), (i) => points[i]!);
}

/**
 * Thins a dense two-objective front (any order) to about `n` points evenly spaced in arc length of the
 * front normalized to its own ranges; gaps of a disconnected front are skipped, so fewer than `n` may remain.
 */
export function thin2d(points: readonly Float64Array[], n: number): Float64Array[] {
  if (points.length <= n) return [...points].sort((a, b) => a[0]! - b[0]!);
  const p = [...points].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);
  let lo0 = Infinity,
    hi0 = -Infinity,
    lo1 = Infinity,
    hi1 = -Infinity;
  for (const q of p) {
    lo0 = Math.min(lo0, q[0]!);
    hi0 = Math.max(hi0, q[0]!);
    lo1 = Math.min(lo1, q[1]!);
    hi1 = Math.max(hi1, q[1]!);
  }
  const s0 = hi0 > lo0 ? hi0 - lo0 : 1;
  const s1 = hi1 > lo1 ? hi1 - lo1 : 1;
  const cum = new Float64Array(p.length);
  for (let i = 1; i < p.length; i++) {
    cum[i] = cum[i - 1]! + Math.hypot((p[i]![0]! - p[i - 1]![0]!) / s0, (p[i]![1]! - p[i - 1]![1]!) / s1);
  }
  const total = cum[p.length - 1]!;
  const out: Float64Array[] = [];
  let j = 0;
  let last = -1;
  for (let k = 0; k < n; k++) {
    const target = (total * k) / (n - 1);
    while (j < p.length - 1 && cum[j]! < target) j++;
    if (j !== last) {
      out.push(p[j]!);
      last = j;
    }
  }
  return out;
}

/** Das–Dennis weights (at most `points` of them) for m objectives. */
export function simplexWeights(m: number, points: number): Float64Array[] {
  return dasDennis(m, partitionsForPoints(m, points));
}

/** Unit vectors along the Das–Dennis weights: a sample of the positive unit-sphere orthant. */
export function sphereSample(m: number, points: number): Float64Array[] {
  return simplexWeights(m, points).map((w) => {
    let s = 0;
    for (const v of w) s += v * v;
    const r = Math.sqrt(s);
    return w.map((v) => v / r);
  });
}

/** Default number of front points: 1000 for two objectives, 861 (40 partitions) for three, 5000 beyond. */
export function defaultPoints(m: number, points: number | undefined): number {
  return points ?? (m === 2 ? 1000 : m === 3 ? 861 : 5000);
}

/** Ideal and nadir of a sampled front. */
export function boundsOf(front: readonly Float64Array[]): FrontBounds {
  const m = front[0]!.length;
  const ideal = new Array<number>(m).fill(Infinity);
  const nadir = new Array<number>(m).fill(-Infinity);
  for (const p of front) {
    for (let i = 0; i < m; i++) {
      ideal[i] = Math.min(ideal[i]!, p[i]!);
      nadir[i] = Math.max(nadir[i]!, p[i]!);
    }
  }
  return { ideal, nadir };
}
