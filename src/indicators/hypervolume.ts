/**
 * Exact hypervolume (Lebesgue measure of the region dominated by a point set and bounded by a
 * reference point), all objectives minimized. Pure functions of (points, reference point).
 *
 * - 2-D: sort by f1 and sweep, O(n log n).
 * - 3-D: HV3D sweep along f3 (Fonseca, Paquete, López-Ibáñez 2006; Beume et al. 2009): the 2-D
 *   staircase of the (f1, f2) projections is kept sorted in typed arrays and its area updated
 *   incrementally at each insertion; O(n log n) search plus an O(n) memmove per insertion, which
 *   stays fast for ~10^4 points.
 * - 4+-D: dimension sweep with exclusive contributions, the scheme of HV4D (Guerreiro, Fonseca,
 *   Emmerich, "A fast dimension-sweep algorithm for the hypervolume indicator in four dimensions",
 *   CCCG 2012; HV4D+ in Guerreiro & Fonseca, "Computing and updating hypervolume contributions in up
 *   to four dimensions", IEEE TEVC 22(3), 2018) carried to any m, with each contribution computed
 *   from a limit set as in WFG (While, Bradstreet, Barone, "A fast way of calculating exact
 *   hypervolumes", IEEE TEVC 16(1), 2012). The points are visited in increasing f_m; the volume is
 *   Σ_t A_t·(z_{t+1} − z_t), where z_t is the t-th smallest f_m and A_t the (m−1)-D hypervolume of
 *   the projections (f_1..f_{m−1}) of the first t points. A_t − A_{t−1} is the exclusive
 *   contribution of the new projection p to the set S of the earlier ones:
 *   vol([p, r)) − HV_{m−1}({max(p, q) : q ∈ S}), computed recursively (3-D: the HV3D sweep above).
 *   It stays fast through (details where each is implemented):
 *   1. S keeps only the non-dominated earlier projections (`Sweep`): no O(n²) pre-filter.
 *   2. Each contribution is bounded to [p, u) beyond WFG's limit set, so only points raised in two or more
 *      coordinates enter its sub-problem (`Sweep`).
 *   3. Each sub-problem sweeps the coordinate with the most ties, one batch for the tied rows (`sweepLastMostTied`).
 *   4. From 1024 points S lives in a k-d tree that prunes the scans (`RowTree`).
 *   5. The top level of large 5+-objective fronts sweeps in chunks that can run on separate threads with the
 *      one-thread value (`SWEEP_CHUNKED_ROWS`, ./hypervolumeParallel.ts).
 *   Time O(n·|S|·m) for the scans plus the sub-problems, which hold tens to a few hundred rows on 5-D and 6-D
 *   fronts of 10^4 points (timings against pagmo's WFG: docs/performance.md).
 *
 * Points that do not strictly dominate the reference point (some f_i >= r_i) contribute nothing
 * and are dropped first. Non-finite coordinates are rejected by the same rule (NaN never counts).
 *
 * `hypervolumeEstimate` (./hypervolumeEstimate.ts) is a seeded Monte Carlo estimate for use during runs.
 */
import { nonDominatedMask } from '../pareto/dominance.js';
import { lexicographicOrder } from '../pareto/lexicographicOrder.js';
import { buildKd, kdDepth } from './staticKd.js';

/**
 * The points strictly inside the reference box, as a flat row-major matrix (a fresh copy; also the input of a sweep
 * split over threads, ./hypervolumeParallel.ts).
 * Accepts arrays of length m or a flat row-major matrix with m columns.
 */
export function insideRows(points: readonly ArrayLike<number>[] | Float64Array, reference: ArrayLike<number>): { P: Float64Array; n: number } {
  const m = reference.length;
  let n: number;
  let flat: Float64Array;
  if (points instanceof Float64Array) {
    if (points.length % m !== 0) throw new RangeError(`flat matrix length ${points.length} is not a multiple of m = ${m}`);
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
  points: readonly ArrayLike<number>[] | Float64Array, reference: ArrayLike<number>, onProgress?: (share: number) => void,
): number {
  return hypervolumeInChunks(points, reference, undefined, onProgress);
}

/**
 * The top-level sweep of SWEEP_CHUNKED_ROWS points or more in 5+ objectives runs in chunks of equal rows (8 in 5
 * objectives, 16 from 6 on, where the sweep's later rows cost up to 3× its first ones). Each chunk starts from a k-d
 * tree built anew over the set S at its first row, S in sweep order, so what it computes depends on the rows before
 * it only through S as a set, and S there is the first front of the earlier rows' projections (`sweepStartSets`):
 * the chunks can run on separate threads (./hypervolumeParallel.ts) and give the value of one thread, to the last
 * bit. The chunks depend on n and m only, never on the threads. 4 objectives run in one piece (100,000 points: 1.4 s;
 * more threads did not pay).
 */
export const SWEEP_CHUNKED_ROWS = 8192;

/** Rows per chunk of the top-level sweep of n points in m objectives. */
export const sweepChunkRows = (n: number, m: number): number => (m >= 5 && n >= SWEEP_CHUNKED_ROWS ? Math.ceil(n / (m >= 6 ? 16 : 8)) : n);

/** `hypervolume` with the top-level sweep cut into chunks of `chunkRows` rows (default `sweepChunkRows`; tests set others). */
export function hypervolumeInChunks(
  points: readonly ArrayLike<number>[] | Float64Array, reference: ArrayLike<number>, chunkRows?: number, onProgress?: (share: number) => void,
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
export function sweepChunkContributions(P: Float64Array, n: number, m: number, ref: Float64Array, a: number, b: number, S0: Int32Array): Float64Array {
  const contributions = new Float64Array(n);
  new Sweep().sweepRows(P, n, m, ref, sweepOrder(P, n, m), a, b, S0, contributions);
  return contributions.slice(a, b);
}

/**
 * The set S at the first row of each chunk of `chunkRows` (rows of P, in the sweep order `idx`): the rows before it whose
 * projection (the first m − 1 coordinates) no other of them dominates, and of equal projections the first. The sweep
 * keeps exactly these: a row is let in unless a member weakly dominates it, and a member leaves when a row weakly
 * dominating it comes in. Each set is the front of the one before and the chunk between them (an antichain and a
 * batch: cheap), not of all the rows before.
 */
export function sweepStartSets(P: Float64Array, n: number, m: number, idx: Int32Array, chunkRows: number): Int32Array[] {
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

/** The hypervolume from every row's contribution (`sweepChunkContributions` of all chunks, in the sweep order `idx`). */
export function volumeFromContributions(P: Float64Array, n: number, m: number, ref: Float64Array, idx: Int32Array, contributions: Float64Array): number {
  return sweepVolume(P, n, m, ref, idx, contributions);
}

/** 2-D hypervolume of n rows of the flat matrix P (2 columns), all strictly inside (r1, r2). */
export function hv2d(P: Float64Array, n: number, r1: number, r2: number): number {
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  // rows already in the sort's order (an archive's front, lexicographic: every history row of a 2-D run) keep it
  let ordered = true;
  for (let i = 1; i < n && ordered; i++) {
    const x0 = P[2 * i - 2]!;
    const x1 = P[2 * i]!;
    ordered = x0 < x1 || (x0 === x1 && P[2 * i - 1]! <= P[2 * i + 1]!);
  }
  if (!ordered) idx.sort((a, b) => {
    const xa = P[2 * a]!;
    const xb = P[2 * b]!;
    if (xa !== xb) return xa < xb ? -1 : 1;
    const ya = P[2 * a + 1]!;
    const yb = P[2 * b + 1]!;
    return ya < yb ? -1 : ya > yb ? 1 : 0;
  });
  let area = 0;
  let lastY = r2;
  for (let t = 0; t < n; t++) {
    const i = idx[t]!;
    const y = P[2 * i + 1]!;
    if (y < lastY) {
      area += (r1 - P[2 * i]!) * (lastY - y);
      lastY = y;
    }
  }
  return area;
}

/** 3-D hypervolume (HV3D sweep along f3) of n rows of P (3 columns), all strictly inside ref. */
export function hv3d(P: Float64Array, n: number, r1: number, r2: number, r3: number): number {
  return hv3dInto(P, n, r1, r2, r3, new Int32Array(n), new Float64Array(n), new Float64Array(n));
}

/** Scratch of `sortByKeys` (grown on demand; the sort never re-enters itself). */
let sortKeys = new Float64Array(64);
let sortTmp = new Int32Array(64);

/** Sorts idx[0..n) (indices of rows of P with `stride` columns) by column `col` ascending, ties by index. */
function sortRows(idx: Int32Array, n: number, P: Float64Array, stride: number, col: number): void {
  if (sortKeys.length < n) {
    sortKeys = new Float64Array(Math.max(n, 2 * sortKeys.length));
    sortTmp = new Int32Array(sortKeys.length);
  }
  const keys = sortKeys;
  for (let i = 0; i < n; i++) keys[i] = P[i * stride + col]!;
  sortByKeys(idx, n, keys);
}

/**
 * Sets idx[0..n) to 0..n-1 sorted by keys ascending, ties by index: insertion sort on runs of 16,
 * then bottom-up merging (stable), with the keys read from a typed array instead of a comparator.
 */
function sortByKeys(idx: Int32Array, n: number, keys: Float64Array): void {
  for (let i = 0; i < n; i++) idx[i] = i;
  const RUN = 16;
  for (let a = 0; a < n; a += RUN) {
    const b = Math.min(n, a + RUN);
    for (let i = a + 1; i < b; i++) {
      const v = keys[i]!;
      let j = i - 1;
      while (j >= a && keys[idx[j]!]! > v) {
        idx[j + 1] = idx[j]!;
        j--;
      }
      idx[j + 1] = i;
    }
  }
  if (n <= RUN) return;
  if (sortTmp.length < n) sortTmp = new Int32Array(Math.max(n, 2 * sortTmp.length));
  let src: Int32Array = idx;
  let dst: Int32Array = sortTmp;
  for (let width = RUN; width < n; width *= 2) {
    for (let a = 0; a < n; a += 2 * width) {
      const mid = Math.min(n, a + width);
      const b = Math.min(n, a + 2 * width);
      let i = a;
      let j = mid;
      let k = a;
      while (i < mid && j < b) {
        // the left run holds the smaller indices: it wins ties
        if (keys[src[j]!]! < keys[src[i]!]!) dst[k++] = src[j++]!;
        else dst[k++] = src[i++]!;
      }
      while (i < mid) dst[k++] = src[i++]!;
      while (j < b) dst[k++] = src[j++]!;
    }
    const t = src;
    src = dst;
    dst = t;
  }
  if (src !== idx) idx.set(src.subarray(0, n));
}

/** HV3D with caller-provided buffers (idx, xs, ys of length >= n). */
function hv3dInto(P: Float64Array, n: number, r1: number, r2: number, r3: number, idx: Int32Array, xs: Float64Array, ys: Float64Array): number {
  if (n === 0) return 0;
  if (n === 1) return (r1 - P[0]!) * (r2 - P[1]!) * (r3 - P[2]!);
  sortRows(idx, n, P, 3, 2);
  // staircase: xs ascending, ys strictly descending
  let size = 0;
  let area = 0;
  let volume = 0;
  for (let t = 0; t < n; t++) {
    const i = idx[t]!;
    const px = P[3 * i]!;
    const py = P[3 * i + 1]!;
    const pz = P[3 * i + 2]!;
    // first position with xs[pos] >= px
    let lo = 0;
    let hi = size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (xs[mid]! < px) lo = mid + 1;
      else hi = mid;
    }
    const pos = lo;
    // the predecessor (x < px) has the smallest y among points left of px
    const upperY = pos > 0 ? ys[pos - 1]! : r2;
    if (upperY <= py) {
      // dominated (weakly) by the predecessor
    } else if (pos < size && xs[pos] === px && ys[pos]! <= py) {
      // weakly dominated by a point with the same x
    } else {
      // remove the points p dominates: x >= px and y >= py (contiguous from pos)
      let end = pos;
      let gained = 0;
      let curX = px;
      let curY = upperY;
      while (end < size && ys[end]! >= py) {
        gained += (xs[end]! - curX) * (curY - py);
        curX = xs[end]!;
        curY = ys[end]!;
        end++;
      }
      const nextX = end < size ? xs[end]! : r1;
      gained += (nextX - curX) * (curY - py);
      area += gained;
      const removed = end - pos;
      if (removed !== 1) {
        xs.copyWithin(pos + 1, end, size);
        ys.copyWithin(pos + 1, end, size);
        size += 1 - removed;
      }
      xs[pos] = px;
      ys[pos] = py;
    }
    const nextZ = t + 1 < n ? P[3 * idx[t + 1]! + 2]! : r3;
    volume += area * (nextZ - pz);
  }
  return volume;
}

/**
 * Swaps the column with the most rows at its minimum into the last place (the sweep axis), in P and
 * in ref alike (the hypervolume does not depend on the order of the objectives). In a limit set
 * every row equals the parent's point in the coordinates where it is not raised, so many rows tie
 * at the least value of a column; swept last, they form one batch at the start of the sweep.
 */
function sweepLastMostTied(P: Float64Array, n: number, d: number, ref: Float64Array): void {
  let best = d - 1;
  let bestCount = 0;
  for (let k = d - 1; k >= 0; k--) {
    let min = Infinity;
    let count = 0;
    for (let i = 0; i < n; i++) {
      const v = P[i * d + k]!;
      if (v < min) {
        min = v;
        count = 1;
      } else if (v === min) count++;
    }
    if (count > bestCount) {
      best = k;
      bestCount = count;
    }
  }
  const last = d - 1;
  if (best === last) return;
  for (let i = 0; i < n; i++) {
    const a = P[i * d + best]!;
    P[i * d + best] = P[i * d + last]!;
    P[i * d + last] = a;
  }
  const r = ref[best]!;
  ref[best] = ref[last]!;
  ref[last] = r;
}

/**
 * Appends the projection (first e coordinates) of the row at offset po of P to S (sN rows of e
 * columns) unless a member weakly dominates it. Returns the new size.
 */
function appendIfNotDominated(S: Float64Array, sN: number, e: number, P: Float64Array, po: number): number {
  for (let s = 0; s < sN; s++) {
    let weak = true;
    for (let j = 0, so = s * e; j < e; j++) {
      if (S[so + j]! > P[po + j]!) {
        weak = false;
        break;
      }
    }
    if (weak) return sN;
  }
  for (let j = 0, so = sN * e; j < e; j++) S[so + j] = P[po + j]!;
  return sN + 1;
}

/** Buffers of one dimension d >= 4 of the recursion (each dimension is on the stack at most once). */
interface Level {
  cap: number;
  /** visiting order (cap) */
  idx: Int32Array;
  /** the non-dominated earlier projections, cap x (d - 1) */
  S: Float64Array;
  /** the bounded limit set, cap x (d - 1) */
  L: Float64Array;
  /** u_j, the single-raise bounds (d - 1) */
  u: Float64Array;
  /** the projections of the rows tied at the least f_d, cap x (d - 1) */
  B: Float64Array;
  /** their reference point (d - 1) */
  rb: Float64Array;
  /** sort keys and order of the batch (cap) */
  keys: Float64Array;
  order: Int32Array;
}

/**
 * The dimension sweep for d >= 4 (see the header). Each call has its own reference point: a
 * sub-problem's reference is the parent's bound u (the first d entries of `ref` are used).
 * - S holds only the non-dominated earlier projections: a projection weakly dominated by p adds nothing to a
 *   later limit set that p's own limit point does not, so it is dropped when p arrives; a p weakly dominated by
 *   a member of S contributes nothing (this also disposes of dominated and duplicate input points).
 * - Bounding (beyond WFG's max(p, q)): max(p, q) differs from p in the coordinates where q is worse ("raised").
 *   Let u_j be the least q_j over the members q raised only in j (r_j if none). Everything in [p, r) with a
 *   coordinate y_j >= u_j is covered by such a q's box (it is the set y >= p with y_j >= q_j), so the
 *   contribution lies in [p, u): it is vol([p, u)) − HV({max(p, q)} ∩ [p, u), reference u), and only the limit
 *   points raised in >= 2 coordinates, each below u_j, enter the sub-problem (the single-raise ones lie on its
 *   boundary).
 */
class Sweep {
  /** Whether the next indexed sweep is the top level's (the first one is). */
  private top = true;
  /** The top-level sweep's progress listener and chunk size (default `sweepChunkRows`). */
  constructor(private readonly onProgress?: (share: number) => void, private readonly chunkRows?: number) {}
  private readonly levels: (Level | undefined)[] = [];
  private idx3 = new Int32Array(0);
  private xs3 = new Float64Array(0);
  private ys3 = new Float64Array(0);

  private level(d: number, n: number): Level {
    const have = this.levels[d];
    if (have !== undefined && have.cap >= n) return have;
    const cap = Math.max(n, have === undefined ? 0 : 2 * have.cap);
    const e = d - 1;
    const lv: Level = {
      cap,
      idx: new Int32Array(cap),
      S: new Float64Array(cap * e),
      L: new Float64Array(cap * e),
      u: new Float64Array(e),
      B: new Float64Array(cap * e),
      rb: new Float64Array(e),
      keys: new Float64Array(cap),
      order: new Int32Array(cap),
    };
    this.levels[d] = lv;
    return lv;
  }

  private hv3(P: Float64Array, n: number, r: Float64Array): number {
    if (this.idx3.length < n) {
      const cap = Math.max(n, 2 * this.idx3.length);
      this.idx3 = new Int32Array(cap);
      this.xs3 = new Float64Array(cap);
      this.ys3 = new Float64Array(cap);
    }
    return hv3dInto(P, n, r[0]!, r[1]!, r[2]!, this.idx3, this.xs3, this.ys3);
  }

  /** Hypervolume of n rows of P (d columns, d >= 4), all strictly inside the box below `ref`. */
  hv(P: Float64Array, n: number, d: number, ref: Float64Array): number {
    if (n === 1) {
      let v = 1;
      for (let j = 0; j < d; j++) v *= ref[j]! - P[j]!;
      return v;
    }
    if (n === 2) {
      let a = 1;
      let b = 1;
      let both = 1;
      for (let j = 0; j < d; j++) {
        const x = P[j]!;
        const y = P[d + j]!;
        a *= ref[j]! - x;
        b *= ref[j]! - y;
        both *= ref[j]! - (x > y ? x : y);
      }
      return a + b - both;
    }
    if (n >= INDEX_MIN_ROWS) return this.hvIndexed(P, n, d, ref);
    const e = d - 1;
    sweepLastMostTied(P, n, d, ref);
    const lv = this.level(d, n);
    const { idx, S, L, u, B, rb } = lv;
    sortRows(idx, n, P, d, e);
    let sN = 0;
    let area = 0;
    let volume = 0;
    // the rows tied at the least f_d: A = HV_{d-1} of their projections in one call, S = the
    // non-dominated ones
    const z0 = P[idx[0]! * d + e]!;
    let t0 = 1;
    while (t0 < n && P[idx[t0]! * d + e] === z0) t0++;
    if (t0 === 1) t0 = 0;
    else {
      for (let r = 0; r < t0; r++) for (let j = 0, po = idx[r]! * d; j < e; j++) B[r * e + j] = P[po + j]!;
      for (let j = 0; j < e; j++) rb[j] = ref[j]!;
      area = e === 3 ? this.hv3(B, t0, rb) : this.hv(B, t0, e, rb);
      // S: the batch's non-dominated projections, inserted by increasing coordinate sum (a row that
      // weakly dominates another has no larger sum, so one scan per row suffices; a rare dominated
      // row let in by a rounding tie is harmless: S may hold dominated rows, it only costs time)
      const { keys, order } = lv;
      for (let r = 0; r < t0; r++) {
        let sum = 0;
        for (let j = 0, po = idx[r]! * d; j < e; j++) sum += P[po + j]!;
        keys[r] = sum;
      }
      sortByKeys(order, t0, keys);
      for (let r = 0; r < t0; r++) sN = appendIfNotDominated(S, sN, e, P, idx[order[r]!]! * d);
      volume += area * ((t0 < n ? P[idx[t0]! * d + e]! : ref[e]!) - z0);
    }
    for (let t = t0; t < n; t++) {
      const po = idx[t]! * d;
      for (let j = 0; j < e; j++) u[j] = ref[j]!;
      // pass 1: is p weakly dominated by a member of S? the single-raise bounds u_j
      let dominated = false;
      for (let s = 0; s < sN; s++) {
        const so = s * e;
        let raised = 0;
        let at = -1;
        for (let j = 0; j < e; j++) {
          if (S[so + j]! > P[po + j]!) {
            raised++;
            at = j;
            if (raised > 1) break;
          }
        }
        if (raised === 0) {
          dominated = true;
          break;
        }
        if (raised === 1 && S[so + at]! < u[at]!) u[at] = S[so + at]!;
      }
      if (!dominated) {
        // pass 2: the limit points raised in >= 2 coordinates, each below u_j (the others are
        // covered by the single-raise points, i.e. lie outside the box [p, u)), together with
        // dropping from S the members p weakly dominates
        let c = 0;
        let kept = 0;
        for (let s = 0; s < sN; s++) {
          const so = s * e;
          const lo = c * e;
          let raised = 0;
          let bounded = true;
          let covered = true;
          for (let j = 0; j < e; j++) {
            const q = S[so + j]!;
            const pj = P[po + j]!;
            if (q > pj) {
              raised++;
              if (q >= u[j]!) bounded = false;
              L[lo + j] = q;
            } else {
              if (q < pj) covered = false;
              L[lo + j] = pj;
            }
          }
          if (bounded && raised >= 2) c++;
          if (!covered) {
            if (kept !== s) for (let j = 0, ko = kept * e; j < e; j++) S[ko + j] = S[so + j]!;
            kept++;
          }
        }
        const so = kept * e;
        for (let j = 0; j < e; j++) S[so + j] = P[po + j]!;
        sN = kept + 1;
        // contribution of p = vol([p, u)) - HV(limit points, reference u)
        let box = 1;
        for (let j = 0; j < e; j++) box *= u[j]! - P[po + j]!;
        const lower = c === 0 ? 0 : e === 3 ? this.hv3(L, c, u) : this.hv(L, c, e, u);
        area += box - lower;
      }
      const zNext = t + 1 < n ? P[idx[t + 1]! * d + e]! : ref[e]!;
      volume += area * (zNext - P[po + e]!);
    }
    return volume;
  }

  /**
   * As `hv`, with the earlier projections S held in a k-d tree (large n, e.g. the top level). The top level's sweep
   * runs in chunks (see SWEEP_CHUNKED_ROWS), each from a tree built anew over S.
   */
  private hvIndexed(P: Float64Array, n: number, d: number, ref: Float64Array): number {
    const { idx } = this.level(d, n);
    sortRows(idx, n, P, d, d - 1);
    // only the top level reports and runs in chunks (a sub-problem this large sweeps inside one of its points)
    const top = this.top;
    this.top = false;
    const report = top ? this.onProgress : undefined;
    const chunk = top ? this.chunkRows ?? sweepChunkRows(n, d) : n;
    const contributions = new Float64Array(n);
    let S: Int32Array = new Int32Array(0);
    for (let a = 0; a < n; a += chunk) S = this.sweepRows(P, n, d, ref, idx, a, Math.min(n, a + chunk), S, contributions, report);
    return sweepVolume(P, n, d, ref, idx, contributions);
  }

  /**
   * The exclusive contributions of the rows at sweep positions [a, b) (`idx`: rows in sweep order) into
   * contributions[a..b), from S0 = the set S before position a (rows, in sweep order); returns S after b, in sweep
   * order. The tree is built over S0 and the next rows as at any rebuild, so the result depends on S0 as a set only.
   */
  sweepRows(
    P: Float64Array, n: number, d: number, ref: Float64Array, idx: Int32Array, a: number, b: number, S0: Int32Array,
    contributions: Float64Array, report?: (share: number) => void,
  ): Int32Array {
    const { L, u } = this.level(d, n);
    const e = d - 1;
    const posOf = new Int32Array(n);
    const ids = new Int32Array(n);
    ids.set(S0);
    let tree = new RowTree(P, d, ids.subarray(0, S0.length), S0.length, posOf);
    let blockEnd = a;
    for (let t = a; t < b; t++) {
      if (report !== undefined && (t & 1023) === 0) report(t / n);
      if (t === blockEnd) {
        // rebuild over S and the next rows in sweep order, so that the node boxes hug S
        const nIn = t === a ? S0.length : tree.members(ids);
        blockEnd = Math.min(n, t + Math.max(BLOCK_MIN_ROWS, nIn));
        for (let r = t; r < blockEnd; r++) ids[nIn + r - t] = idx[r]!;
        tree = new RowTree(P, d, ids.subarray(0, nIn + blockEnd - t), nIn, posOf);
      }
      const row = idx[t]!;
      const po = row * d;
      for (let j = 0; j < e; j++) u[j] = ref[j]!;
      const c = tree.limitSet(po, u, L);
      if (c >= 0) {
        tree.activate(row);
        let box = 1;
        for (let j = 0; j < e; j++) box *= u[j]! - P[po + j]!;
        const lower = c === 0 ? 0 : e === 3 ? this.hv3(L, c, u) : this.hv(L, c, e, u);
        contributions[t] = box - lower;
      }
    }
    if (b === n) return new Int32Array(0);
    // S in sweep order: the next chunk's tree is built as a thread starting there builds it (sweepStartSets)
    const rank = new Int32Array(n);
    for (let t = 0; t < n; t++) rank[idx[t]!] = t;
    const members = ids.subarray(0, tree.members(ids));
    const ranks = Int32Array.from(members, (row) => rank[row]!).sort();
    return Int32Array.from(ranks, (t) => idx[t]!);
  }
}

/**
 * Σ_t A_t (z_{t+1} − z_t) over the sweep (`idx`: rows in sweep order, by the last column), A_t the running sum of the
 * contributions: the same operations, in the same order, whether the contributions came from one thread or several.
 */
function sweepVolume(P: Float64Array, n: number, d: number, ref: Float64Array, idx: Int32Array, contributions: Float64Array): number {
  const e = d - 1;
  let area = 0;
  let volume = 0;
  for (let t = 0; t < n; t++) {
    area += contributions[t]!;
    const zNext = t + 1 < n ? P[idx[t + 1]! * d + e]! : ref[e]!;
    volume += area * (zNext - P[idx[t]! * d + e]!);
  }
  return volume;
}

/** Levels with at least this many rows keep S in a `RowTree` instead of a list. */
const INDEX_MIN_ROWS = 1024;
/** A `RowTree` is rebuilt over S and the next max(BLOCK_MIN_ROWS, |S|) rows in sweep order. */
const BLOCK_MIN_ROWS = 256;

/**
 * The set S of one sweep level as a static k-d tree over all n rows of the level (their first
 * e = d − 1 coordinates), with per-node counts of the rows currently in S. The node boxes cover all
 * rows, in S or not, so they stay valid as S changes; a node without rows in S is skipped. The two
 * scans of the list version become box-pruned traversals with the same results (u exactly, the
 * same limit points, in tree order).
 */
class RowTree {
  private readonly e: number;
  private readonly n: number;
  private readonly depth: number;
  /** The rows' projections in tree order (n x e). */
  private readonly X: Float64Array;
  /** Row id at each position. */
  private readonly rowAt: Int32Array;
  private readonly lo: Float64Array;
  private readonly hi: Float64Array;
  private readonly count: Int32Array;
  private readonly inS: Uint8Array;
  private readonly gone: Int32Array;
  private goneN = 0;
  /** The current point p (its first e coordinates). */
  private readonly p: Float64Array;

  /**
   * A tree over `rows` (ids of rows of P, d columns), of which the first `nIn` are in S. `posOf`
   * (indexed by row id, shared between the trees of one level) receives each row's position.
   */
  constructor(
    private readonly P: Float64Array,
    d: number,
    rows: Int32Array,
    nIn: number,
    private readonly posOf: Int32Array,
  ) {
    const e = d - 1;
    const n = rows.length;
    this.e = e;
    this.n = n;
    const depth = kdDepth(n);
    this.depth = depth;
    const nodes = 2 ** (depth + 1) - 1;
    this.lo = new Float64Array(nodes * e);
    this.hi = new Float64Array(nodes * e);
    this.count = new Int32Array(nodes);
    this.inS = new Uint8Array(n);
    this.gone = new Int32Array(n);
    this.p = new Float64Array(e);
    const perm = rows.slice();
    if (n > 0) buildKd(P, d, e, perm, this.lo, this.hi, 0, 0, n, 0, depth);
    this.rowAt = perm;
    this.X = new Float64Array(n * e);
    for (let pos = 0; pos < n; pos++) {
      const row = perm[pos]!;
      posOf[row] = pos;
      for (let j = 0; j < e; j++) this.X[pos * e + j] = P[row * d + j]!;
    }
    for (let i = 0; i < nIn; i++) this.activate(rows[i]!);
  }

  /** Writes the ids of the rows in S to out; returns their number. */
  members(out: Int32Array): number {
    let c = 0;
    for (let pos = 0; pos < this.n; pos++) if (this.inS[pos]) out[c++] = this.rowAt[pos]!;
    return c;
  }

  private update(pos: number, delta: number): void {
    let node = 0;
    let a = 0;
    let b = this.n;
    for (let level = 0; ; level++) {
      this.count[node] = this.count[node]! + delta;
      if (level === this.depth) break;
      const mid = (a + b) >>> 1;
      if (pos < mid) {
        node = 2 * node + 1;
        b = mid;
      } else {
        node = 2 * node + 2;
        a = mid;
      }
    }
  }

  /** Puts row `row` of the level's matrix into S. */
  activate(row: number): void {
    const pos = this.posOf[row]!;
    this.inS[pos] = 1;
    this.update(pos, 1);
  }

  /**
   * For the point p at offset po of the level's matrix: -1 when a member of S weakly dominates p.
   * Otherwise lowers u_j to the least q_j over the members q of S raised only in j, writes the
   * limit points raised in >= 2 coordinates, each below u_j, to L and returns their count, and
   * removes from S the members p weakly dominates. Two traversals, as the list version's two
   * passes; nodes are pruned by their boxes.
   */
  limitSet(po: number, u: Float64Array, L: Float64Array): number {
    const { e, p } = this;
    for (let j = 0; j < e; j++) p[j] = this.P[po + j]!;
    if (this.pass1(0, 0, this.n, 0, u)) return -1;
    this.goneN = 0;
    const c = this.pass2(0, 0, this.n, 0, u, L, 0);
    for (let g = 0; g < this.goneN; g++) {
      const pos = this.gone[g]!;
      this.inS[pos] = 0;
      this.update(pos, -1);
    }
    return c;
  }

  /** Pass 1: true when a member weakly dominates p; lowers u. Prunes nodes raised in >= 2 coordinates. */
  private pass1(node: number, a: number, b: number, level: number, u: Float64Array): boolean {
    if (this.count[node] === 0) return false;
    const { e, lo, p } = this;
    const no = node * e;
    let raised = 0;
    let at = -1;
    for (let j = 0; j < e; j++) {
      if (lo[no + j]! > p[j]!) {
        if (++raised > 1) return false;
        at = j;
      }
    }
    if (raised === 1 && lo[no + at]! >= u[at]!) return false;
    if (level < this.depth) {
      // first the child whose box reaches less far above p: it tends to lower u sooner
      const mid = (a + b) >>> 1;
      const left = 2 * node + 1;
      const right = left + 1;
      let gapL = 0;
      let gapR = 0;
      for (let j = 0, ol = left * e, or = right * e; j < e; j++) {
        const gl = lo[ol + j]! - p[j]!;
        const gr = lo[or + j]! - p[j]!;
        if (gl > 0) gapL += gl;
        if (gr > 0) gapR += gr;
      }
      if (gapL <= gapR) return this.pass1(left, a, mid, level + 1, u) || this.pass1(right, mid, b, level + 1, u);
      return this.pass1(right, mid, b, level + 1, u) || this.pass1(left, a, mid, level + 1, u);
    }
    const { X, inS } = this;
    for (let pos = a; pos < b; pos++) {
      if (!inS[pos]) continue;
      const so = pos * e;
      let r = 0;
      let rj = -1;
      for (let j = 0; j < e; j++) {
        if (X[so + j]! > p[j]!) {
          if (++r > 1) break;
          rj = j;
        }
      }
      if (r === 0) return true;
      if (r === 1 && X[so + rj]! < u[rj]!) u[rj] = X[so + rj]!;
    }
    return false;
  }

  /** Pass 2: the bounded limit points into L from index c (returns the new count); collects the covered members. */
  private pass2(node: number, a: number, b: number, level: number, u: Float64Array, L: Float64Array, c: number): number {
    if (this.count[node] === 0) return c;
    const { e, lo, hi, p } = this;
    const no = node * e;
    let mayBound = true;
    let mayCover = true;
    for (let j = 0; j < e; j++) {
      if (lo[no + j]! >= u[j]!) mayBound = false;
      if (hi[no + j]! < p[j]!) mayCover = false;
    }
    if (!mayBound && !mayCover) return c;
    if (level < this.depth) {
      const mid = (a + b) >>> 1;
      c = this.pass2(2 * node + 1, a, mid, level + 1, u, L, c);
      return this.pass2(2 * node + 2, mid, b, level + 1, u, L, c);
    }
    const { X, inS } = this;
    for (let pos = a; pos < b; pos++) {
      if (!inS[pos]) continue;
      const so = pos * e;
      const co = c * e;
      let raised = 0;
      let bounded = true;
      let covered = true;
      for (let j = 0; j < e; j++) {
        const q = X[so + j]!;
        const pj = p[j]!;
        if (q > pj) {
          raised++;
          if (q >= u[j]!) bounded = false;
          L[co + j] = q;
        } else {
          if (q < pj) covered = false;
          L[co + j] = pj;
        }
      }
      if (bounded && raised >= 2) c++;
      if (covered) this.gone[this.goneN++] = pos;
    }
    return c;
  }
}
