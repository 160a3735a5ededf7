/**
 * Spread order of a set of objective vectors: the order in which iterated pruning keeps them. The pruning removes the
 * most crowded member, recomputes the crowding of the members it affected, and repeats; the order lists the last member
 * removed first, so its first k entries are the k members the pruning keeps. Crowding, on objectives scaled to the
 * set's range: for two objectives NSGA-II's crowding distance (Deb et al. 2002), iterated as in Kukkonen & Deb 2006,
 * "Improved pruning of non-dominated solutions based on crowding distance for bi-objective optimization problems"
 * (CEC 2006); for three or more, where crowding distance is known to misjudge spread, the product of the distances to
 * the m nearest neighbours (Kukkonen & Deb 2006, "A fast and effective method for pruning of non-dominated solutions in
 * many-objective problems", PPSN IX), with crowding distance above MANY_NEIGHBOUR_MAX members (O(n² m) there).
 * Exact duplicates go first (last in the order); ties remove the higher index first.
 */

/** Members above which three or more objectives are pruned by crowding distance (O(n m log n)) instead. */
export const MANY_NEIGHBOUR_MAX = 20_000;

/** Indices 0..n-1 of the rows of F (n × m, row-major), most spread-preserving first. */
export function spreadOrder(F: Float64Array, n: number, m: number): Int32Array {
  const removed = new Uint8Array(n);
  const removal: number[] = [];
  for (const d of duplicateRows(F, n, m)) {
    removed[d] = 1;
    removal.push(d);
  }
  if (m >= 3 && n <= MANY_NEIGHBOUR_MAX) nearestNeighbourPruning(F, n, m, removed, removal);
  else crowdingPruning(F, n, m, removed, removal);
  return Int32Array.from(removal.reverse());
}

/** Scales each objective to the range of the members not yet removed (an objective of no range: 0). */
function scaled(F: Float64Array, n: number, m: number, removed: Uint8Array): Float64Array {
  const S = new Float64Array(n * m);
  for (let k = 0; k < m; k++) {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < n; i++) {
      if (removed[i]) continue;
      lo = Math.min(lo, F[i * m + k]!);
      hi = Math.max(hi, F[i * m + k]!);
    }
    const range = hi - lo;
    for (let i = 0; i < n; i++) S[i * m + k] = range > 0 ? (F[i * m + k]! - lo) / range : 0;
  }
  return S;
}

/** Pruning by the product of the distances to the m nearest members still in (appends to `removal`). */
function nearestNeighbourPruning(F: Float64Array, n: number, m: number, removed: Uint8Array, removal: number[]): void {
  const S = scaled(F, n, m, removed);
  const dist = (a: number, b: number): number => {
    let d = 0;
    for (let k = 0; k < m; k++) d += (S[a * m + k]! - S[b * m + k]!) ** 2;
    return Math.sqrt(d);
  };
  const neighbours: number[][] = new Array<number[]>(n);
  const heldBy: Set<number>[] = Array.from({ length: n }, () => new Set<number>());
  const heap = new MinHeap();
  const version = new Int32Array(n);
  // the m nearest members still in, and the product of their distances
  const measure = (i: number): number => {
    const near: { j: number; d: number }[] = [];
    for (let j = 0; j < n; j++) {
      if (j === i || removed[j]) continue;
      const d = dist(i, j);
      if (near.length < m) near.push({ j, d });
      else if (d < near[m - 1]!.d) near[m - 1] = { j, d };
      else continue;
      near.sort((a, b) => a.d - b.d || a.j - b.j);
    }
    for (const j of neighbours[i] ?? []) heldBy[j]!.delete(i);
    neighbours[i] = near.map((e) => e.j);
    for (const e of near) heldBy[e.j]!.add(i);
    return near.reduce((p, e) => p * e.d, 1);
  };
  for (let i = 0; i < n; i++) if (!removed[i]) heap.push(measure(i), i, 0);
  while (heap.size > 0) {
    const { index: r, stamp } = heap.pop();
    if (removed[r] || stamp !== version[r]) continue;
    removed[r] = 1;
    removal.push(r);
    for (const j of neighbours[r] ?? []) heldBy[j]!.delete(r);
    const affected = [...heldBy[r]!];
    heldBy[r]!.clear();
    for (const i of affected) if (!removed[i]) heap.push(measure(i), i, ++version[i]!);
  }
}

/** Pruning by crowding distance, one linked list per objective (appends to `removal`). */
function crowdingPruning(F: Float64Array, n: number, m: number, removed: Uint8Array, removal: number[]): void {
  const prev = new Int32Array(n * m).fill(-1);
  const next = new Int32Array(n * m).fill(-1);
  const range = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const order: number[] = [];
    for (let i = 0; i < n; i++) if (!removed[i]) order.push(i);
    order.sort((a, b) => F[a * m + k]! - F[b * m + k]! || a - b);
    for (let s = 0; s < order.length; s++) {
      prev[k * n + order[s]!] = s > 0 ? order[s - 1]! : -1;
      next[k * n + order[s]!] = s + 1 < order.length ? order[s + 1]! : -1;
    }
    if (order.length > 0) range[k] = F[order[order.length - 1]! * m + k]! - F[order[0]! * m + k]!;
  }
  const distance = (i: number): number => {
    let cd = 0;
    for (let k = 0; k < m; k++) {
      if (!(range[k]! > 0)) continue;
      const p = prev[k * n + i]!;
      const q = next[k * n + i]!;
      if (p < 0 || q < 0) return Infinity;
      cd += (F[q * m + k]! - F[p * m + k]!) / range[k]!;
    }
    return cd;
  };
  const heap = new MinHeap();
  const version = new Int32Array(n);
  for (let i = 0; i < n; i++) if (!removed[i]) heap.push(distance(i), i, 0);
  while (heap.size > 0) {
    const { index: i, stamp } = heap.pop();
    if (removed[i] || stamp !== version[i]) continue;
    removed[i] = 1;
    removal.push(i);
    for (let k = 0; k < m; k++) {
      const p = prev[k * n + i]!;
      const q = next[k * n + i]!;
      if (p >= 0) next[k * n + p] = q;
      if (q >= 0) prev[k * n + q] = p;
    }
    for (let k = 0; k < m; k++) {
      for (const j of [prev[k * n + i]!, next[k * n + i]!]) {
        if (j < 0 || removed[j]) continue;
        heap.push(distance(j), j, ++version[j]!);
      }
    }
  }
}

/** Rows equal to an earlier row (all but the first occurrence of each vector). */
function duplicateRows(F: Float64Array, n: number, m: number): number[] {
  const seen = new Set<string>();
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const key = Array.from(F.subarray(i * m, i * m + m)).join(',');
    if (seen.has(key)) out.push(i);
    else seen.add(key);
  }
  return out;
}

/** A binary min-heap of (key, index, stamp): the least key first, ties the higher index first. */
class MinHeap {
  private keys: number[] = [];
  private items: number[] = [];
  private stamps: number[] = [];

  get size(): number {
    return this.keys.length;
  }

  push(key: number, index: number, stamp: number): void {
    this.keys.push(key);
    this.items.push(index);
    this.stamps.push(stamp);
    let c = this.keys.length - 1;
    while (c > 0) {
      const p = (c - 1) >> 1;
      if (!this.before(c, p)) break;
      this.swap(c, p);
      c = p;
    }
  }

  pop(): { index: number; stamp: number } {
    const top = { index: this.items[0]!, stamp: this.stamps[0]! };
    const last = this.keys.length - 1;
    this.swap(0, last);
    this.keys.pop();
    this.items.pop();
    this.stamps.pop();
    for (let p = 0; ;) {
      const l = 2 * p + 1;
      const r = l + 1;
      let c = p;
      if (l < this.keys.length && this.before(l, c)) c = l;
      if (r < this.keys.length && this.before(r, c)) c = r;
      if (c === p) break;
      this.swap(c, p);
      p = c;
    }
    return top;
  }

  private before(a: number, b: number): boolean {
    const ka = this.keys[a]!;
    const kb = this.keys[b]!;
    return ka < kb || (ka === kb && this.items[a]! > this.items[b]!);
  }

  private swap(a: number, b: number): void {
    [this.keys[a], this.keys[b]] = [this.keys[b]!, this.keys[a]!];
    [this.items[a], this.items[b]] = [this.items[b]!, this.items[a]!];
    [this.stamps[a], this.stamps[b]] = [this.stamps[b]!, this.stamps[a]!];
  }
}
