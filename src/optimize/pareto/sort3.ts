/**
 * Non-dominated sorting of 3-objective rows (see ./dominance.ts for the conventions) by ENS-BS with a
 * 2-D staircase per front (Kung, Luccio, Preparata, J. ACM 22(4), 1975; Zhang et al., IEEE TEVC 19(2),
 * 2015): in lexicographic order every earlier point has f1 <= p1, so p is dominated by a member of a
 * front iff the front's staircase of (f2, f3) projections weakly dominates (p2, p3) (a member equal to p
 * in all three is a duplicate: it takes the rank of the row before it). Each point goes to the first front
 * that does not dominate it, found by binary search: O(N log N log F).
 */

/**
 * The 2-D (f2, f3) staircase of a lexicographic sweep in f1: holds the projections of the
 * non-dominated points seen so far, sorted by f2 ascending (f3 then descending). Grows as needed.
 * Shared by the 3-objective non-dominated sort and the 3-objective archive merge.
 */
export class Staircase2D {
  private ys: Float64Array;
  private zs: Float64Array;
  private size = 0;
  constructor(capacity = 16) {
    this.ys = new Float64Array(Math.max(1, capacity));
    this.zs = new Float64Array(Math.max(1, capacity));
  }
  reset(): void {
    this.size = 0;
  }
  /** First position whose f2 is >= py. */
  private lowerBound(py: number): number {
    const ys = this.ys;
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ys[mid]! < py) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
  /** True when an inserted point weakly dominates (py, pz). */
  covers(py: number, pz: number): boolean {
    return this.coversAt(this.lowerBound(py), py, pz);
  }
  private coversAt(pos: number, py: number, pz: number): boolean {
    return (pos > 0 && this.zs[pos - 1]! <= pz) || (pos < this.size && this.ys[pos] === py && this.zs[pos]! <= pz);
  }
  /** false when an earlier point weakly dominates (py, pz); otherwise inserts it and returns true. */
  tryInsert(py: number, pz: number): boolean {
    const pos = this.lowerBound(py);
    if (this.coversAt(pos, py, pz)) return false;
    this.insertAt(pos, py, pz);
    return true;
  }
  /** Inserts (py, pz), which no inserted point weakly dominates; drops the points it dominates. */
  insert(py: number, pz: number): void {
    this.insertAt(this.lowerBound(py), py, pz);
  }
  private insertAt(pos: number, py: number, pz: number): void {
    const size = this.size;
    if (size === this.ys.length) this.grow();
    const ys = this.ys;
    const zs = this.zs;
    let end = pos;
    while (end < size && zs[end]! >= pz) end++;
    if (end - pos !== 1) {
      ys.copyWithin(pos + 1, end, size);
      zs.copyWithin(pos + 1, end, size);
      this.size = size + 1 - (end - pos);
    }
    ys[pos] = py;
    zs[pos] = pz;
  }
  private grow(): void {
    const ys = new Float64Array(2 * this.ys.length);
    const zs = new Float64Array(2 * this.zs.length);
    ys.set(this.ys);
    zs.set(this.zs);
    this.ys = ys;
    this.zs = zs;
  }
}

/**
 * Sets ranks[row] for the n rows of F (3 columns) in lexicographic order `order`; returns the fronts
 * (rows in lexicographic order). Only the first fronts holding at least `maxRanked` rows are returned;
 * the rows of the others get rank = fronts.length (the rows a front-by-front peeling stopping there
 * would have left unranked).
 */
export function sort3(
  F: Float64Array,
  n: number,
  order: Int32Array,
  ranks: Int32Array,
  maxRanked: number,
): Int32Array[] {
  const stairs: Staircase2D[] = [];
  let prev = -1;
  for (let t = 0; t < n; t++) {
    const i = order[t]!;
    const o = 3 * i;
    const py = F[o + 1]!;
    const pz = F[o + 2]!;
    if (prev >= 0 && F[3 * prev] === F[o] && F[3 * prev + 1] === py && F[3 * prev + 2] === pz) {
      ranks[i] = ranks[prev]!;
      prev = i;
      continue;
    }
    // the first front whose staircase does not cover p (covering is monotone in the front number)
    let lo = 0;
    let hi = stairs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (stairs[mid]!.covers(py, pz)) lo = mid + 1;
      else hi = mid;
    }
    if (lo === stairs.length) stairs.push(new Staircase2D());
    stairs[lo]!.insert(py, pz);
    ranks[i] = lo;
    prev = i;
  }
  const counts = new Int32Array(stairs.length + 1);
  for (let i = 0; i < n; i++) counts[ranks[i]!]!++;
  let kept = 0;
  for (let ranked = 0; kept < stairs.length && ranked < maxRanked; kept++) ranked += counts[kept]!;
  const fronts: Int32Array[] = [];
  for (let r = 0; r < kept; r++) fronts.push(new Int32Array(counts[r]!));
  counts.fill(0);
  for (let t = 0; t < n; t++) {
    const i = order[t]!;
    const r = ranks[i]!;
    if (r < kept) fronts[r]![counts[r]!++] = i;
    else ranks[i] = kept;
  }
  return fronts;
}

/**
 * The front-by-front peeling this module replaced (each front a sweep with one staircase): kept for rows
 * holding a NaN, whose comparisons are all false, so that those keep the ranks they always had.
 */
export function peel3(
  F: Float64Array,
  n: number,
  order: Int32Array,
  ranks: Int32Array,
  maxRanked: number,
): Int32Array[] {
  let bufA = Int32Array.from(order);
  let bufB = new Int32Array(n);
  let remaining = bufA.subarray(0, n);
  const stairs = new Staircase2D(n);
  const fronts: Int32Array[] = [];
  let ranked = 0;
  while (remaining.length > 0) {
    if (ranked >= maxRanked) {
      for (const i of remaining) ranks[i] = fronts.length;
      break;
    }
    const r = fronts.length;
    const front: number[] = [];
    let nNext = 0;
    stairs.reset();
    let prev = -1;
    let prevIn = false;
    for (let t = 0; t < remaining.length; t++) {
      const i = remaining[t]!;
      const o = 3 * i;
      const px = F[o]!;
      const py = F[o + 1]!;
      const pz = F[o + 2]!;
      let inFront: boolean;
      if (prev >= 0 && F[3 * prev] === px && F[3 * prev + 1] === py && F[3 * prev + 2] === pz) {
        inFront = prevIn;
      } else {
        inFront = stairs.tryInsert(py, pz);
      }
      prev = i;
      prevIn = inFront;
      if (inFront) {
        ranks[i] = r;
        front.push(i);
      } else {
        bufB[nNext++] = i;
      }
    }
    fronts.push(Int32Array.from(front));
    ranked += front.length;
    remaining = bufB.subarray(0, nNext);
    const t = bufA;
    bufA = bufB;
    bufB = t;
  }
  return fronts;
}
