/**
 * The reduced torus LP (torusLp.ts) solved in closed form: the same optimum as an LP solver, without one.
 *
 * LP (torusLp.ts header), with a_e = count_e/(N−1), b_x = X_0/(N−1), b_y = Y_0/(N−1), U_c = 2·capCross/cap,
 * U_i = 2·capIn/cap:  max μ  s.t.  0 ≤ w_e ≤ a_e·μ,  b_x·μ + Σ dCross_e·w_e ≤ U_c,  b_y·μ − Σ dIn_e·w_e ≤ U_i.
 * Writing w_e = μ·t_e (t_e ∈ [0, a_e]): μ = min(U_c/x(t), U_i/y(t)) with x(t) = b_x + Σ dCross_e·t_e and
 * y(t) = b_y − Σ dIn_e·t_e, so the LP is the best point of the set of (x, y) the steps reach. Its lower-left edge is
 * the greedy chain: the steps in decreasing order of dIn/dCross (in-plane hops saved per cross-plane hop added;
 * the steps are distinct primitive directions, so no two ratios tie), each used in full before the next. Along the
 * chain x/U_c rises and y/U_i falls; the optimum is where they meet (both hop classes saturated), or the chain's
 * start when cross-plane hops already bind there (no step used), or its end when in-plane hops still bind. That
 * point is the LP's only optimum: a point that saves as many in-plane hops with no more cross-plane hops must take
 * the same steps (fractional knapsack with distinct ratios; Dantzig, Oper. Res. 5(2), 266–288, 1957).
 *
 * An LP solver returns the same vertex to within its tolerances (HiGHS primal feasibility 1e-7): the two agree to
 * ~1e-7 of μ, not to the last bit (test/constellation/network/torusLpClosedForm.test.ts checks both solvers).
 * Validity: U_c > 0, U_i > 0 and b_x > 0 (both link classes on and some destination across planes); otherwise
 * `closedFormTorusLp` returns null and the LP solver is used.
 */
import type { HullStep } from './torusPathTypes.js';

export interface ClosedFormTorusLp {
  /** μ: per-node throughput over cap. */
  readonly mu: number;
  /** Row activities at the optimum: b_x·μ + Σ dCross·w (cross-plane) and b_y·μ − Σ dIn·w (in-plane). */
  readonly crossActivity: number;
  readonly inActivity: number;
  /** Per step (order of `steps`): w_e / (a_e·μ), in [0, 1]. */
  readonly stepUse: Float64Array;
}

export interface ClosedFormTorusLpParams {
  readonly steps: readonly HullStep[];
  readonly baseCrossHops: number;
  readonly baseInHops: number;
  /** N − 1: destinations of one source. */
  readonly destinations: number;
  /** Row bounds U_c = 2·capCross/cap and U_i = 2·capIn/cap. */
  readonly crossBound: number;
  readonly inBound: number;
}

/**
 * Step orders kept per steps array: the hull's steps are memoised per shape (torusPathTypes.ts), so every instant of a
 * shell and every design of its shape reads one sort.
 */
const ORDERS = new WeakMap<readonly HullStep[], readonly number[]>();

/** Indices of `steps` in decreasing order of dIn/dCross (the greedy chain, header). */
function greedyOrder(steps: readonly HullStep[]): readonly number[] {
  let order = ORDERS.get(steps);
  if (order === undefined) {
    order = Array.from(steps.keys()).sort(
      (i, j) => steps[j]!.dIn * steps[i]!.dCross - steps[i]!.dIn * steps[j]!.dCross,
    );
    ORDERS.set(steps, order);
  }
  return order;
}

/** The LP's optimum (header), or null outside the closed form's validity. */
export function closedFormTorusLp(p: Readonly<ClosedFormTorusLpParams>): ClosedFormTorusLp | null {
  const Uc = p.crossBound,
    Ui = p.inBound,
    m = p.destinations;
  let x = p.baseCrossHops / m,
    y = p.baseInHops / m;
  if (!(Uc > 0 && Ui > 0 && x > 0 && m > 0)) return null;
  const steps = p.steps;
  const order = greedyOrder(steps);
  const stepUse = new Float64Array(steps.length);
  for (const e of order) {
    if (x / Uc >= y / Ui) break; // cross-plane hops bind: a further step only adds to them
    const s = steps[e]!,
      a = s.count / m;
    const nx = x + s.dCross * a,
      ny = y - s.dIn * a;
    if (nx / Uc < ny / Ui) {
      stepUse[e] = 1;
      x = nx;
      y = ny;
      continue;
    }
    // The two classes meet inside this step: (x + dCross·τ)/U_c = (y − dIn·τ)/U_i.
    const tau = Math.min(a, Math.max(0, (y / Ui - x / Uc) / (s.dCross / Uc + s.dIn / Ui)));
    stepUse[e] = tau / a;
    x += s.dCross * tau;
    y -= s.dIn * tau;
    break;
  }
  const mu = Math.min(Uc / x, y > 0 ? Ui / y : Infinity);
  return { mu, crossActivity: mu * x, inActivity: mu * y, stepUse };
}
