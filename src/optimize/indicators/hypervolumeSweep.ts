/**
 * The 4+-D dimension sweep of the exact hypervolume (./hypervolume.ts has the method and its sources): the points in
 * increasing f_m, each adding its exclusive contribution, computed from its bounded limit set (WFG) one dimension
 * down; 3-D sub-problems use HV3D (./hypervolumeLowDim.ts), large levels keep S in a k-d tree
 * (./hypervolumeRowTree.ts).
 */
import { hv3dInto } from './hypervolumeLowDim.js';
import { RowTree } from './hypervolumeRowTree.js';
import { sortByKeys, sortRows } from './hypervolumeSort.js';

/**
 * The top-level sweep of SWEEP_CHUNKED_ROWS points or more in 5+ objectives runs in chunks of equal rows (8 in 5
 * objectives, 16 from 6 on, where the sweep's later rows cost up to 3× its first ones). Each chunk starts from a k-d
 * tree built anew over the set S at its first row, S in sweep order, so what it computes depends on the rows before
 * it only through S as a set, and S there is the first front of the earlier rows' projections (`sweepStartSets`):
 * the chunks can run on separate threads (./hypervolumeParallel.ts) and give the value of one thread, to the last
 * bit. The chunks depend on n and m only, never on the threads. 4 objectives run in one piece (more threads did not
 * pay: docs/performance.md).
 */
export const SWEEP_CHUNKED_ROWS = 8192;

/** Rows per chunk of the top-level sweep of n points in m objectives. */
export const sweepChunkRows = (n: number, m: number): number =>
  m >= 5 && n >= SWEEP_CHUNKED_ROWS ? Math.ceil(n / (m >= 6 ? 16 : 8)) : n;

/** Levels with at least this many rows keep S in a `RowTree` instead of a list. */
const INDEX_MIN_ROWS = 1024;
/** A `RowTree` is rebuilt over S and the next max(BLOCK_MIN_ROWS, |S|) rows in sweep order. */
const BLOCK_MIN_ROWS = 256;

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

/** The volume of the box between the row at the start of P (d columns) and ref. */
function boxVolume(P: Float64Array, d: number, ref: Float64Array): number {
  let v = 1;
  for (let j = 0; j < d; j++) v *= ref[j]! - P[j]!;
  return v;
}

/** The hypervolume of the two rows of P (d columns): both boxes less their intersection. */
function pairVolume(P: Float64Array, d: number, ref: Float64Array): number {
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

/** How many rows in sweep order (`idx`) tie at the least f_d, z0, at the start; 0 when only the first does. */
function tiedAtStart(P: Float64Array, n: number, d: number, idx: Int32Array, z0: number): number {
  const e = d - 1;
  let t0 = 1;
  while (t0 < n && P[idx[t0]! * d + e] === z0) t0++;
  return t0 === 1 ? 0 : t0;
}

/**
 * Pass 1 of the list version: true when a member of S (sN rows of e columns) weakly dominates the row at offset po of
 * P; otherwise lowers u_j to the least q_j over the members q raised only in j.
 */
function dominatedOrBounds(
  S: Float64Array,
  sN: number,
  e: number,
  P: Float64Array,
  po: number,
  u: Float64Array,
): boolean {
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
    if (raised === 0) return true;
    if (raised === 1 && S[so + at]! < u[at]!) u[at] = S[so + at]!;
  }
  return false;
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
 * S from the t0 rows tied at the least f_d (the first in sweep order): their non-dominated projections, inserted by
 * increasing coordinate sum (a row that weakly dominates another has no larger sum, so one scan per row suffices; a
 * rare dominated row let in by a rounding tie is harmless: S may hold dominated rows, it only costs time). Returns |S|.
 */
function batchFront(P: Float64Array, t0: number, d: number, lv: Level): number {
  const e = d - 1;
  const { idx, S, keys, order } = lv;
  for (let r = 0; r < t0; r++) {
    let sum = 0;
    for (let j = 0, po = idx[r]! * d; j < e; j++) sum += P[po + j]!;
    keys[r] = sum;
  }
  sortByKeys(order, t0, keys);
  let sN = 0;
  for (let r = 0; r < t0; r++) sN = appendIfNotDominated(S, sN, e, P, idx[order[r]!]! * d);
  return sN;
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
export class Sweep {
  /** Whether the next indexed sweep is the top level's (the first one is). */
  private top = true;
  /** The top-level sweep's progress listener and chunk size (default `sweepChunkRows`). */
  constructor(
    private readonly onProgress?: (share: number) => void,
    private readonly chunkRows?: number,
  ) {}
  private readonly levels: (Level | undefined)[] = [];
  private idx3 = new Int32Array(0);
  private xs3 = new Float64Array(0);
  private ys3 = new Float64Array(0);
  /** The size of the list S after the last `limitSetOfList`. */
  private sizeS = 0;

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
    if (n === 1) return boxVolume(P, d, ref);
    if (n === 2) return pairVolume(P, d, ref);
    if (n >= INDEX_MIN_ROWS) return this.hvIndexed(P, n, d, ref);
    const e = d - 1;
    sweepLastMostTied(P, n, d, ref);
    const lv = this.level(d, n);
    const { idx, S, L, u } = lv;
    sortRows(idx, n, P, d, e);
    let sN = 0;
    let area = 0;
    let volume = 0;
    // the rows tied at the least f_d: A = HV_{d-1} of their projections in one call, S = the
    // non-dominated ones
    const z0 = P[idx[0]! * d + e]!;
    const t0 = tiedAtStart(P, n, d, idx, z0);
    if (t0 > 0) {
      area = this.batchArea(P, t0, d, ref, lv);
      sN = batchFront(P, t0, d, lv);
      volume += area * ((t0 < n ? P[idx[t0]! * d + e]! : ref[e]!) - z0);
    }
    for (let t = t0; t < n; t++) {
      const po = idx[t]! * d;
      for (let j = 0; j < e; j++) u[j] = ref[j]!;
      if (!dominatedOrBounds(S, sN, e, P, po, u)) {
        const c = this.limitSetOfList(S, sN, e, P, po, u, L);
        sN = this.sizeS;
        area += this.contribution(P, po, e, u, L, c);
      }
      const zNext = t + 1 < n ? P[idx[t + 1]! * d + e]! : ref[e]!;
      volume += area * (zNext - P[po + e]!);
    }
    return volume;
  }

  /** HV_{d-1} of the projections of the first t0 rows in sweep order (the rows tied at the least f_d), in one call. */
  private batchArea(P: Float64Array, t0: number, d: number, ref: Float64Array, lv: Level): number {
    const e = d - 1;
    const { idx, B, rb } = lv;
    for (let r = 0; r < t0; r++) for (let j = 0, po = idx[r]! * d; j < e; j++) B[r * e + j] = P[po + j]!;
    for (let j = 0; j < e; j++) rb[j] = ref[j]!;
    return e === 3 ? this.hv3(B, t0, rb) : this.hv(B, t0, e, rb);
  }

  /**
   * Pass 2 of the list version, for p (not weakly dominated, u its single-raise bounds): the limit points raised in
   * >= 2 coordinates, each below u_j (the others are covered by the single-raise points, i.e. lie outside the box
   * [p, u)), into L (returns their count), together with dropping from S the members p weakly dominates and
   * appending p; the new size of S is left in `sizeS`.
   */
  private limitSetOfList(
    S: Float64Array,
    sN: number,
    e: number,
    P: Float64Array,
    po: number,
    u: Float64Array,
    L: Float64Array,
  ): number {
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
    this.sizeS = kept + 1;
    return c;
  }

  /** The contribution of p (row at offset po) = vol([p, u)) - HV(its c limit points in L, reference u). */
  private contribution(P: Float64Array, po: number, e: number, u: Float64Array, L: Float64Array, c: number): number {
    let box = 1;
    for (let j = 0; j < e; j++) box *= u[j]! - P[po + j]!;
    const lower = c === 0 ? 0 : e === 3 ? this.hv3(L, c, u) : this.hv(L, c, e, u);
    return box - lower;
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
    const chunk = top ? (this.chunkRows ?? sweepChunkRows(n, d)) : n;
    const contributions = new Float64Array(n);
    let S: Int32Array = new Int32Array(0);
    for (let a = 0; a < n; a += chunk)
      S = this.sweepRows(P, n, d, ref, idx, a, Math.min(n, a + chunk), S, contributions, report);
    return sweepVolume(P, n, d, ref, idx, contributions);
  }

  /**
   * The exclusive contributions of the rows at sweep positions [a, b) (`idx`: rows in sweep order) into
   * contributions[a..b), from S0 = the set S before position a (rows, in sweep order); returns S after b, in sweep
   * order. The tree is built over S0 and the next rows as at any rebuild, so the result depends on S0 as a set only.
   */
  sweepRows(
    P: Float64Array,
    n: number,
    d: number,
    ref: Float64Array,
    idx: Int32Array,
    a: number,
    b: number,
    S0: Int32Array,
    contributions: Float64Array,
    report?: (share: number) => void,
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
        contributions[t] = this.contribution(P, po, e, u, L, c);
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
export function sweepVolume(
  P: Float64Array,
  n: number,
  d: number,
  ref: Float64Array,
  idx: Int32Array,
  contributions: Float64Array,
): number {
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
