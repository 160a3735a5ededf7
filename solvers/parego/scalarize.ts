/**
 * ParEGO's scalarization (Knowles, IEEE TEVC 10(1), 2006, eq. 2): objectives normalized to [0, 1] by the ranges seen
 * so far, then the augmented Tchebycheff function
 *   f_λ(x) = max_j (λ_j f̂_j(x)) + ρ Σ_j λ_j f̂_j(x),   ρ = 0.05,
 * with a weight vector λ drawn per proposal. Knowles draws λ from a simplex lattice; here λ is uniform on the simplex
 * (normalized exponential deviates, i.e. Dirichlet(1, …, 1)), which covers every direction for any objective count.
 * Constraints by a penalty (an approximation to a probability of feasibility): an infeasible design scores the worst
 * feasible score plus its violation Σ max(0, g_i) / s_i, each constraint scaled by the largest |g_i| seen (s_i),
 * so every infeasible design ranks behind every feasible one and less violation ranks first; a failed evaluation
 * scores the worst score seen plus 1 (it teaches the model to avoid its region without an objective value).
 */
import type { Rng } from '../../src/base/rng.js';
import type { Individual } from '../../src/optimize/algorithm.js';

export const RHO = 0.05;

/** Weights uniform on the unit simplex. */
export function randomWeights(m: number, rng: Rng): Float64Array {
  const w = new Float64Array(m);
  let s = 0;
  for (let j = 0; j < m; j++) {
    w[j] = -Math.log(1 - rng.next());
    s += w[j]!;
  }
  for (let j = 0; j < m; j++) w[j] = w[j]! / s;
  return w;
}

export function augmentedTchebycheff(fNormalized: ArrayLike<number>, weights: Float64Array): number {
  let max = -Infinity;
  let sum = 0;
  for (let j = 0; j < weights.length; j++) {
    const t = weights[j]! * fNormalized[j]!;
    if (t > max) max = t;
    sum += t;
  }
  return max + RHO * sum;
}

/** Scores of the designs (see the header): one target per design for the GP. */
export function scalarizedTargets(designs: readonly Individual[], m: number, weights: Float64Array): Float64Array {
  const lo = new Float64Array(m).fill(Infinity);
  const hi = new Float64Array(m).fill(-Infinity);
  let k = 0;
  for (const d of designs) {
    if (d.f.length !== m) continue;
    k = Math.max(k, d.g.length);
    for (let j = 0; j < m; j++) {
      lo[j] = Math.min(lo[j]!, d.f[j]!);
      hi[j] = Math.max(hi[j]!, d.f[j]!);
    }
  }
  const scale = new Float64Array(k);
  for (const d of designs)
    for (let i = 0; i < d.g.length; i++)
      if (Number.isFinite(d.g[i]!)) scale[i] = Math.max(scale[i]!, Math.abs(d.g[i]!));
  const fn = new Float64Array(m);
  const raw = designs.map((d) => {
    if (d.f.length !== m) return NaN;
    for (let j = 0; j < m; j++) fn[j] = hi[j]! > lo[j]! ? (d.f[j]! - lo[j]!) / (hi[j]! - lo[j]!) : 0;
    return augmentedTchebycheff(fn, weights);
  });
  let worstFeasible = -Infinity;
  let worst = -Infinity;
  designs.forEach((d, i) => {
    if (d.cv === 0) worstFeasible = Math.max(worstFeasible, raw[i]!);
  });
  if (!Number.isFinite(worstFeasible)) worstFeasible = 1 + RHO;
  const y = new Float64Array(designs.length);
  designs.forEach((d, i) => {
    if (d.f.length !== m) return;
    if (d.cv === 0) y[i] = raw[i]!;
    else {
      let v = 0;
      for (let c = 0; c < d.g.length; c++) if (d.g[c]! > 0) v += scale[c]! > 0 ? d.g[c]! / scale[c]! : 1;
      y[i] = worstFeasible + (Number.isFinite(v) ? v : 1);
    }
    worst = Math.max(worst, y[i]!);
  });
  designs.forEach((d, i) => {
    if (d.f.length !== m) y[i] = (Number.isFinite(worst) ? worst : 1 + RHO) + 1;
  });
  return y;
}
