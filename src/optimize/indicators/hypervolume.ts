/**
 * Exact hypervolume (Lebesgue measure of the region dominated by a point set and bounded by a
 * reference point), all objectives minimized. Pure functions of (points, reference point).
 * - 2-D: sort by f1 and sweep, O(n log n); 3-D: HV3D sweep along f3 (Fonseca, Paquete, López-Ibáñez 2006;
 *   Beume et al. 2009) (./hypervolumeLowDim.ts).
 * - 4+-D (./hypervolumeSweep.ts): dimension sweep with exclusive contributions (HV4D, Guerreiro, Fonseca,
 *   Emmerich, CCCG 2012, carried to any m; limit sets as in WFG, While, Bradstreet, Barone, IEEE TEVC 16(1), 2012):
 *   volume = Σ_t A_t·(z_{t+1} − z_t), z_t the t-th smallest f_m, A_t the (m−1)-D hypervolume of the projections
 *   (f_1..f_{m−1}) of the first t points; A_t − A_{t−1} = vol([p, r)) − HV_{m−1}({max(p, q) : q ∈ S}), recursively.
 * Points that do not strictly dominate the reference point (some f_i >= r_i) contribute nothing
 * and are dropped first. Non-finite coordinates are rejected by the same rule (NaN never counts).
 * `hypervolumeEstimate` (./hypervolumeEstimate.ts) is a seeded Monte Carlo estimate for use during runs.
 * Derivation, evidence and costs: docs/algorithms.md §"Hypervolume".
 */
import { nonDominatedMask } from '../pareto/dominance.js';
import { lexicographicOrder } from '../pareto/lexicographicOrder.js';
import { hv2d, hv3d } from './hypervolumeLowDim.js';
import { sortRows } from './hypervolumeSort.js';
import { Sweep, sweepVolume } from './hypervolumeSweep.js';

export { hv2d, hv3d } from './hypervolumeLowDim.js';
export { SWEEP_CHUNKED_ROWS, sweepChunkRows } from './hypervolumeSweep.js';

/**
 * The points strictly inside the reference box, as a flat row-major matrix (a fresh copy; also the input of a sweep
 * split over threads, ./hypervolumeParallel.ts).
 * Accepts arrays of length m or a flat row-major matrix with m columns.
 */
export function insideRows(
  points: readonly ArrayLike<number>[] | Float64Array,
  reference: ArrayLike<number>,
): { P: Float64Array; n: number } {
  const m = reference.length;
  let n: number;
  let flat: Float64Array;
  if (points instanceof Float64Array) {
    if (points.length % m !== 0)
      throw new RangeError(`flat matrix length ${points.length} is not a multiple of m = ${m}`);
    n = points.length / m;
    flat = points;
  } else {
    n = points.length;
    flat = new Float64Array(n * m);
    for (let i = 0; i < n; i++) {
      const p = points[i]!;
      if (p.length !== m) throw new RangeError(`point ${i} has ${p.length} coordinates, reference has ${m}`);
      for (let k = 0; k < m; k++) flat[i * m + k] = p[k]!;
    }
  }
  const inside = new Float64Array(n * m);
  let c = 0;
  for (let i = 0; i < n; i++) {
    let ok = true;
    for (let k = 0; k < m; k++) {
      // `!(a < b)` also rejects NaN
      if (!(flat[i * m + k]! < reference[k]!)) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    for (let k = 0; k < m; k++) inside[c * m + k] = flat[i * m + k]!;
    c++;
  }
  return { P: inside.subarray(0, c * m), n: c };
}

/**
 * Hypervolume of `points` (arrays of length m, or a flat row-major matrix with m columns). `onProgress` (optional)
 * hears the share of the points swept so far, every 1,024 points, when the set is large enough for the indexed sweep
 * (4+ objectives, at least 1,024 points inside the box): the exact value of a large 5- or 6-objective front takes
 * seconds to minutes. The share counts points, not time: later points meet a larger set S and cost more.
 */
export function hypervolume(
  points: readonly ArrayLike<number>[] | Float64Array,
  reference: ArrayLike<number>,
  onProgress?: (share: number) => void,
): number {
  return hypervolumeInChunks(points, reference, undefined, onProgress);
}
/**
 * `hypervolume` with the top-level sweep cut into chunks of `chunkRows` rows (default `sweepChunkRows`; tests set
 * others).
 */
export function hypervolumeInChunks(
  points: readonly ArrayLike<number>[] | Float64Array,
  reference: ArrayLike<number>,
  chunkRows?: number,
  onProgress?: (share: number) => void,
): number {
  const m = reference.length;
  if (m === 0) return 0;
  const { P, n } = insideRows(points, reference);
  if (n === 0) return 0;
  const ref = Float64Array.from(reference as ArrayLike<number>);
  if (m === 1) {
    let best = Infinity;
    for (let i = 0; i < n; i++) if (P[i]! < best) best = P[i]!;
    return ref[0]! - best;
  }
  if (m === 2) return hv2d(P, n, ref[0]!, ref[1]!);
  if (m === 3) return hv3d(P, n, ref[0]!, ref[1]!, ref[2]!);
  return new Sweep(onProgress, chunkRows).hv(P, n, m, ref);
}

/** The sweep order of the n rows of P (m columns): by the last column, ties by row. */
export function sweepOrder(P: Float64Array, n: number, m: number): Int32Array {
  const idx = new Int32Array(n);
  sortRows(idx, n, P, m, m - 1);
  return idx;
}

/**
 * The contributions of the rows at sweep positions [a, b) of the n inside points P (m columns), from S0 = the set S at
 * position a (`sweepStartSets`), as one thread's sweep computes them. For ./hypervolumeParallel.ts.
 */
export function sweepChunkContributions(
  P: Float64Array,
  n: number,
  m: number,
  ref: Float64Array,
  a: number,
  b: number,
  S0: Int32Array,
): Float64Array {
  const contributions = new Float64Array(n);
  new Sweep().sweepRows(P, n, m, ref, sweepOrder(P, n, m), a, b, S0, contributions);
  return contributions.slice(a, b);
}

/**
 * The set S at the first row of each chunk of `chunkRows` (rows of P, in the sweep order `idx`): the rows before it
 * whose projection (the first m − 1 coordinates) no other of them dominates, and of equal projections the first. The
 * sweep keeps exactly these: a row is let in unless a member weakly dominates it, and a member leaves when a row weakly
 * dominating it comes in. Each set is the front of the one before and the chunk between them (an antichain and a
 * batch: cheap), not of all the rows before.
 */
export function sweepStartSets(
  P: Float64Array,
  n: number,
  m: number,
  idx: Int32Array,
  chunkRows: number,
): Int32Array[] {
  const e = m - 1;
  const sets: Int32Array[] = [new Int32Array(0)];
  // S as sweep positions, ascending
  let S = new Int32Array(0);
  for (let a = chunkRows; a < n; a += chunkRows) {
    const candidates = new Int32Array(S.length + chunkRows);
    candidates.set(S);
    for (let t = a - chunkRows; t < a; t++) candidates[S.length + t - (a - chunkRows)] = t;
    const c = candidates.length;
    const F = new Float64Array(c * e);
    for (let i = 0; i < c; i++) for (let j = 0, o = idx[candidates[i]!]! * m; j < e; j++) F[i * e + j] = P[o + j]!;
    const keep = nonDominatedMask(F, c, e);
    // equal projections are both non-dominated: the first in sweep order stays (candidates are in sweep order, and
    // the lexicographic order puts equal rows by index)
    const order = lexicographicOrder(F, c, e);
    for (let s = 1, first = order[0]!; s < c; s++) {
      const i = order[s]!;
      let same = true;
      for (let j = 0; j < e && same; j++) same = F[i * e + j] === F[first * e + j];
      if (same) keep[i] = 0;
      else first = i;
    }
    let count = 0;
    for (let i = 0; i < c; i++) count += keep[i]!;
    const next = new Int32Array(count);
    for (let i = 0, k = 0; i < c; i++) if (keep[i]) next[k++] = candidates[i]!;
    S = next;
    sets.push(Int32Array.from(S, (t) => idx[t]!));
  }
  return sets;
}

/**
 * The hypervolume from every row's contribution (`sweepChunkContributions` of all chunks, in the sweep order `idx`).
 */
export function volumeFromContributions(
  P: Float64Array,
  n: number,
  m: number,
  ref: Float64Array,
  idx: Int32Array,
  contributions: Float64Array,
): number {
  return sweepVolume(P, n, m, ref, idx, contributions);
}
