/**
 * Polynomial mutation (Deb & Goyal 1996) exactly as pymoo 0.6.2 `mut_pm`: each variable mutates
 * with probability `probVar` (pymoo default min(0.5, 1/n)); with delta1 = (x - xl)/(xu - xl),
 * delta2 = (xu - x)/(xu - xl) and one uniform draw r:
 *   r <= 0.5: deltaq = (2r + (1 - 2r)(1 - delta1)^(eta+1))^(1/(eta+1)) - 1
 *   r >  0.5: deltaq = 1 - (2(1 - r) + 2(r - 0.5)(1 - delta2)^(eta+1))^(1/(eta+1))
 * y = x + deltaq (xu - xl), clipped to the bounds. Whether an individual is mutated at all
 * (probability 0.9 in pymoo's `PM`) is decided by the caller. Int variables are mutated as reals
 * and rounded; choice variables get a random reset (a different option, uniformly) with the same
 * per-variable probability.
 */
import type { Rng } from '../../src/base/rng.js';
import { powInt, root } from './fastPow.js';
import { KIND_CHOICE, KIND_REAL, type VariableLayout } from './layout.js';

export interface MutationParams {
  /** Distribution index eta (pymoo default 20). */
  readonly eta: number;
  /** Per-variable mutation probability (pymoo default min(0.5, 1/n)). */
  readonly probVar: number;
}

/**
 * Mutates x in place. The mutated variables are drawn as a Bernoulli(probVar) sequence through
 * geometric gaps (one draw per mutated variable instead of one per variable; same distribution).
 */
export function polynomialMutation(layout: VariableLayout, x: Float64Array, params: MutationParams, rng: Rng): void {
  const n = layout.n;
  const p = params.probVar;
  if (!(p > 0)) return;
  const logQ = p >= 1 ? 0 : Math.log1p(-p);
  const etaPlus1 = params.eta + 1;
  const kinds = layout.kind;
  let i = p >= 1 ? 0 : Math.floor(Math.log(1 - rng.next()) / logQ);
  for (; i < n; i += p >= 1 ? 1 : 1 + Math.floor(Math.log(1 - rng.next()) / logQ)) {
    const xl = layout.lower[i]!;
    const xu = layout.upper[i]!;
    if (xl === xu) continue;
    const kind = kinds[i]!;
    if (kind === KIND_CHOICE) {
      const count = xu - xl + 1;
      const r = rng.int(count - 1);
      const cur = x[i]!;
      x[i] = r >= cur ? r + 1 : r;
      continue;
    }
    const v = x[i]!;
    const range = xu - xl;
    const rand = rng.next();
    let deltaq: number;
    if (rand <= 0.5) {
      const xy = 1 - (v - xl) / range;
      const val = 2 * rand + (1 - 2 * rand) * powInt(xy, etaPlus1);
      deltaq = root(val, etaPlus1) - 1;
    } else {
      const xy = 1 - (xu - v) / range;
      const val = 2 * (1 - rand) + 2 * (rand - 0.5) * powInt(xy, etaPlus1);
      deltaq = 1 - root(val, etaPlus1);
    }
    let y = v + deltaq * range;
    if (kind !== KIND_REAL) y = Math.round(y) + 0; // + 0 turns -0 into 0
    x[i] = y < xl ? xl : y > xu ? xu : y;
  }
}

/** pymoo's default per-variable mutation probability: min(0.5, 1/n). */
export function defaultMutationProbability(n: number): number {
  return Math.min(0.5, 1 / n);
}
