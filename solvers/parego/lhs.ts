/**
 * Latin hypercube sample (McKay, Beckman & Conover, Technometrics 21(2), 1979): each of the d coordinates is cut into
 * n equal strata, every stratum is used once per coordinate (an independent random permutation per coordinate) and
 * the point is placed uniformly inside its stratum. Of `candidates` such samples the one with the largest minimum
 * pairwise distance is kept (the maximin criterion of Morris & Mitchell, J. Stat. Plann. Inference 43, 1995), which
 * avoids the near-coincident points a plain LHS can hold. Draws come from the seeded Rng only.
 */
import type { Rng } from '../../src/base/rng.js';
import { randomPermutation } from '../operators/selection.js';

/** n points in [0, 1)^d, row-major. */
export function latinHypercube(n: number, d: number, rng: Rng, candidates = 5): Float64Array {
  let best = new Float64Array(0);
  let bestDistance = -1;
  for (let c = 0; c < candidates; c++) {
    const U = new Float64Array(n * d);
    for (let j = 0; j < d; j++) {
      const perm = randomPermutation(n, rng);
      for (let i = 0; i < n; i++) U[i * d + j] = (perm[i]! + rng.next()) / n;
    }
    const dist = minimumDistance2(U, n, d);
    if (dist > bestDistance) {
      best = U;
      bestDistance = dist;
    }
  }
  return best;
}

function minimumDistance2(U: Float64Array, n: number, d: number): number {
  let min = Infinity;
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < a; b++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += (U[a * d + j]! - U[b * d + j]!) ** 2;
      if (s < min) min = s;
    }
  }
  return n < 2 ? Infinity : min;
}
