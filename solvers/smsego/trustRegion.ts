/**
 * SMS-EGO's adaptive trust region: the infill criterion is maximized only inside boxes around the current
 * non-dominated designs, whose size grows after a run of successful batches and shrinks after a run of failed ones.
 * Method: TuRBO (Eriksson, Pearce, Gardner, Turner & Poloczek, "Scalable Global Optimization via Local Bayesian
 * Optimization", NeurIPS 2019) for the size rule and the per-variable shape, with MORBO's multi-objective notion of
 * success (Daulton, Eriksson, Balandat & Bakshy, "Multi-Objective Bayesian Optimization over High-Dimensional Search
 * Spaces", UAI 2022): a batch succeeds when it raises the hypervolume of the feasible front (normalized by the new
 * front, reference 1.1) by more than a fraction `improvement` = 5 % of it. TuRBO's threshold is 10⁻³ of the best
 * value; with it nearly every batch counted as a success at 100-200 evaluations (a design that only widens a front of
 * random designs raises its hypervolume) and the region grew to L_max instead of closing in on the front; with 5 %
 * it shrinks while the proposals do not gain (docs/performance.md has the measurements).
 * - Size: an edge length L in unit coordinates ((x − lower) / (upper − lower)), L₀ = 0.8, at most 1.6 (TuRBO's
 *   values; L₀ = 0.2 when the budget allows, below). After `successStreak` = 3 successive successes L doubles
 *   (capped), after τ_f = ⌈max(4 / q, n / q)⌉ successive failures (q the batch, n the real variables; TuRBO's τ_f) it
 *   halves; a success resets the failure count and a failure the success count, and a change of L resets both. When
 *   L falls below L_min = 2⁻⁷ (TuRBO's) the region restarts at 0.8 (TuRBO restarts from a new design of experiments;
 *   here the data are kept and only the size restarts, as the centres follow the front anyway).
 * - Shape (TuRBO): variable i's edge is L · w_i with w_i = ℓ_i / (Π_k ℓ_k)^(1/n), ℓ_i the geometric mean over the
 *   objective GPs of variable i's length scale, so a variable the objectives barely depend on gets a wider edge and
 *   the box keeps the volume Lⁿ. The ratio max w / min w is not bounded beyond the GP's length-scale bounds
 *   (solvers/gp/hyperparameters.ts: ℓ ∈ [0.01, 20]); each ℓ_i is clipped to [0.01, LENGTH_SCALE_CAP] before, so a
 *   variable whose length scale is much wider than the unit box (the GP sees no effect: DTLZ2's distance variables
 *   get 2-20) does not claim the whole box and leave the others none.
 * - Centres: the `centres` = 4 front designs best under the equal-weight Chebyshev scalarization of the
 *   objectives normalized by the front (ideal 0, nadir 1): smallest max_j f_j, ties in the front's order. TuRBO
 *   centres its region on the best design found; with several objectives "best" needs a scalarization, and this is
 *   ParEGO's (Knowles, IEEE TEVC 10(1), 2006) and MOEA/D's (Zhang & Li, IEEE TEVC 11(6), 2007) with equal weights:
 *   the designs nearest the ideal in the middle of the front. The same designs seed the infill search. Why not the
 *   front spread over its order or MORBO's centres by hypervolume contribution: at 100-200 evaluations on DTLZ2 (12
 *   variables) the objective GPs see only the 2 position variables (the 10 distance variables' length scales sit at
 *   the upper bound), so the criterion cannot steer the distance g, and the proposals' g is that of the centres plus
 *   the box's random step. Twelve centres spread over a front that holds ~60 % of all designs are near-random designs,
 *   and the largest contributions on the front's own normalization belong to its extreme designs: both left g where
 *   the start put it. Centres nearest the ideal make the region a local search that keeps lowering g. Four, not
 *   TuRBO's one: with 1 or 2 centres DTLZ2 gained as much but ZDT1 at 100 lost (2 objectives whose front runs along
 *   the variable the GPs see best, so its boxes are narrow there and one or two cover little of the front);
 *   docs/performance.md has the trace and the measurements.
 * - Boxes: one per centre, each clipped to the bounds; the region is their union. The search's random designs are
 *   drawn in a random centre's box, and every child is projected onto the box of its nearest centre (in the
 *   box-scaled L∞ distance).
 * - Only real variables are restricted. Integers and choices move as before (the operators' integer rounding and
 *   choice moves over their whole range): a box edge on a few integer values or on an unordered choice has no
 *   meaning the GP's one-hot encoding would support.
 * - The region is used once a feasible design is known; before, the search is global (finding the feasible region is
 *   a global task). The first batch after the start only initializes the state.
 * - When (options.trustRegion 'auto', the default): on for a problem without constraints, off for one with
 *   constraints. In the 5-seed benchmark medians (docs/performance.md) the region won DTLZ2 (3 objectives) from 200
 *   evaluations and was level with or ahead of the search without it on ZDT1, and it lost the constrained C2-DTLZ2 at
 *   100 and the flagship node study at 200: there the boxes around the first feasible designs keep the search in that
 *   part of the feasible set, while finding the other parts is a global task. The rule is fixed per problem at the
 *   start, so a run and its resume agree.
 * - Start with the region: the space-filling start is cut to d + 1 designs for d variables (the fewest that fix a
 *   linear trend in every variable; never more than the start without the region, min(11 d − 1, ⌊budget / 3⌋)): the
 *   region then does the exploring, and each design saved from the start is one proposal more. Jones, Schonlau & Welch
 *   (J. Global Optim. 13, 1998) advise about 10 d start designs; Bossek, Doerr & Kerschke (GECCO 2020, "Initial design
 *   strategies and their effects on sequential model-based optimization") found small initial designs preferable
 *   overall. Without the region the start is unchanged: with constraints it is the global search for the feasible
 *   regions (C2-DTLZ2 lost with a start of d + 1).
 * - Initial edge: L₀ = `lengthSmall` = 0.2 when the budget reaches `travelBudget` = 5 evaluations per real variable,
 *   else TuRBO's 0.8. The boxes are centred on the front designs, so a small box moves by about half its edge per
 *   batch and needs batches to travel to an optimum far from the start (ZDT1's lies on the bounds); with fewer
 *   evaluations per variable the wide box is kept. Measured on DTLZ2 (12 variables, 8.3 evaluations per variable at
 *   100) and ZDT1 (30 variables: 3.3 at 100, 6.7 at 200), docs/performance.md. A restart (below L_min) returns to
 *   0.8: the region had closed in, and the next search starts wide.
 * The update is deterministic (no random draw); the state (L, the two counts, the restarts and how many evaluations
 * were seen) is part of the algorithm's snapshot.
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
