/**
 * The SMS-EGO infill criterion (Ponweiser, Wagner, Biermann & Vincze, "Multiobjective optimization on a limited
 * budget of evaluations using model-assisted S-metric selection", PPSN X, LNCS 5199, 2008), on objectives normalized
 * by the current front (ideal 0, nadir 1) with the reference point 1.1 per objective (as the run's hypervolume):
 * - lower confidence bound ŷ = μ − α s per objective, with (1 − 2 Φ(−α))^m = ½ (α ≈ 1.05 for 2 objectives, 1.26
 *   for 3): the box μ ± α s holds the true vector with probability ½ under independent Gaussian predictions;
 * - a ŷ that some front point a ε-dominates (a_j ≤ ŷ_j + ε_j for every j) scores the penalty
 *   −max_a [−1 + Π_j (1 + max(0, ŷ_j − a_j))] ≤ 0, ε_j = span_j / (|front| + c · evaluations left), c = 1 − 2^−m;
 * - any other ŷ scores its exclusive hypervolume contribution to the front (≥ 0).
 * Constraints (not in Ponweiser et al.): a positive score is multiplied by PoF = Π_i Φ(−μ_i / s_i), a penalty
 * lowered by 1 − PoF; before any feasible design is known the criterion is log PoF alone (Schonlau, Welch & Jones
 * 1998). Reasons for each term: docs/algorithms.md §"SMS-EGO infill criterion".
 */
import { normalCdf } from '../parego/infill.js';
import { hypervolume } from '../../src/optimize/indicators/hypervolume.js';

export const REFERENCE = 1.1;

/** α with (1 − 2 Φ(−α))^m = ½, by bisection on Φ (monotone). */
export function lcbGain(m: number): number {
  const target = (1 - 0.5 ** (1 / m)) / 2;
  let lo = 0;
  let hi = 10;
  for (let it = 0; it < 100; it++) {
    const mid = 0.5 * (lo + hi);
    if (normalCdf(-mid) > target) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/**
 * log Φ(z) without underflow: for z < 0, Φ(z) = ½ erfc(−z/√2) with the Chebyshev fit of erfc of Press et al.,
 * Numerical Recipes in C, 2nd ed., 1992, §6.2 (`erfcc`, fractional error < 1.2e-7 everywhere), taken in logs.
 */
export function logNormalCdf(z: number): number {
  // above 9, ½ erfc(z/√2) < 1e-19 is below half an ulp of 1, so log Φ(z) is exactly log 1 = 0 (no exp and log needed)
  if (z > 9) return 0;
  if (z >= 0) return Math.log(normalCdf(z));
  const x = -z / Math.SQRT2;
  const t = 1 / (1 + 0.5 * x);
  const poly =
    -1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t *
                  (-0.18628806 +
                    t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  return Math.log(0.5) + Math.log(t) - x * x + poly;
}

export interface CriterionContext {
  /** Current front, normalized (ideal 0, nadir 1), each of length m. */
  readonly front: readonly Float64Array[];
  readonly m: number;
  readonly gain: number;
  readonly epsilon: Float64Array;
}

/** ε_j = span_j / (|front| + (1 − 2^−m) · left) on the normalized front (span 1 unless the front is one point). */
export function additiveEpsilon(front: readonly Float64Array[], m: number, left: number): Float64Array {
  const eps = new Float64Array(m);
  const c = 1 - 2 ** -m;
  for (let j = 0; j < m; j++) {
    let lo = Infinity;
    let hi = -Infinity;
    for (const a of front) [lo, hi] = [Math.min(lo, a[j]!), Math.max(hi, a[j]!)];
    const span = hi > lo ? hi - lo : 1;
    eps[j] = span / (front.length + c * Math.max(0, left));
  }
  return eps;
}

/**
 * The hypervolume p adds to `front` against reference r (all m objectives minimized): vol([p, r)) − HV({max(a, p) :
 * a ∈ front}), the exclusive contribution (0 when p is dominated or not strictly inside the box).
 */
export function hypervolumeContribution(
  p: ArrayLike<number>,
  front: readonly ArrayLike<number>[],
  r: ArrayLike<number>,
  m: number,
): number {
  let box = 1;
  for (let j = 0; j < m; j++) box *= Math.max(0, r[j]! - p[j]!);
  if (!(box > 0)) return 0;
  // the front raised to p: row-major, one row per member (those not strictly inside the box count nothing)
  const clipped = new Float64Array(front.length * m);
  front.forEach((a, i) => {
    for (let j = 0; j < m; j++) clipped[i * m + j] = Math.max(a[j]!, p[j]!);
  });
  return Math.max(
    0,
    box -
      hypervolume(
        clipped,
        Float64Array.from({ length: m }, (_, j) => r[j]!),
      ),
  );
}

/** SMS-EGO value (to maximize) of a normalized lower confidence bound ŷ, before constraints. */
export function smsValue(lcb: Float64Array, ctx: CriterionContext): number {
  const { front, m, epsilon } = ctx;
  let penalty = -Infinity;
  for (const a of front) {
    let dominated = true;
    for (let j = 0; j < m && dominated; j++) if (a[j]! > lcb[j]! + epsilon[j]!) dominated = false;
    if (!dominated) continue;
    let prod = 1;
    for (let j = 0; j < m; j++) prod *= 1 + Math.max(0, lcb[j]! - a[j]!);
    penalty = Math.max(penalty, prod - 1);
  }
  if (penalty > -Infinity) return -penalty;
  const r = new Float64Array(m).fill(REFERENCE);
  return hypervolumeContribution(lcb, front, r, m);
}

/** The criterion with constraints: see the header. `logPof` is Σ_i log Φ(−μ_i / s_i) (0 without constraints). */
export function constrainedValue(value: number, logPof: number, feasibleFrontKnown: boolean): number {
  if (!feasibleFrontKnown) return logPof;
  const pof = Math.exp(logPof);
  return value > 0 ? value * pof : value - (1 - pof);
}
