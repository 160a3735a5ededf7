/**
 * NSGA-III association and niching (Deb & Jain 2014, Algorithms 3 and 4), as pymoo's
 * `associate_to_niches` and `niching`: objectives are normalized by (f - ideal) / (nadir - ideal)
 * (a zero range becomes 1e-12); each point joins the reference direction with the smallest
 * perpendicular distance; the last front is filled niche by niche, always from the niches with the
 * fewest members so far (random order among them); an empty niche takes its closest point, a
 * non-empty one a random point.
 */
import type { Rng } from '../../src/core/rng.js';
import { randomPermutation } from '../operators/selection.js';

export interface Association {
  readonly niche: Int32Array;
  readonly distance: Float64Array;
}

/** Unit reference directions, transposed: UT[k * H + h] = dirs[h][k] / ||dirs[h]||. */
export function unitDirectionsTransposed(dirs: Float64Array, H: number, m: number): Float64Array {
  const UT = new Float64Array(H * m);
  for (let h = 0; h < H; h++) {
    let s = 0;
    for (let k = 0; k < m; k++) s += dirs[h * m + k]! * dirs[h * m + k]!;
    const norm = Math.sqrt(s);
    for (let k = 0; k < m; k++) UT[k * H + h] = dirs[h * m + k]! / norm;
  }
  return UT;
}

/**
 * F: n x m flat; UT: unit directions transposed (see unitDirectionsTransposed), H directions.
 * The perpendicular distance uses ||N - (N.u) u||^2 = ||N||^2 - (N.u)^2 for a unit u.
 */
export function associateToNiches(F: Float64Array, n: number, m: number, UT: Float64Array, H: number, ideal: Float64Array, nadir: Float64Array): Association {
  const denom = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const d = nadir[k]! - ideal[k]!;
    denom[k] = d === 0 ? 1e-12 : d;
  }
  const niche = new Int32Array(n);
  const distance = new Float64Array(n);
  if (m === 3) {
    // unrolled common case
    const i0 = ideal[0]!;
    const i1 = ideal[1]!;
    const i2 = ideal[2]!;
    const d0 = denom[0]!;
    const d1 = denom[1]!;
    const d2 = denom[2]!;
    for (let i = 0; i < n; i++) {
      const v0 = (F[3 * i]! - i0) / d0;
      const v1 = (F[3 * i + 1]! - i1) / d1;
      const v2 = (F[3 * i + 2]! - i2) / d2;
      const nn = v0 * v0 + v1 * v1 + v2 * v2;
      let best = Infinity;
      let arg = 0;
      for (let h = 0; h < H; h++) {
        const d = v0 * UT[h]! + v1 * UT[H + h]! + v2 * UT[2 * H + h]!;
        const s = nn - d * d;
        if (s < best) {
          best = s;
          arg = h;
        }
      }
      niche[i] = arg;
      distance[i] = Math.sqrt(best > 0 ? best : 0);
    }
    return { niche, distance };
  }
  const dots = new Float64Array(H);
  for (let i = 0; i < n; i++) {
    let nn = 0;
    dots.fill(0);
    for (let k = 0; k < m; k++) {
      const v = (F[i * m + k]! - ideal[k]!) / denom[k]!;
      nn += v * v;
      const base = k * H;
      for (let h = 0; h < H; h++) dots[h] = dots[h]! + v * UT[base + h]!;
    }
    let best = Infinity;
    let arg = 0;
    for (let h = 0; h < H; h++) {
      const d = dots[h]!;
      const s = nn - d * d;
      if (s < best) {
        best = s;
        arg = h;
      }
    }
    niche[i] = arg;
    distance[i] = Math.sqrt(best > 0 ? best : 0);
  }
  return { niche, distance };
}

/**
 * Chooses `nRemaining` members of the last front. `nicheCount` (length H) holds the members of the
 * already selected fronts per niche and is updated. Returns indices into the last front.
 */
export function niching(nRemaining: number, nicheCount: Int32Array, nicheOf: Int32Array, distOf: Float64Array, rng: Rng): number[] {
  const n = nicheOf.length;
  const H = nicheCount.length;
  // members of each niche (CSR, ascending index), and how many are still unselected
  const start = new Int32Array(H + 1);
  for (let i = 0; i < n; i++) start[nicheOf[i]! + 1]!++;
  for (let h = 0; h < H; h++) start[h + 1] = start[h + 1]! + start[h]!;
  const fill = start.slice(0, H);
  const members = new Int32Array(n);
  for (let i = 0; i < n; i++) members[fill[nicheOf[i]!]!++] = i;
  const left = new Int32Array(H);
  for (let h = 0; h < H; h++) left[h] = start[h + 1]! - start[h]!;
  const mask = new Uint8Array(n).fill(1);
  const survivors: number[] = [];
  const candidates: number[] = [];
  const pool: number[] = [];
  while (survivors.length < nRemaining) {
    const nSelect = nRemaining - survivors.length;
    let minCount = Infinity;
    for (let h = 0; h < H; h++) if (left[h]! > 0 && nicheCount[h]! < minCount) minCount = nicheCount[h]!;
    candidates.length = 0;
    for (let h = 0; h < H; h++) if (left[h]! > 0 && nicheCount[h] === minCount) candidates.push(h);
    const perm = randomPermutation(candidates.length, rng);
    const count = Math.min(nSelect, candidates.length);
    for (let t = 0; t < count; t++) {
      const h = candidates[perm[t]!]!;
      pool.length = 0;
      for (let q = start[h]!; q < start[h + 1]!; q++) if (mask[members[q]!]) pool.push(members[q]!);
      // shuffle (random tie-break), then the closest for an empty niche, the first otherwise
      const sh = randomPermutation(pool.length, rng);
      let chosen = pool[sh[0]!]!;
      if (nicheCount[h] === 0) {
        let best = Infinity;
        for (let s = 0; s < pool.length; s++) {
          const i = pool[sh[s]!]!;
          if (distOf[i]! < best) {
            best = distOf[i]!;
            chosen = i;
          }
        }
      }
      mask[chosen] = 0;
      left[h] = left[h]! - 1;
      survivors.push(chosen);
      nicheCount[h] = nicheCount[h]! + 1;
    }
  }
  return survivors;
}
