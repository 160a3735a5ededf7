/**
 * Classic constrained two-objective problems, as in pymoo 0.6 (`bnh.py`, `osy.py`, `tnk.py`, `srn.py`,
 * `ctp.py`), from Deb, *Multi-Objective Optimization using Evolutionary Algorithms*, Wiley 2001, §14.1
 * (BNH, OSY, TNK, SRN), and Deb, Pratap, Meyarivan, "Constrained test problems for multi-objective
 * evolutionary optimization", EMO 2001, LNCS 1993:284–298 (CTP1). Constraints g <= 0 (pymoo's scaling).
 * Fronts: each built densely from its analytic description, reduced to its non-dominated points and thinned to
 * about `points` points evenly spaced in normalized arc length. Ranges: BNH f1 ∈ [0, 136], f2 ∈ [4, 50];
 * OSY f1 ∈ [-274, -42], f2 ∈ [4, 76]; CTP1 f1 ∈ [0, 1].
 * Derivation of each front and its checks: docs/algorithms.md §"Classic constrained problems".
 */
import type { Evaluation, Problem, VariableSpec } from '../types.js';
import {
  boundsOf,
  checkVariables,
  constraintsSpec,
  fixedVariables,
  linspace,
  nonDominatedOnly,
  objectivesSpec,
  ok,
  realVariables,
  thin2d,
  twoObjectives,
  type FrontBounds,
  type SizeOptions,
} from './common.js';

export const CLASSIC_NAMES = ['bnh', 'osy', 'tnk', 'srn', 'ctp1'] as const;
export type ClassicName = (typeof CLASSIC_NAMES)[number];

/** CTP1's a_j, b_j (J = 2) from Deb, Pratap & Meyarivan's recursion (as pymoo computes them). */
export function ctp1Coefficients(J = 2): { a: number[]; b: number[] } {
  const a = [1];
  const b = [1];
  const delta = 1 / (J + 1);
  let alpha = delta;
  for (let j = 0; j < J; j++) {
    const beta = a[j]! * Math.exp(-b[j]! * alpha);
    a.push((a[j]! + beta) / 2);
    b.push((-1 / alpha) * Math.log(beta / a[j + 1]!));
    alpha += delta;
  }
  return { a: a.slice(1), b: b.slice(1) };
}

const CTP1 = ctp1Coefficients(2);

function bnh(x: Float64Array): Evaluation {
  const [x1, x2] = [x[0]!, x[1]!];
  return ok(
    Float64Array.of(4 * x1 * x1 + 4 * x2 * x2, (x1 - 5) ** 2 + (x2 - 5) ** 2),
    Float64Array.of(((x1 - 5) ** 2 + x2 * x2 - 25) / 25, -((x1 - 8) ** 2 + (x2 + 3) ** 2 - 7.7) / 7.7),
  );
}

function osyF(x: ArrayLike<number>): Float64Array {
  const [x1, x2, x3, x4, x5, x6] = [x[0]!, x[1]!, x[2]!, x[3]!, x[4]!, x[5]!];
  return Float64Array.of(
    -(25 * (x1 - 2) ** 2 + (x2 - 2) ** 2 + (x3 - 1) ** 2 + (x4 - 4) ** 2 + (x5 - 1) ** 2),
    x1 * x1 + x2 * x2 + x3 * x3 + x4 * x4 + x5 * x5 + x6 * x6,
  );
}

function osy(x: Float64Array): Evaluation {
  const [x1, x2, x3, x4, x5, x6] = [x[0]!, x[1]!, x[2]!, x[3]!, x[4]!, x[5]!];
  return ok(
    osyF(x),
    Float64Array.of(
      -(x1 + x2 - 2) / 2,
      -(6 - x1 - x2) / 6,
      -(2 - x2 + x1) / 2,
      -(2 - x1 + 3 * x2) / 2,
      -(4 - (x3 - 3) ** 2 - x4) / 4,
      -((x5 - 3) ** 2 + x6 - 4) / 4,
    ),
  );
}

/** TNK constraints at (x1, x2); atan2 equals pymoo's atan(x1/x2) for x2 > 0 and defines the corner (0, 0). */
function tnkG(x1: number, x2: number): [number, number] {
  return [
    -(x1 * x1 + x2 * x2 - 1 - 0.1 * Math.cos(16 * Math.atan2(x1, x2))),
    2 * ((x1 - 0.5) ** 2 + (x2 - 0.5) ** 2) - 1,
  ];
}

function tnk(x: Float64Array): Evaluation {
  const [g1, g2] = tnkG(x[0]!, x[1]!);
  return ok(Float64Array.of(x[0]!, x[1]!), Float64Array.of(g1, g2));
}

function srn(x: Float64Array): Evaluation {
  const [x1, x2] = [x[0]!, x[1]!];
  return ok(
    Float64Array.of(2 + (x1 - 2) ** 2 + (x2 - 1) ** 2, 9 * x1 - (x2 - 1) ** 2),
    Float64Array.of(x1 * x1 + x2 * x2 - 225, x1 - 3 * x2 + 10),
  );
}

function ctp1(x: Float64Array): Evaluation {
  const f1 = x[0]!;
  let g = 1;
  for (let i = 1; i < x.length; i++) g += x[i]!;
  const f2 = g * Math.exp(-f1 / g);
  return ok(
    Float64Array.of(f1, f2),
    Float64Array.from(CTP1.a, (a, j) => a * Math.exp(-CTP1.b[j]! * f1) - f2),
  );
}

export function createClassic(name: ClassicName, options: SizeOptions): Problem {
  twoObjectives(name, options.objectives);
  let variables: VariableSpec[];
  let constraints: string[];
  let evaluate: (x: Float64Array) => Evaluation;
  switch (name) {
    case 'bnh':
      fixedVariables(name, options.variables, 2);
      variables = realVariables(2, (i) => (i === 0 ? [0, 5] : [0, 3]));
      constraints = ['(x1-5)^2 + x2^2 <= 25', '(x1-8)^2 + (x2+3)^2 >= 7.7'];
      evaluate = bnh;
      break;
    case 'osy': {
      fixedVariables(name, options.variables, 6);
      const b: readonly (readonly [number, number])[] = [
        [0, 10],
        [0, 10],
        [1, 5],
        [0, 6],
        [1, 5],
        [0, 10],
      ];
      variables = realVariables(6, (i) => b[i]!);
      constraints = [
        'x1 + x2 >= 2',
        'x1 + x2 <= 6',
        'x2 - x1 <= 2',
        'x1 - 3 x2 <= 2',
        '(x3-3)^2 + x4 <= 4',
        '(x5-3)^2 + x6 >= 4',
      ];
      evaluate = osy;
      break;
    }
    case 'tnk':
      fixedVariables(name, options.variables, 2);
      variables = realVariables(2, () => [0, Math.PI]);
      constraints = ['x1^2 + x2^2 - 1 - 0.1 cos(16 atan(x1/x2)) >= 0', '(x1-0.5)^2 + (x2-0.5)^2 <= 0.5'];
      evaluate = tnk;
      break;
    case 'srn':
      fixedVariables(name, options.variables, 2);
      variables = realVariables(2, () => [-20, 20]);
      constraints = ['x1^2 + x2^2 <= 225', 'x1 - 3 x2 + 10 <= 0'];
      evaluate = srn;
      break;
    case 'ctp1': {
      const n = options.variables ?? 2;
      checkVariables(name, n, 2);
      variables = realVariables(n, () => [0, 1]);
      constraints = CTP1.a.map((a, j) => `f2 >= ${a.toFixed(4)} exp(-${CTP1.b[j]!.toFixed(4)} f1)`);
      evaluate = ctp1;
      break;
    }
  }
  return { name, variables, objectives: objectivesSpec(2), constraints: constraintsSpec(constraints), evaluate };
}

/** Smallest x2 in [lo, hi] with both TNK constraints satisfied at (x1, x2), or null. */
function tnkLowestX2(x1: number): number | null {
  const r2 = 0.5 - (x1 - 0.5) ** 2;
  if (r2 < 0) return null;
  const lo = Math.max(0, 0.5 - Math.sqrt(r2));
  const hi = Math.min(Math.PI, 0.5 + Math.sqrt(r2));
  const feasible = (x2: number): boolean => {
    const [g1, g2] = tnkG(x1, x2);
    return g1 <= 0 && g2 <= 0;
  };
  if (feasible(lo)) return lo;
  const step = 0.005;
  for (let a = lo; a < hi; a += step) {
    const b = Math.min(hi, a + step);
    if (feasible(b)) {
      let l = a;
      let u = b;
      for (let it = 0; it < 50; it++) {
        const mid = 0.5 * (l + u);
        if (feasible(mid)) u = mid;
        else l = mid;
      }
      return u;
    }
  }
  return null;
}

function dense(name: ClassicName, n: number): Float64Array[] {
  const pts: Float64Array[] = [];
  switch (name) {
    case 'bnh':
      for (const t of linspace(0, 3, n)) pts.push(Float64Array.of(8 * t * t, 2 * (t - 5) ** 2));
      for (const s of linspace(3, 5, n)) pts.push(Float64Array.of(4 * s * s + 36, (s - 5) ** 2 + 4));
      break;
    case 'osy':
      for (const t of linspace(0, 1, n)) {
        const x3 = 1 + 4 * t;
        pts.push(osyF([5, 1, x3, 0, 5, 0]), osyF([5, 1, x3, 0, 1, 0]), osyF([0, 2, x3, 0, 1, 0]));
        const u = 2 + 3 * t;
        pts.push(osyF([u, (u - 2) / 3, 1, 0, 1, 0]));
        pts.push(osyF([t, 2 - t, 1, 0, 1, 0]), osyF([1 + t, 1 - t, 1, 0, 1, 0]));
      }
      break;
    case 'tnk':
      for (const x1 of linspace(0, 0.5 + Math.SQRT1_2, n)) {
        const x2 = tnkLowestX2(x1);
        if (x2 !== null) pts.push(Float64Array.of(x1, x2), Float64Array.of(x2, x1));
      }
      break;
    case 'srn': {
      const f = (x1: number, x2: number): Float64Array =>
        Float64Array.of(2 + (x1 - 2) ** 2 + (x2 - 1) ** 2, 9 * x1 - (x2 - 1) ** 2);
      const top = Math.sqrt(225 - 6.25);
      for (const x2 of linspace(2.5, 3.7, n)) pts.push(f(3 * x2 - 10, x2));
      for (const x2 of linspace(2.5, top, n)) pts.push(f(-2.5, x2));
      for (const phi of linspace(Math.atan2(top, -2.5), Math.PI, n))
        pts.push(f(15 * Math.cos(phi), 15 * Math.sin(phi)));
      break;
    }
    case 'ctp1':
      for (const f1 of linspace(0, 1, n)) {
        let f2 = Math.exp(-f1);
        CTP1.a.forEach((a, j) => (f2 = Math.max(f2, a * Math.exp(-CTP1.b[j]! * f1))));
        pts.push(Float64Array.of(f1, f2));
      }
      break;
  }
  return nonDominatedOnly(pts);
}

const cache = new Map<string, Float64Array[]>();

/** The classic problems' fronts, about `points` points (default 1000). */
export function classicFront(name: ClassicName, m = 2, points = 1000): Float64Array[] {
  if (m !== 2) throw new RangeError(`${name} has 2 objectives, got m = ${m}`);
  const key = `${name}:${points}`;
  let front = cache.get(key);
  if (front === undefined) {
    front = thin2d(dense(name, Math.max(2000, 10 * points)), points);
    cache.set(key, front);
  }
  return front.map((p) => Float64Array.from(p));
}

/** Ideal and nadir of the true fronts (BNH, OSY exact; TNK, SRN from the dense front); CTP1 lies in [0, 1]². */
export function classicNormalization(name: ClassicName): FrontBounds | null {
  switch (name) {
    case 'bnh':
      return { ideal: [0, 4], nadir: [136, 50] };
    case 'osy':
      return { ideal: [-274, 4], nadir: [-42, 76] };
    case 'tnk':
    case 'srn':
      return boundsOf(classicFront(name));
    case 'ctp1':
      return null;
  }
}
