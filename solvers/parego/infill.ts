/**
 * Infill criterion and its search. Expected improvement (Jones, Schonlau & Welch, J. Global Optim. 13, 1998, eq. 15)
 * of a minimized target below the best value y_min seen, from the GP's mean μ and standard deviation s:
 *   EI = (y_min − μ) Φ(z) + s φ(z),  z = (y_min − μ) / s   (EI = max(0, y_min − μ) when s = 0).
 * Maximized by the surrogates' evolutionary search on the designs themselves (solvers/surrogate/criterionSearch.ts:
 * 24 designs, the 12 best seen and 12 uniform random ones, 25 generations). Ties in EI (both underflowing far from
 * the data) go to the lower confidence bound μ − 2s. A design already evaluated or already in the batch is never
 * proposed. With constraints, EI is multiplied by the probability of feasibility ∏_i Φ(−μ_i / s_i) of one GP per
 * constraint (Schonlau, Welch & Jones 1998; Gardner et al., ICML 2014), passed as `feasibility`.
 */
import type { Rng } from '../../src/base/rng.js';
import type { VariableLayout } from '../operators/layout.js';
import type { DuplicateFilter } from '../operators/duplicates.js';
import { maximizeCriterion, type Scored } from '../surrogate/criterionSearch.js';
import { toUnit } from './encoding.js';
import type { GaussianProcess } from '../gp/gp.js';

/**
 * Standard normal cdf via erfc (W. J. Cody's rational approximations are not needed at EI's precision: A&S 7.1.26, |ε|
 * < 1.5e-7).
 */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erfc = poly * Math.exp(-x * x);
  return z >= 0 ? 1 - 0.5 * erfc : 0.5 * erfc;
}

export function normalPdf(z: number): number {
  return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
}

export function expectedImprovement(mean: number, sd: number, best: number): number {
  const gap = best - mean;
  if (!(sd > 0)) return Math.max(0, gap);
  const z = gap / sd;
  return gap * normalCdf(z) + sd * normalPdf(z);
}

/**
 * The design of highest EI under `gp` (targets' best value `best`), starting from `seeds` (good designs seen);
 * `taken` holds the designs evaluated or already proposed. Returns null when no new design could be found.
 */
export function maximizeExpectedImprovement(
  layout: VariableLayout,
  gp: GaussianProcess,
  best: number,
  seeds: readonly Float64Array[],
  taken: DuplicateFilter,
  rng: Rng,
  feasibility?: (u: Float64Array) => number,
): Float64Array | null {
  const u = new Float64Array(layout.n);
  const score = (x: Float64Array): Scored => {
    toUnit(layout, x, u);
    const p = gp.predict(u);
    const sd = Math.sqrt(p.variance);
    const pof = feasibility !== undefined ? feasibility(u) : 1;
    return { x, value: expectedImprovement(p.mean, sd, best) * pof, tie: p.mean - 2 * sd };
  };
  return maximizeCriterion(layout, (xs) => xs.map(score), seeds, taken, rng);
}
