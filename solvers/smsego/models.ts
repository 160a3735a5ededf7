/**
 * The surrogate of SMS-EGO: one Gaussian process per objective and one per constraint (solvers/gp: Matérn 5/2, maximum
 * likelihood), on the designs' categorical encoding (encoding.ts). Each GP is conditioned on at most 150 designs (the
 * 100 closest to the current front and 50 spread over the rest) and its hyperparameters fitted on at most 100 (50 +
 * 50; ParEGO fits on 40, which measured coarser on C2-DTLZ2), warm-started from the previous fit's optimum (the
 * first fit from 3 starts) at every REFIT_EVERY-th batch and reused in between: a GP costs O(n³), and this bounds a
 * proposal's cost at any budget. Closeness to the front:
 * the additive ε-indicator distance max_j (f_j − a_j) to the
 * nearest front member on normalized objectives (≤ 0 on the front); infeasible designs rank after every feasible one
 * by their violation. Failed evaluations and non-finite objective values are left out of every model.
 */
import type { Rng } from '../../src/base/rng.js';
import type { Individual } from '../../src/optimize/algorithm.js';
import { GaussianProcess, type GpHyperparameters } from '../gp/gp.js';
import { fitHyperparameters } from '../gp/hyperparameters.js';
import { modelSubset } from '../parego/parego.js';
import { logNormalCdf } from './criterion.js';

export const MODEL_SIZE = {
  condition: 150,
  conditionBest: 100,
  fit: 100,
  fitBest: 50,
} as const;
/** Ascent iterations of a refit warm-started from the previous hyperparameters. */
const REFIT_ITERATIONS = 20;
/**
 * Hyperparameters are refitted at every REFIT_EVERY-th batch (the first, the (1 + REFIT_EVERY)-th, …) and reused in
 * between, where each GP is only conditioned on the new data (one Cholesky factorization instead of a fit's ~40).
 * Kriging practice: the maximum-likelihood length scales move little when a few points join a hundred, while the fit
 * was ~70 % of a proposal's CPU on the constellation study's size (docs/performance.md).
 */
export const REFIT_EVERY = 3;

/** Whether batch `generation` (1 for the first after the start) refits the hyperparameters. */
export function refitsAt(generation: number): boolean {
  return (generation - 1) % REFIT_EVERY === 0;
}

/** Training rows (encoded, row-major) for the fit and for the conditioning. */
export interface TrainingSets {
  readonly fit: number[];
  readonly condition: number[];
}

/** Ranking key per design (lower: closer to the front), see the header. `front`/`ideal`/`span` normalize. */
export function frontDistanceKey(
  designs: readonly Individual[],
  front: readonly Float64Array[],
  ideal: Float64Array,
  span: Float64Array,
): Float64Array {
  const m = ideal.length;
  let worstCv = 0;
  for (const d of designs) if (Number.isFinite(d.cv)) worstCv = Math.max(worstCv, d.cv);
  return Float64Array.from(designs, (d) => {
    if (d.cv > 0) return 1e6 + (Number.isFinite(d.cv) && worstCv > 0 ? d.cv / worstCv : 1);
    let best = Infinity;
    for (const a of front) {
      let worst = -Infinity;
      for (let j = 0; j < m; j++) worst = Math.max(worst, (d.f[j]! - ideal[j]!) / span[j]! - a[j]!);
      best = Math.min(best, worst);
    }
    return Number.isFinite(best) ? best : 0;
  });
}

export function trainingSets(key: Float64Array): TrainingSets {
  return {
    fit: modelSubset(key, MODEL_SIZE.fit, MODEL_SIZE.fitBest),
    condition: modelSubset(key, MODEL_SIZE.condition, MODEL_SIZE.conditionBest),
  };
}

/** Rows `idx` of the row-major matrix X (d columns). */
export function rows(X: Float64Array, d: number, idx: readonly number[]): Float64Array {
  const out = new Float64Array(idx.length * d);
  idx.forEach((i, k) => out.set(X.subarray(i * d, (i + 1) * d), k * d));
  return out;
}

/**
 * One output's GP: hyperparameters fitted on `sets.fit` (warm-started from `previous`; `previous` itself when `refit`
 * is false and it exists), conditioned on `sets.condition`.
 */
export function fitOutput(
  X: Float64Array,
  y: Float64Array,
  d: number,
  sets: TrainingSets,
  rng: Rng,
  previous: GpHyperparameters | null,
  refit = true,
): { gp: GaussianProcess; hyper: GpHyperparameters } {
  const hyper =
    !refit && previous !== null
      ? previous
      : fitHyperparameters(
          rows(X, d, sets.fit),
          Float64Array.from(sets.fit, (i) => y[i]!),
          d,
          rng,
          previous === null ? { randomStarts: 2 } : { randomStarts: 0, previous, iterations: REFIT_ITERATIONS },
        );
  const yc = Float64Array.from(sets.condition, (i) => y[i]!);
  return { gp: new GaussianProcess(rows(X, d, sets.condition), yc, hyper), hyper };
}

/** Σ_i log Φ(−μ_i / s_i) of the constraint GPs at u (0 without constraints). */
export function logProbabilityOfFeasibility(models: readonly GaussianProcess[], u: Float64Array): number {
  const out = new Float64Array(1);
  logProbabilityOfFeasibilityMany(models, u, 1, out);
  return out[0]!;
}

/** logProbabilityOfFeasibility at `count` points (U row-major), into out[0 … count); the GPs predict in blocks. */
export function logProbabilityOfFeasibilityMany(
  models: readonly GaussianProcess[],
  U: Float64Array,
  count: number,
  out: Float64Array,
): void {
  out.fill(0, 0, count);
  const mean = new Float64Array(count);
  const variance = new Float64Array(count);
  for (const gp of models) {
    gp.predictMany(U, count, mean, variance);
    for (let p = 0; p < count; p++) {
      const mu = mean[p]!;
      const sd = Math.sqrt(variance[p]!);
      out[p] =
        out[p]! + (sd > 1e-12 * Math.max(1, Math.abs(mu)) ? logNormalCdf(-mu / sd) : mu <= 0 ? 0 : -1e3 * (1 + mu));
    }
  }
}
