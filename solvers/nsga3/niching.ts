/**
 * NSGA-III association (Deb & Jain 2014, Algorithm 3), as pymoo's `associate_to_niches`: objectives
 * are normalized by (f - ideal) / (nadir - ideal) (a zero range becomes 1e-12); each point joins the
 * reference direction with the smallest perpendicular distance. The niching that fills the last front
 * (Algorithm 4) is in ./nichePreservation.ts.
 */
import { DirectionLattice } from './directionLattice.js';

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
 * With fewer directions than this (or fewer than ASSOCIATE_INDEX_MIN_WORK points x directions) the brute force is used.
 */
const ASSOCIATE_INDEX_MIN_DIRECTIONS = 64;
const ASSOCIATE_INDEX_MIN_WORK = 1 << 16;
/** Lattice searches tried before a call whose searches mostly run over budget stops trying. */
const LATTICE_TRIAL = 64;

/**
 * F: n x m flat; UT: unit directions transposed (see unitDirectionsTransposed), H directions.
 * Each point v = (f - ideal) / (nadir - ideal) joins the direction u_h with the smallest
 * perpendicular distance, computed as s_h = ||v||^2 - (v.u_h)^2 (||N - (N.u) u||^2 for a unit u),
 * the first (lowest h) on a tie; its distance is sqrt(max(s_h, 0)).
 *
 * Large N x H with Das–Dennis directions (NSGA-III's): the directions near each point are enumerated on the
 * lattice (`DirectionLattice`, ./directionLattice.ts), with the same result as the brute force
 * (`associateToNichesBrute`) bit for bit. Points with a negative or non-finite coordinate, points whose ||v||^2
 * leaves [1e-280, 1e280] (where subnormal or overflowing squares would void the rounding margins), points whose
 * search runs over its budget, and other direction sets use the brute force.
 */
export function associateToNiches(
  F: Float64Array,
  n: number,
  m: number,
  UT: Float64Array,
  H: number,
  ideal: Float64Array,
  nadir: Float64Array,
): Association {
  const lattice =
    H >= ASSOCIATE_INDEX_MIN_DIRECTIONS && n * H >= ASSOCIATE_INDEX_MIN_WORK ? DirectionLattice.of(UT, H, m) : null;
  if (lattice === null) return associateToNichesBrute(F, n, m, UT, H, ideal, nadir);
  const niche = new Int32Array(n);
  const distance = new Float64Array(n);
  associateRange(F, 0, n, m, UT, H, ideal, nadir, lattice, latticeTrial(m), niche, distance);
  return { niche, distance };
}

/**
 * The state through one association: lattice searches so far and how many ran over budget; working space
 * (dots: H values, allocated on the first brute force only).
 */
interface LatticeTrial {
  searched: number;
  overBudget: number;
  readonly v: Float64Array;
  dots: Float64Array | null;
}

function latticeTrial(m: number): LatticeTrial {
  return { searched: 0, overBudget: 0, v: new Float64Array(m), dots: null };
}

/** Rows from .. to - 1 of `associateToNiches` into niche and distance (indexed by row). */
function associateRange(
  F: Float64Array,
  from: number,
  to: number,
  m: number,
  UT: Float64Array,
  H: number,
  ideal: Float64Array,
  nadir: Float64Array,
  lattice: DirectionLattice,
  trial: LatticeTrial,
  niche: Int32Array,
  distance: Float64Array,
): void {
  const denom = normalizationDenominators(ideal, nadir, m);
  const v = trial.v;
  for (let i = from; i < to; i++) {
    let nn = 0;
    let ok = true;
    for (let k = 0; k < m; k++) {
      const x = (F[i * m + k]! - ideal[k]!) / denom[k]!;
      v[k] = x;
      nn += x * x;
      if (!(x >= 0 && x < Infinity)) ok = false;
    }
    // a lattice too coarse for m sends most searches over budget: after LATTICE_TRIAL of them, the rest go straight to
    // the brute force
    if (ok && nn > 1e-280 && nn < 1e280 && (trial.searched < LATTICE_TRIAL || 2 * trial.overBudget < trial.searched)) {
      trial.searched++;
      if (lattice.nearest(v, nn)) {
        niche[i] = lattice.bestH;
        distance[i] = Math.sqrt(lattice.bestS > 0 ? lattice.bestS : 0);
        continue;
      }
      trial.overBudget++;
    }
    trial.dots ??= new Float64Array(H);
    const best = bruteNearest(v, nn, m, UT, H, trial.dots);
    niche[i] = best.h;
    distance[i] = Math.sqrt(best.s > 0 ? best.s : 0);
  }
}

function normalizationDenominators(ideal: Float64Array, nadir: Float64Array, m: number): Float64Array {
  const denom = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const d = nadir[k]! - ideal[k]!;
    denom[k] = d === 0 ? 1e-12 : d;
  }
  return denom;
}

/** The brute force for one point v (||v||^2 = nn): the first h with the smallest s_h, O(H m). */
function bruteNearest(
  v: Float64Array,
  nn: number,
  m: number,
  UT: Float64Array,
  H: number,
  dots: Float64Array,
): { h: number; s: number } {
  dots.fill(0);
  for (let k = 0; k < m; k++) {
    const x = v[k]!;
    const base = k * H;
    for (let h = 0; h < H; h++) dots[h] = dots[h]! + x * UT[base + h]!;
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
  return { h: arg, s: best };
}

/** The O(N H m) brute force: every point against every direction (see `associateToNiches`). */
export function associateToNichesBrute(
  F: Float64Array,
  n: number,
  m: number,
  UT: Float64Array,
  H: number,
  ideal: Float64Array,
  nadir: Float64Array,
): Association {
  const denom = normalizationDenominators(ideal, nadir, m);
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
  const v = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    let nn = 0;
    for (let k = 0; k < m; k++) {
      v[k] = (F[i * m + k]! - ideal[k]!) / denom[k]!;
      nn += v[k]! * v[k]!;
    }
    const best = bruteNearest(v, nn, m, UT, H, dots);
    niche[i] = best.h;
    distance[i] = Math.sqrt(best.s > 0 ? best.s : 0);
  }
  return { niche, distance };
}
