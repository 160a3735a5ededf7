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
  const mask = new Uint8Array(n).fill(1);
  const survivors: number[] = [];
  const H = nicheCount.length;
  const present = new Uint8Array(H);
  while (survivors.length < nRemaining) {
    const nSelect = nRemaining - survivors.length;
    present.fill(0);
    for (let i = 0; i < n; i++) if (mask[i]) present[nicheOf[i]!] = 1;
    let minCount = Infinity;
    for (let h = 0; h < H; h++) if (present[h] && nicheCount[h]! < minCount) minCount = nicheCount[h]!;
    const candidates: number[] = [];
    for (let h = 0; h < H; h++) if (present[h] && nicheCount[h] === minCount) candidates.push(h);
    const perm = randomPermutation(candidates.length, rng);
    const count = Math.min(nSelect, candidates.length);
    for (let t = 0; t < count; t++) {
      const h = candidates[perm[t]!]!;
      const members: number[] = [];
      for (let i = 0; i < n; i++) if (mask[i] && nicheOf[i] === h) members.push(i);
      // shuffle (random tie-break), then closest for an empty niche, first otherwise
      const sh = randomPermutation(members.length, rng);
      let chosen = members[sh[0]!]!;
      if (nicheCount[h] === 0) {
        let best = Infinity;
        for (let s = 0; s < members.length; s++) {
          const i = members[sh[s]!]!;
          if (distOf[i]! < best) {
            best = distOf[i]!;
            chosen = i;
          }
        }
      }
      mask[chosen] = 0;
      survivors.push(chosen);
      nicheCount[h] = nicheCount[h]! + 1;
    }
  }
  return survivors;
}
