/**
 * Pareto dominance, non-dominated sorting and crowding distance.
 *
 * Conventions: every objective is minimized; an objective matrix is a flat row-major
 * `Float64Array` of `n` rows by `m` columns (row i = F[i*m .. i*m+m-1]).
 *
 * - Non-dominated sorting starts from a lexicographic pre-sort. m = 2: ENS-BS (Zhang, Tian, Cheng, Jin,
 *   "An efficient approach to non-dominated sorting for evolutionary multiobjective optimization",
 *   IEEE TEVC 19(2), 2015: each point goes to the first front none of whose members dominates it,
 *   found by binary search) with an O(1) front test (the last member of each front has the smallest f2
 *   so far), O(N log N). m = 3: ENS-BS with a 2-D staircase per front (./sort3.ts). m >= 4: dominator bitsets
 *   (./dominatorBitsets.ts), or ENS-BS when the bitsets would not fit or a value is NaN.
 * - Crowding distance follows pymoo 0.6.2 `calc_crowding_distance`: duplicates get 0, boundary
 *   points +Infinity, each objective normalized by its range (a zero range contributes 0), summed
 *   and divided by m; fronts of at most two points are all +Infinity.
 */

import { DOMINATOR_BITSETS_MAX_POINTS, dominatorBitsetRanks, rowDominates } from './dominatorBitsets.js';
export { rowDominates };
import { lexicographicOrder } from './lexicographicOrder.js';
import { peel3, sort3 } from './sort3.js';

export { Staircase2D } from './sort3.js';
export { lexicographicOrder } from './lexicographicOrder.js';

/** True when `a` Pareto-dominates `b` (no worse in every objective, strictly better in one). */
export function dominates(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  let better = false;
  const m = a.length;
  for (let k = 0; k < m; k++) {
    const ak = a[k]!;
    const bk = b[k]!;
    if (ak > bk) return false;
    if (ak < bk) better = true;
  }
  return better;
}

/** 1 when a dominates b, -1 when b dominates a, 0 otherwise (pymoo `Dominator.get_relation`). */
export function dominanceRelation(a: ArrayLike<number>, b: ArrayLike<number>): 1 | 0 | -1 {
  let aBetter = false;
  let bBetter = false;
  const m = a.length;
  for (let k = 0; k < m; k++) {
    const ak = a[k]!;
    const bk = b[k]!;
    if (ak < bk) aBetter = true;
    else if (bk < ak) bBetter = true;
    if (aBetter && bBetter) return 0;
  }
  if (aBetter) return 1;
  if (bBetter) return -1;
  return 0;
}

/** Builds a flat row-major matrix from points (all of length m). */
export function toMatrix(points: readonly ArrayLike<number>[], m?: number): Float64Array {
  const cols = m ?? (points.length > 0 ? points[0]!.length : 0);
  const out = new Float64Array(points.length * cols);
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    if (p.length !== cols) throw new RangeError(`point ${i} has ${p.length} objectives, expected ${cols}`);
    for (let k = 0; k < cols; k++) out[i * cols + k] = p[k]!;
  }
  return out;
}

export interface NonDominatedSortResult {
  /** Rank (front number, 0 = non-dominated) of each row. */
  readonly ranks: Int32Array;
  /** Row indices of each front, each front in ascending lexicographic order of its rows. */
  readonly fronts: Int32Array[];
}

/** The fronts 0 .. nFronts - 1 (rows left unranked have rank nFronts and are in none). */
function collectFronts(ranks: Int32Array, order: Int32Array, nFronts: number): Int32Array[] {
  const counts = new Int32Array(nFronts + 1);
  for (let i = 0; i < ranks.length; i++) counts[ranks[i]!]!++;
  const fronts: Int32Array[] = [];
  for (let r = 0; r < nFronts; r++) fronts.push(new Int32Array(counts[r]!));
  counts.fill(0);
  for (let t = 0; t < order.length; t++) {
    const i = order[t]!;
    const r = ranks[i]!;
    if (r < nFronts) fronts[r]![counts[r]!++] = i;
  }
  return fronts;
}

/**
 * Fast non-dominated sort of the n rows of F (m columns). Identical rows share a rank.
 * O(N log N) for m = 2; O(N log N log F) for m = 3; dominator bitsets (O(M N^2 / 64)) or
 * ENS-BS (O(M N^2) worst case) otherwise. `maxRanked` (pymoo `n_stop_if_ranked`): for m = 3 and the
 * dominator bitsets (m >= 4) only the first fronts holding at least that many rows are returned, as a
 * front-by-front peeling stopping there would; the rows left out get rank = fronts.length and appear in no
 * front. m = 2 and ENS-BS return every front.
 */
export function nonDominatedSort(F: Float64Array, n: number, m: number, maxRanked = n): NonDominatedSortResult {
  const ranks = new Int32Array(n);
  if (n === 0) return { ranks, fronts: [] };
  const order = lexicographicOrder(F, n, m);
  if (m === 2) return { ranks, fronts: collectFronts(ranks, order, sort2(F, n, order, ranks)) };
  if (m === 3) return { ranks, fronts: (hasNaN(F, 3 * n) ? peel3 : sort3)(F, n, order, ranks, maxRanked) };
  if (useBitsets(F, n, m)) {
    const nFronts = dominatorBitsetRanks(F, n, m, order, ranks, false, undefined, maxRanked);
    return { ranks, fronts: collectFronts(ranks, order, nFronts) };
  }
  return { ranks, fronts: collectFronts(ranks, order, ensBs(F, n, m, order, ranks)) };
}

/**
 * The m = 2 sort: each row (lexicographic order) goes to the first front whose least f2 exceeds its f2. Returns the
 * front count.
 */
function sort2(F: Float64Array, n: number, order: Int32Array, ranks: Int32Array): number {
  let nFronts = 0;
  // minF2[r] = smallest f2 in front r so far (non-decreasing in r).
  const minF2 = new Float64Array(n);
  let prev = -1;
  for (let t = 0; t < n; t++) {
    const i = order[t]!;
    const f1 = F[2 * i]!;
    const f2 = F[2 * i + 1]!;
    if (prev >= 0 && F[2 * prev] === f1 && F[2 * prev + 1] === f2) {
      ranks[i] = ranks[prev]!;
      prev = i;
      continue;
    }
    // first front r with minF2[r] > f2
    let lo = 0;
    let hi = nFronts;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (minF2[mid]! <= f2) lo = mid + 1;
      else hi = mid;
    }
    if (lo === nFronts) nFronts++;
    minF2[lo] = f2;
    ranks[i] = lo;
    prev = i;
  }
  return nFronts;
}

/**
 * ENS-BS: members of each front stored in insertion (lexicographic) order; binary search over the fronts. Returns the
 * front count.
 */
function ensBs(F: Float64Array, n: number, m: number, order: Int32Array, ranks: Int32Array): number {
  let nFronts = 0;
  const members: number[][] = [];
  for (let t = 0; t < n; t++) {
    const i = order[t]!;
    let lo = 0;
    let hi = nFronts;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const front = members[mid]!;
      let dominated = false;
      // scan from the last added member: the likeliest dominator is a close neighbour
      for (let q = front.length - 1; q >= 0; q--) {
        if (rowDominates(F, m, front[q]!, i)) {
          dominated = true;
          break;
        }
      }
      if (dominated) lo = mid + 1;
      else hi = mid;
    }
    if (lo === nFronts) {
      members.push([]);
      nFronts++;
    }
    members[lo]!.push(i);
    ranks[i] = lo;
  }
  return nFronts;
}

/** True when one of the first `length` values of F is NaN. */
export function hasNaN(F: Float64Array, length: number): boolean {
  for (let i = 0; i < length; i++) if (F[i] !== F[i]) return true;
  return false;
}

/** m >= 4, no NaN (no order for it) and at most DOMINATOR_BITSETS_MAX_POINTS rows: ./dominatorBitsets.ts. */
function useBitsets(F: Float64Array, n: number, m: number): boolean {
  return m >= 4 && n <= DOMINATOR_BITSETS_MAX_POINTS && !hasNaN(F, n * m);
}

/** 1 for the rows of F no other row dominates (the first front), 0 for the others. */
export function nonDominatedMask(F: Float64Array, n: number, m: number): Uint8Array {
  const mask = new Uint8Array(n);
  if (n === 0) return mask;
  if (useBitsets(F, n, m)) {
    // only whether a row has a dominator: each row's search stops at the first
    const ranks = new Int32Array(n);
    dominatorBitsetRanks(F, n, m, lexicographicOrder(F, n, m), ranks, true);
    for (let i = 0; i < n; i++) mask[i] = ranks[i] === 0 ? 1 : 0;
    return mask;
  }
  for (const i of nonDominatedSort(F, n, m).fronts[0]!) mask[i] = 1;
  return mask;
}

/** Indices of the non-dominated rows of F (first front), ascending by index. */
export function nonDominatedIndices(F: Float64Array, n: number, m: number): Int32Array {
  const mask = nonDominatedMask(F, n, m);
  let count = 0;
  for (let i = 0; i < n; i++) count += mask[i]!;
  const out = new Int32Array(count);
  for (let i = 0, c = 0; i < n; i++) if (mask[i]) out[c++] = i;
  return out;
}

/**
 * Sets unique[t] = 1 for the rows (n x m) not equal to their predecessor in `order` (lexicographic); returns their
 * count.
 */
function markUnique(rows: Float64Array, n: number, m: number, order: Int32Array, unique: Uint8Array): number {
  let nu = 0;
  for (let s = 0; s < n; s++) {
    const t = order[s]!;
    let dup = false;
    if (s > 0) {
      const o1 = order[s - 1]! * m;
      const o2 = t * m;
      dup = true;
      for (let k = 0; k < m; k++) {
        if (rows[o1 + k] !== rows[o2 + k]) {
          dup = false;
          break;
        }
      }
    }
    if (!dup) {
      unique[t] = 1;
      nu++;
    }
  }
  return nu;
}

/**
 * Crowding distance (pymoo 0.6.2 semantics) of the rows `members` of F; result[t] belongs to
 * members[t]. Duplicate rows (all but the first occurrence) get 0; boundary rows +Infinity.
 */
export function crowdingDistance(F: Float64Array, m: number, members: ArrayLike<number>): Float64Array {
  const n = members.length;
  const cd = new Float64Array(n);
  if (n <= 2) {
    cd.fill(Infinity);
    return cd;
  }
  // the members' rows, then duplicates: lexicographic order of the rows (ties by position), equal neighbours -> later
  // ones duplicate; the radix-based orders of ./lexicographicOrder.ts, not comparator sorts (NSGA-II sorts every
  // generation's merged population: ~2.5 % of a ZDT1 run)
  const rows = new Float64Array(n * m);
  for (let t = 0; t < n; t++) for (let k = 0, o = members[t]! * m; k < m; k++) rows[t * m + k] = F[o + k]!;
  const order = lexicographicOrder(rows, n, m);
  const unique = new Uint8Array(n);
  const nu = markUnique(rows, n, m, order, unique);
  const u = new Int32Array(nu);
  for (let t = 0, c = 0; t < n; t++) if (unique[t]) u[c++] = t;
  // The unique rows in lexicographic order: when their f1 values are all distinct, this is also their order by f1
  // (ties by position never arise); in 2-D, when f2 then strictly falls (a front: an antichain), the reverse is
  // their order by f2. Checked, not assumed: otherwise the columns are sorted.
  const lexUnique = new Int32Array(nu);
  for (let s = 0, c = 0; s < n; s++) if (unique[order[s]!]) lexUnique[c++] = order[s]!;
  let distinctFirst = true;
  let fallingSecond = m === 2;
  for (let c = 1; c < nu && distinctFirst; c++) {
    distinctFirst = rows[lexUnique[c - 1]! * m]! < rows[lexUnique[c]! * m]!;
    fallingSecond &&= rows[lexUnique[c - 1]! * m + 1]! > rows[lexUnique[c]! * m + 1]!;
  }
  const column = new Float64Array(nu);
  const sorted = new Int32Array(nu);
  for (let k = 0; k < m; k++) {
    // the unique members by f_k, ties by position
    if (k === 0 && distinctFirst) sorted.set(lexUnique);
    else if (k === 1 && distinctFirst && fallingSecond) for (let c = 0; c < nu; c++) sorted[c] = lexUnique[nu - 1 - c]!;
    else {
      for (let c = 0; c < nu; c++) column[c] = rows[u[c]! * m + k]!;
      const byValue = lexicographicOrder(column, nu, 1);
      for (let c = 0; c < nu; c++) sorted[c] = u[byValue[c]!]!;
    }
    const lo = rows[sorted[0]! * m + k]!;
    const hi = rows[sorted[nu - 1]! * m + k]!;
    const norm = hi - lo;
    if (!(norm > 0)) continue; // pymoo: NaN -> 0 for this objective, boundaries included
    cd[sorted[0]!] = Infinity;
    cd[sorted[nu - 1]!] = Infinity;
    for (let s = 1; s < nu - 1; s++) {
      const t = sorted[s]!;
      const next = rows[sorted[s + 1]! * m + k]!;
      const prev = rows[sorted[s - 1]! * m + k]!;
      cd[t] = cd[t]! + (next - prev) / norm;
    }
  }
  for (let t = 0; t < n; t++) cd[t] = unique[t] ? cd[t]! / m : 0;
  return cd;
}
