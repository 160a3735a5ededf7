/**
 * Indicators of the front seen so far, kept up to date point by point while the history replays the log, instead
 * of recomputed from the whole archive at every generation (at 5 objectives that recomputation would cost about a
 * quarter of a run).
 * Method: for an unbounded archive the current front dominates a sample point exactly when some design seen so far
 * does, and (IGD+ being weakly Pareto-compliant; Ishibuchi et al., EMO 2015, "Modified distance calculation in
 * generational distance and inverted generational distance") min d⁺ over the front = min over designs seen.
 * - `RunningHvEstimate`: Monte Carlo estimate on N uniform samples of the fixed box [0, reference]^m of the normalized
 *   space: value = Π reference_k · (dominated / N), standard error Π reference_k · sqrt(p(1−p)/N); the same samples
 *   for every generation (common random numbers).
 * - `RunningIgdPlus`: mean over the reference points of the running minimum of d⁺ (raw objectives).
 * Validity: unbounded archives only (a bounded one drops designs without a dominator; the history recomputes there).
 * Why a running value is exact, and the replay: docs/runs.md §"Incremental history indicators".
 */
import { createRng } from '../base/rng.js';

export class RunningHvEstimate {
  private readonly S: Float64Array;
  private P: Float64Array;
  private index: Float64Array;
  private n = 0;
  private readonly volume: number;
  /** Per sample, the evaluation index of its earliest dominator (Infinity: none), sorted; set by `finish`. */
  private firstHit: Float64Array | null = null;

  constructor(
    readonly m: number,
    reference: readonly number[],
    readonly samples: number,
    seed: number,
  ) {
    const rng = createRng(seed);
    this.S = new Float64Array(samples * m);
    for (let i = 0; i < this.S.length; i++) this.S[i] = rng.next() * reference[i % m]!;
    this.P = new Float64Array(1024 * m);
    this.index = new Float64Array(1024);
    this.volume = reference.reduce((v, r) => v * r, 1);
  }

  /** A normalized design and its evaluation index (offered in index order). */
  add(y: ArrayLike<number>, evalIndex: number): void {
    const m = this.m;
    if ((this.n + 1) * m > this.P.length) {
      const P = new Float64Array(this.P.length * 2);
      P.set(this.P);
      this.P = P;
      const I = new Float64Array(this.index.length * 2);
      I.set(this.index);
      this.index = I;
    }
    for (let k = 0; k < m; k++) this.P[this.n * m + k] = y[k]!;
    this.index[this.n++] = evalIndex;
    this.firstHit = null;
  }

  /**
   * The estimate for the designs with evaluation index ≤ maxIndex. The first call after `add` finds, for every
   * sample, the earliest design dominating it, through a k-d tree over the designs whose nodes carry their lowest
   * index (a node entirely above the sample in one coordinate holds no dominator; one entirely below it in every
   * coordinate gives its lowest index at once): O(N log n) typical instead of N per design.
   */
  estimate(maxIndex: number): { value: number; standardError: number } {
    if (this.firstHit === null)
      this.firstHit = earliestDominators(this.P, this.index, this.n, this.S, this.samples, this.m);
    const hits = this.firstHit;
    let lo = 0;
    let hi = hits.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (hits[mid]! <= maxIndex) lo = mid + 1;
      else hi = mid;
    }
    const p = lo / this.samples;
    return { value: this.volume * p, standardError: this.volume * Math.sqrt((p * (1 - p)) / this.samples) };
  }
}

const LEAF = 8;

/**
 * Reorders perm[a, b) so that the rows before position k have no larger `axis` value than those from k on (Hoare's
 * selection, median-of-three pivots): the median split of a node in O(b - a) expected, where a comparator sort of
 * every node cost 1.2 s for the 192,000 designs of a 5-objective run. Which rows go to which side among equal values
 * does not matter: the queries are exact for any tree.
 */
function selectAt(perm: Int32Array, P: Float64Array, m: number, axis: number, a: number, b: number, k: number): void {
  let lo = a;
  let hi = b - 1;
  while (hi > lo) {
    const x = P[perm[lo]! * m + axis]!;
    const y = P[perm[(lo + hi) >>> 1]! * m + axis]!;
    const z = P[perm[hi]! * m + axis]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (P[perm[i]! * m + axis]! < pivot) i++;
      while (P[perm[j]! * m + axis]! > pivot) j--;
      if (i <= j) {
        const t = perm[i]!;
        perm[i++] = perm[j]!;
        perm[j--] = t;
      }
    }
    // [lo, j] <= pivot <= [i, hi], with j < i; between them, values equal to the pivot
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

/** A k-d tree over the designs: per node its [start, end) range, children (-1 at a leaf), box and minimum index. */
interface KdTree {
  readonly m: number;
  readonly starts: number[];
  readonly ends: number[];
  readonly left: number[];
  readonly right: number[];
  readonly lo: number[];
  readonly hi: number[];
  readonly minIndex: number[];
}

/** Builds the node over perm[a, b) and its subtree, by median splits on cycling axes; returns the node's id. */
function buildKdNode(
  tree: KdTree,
  perm: Int32Array,
  P0: Float64Array,
  index0: Float64Array,
  a: number,
  b: number,
  depth: number,
): number {
  const { m, starts, ends, left, right, lo, hi, minIndex } = tree;
  const id = starts.length;
  starts.push(a);
  ends.push(b);
  left.push(-1);
  right.push(-1);
  minIndex.push(Infinity);
  for (let k = 0; k < m; k++) {
    lo.push(Infinity);
    hi.push(-Infinity);
  }
  for (let t = a; t < b; t++) {
    const o = perm[t]! * m;
    for (let k = 0; k < m; k++) {
      const v = P0[o + k]!;
      if (v < lo[id * m + k]!) lo[id * m + k] = v;
      if (v > hi[id * m + k]!) hi[id * m + k] = v;
    }
    if (index0[perm[t]!]! < minIndex[id]!) minIndex[id] = index0[perm[t]!]!;
  }
  if (b - a > LEAF) {
    const axis = depth % m;
    const mid = (a + b) >>> 1;
    selectAt(perm, P0, m, axis, a, b, mid);
    const l = buildKdNode(tree, perm, P0, index0, a, mid, depth + 1);
    const r = buildKdNode(tree, perm, P0, index0, mid, b, depth + 1);
    left[id] = l;
    right[id] = r;
  }
  return id;
}

/** The smallest index below `best` of a design in the node's subtree that dominates the sample s[o, o + m). */
function queryKdNode(
  tree: KdTree,
  P: Float64Array,
  index: Float64Array,
  node: number,
  s: Float64Array,
  o: number,
  best: number,
): number {
  const { m, starts, ends, left, right, lo, hi, minIndex } = tree;
  if (minIndex[node]! >= best) return best;
  let all = true;
  for (let k = 0; k < m; k++) {
    if (lo[node * m + k]! > s[o + k]!) return best; // every design here is worse than the sample in k
    if (hi[node * m + k]! > s[o + k]!) all = false;
  }
  if (all) return minIndex[node]!;
  if (left[node]! < 0) {
    for (let t = starts[node]!; t < ends[node]!; t++) {
      if (index[t]! >= best) continue;
      let k = 0;
      while (k < m && P[t * m + k]! <= s[o + k]!) k++;
      if (k === m) best = index[t]!;
    }
    return best;
  }
  best = queryKdNode(tree, P, index, left[node]!, s, o, best);
  return queryKdNode(tree, P, index, right[node]!, s, o, best);
}

/** Sorted earliest-dominator indices of the samples (see RunningHvEstimate.estimate). */
function earliestDominators(
  P0: Float64Array,
  index0: Float64Array,
  n: number,
  S: Float64Array,
  N: number,
  m: number,
): Float64Array {
  const perm = Int32Array.from({ length: n }, (_, i) => i);
  const P = new Float64Array(n * m);
  const index = new Float64Array(n);
  const tree: KdTree = { m, starts: [], ends: [], left: [], right: [], lo: [], hi: [], minIndex: [] };
  if (n > 0) buildKdNode(tree, perm, P0, index0, 0, n, 0);
  for (let t = 0; t < n; t++) {
    P.set(P0.subarray(perm[t]! * m, perm[t]! * m + m), t * m);
    index[t] = index0[perm[t]!]!;
  }
  const out = new Float64Array(N);
  for (let i = 0; i < N; i++) out[i] = n > 0 ? queryKdNode(tree, P, index, 0, S, i * m, Infinity) : Infinity;
  return out.sort();
}

export class RunningIgdPlus {
  private readonly minD2: Float64Array;
  private seen = 0;

  constructor(
    readonly m: number,
    private readonly reference: readonly Float64Array[],
  ) {
    this.minD2 = new Float64Array(reference.length).fill(Infinity);
  }

  /** A design (raw objectives): each reference point's nearest d⁺ so far. */
  add(a: ArrayLike<number>): void {
    const m = this.m;
    this.seen++;
    for (let r = 0; r < this.reference.length; r++) {
      const z = this.reference[r]!;
      const best = this.minD2[r]!;
      let d2 = 0;
      for (let k = 0; k < m && d2 < best; k++) {
        const d = a[k]! - z[k]!;
        if (d > 0) d2 += d * d;
      }
      if (d2 < best) this.minD2[r] = d2;
    }
  }

  /** Mean of the nearest d⁺ over the reference points (undefined before the first design). */
  value(): number | undefined {
    if (this.seen === 0) return undefined;
    let total = 0;
    for (let r = 0; r < this.minD2.length; r++) total += Math.sqrt(this.minD2[r]!);
    return total / this.minD2.length;
  }
}
