/**
 * WFG1–WFG9 of Huband, Hingston, Barone, While, "A review of multiobjective test problems and a scalable
 * test problem toolkit", IEEE TEVC 10(5):477–506, 2006: transformations §V-B (Table IV), shapes Table III,
 * problems Table V (as in pymoo 0.6 `wfg.py`). z_i ∈ [0, 2i], i = 1..n; y = z / (2i); k position and
 * l = n - k distance parameters; k = 4 for m = 2 and 2(m - 1) otherwise, l = 20 by default; after the
 * problem's transformation chain t_1..t_m, x_m = t_m and x_i = max(t_m, A_i)(t_i - 0.5) + 0.5 (A = 1,
 * WFG3: A = (1, 0, …, 0)), and f_j = x_m + 2j h_j(x_1..x_{m-1}). (pymoo's WFG9 skips that x step, which is
 * the identity when A_i = 1.)
 * Fronts: x_m = 0, so f = S h over x ∈ [0, 1]^(m-1); WFG1/WFG2 sampled on a grid and filtered, WFG3 the
 * conventional degenerate line, WFG4–WFG9 the ellipsoid Σ (f_j / 2j)² = 1 along Das–Dennis directions.
 * Caveat: in floating point WFG1's attainable front lies above the analytic one (0.069 for k = 4, n = 24).
 * Optimal distance parameters, the WFG1 offset and each front: docs/algorithms.md §"WFG".
 */
import type { Evaluation, Problem } from '../types.js';
import {
  HALF_PI,
  checkObjectives,
  defaultPoints,
  linspace,
  nonDominatedOnly,
  objectivesSpec,
  ok,
  realVariables,
  sphereSample,
  thin2d,
  type FrontBounds,
  type SizeOptions,
} from './common.js';

export const WFG_NAMES = ['wfg1', 'wfg2', 'wfg3', 'wfg4', 'wfg5', 'wfg6', 'wfg7', 'wfg8', 'wfg9'] as const;
export type WfgName = (typeof WFG_NAMES)[number];

const EPS = 1e-10;
const PD_A = 0.98 / 49.98;

/** Clamps round-off just outside [0, 1] (the toolkit's correct_to_01). */
function c01(v: number): number {
  if (v < 0 && v >= -EPS) return 0;
  if (v > 1 && v <= 1 + EPS) return 1;
  return v;
}

// ---- transformations (Huband et al. 2006, Table IV) ----
export const bPoly = (y: number, alpha: number): number => c01(Math.pow(y, alpha));
export const bFlat = (y: number, A: number, B: number, C: number): number =>
  c01(
    A +
      Math.min(0, Math.floor(y - B)) * ((A * (B - y)) / B) -
      Math.min(0, Math.floor(C - y)) * (((1 - A) * (y - C)) / (1 - C)),
  );
export const bParam = (y: number, u: number, A: number, B: number, C: number): number =>
  c01(Math.pow(y, B + (C - B) * (A - (1 - 2 * u) * Math.abs(Math.floor(0.5 - u) + A))));
export const sLinear = (y: number, A: number): number => c01(Math.abs(y - A) / Math.abs(Math.floor(A - y) + A));
export function sDecept(y: number, A: number, B: number, C: number): number {
  const t1 = (Math.floor(y - A + B) * (1 - C + (A - B) / B)) / (A - B);
  const t2 = (Math.floor(A + B - y) * (1 - C + (1 - A - B) / B)) / (1 - A - B);
  return c01(1 + (Math.abs(y - A) - B) * (t1 + t2 + 1 / B));
}
export function sMulti(y: number, A: number, B: number, C: number): number {
  const t1 = Math.abs(y - C) / (2 * (Math.floor(C - y) + C));
  const t2 = (4 * A + 2) * Math.PI * (0.5 - t1);
  return c01((1 + Math.cos(t2) + 4 * B * t1 * t1) / (B + 2));
}
function rSum(y: ArrayLike<number>, from: number, to: number, w?: (i: number) => number): number {
  let num = 0;
  let den = 0;
  for (let i = from; i < to; i++) {
    const wi = w ? w(i) : 1;
    num += wi * y[i]!;
    den += wi;
  }
  return c01(num / den);
}
function rNonsep(y: ArrayLike<number>, from: number, to: number, A: number): number {
  const m = to - from;
  let num = 0;
  for (let j = 0; j < m; j++) {
    const yj = y[from + j]!;
    num += yj;
    for (let k = 0; k <= A - 2; k++) num += Math.abs(yj - y[from + ((j + 1 + k) % m)]!);
  }
  const half = Math.ceil(A / 2);
  return c01(num / ((m * half * (1 + 2 * A - 2 * half)) / A));
}

// ---- shapes (Table III), x = x_1..x_{M-1}, j = 1..M ----
function convex(x: ArrayLike<number>, M: number, j: number): number {
  let v = 1;
  for (let i = 0; i < M - j; i++) v *= 1 - Math.cos(x[i]! * HALF_PI);
  if (j > 1) v *= 1 - Math.sin(x[M - j]! * HALF_PI);
  return c01(v);
}
function concave(x: ArrayLike<number>, M: number, j: number): number {
  let v = 1;
  for (let i = 0; i < M - j; i++) v *= Math.sin(x[i]! * HALF_PI);
  if (j > 1) v *= Math.cos(x[M - j]! * HALF_PI);
  return c01(v);
}
function linear(x: ArrayLike<number>, M: number, j: number): number {
  let v = 1;
  for (let i = 0; i < M - j; i++) v *= x[i]!;
  if (j > 1) v *= 1 - x[M - j]!;
  return c01(v);
}
const mixed = (x1: number): number => c01(1 - x1 - Math.cos(10 * Math.PI * x1 + HALF_PI) / (10 * Math.PI));
const disc = (x1: number): number => c01(1 - x1 * Math.cos(5 * Math.PI * x1) ** 2);

/** Shape values h_1..h_M at position x (length M-1). */
export function wfgShape(name: WfgName, x: ArrayLike<number>, M: number): Float64Array {
  const h = new Float64Array(M);
  for (let j = 1; j <= M; j++) {
    if (name === 'wfg1' || name === 'wfg2')
      h[j - 1] = j < M ? convex(x, M, j) : name === 'wfg1' ? mixed(x[0]!) : disc(x[0]!);
    else if (name === 'wfg3') h[j - 1] = linear(x, M, j);
    else h[j - 1] = concave(x, M, j);
  }
  return h;
}

/** t_1..t_M from y (length n, in [0, 1]) for the given problem. */
function transform(name: WfgName, y0: Float64Array, M: number, k: number): Float64Array {
  const n = y0.length;
  const l = n - k;
  const gap = k / (M - 1);
  let y = Float64Array.from(y0);
  const t = new Float64Array(M);
  const groups = (reduce: (from: number, to: number) => number, lastFrom: number, lastTo: number): Float64Array => {
    for (let i = 0; i < M - 1; i++) t[i] = reduce(i * gap, (i + 1) * gap);
    t[M - 1] = reduce(lastFrom, lastTo);
    return t;
  };
  const shiftDistance = (): void => {
    for (let i = k; i < n; i++) y[i] = sLinear(y[i]!, 0.35);
  };
  switch (name) {
    case 'wfg1':
      shiftDistance();
      for (let i = k; i < n; i++) y[i] = bFlat(y[i]!, 0.8, 0.75, 0.85);
      for (let i = 0; i < n; i++) y[i] = bPoly(y[i]!, 0.02);
      return groups((a, b) => rSum(y, a, b, (i) => 2 * (i + 1)), k, n);
    case 'wfg2':
    case 'wfg3': {
      shiftDistance();
      const half = l / 2;
      const r = new Float64Array(k + half);
      for (let i = 0; i < k; i++) r[i] = y[i]!;
      for (let i = 0; i < half; i++) r[k + i] = rNonsep(y, k + 2 * i, k + 2 * i + 2, 2);
      return groups((a, b) => rSum(r, a, b), k, k + half);
    }
    case 'wfg4':
      for (let i = 0; i < n; i++) y[i] = sMulti(y[i]!, 30, 10, 0.35);
      return groups((a, b) => rSum(y, a, b), k, n);
    case 'wfg5':
      for (let i = 0; i < n; i++) y[i] = sDecept(y[i]!, 0.35, 0.001, 0.05);
      return groups((a, b) => rSum(y, a, b), k, n);
    case 'wfg6':
      shiftDistance();
      return groups((a, b) => rNonsep(y, a, b, b - a), k, n);
    case 'wfg7':
      for (let i = 0; i < k; i++) y[i] = bParam(y0[i]!, rSum(y0, i + 1, n), PD_A, 0.02, 50);
      shiftDistance();
      return groups((a, b) => rSum(y, a, b), k, n);
    case 'wfg8':
      for (let i = k; i < n; i++) y[i] = bParam(y0[i]!, rSum(y0, 0, i), PD_A, 0.02, 50);
      shiftDistance();
      return groups((a, b) => rSum(y, a, b), k, n);
    case 'wfg9': {
      for (let i = 0; i < n - 1; i++) y[i] = bParam(y0[i]!, rSum(y0, i + 1, n), PD_A, 0.02, 50);
      const z = new Float64Array(n);
      for (let i = 0; i < n; i++) z[i] = i < k ? sDecept(y[i]!, 0.35, 0.001, 0.05) : sMulti(y[i]!, 30, 95, 0.35);
      y = z;
      return groups((a, b) => rNonsep(y, a, b, b - a), k, n);
    }
  }
}

/** Default position-parameter count k for m objectives. */
export function wfgDefaultK(m: number): number {
  return m === 2 ? 4 : 2 * (m - 1);
}

export function createWfg(name: WfgName, options: SizeOptions): Problem {
  const M = options.objectives ?? 3;
  checkObjectives(name, M);
  const k = wfgDefaultK(M);
  const n = options.variables ?? k + 20;
  if (!Number.isInteger(n) || n <= k)
    throw new RangeError(
      `${name} with ${M} objectives has k = ${k} position variables and needs at least ${k + 1} variables, got ${n}`,
    );
  if ((name === 'wfg2' || name === 'wfg3') && (n - k) % 2 !== 0) {
    throw new RangeError(
      `${name} needs an even number of distance variables (n - k = ${n - k} with k = ${k}); use ${n + 1} variables`,
    );
  }
  const A = new Float64Array(M - 1).fill(1);
  if (name === 'wfg3') A.fill(0, 1);
  const evaluate = (z: Float64Array): Evaluation => {
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) y[i] = z[i]! / (2 * (i + 1));
    const t = transform(name, y, M, k);
    const tM = t[M - 1]!;
    const x = new Float64Array(M - 1);
    for (let i = 0; i < M - 1; i++) x[i] = Math.max(tM, A[i]!) * (t[i]! - 0.5) + 0.5;
    const h = wfgShape(name, x, M);
    const f = new Float64Array(M);
    for (let j = 0; j < M; j++) f[j] = tM + 2 * (j + 1) * h[j]!;
    return ok(f);
  };
  return {
    name,
    variables: realVariables(n, (i) => [0, 2 * (i + 1)]),
    objectives: objectivesSpec(M),
    constraints: [],
    evaluate,
  };
}

/** Grid over [0, 1]^d with about `points` points. */
function grid(d: number, points: number): Float64Array[] {
  const per = Math.max(2, Math.round(Math.pow(points, 1 / d)));
  const vals = linspace(0, 1, per);
  const out: Float64Array[] = [];
  const cur = new Float64Array(d);
  const rec = (i: number): void => {
    if (i === d) {
      out.push(Float64Array.from(cur));
      return;
    }
    for (const v of vals) {
      cur[i] = v;
      rec(i + 1);
    }
  };
  rec(0);
  return out;
}

/** WFG fronts (see the header): about `points` points (default 1000 for m = 2, 861 for m = 3, 5000 beyond). */
export function wfgFront(name: WfgName, M: number, points?: number): Float64Array[] {
  checkObjectives(name, M);
  const count = defaultPoints(M, points);
  const scale = (h: Float64Array): Float64Array => h.map((v, j) => 2 * (j + 1) * v);
  if (name === 'wfg3') {
    return linspace(0, 1, count).map((x1) => {
      const x = new Float64Array(M - 1).fill(0.5);
      x[0] = x1;
      return scale(wfgShape(name, x, M));
    });
  }
  if (name === 'wfg1' || name === 'wfg2') {
    const dense = M === 2 ? Math.max(5000, 10 * count) : name === 'wfg2' ? 4 * count : count;
    const front = nonDominatedOnly(grid(M - 1, dense).map((x) => scale(wfgShape(name, x, M))));
    return M === 2 ? thin2d(front, count) : front;
  }
  return sphereSample(M, count).map((u) => u.map((v, j) => 2 * (j + 1) * v));
}

/** Ideal 0 and nadir 2j (WFG3: the ends of its line) of the true fronts. */
export function wfgNormalization(name: WfgName, M: number): FrontBounds {
  const nadir = Array.from({ length: M }, (_, j) => 2 * (j + 1));
  if (name === 'wfg3') {
    // x_1 = 1 gives h_j = 0.5^(M-j) for j < M (h_1 = 0.5^(M-2)); x_1 = 0 gives h_M = 1.
    for (let j = 1; j < M; j++) nadir[j - 1] = 2 * j * Math.pow(0.5, j === 1 ? M - 2 : M - j);
  }
  return { ideal: new Array<number>(M).fill(0), nadir };
}
