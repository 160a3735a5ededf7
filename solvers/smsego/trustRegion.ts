/**
 * SMS-EGO's adaptive trust region: the infill criterion is maximized only inside boxes around the current
 * non-dominated designs, whose size grows after a run of successful batches and shrinks after a run of failed ones.
 * Method: TuRBO (Eriksson, Pearce, Gardner, Turner & Poloczek, "Scalable Global Optimization via Local Bayesian
 * Optimization", NeurIPS 2019) for the size rule and the per-variable shape, with MORBO's multi-objective notion of
 * success (Daulton, Eriksson, Balandat & Bakshy, "Multi-Objective Bayesian Optimization over High-Dimensional Search
 * Spaces", UAI 2022): a batch succeeds when it raises the feasible front's hypervolume (normalized by the new front,
 * reference 1.1) by more than `improvement` = 5 % of it.
 * Size: edge L in unit coordinates, L₀ = 0.8, at most 1.6, doubled after 3 successes, halved after
 * τ_f = ⌈max(4 / q, n / q)⌉ failures, restarted below 2⁻⁷; shape w_i from the GPs' length scales; one box per centre
 * (4 front designs, equal-weight Chebyshev). Only real variables are restricted, once a feasible design is known.
 * The update is deterministic; its state (L, the two counts, the restarts, the evaluations seen) is in the snapshot.
 * Rules in full: docs/algorithms.md §"SMS-EGO trust region"; why each value: §"SMS-EGO" and docs/performance.md.
 */
import { KIND_REAL, type VariableLayout } from '../operators/layout.js';
import type { SearchRegion } from '../surrogate/criterionSearch.js';

export const TRUST = {
  lengthInit: 0.8,
  lengthMin: 0.5 ** 7,
  lengthMax: 1.6,
  successStreak: 3,
  /** A batch succeeds when the front's hypervolume rises by more than this fraction of it. */
  improvement: 0.05,
  /** L₀ when the budget reaches `travelBudget` evaluations per real variable (see the header). */
  lengthSmall: 0.2,
  travelBudget: 5,
  /** Box centres: the front designs best under the equal-weight Chebyshev scalarization (see the header). */
  centres: 4,
} as const;
/** Length scales beyond this (unit coordinates) count as this much when shaping the box (see the header). */
export const LENGTH_SCALE_CAP = 1;

export interface TrustState {
  readonly length: number;
  readonly successes: number;
  readonly failures: number;
  readonly restarts: number;
}

export const INITIAL_TRUST: TrustState = { length: TRUST.lengthInit, successes: 0, failures: 0, restarts: 0 };

/**
 * Indices of the k points of a normalized front (ideal 0) with the smallest equal-weight Chebyshev value max_j f_j,
 * best first; ties keep the front's order.
 */
export function bestByChebyshev(front: readonly Float64Array[], k: number): number[] {
  const value = front.map((f) => f.reduce((a, v) => Math.max(a, v), -Infinity));
  return front
    .map((_, i) => i)
    .sort((a, b) => value[a]! - value[b]! || a - b)
    .slice(0, k);
}

/** Whether SMS-EGO uses the region: the option, or for 'auto' whether the problem has no constraints (header). */
export function trustRegionOn(option: boolean | 'auto' | undefined, constraints: number): boolean {
  return option === undefined || option === 'auto' ? constraints === 0 : option;
}

/** Start size with the region: d + 1 designs for d variables, at most `withoutRegion`, at least 3 (header). */
export function regionStartSize(d: number, withoutRegion: number): number {
  return Math.max(Math.min(3, withoutRegion), Math.min(withoutRegion, d + 1));
}

/** L₀: `lengthSmall` when the budget reaches `travelBudget` evaluations per real variable, else TuRBO's (header). */
export function initialLength(budget: number | undefined, nReal: number): number {
  return budget !== undefined && nReal > 0 && budget >= TRUST.travelBudget * nReal
    ? TRUST.lengthSmall
    : TRUST.lengthInit;
}

/** TuRBO's failure tolerance ⌈max(4 / q, n / q)⌉ for n real variables and batches of q. */
export function failureStreak(nReal: number, q: number): number {
  return Math.ceil(Math.max(4 / q, nReal / q));
}

/** The state after one batch that succeeded or failed (see the header). */
export function updateTrust(s: TrustState, success: boolean, failureTolerance: number): TrustState {
  const successes = success ? s.successes + 1 : 0;
  const failures = success ? 0 : s.failures + 1;
  if (successes >= TRUST.successStreak)
    return { ...s, length: Math.min(2 * s.length, TRUST.lengthMax), successes: 0, failures: 0 };
  if (failures >= failureTolerance) {
    const length = s.length / 2;
    if (length < TRUST.lengthMin)
      return { length: TRUST.lengthInit, successes: 0, failures: 0, restarts: s.restarts + 1 };
    return { ...s, length, successes: 0, failures: 0 };
  }
  return { ...s, successes, failures };
}

/** Whether the hypervolume rose from `before` to `after` by more than TRUST.improvement of `before`. */
export function improved(before: number, after: number): boolean {
  return after > before * (1 + TRUST.improvement) && after > 0;
}

/**
 * Half-widths (unit coordinates) of the box per variable: L · w_i / 2 for real variables (w from the length scales,
 * see the header), NaN for the others. `lengthScales[j][i]` is objective j's length scale of variable i's coordinate.
 */
export function halfWidths(
  layout: VariableLayout,
  lengthScales: readonly Float64Array[],
  length: number,
): Float64Array {
  const half = new Float64Array(layout.n).fill(NaN);
  const real: number[] = [];
  for (let i = 0; i < layout.n; i++) if (layout.kind[i] === KIND_REAL) real.push(i);
  if (real.length === 0) return half;
  const logL = real.map((i) => {
    let s = 0;
    for (const ls of lengthScales) s += Math.log(Math.min(LENGTH_SCALE_CAP, Math.max(0.01, ls[i]!)));
    return lengthScales.length > 0 ? s / lengthScales.length : 0;
  });
  const meanLog = logL.reduce((a, b) => a + b, 0) / real.length;
  real.forEach((i, k) => (half[i] = (length * Math.exp(logL[k]! - meanLog)) / 2));
  return half;
}

/** The union of boxes of half-widths `half` (unit coordinates) around `centres`, on the real variables. */
export class TrustBoxes implements SearchRegion {
  private readonly unit: Float64Array[];

  constructor(
    private readonly layout: VariableLayout,
    centres: readonly Float64Array[],
    private readonly half: Float64Array,
  ) {
    this.unit = centres.map((c) => c.map((v, i) => this.toUnit(v, i)));
  }

  private toUnit(v: number, i: number): number {
    const lo = this.layout.lower[i]!;
    const hi = this.layout.upper[i]!;
    return hi > lo ? (v - lo) / (hi - lo) : 0;
  }

  private fromUnit(u: number, i: number): number {
    const lo = this.layout.lower[i]!;
    return lo + Math.min(1, Math.max(0, u)) * (this.layout.upper[i]! - lo);
  }

  /** Index of the centre nearest x in the box-scaled L∞ distance max_i |u_i − c_i| / h_i. */
  private nearest(x: Float64Array): number {
    let best = 0;
    let bestD = Infinity;
    this.unit.forEach((c, k) => {
      let d = 0;
      for (let i = 0; i < this.layout.n; i++)
        if (this.half[i]! > 0) d = Math.max(d, Math.abs(this.toUnit(x[i]!, i) - c[i]!) / this.half[i]!);
      if (d < bestD) [best, bestD] = [k, d];
    });
    return best;
  }

  /** x moved (in place) onto the nearest centre's box; variables other than reals are left alone. */
  project(x: Float64Array): void {
    if (this.unit.length === 0) return;
    const c = this.unit[this.nearest(x)]!;
    for (let i = 0; i < this.layout.n; i++) {
      const h = this.half[i]!;
      if (!(h >= 0)) continue;
      const u = this.toUnit(x[i]!, i);
      if (u < c[i]! - h || u > c[i]! + h) x[i] = this.fromUnit(Math.min(c[i]! + h, Math.max(c[i]! - h, u)), i);
    }
  }

  /** `x` (a random design) with its real variables redrawn uniformly in a random centre's box. */
  place(x: Float64Array, rng: { next(): number; int(n: number): number }): Float64Array {
    if (this.unit.length === 0) return x;
    const c = this.unit[rng.int(this.unit.length)]!;
    for (let i = 0; i < this.layout.n; i++) {
      const h = this.half[i]!;
      if (!(h >= 0)) continue;
      const lo = Math.max(0, c[i]! - h);
      const hi = Math.min(1, c[i]! + h);
      x[i] = this.fromUnit(lo + rng.next() * (hi - lo), i);
    }
    return x;
  }
}
