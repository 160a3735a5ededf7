/**
 * Unbounded archive of every feasible non-dominated design seen (objectives minimized). Generic over what is
 * stored with each objective vector (the optimizer keeps individuals; the run history replays logged rows).
 * Entries are kept in lexicographic order of f. A candidate weakly dominated by an entry (including an equal f) is
 * rejected; among equal objective vectors the lowest evalIndex is kept, so the content is a deterministic function
 * of the set of designs seen, whatever the insertion order or timing.
 * Method by m: m = 2, a staircase (binary search and splice); m = 3, buffered batches merged by one 2-D staircase
 * sweep (Kung, Luccio, Preparata, J. ACM 22(4), 1975); m >= 4, buffered batches merged by dominator bitsets
 * (src/optimize/pareto/dominatorBitsets.ts).
 * Optional bound (`capacity`): above capacity + 10 % the archive is cut back to `capacity` by crowding distance
 * (Deb, Pratap, Agarwal, Meyarivan, IEEE TEVC 6(2), 2002), the extremes of each objective always kept; a bounded
 * archive's content depends on the sequence of offers and reads, and no longer holds every non-dominated design.
 * Derivation, evidence and costs: docs/algorithms.md §"Pareto archive".
 */
import { crowdingDistance, hasNaN, nonDominatedMask, Staircase2D } from './dominance.js';
import { lexicographicOrder } from './lexicographicOrder.js';

/**
 * What the archive needs of a design: minimized objectives, constraint violation (≤ 0 feasible), and its evaluation
 * index (ties).
 */
export interface ArchiveMember {
  readonly f: Float64Array;
  readonly cv: number;
  readonly evalIndex: number;
}

/**
 * The members in the order of `cmp` (f lexicographic, then evalIndex; ties in the given order) by a merge
 * sort of [f, evalIndex] rows: the optimizer sorts such rows every generation, so this runs optimized code
 * even in a run's first merges, where a comparator sort would run cold (a few ms for 1,000 members).
 * With a NaN in f (no consistent order) the comparator sort runs, as before.
 */
function sortedByKey<T extends ArchiveMember>(items: T[], cmp: (a: T, b: T) => number): T[] {
  const n = items.length;
  const m = n > 0 ? items[0]!.f.length : 0;
  const rows = new Float64Array(n * (m + 1));
  for (let t = 0; t < n; t++) {
    const f = items[t]!.f;
    for (let k = 0; k < m; k++) rows[t * (m + 1) + k] = f[k]!;
    rows[t * (m + 1) + m] = items[t]!.evalIndex;
  }
  for (let i = 0; i < rows.length; i++) if (rows[i] !== rows[i]) return items.sort(cmp);
  const order = lexicographicOrder(rows, n, m + 1);
  const out: T[] = [];
  for (let t = 0; t < n; t++) out.push(items[order[t]!]!);
  return out;
}

/** Row i of F into row j of G (m columns). */
function copyRow(F: Float64Array, i: number, G: Float64Array, j: number, m: number): void {
  for (let k = 0; k < m; k++) G[j * m + k] = F[i * m + k]!;
}

function sameRow(F: Float64Array, m: number, i: number, j: number): boolean {
  for (let k = 0; k < m; k++) if (F[i * m + k] !== F[j * m + k]) return false;
  return true;
}

export class ParetoArchive<T extends ArchiveMember = ArchiveMember> {
  /** The entries in lexicographic order, their f in F. */
  private entries: T[] = [];
  private F: Float64Array;
  private count = 0;
  /** Buffered candidates (m >= 3). */
  private buffer: T[] = [];

  /** `capacity`: bound on the archive size (Infinity: unbounded), see the header. */
  constructor(
    readonly m: number,
    readonly capacity = Infinity,
  ) {
    if (!(capacity >= 2)) throw new RangeError(`archive capacity must be at least 2, got ${capacity}`);
    this.F = new Float64Array(Math.max(16, m * 64));
  }

  get size(): number {
    this.flush();
    return this.count;
  }

  /** The archive, lexicographically sorted by f (deterministic). A fresh array. */
  items(): T[] {
    this.flush();
    return this.entries.slice();
  }

  /**
   * Offers a design: feasible ones (cv <= 0, f of length m) are considered, others ignored.
   * For m >= 3 the decision is deferred to the next batch merge.
   */
  add(ind: T): void {
    if (!(ind.cv <= 0) || ind.f.length !== this.m) return;
    if (this.m <= 2) {
      if (this.insert(ind)) this.bound();
      return;
    }
    this.buffer.push(ind);
    // m >= 4 unbounded: merged at twice the archive's size (see the header)
    if (this.buffer.length >= Math.max(1024, (this.capacity === Infinity && this.m >= 4 ? 2 : 1) * this.count))
      this.flush();
  }

  /** Merges the buffered candidates. */
  flush(): void {
    if (this.buffer.length === 0) return;
    const buf = this.buffer;
    this.buffer = [];
    if (this.m === 3) this.merge3(buf);
    else if (!this.mergeBatch(buf)) {
      // a NaN objective (no order for it): each candidate in evalIndex order, by the scan of `insert`
      buf.sort((a, b) => a.evalIndex - b.evalIndex);
      for (const ind of buf) this.insert(ind);
    }
    this.bound();
  }

  /** Cuts the archive back to `capacity` by crowding distance once it exceeds capacity + 10 % (see the header). */
  private bound(): void {
    if (this.count <= this.capacity + Math.max(1, Math.floor(this.capacity / 10))) return;
    const n = this.count;
    const m = this.m;
    const members = new Int32Array(n);
    for (let i = 0; i < n; i++) members[i] = i;
    const cd = crowdingDistance(this.F.subarray(0, n * m), m, members);
    const order = Array.from(members).sort(
      (a, b) => cd[b]! - cd[a]! || this.entries[a]!.evalIndex - this.entries[b]!.evalIndex,
    );
    const keep = new Uint8Array(n);
    for (let t = 0; t < this.capacity; t++) keep[order[t]!] = 1;
    let w = 0;
    for (let i = 0; i < n; i++) {
      if (!keep[i]) continue;
      if (w !== i) {
        this.F.copyWithin(w * m, i * m, i * m + m);
        this.entries[w] = this.entries[i]!;
      }
      w++;
    }
    this.entries.length = w;
    this.count = w;
  }

  /**
   * m >= 4: the new content from the entries and the batch at once: the rows no row dominates, one per objective
   * vector (the lowest evalIndex), in the order of (f, evalIndex). False (nothing done) when an objective is NaN.
   */
  private mergeBatch(buf: T[]): boolean {
    const m = this.m;
    const all = this.entries.concat(buf);
    const n = all.length;
    // this.F holds the entries' rows in their order: copied at once, the batch's rows member by member
    const F = new Float64Array(n * m);
    F.set(this.F.subarray(0, this.count * m));
    for (let t = this.count; t < n; t++) {
      const f = all[t]!.f;
      for (let k = 0; k < m; k++) F[t * m + k] = f[k]!;
    }
    if (hasNaN(F, n * m)) return false;
    const rows = new Float64Array(n * (m + 1));
    for (let t = 0; t < n; t++) {
      for (let k = 0; k < m; k++) rows[t * (m + 1) + k] = F[t * m + k]!;
      rows[t * (m + 1) + m] = all[t]!.evalIndex;
    }
    const front = nonDominatedMask(F, n, m);
    const order = lexicographicOrder(rows, n, m + 1);
    const kept: T[] = [];
    const keptRows: number[] = [];
    for (let t = 0; t < n; t++) {
      const i = order[t]!;
      if (t > 0 && sameRow(F, m, i, order[t - 1]!)) continue; // equal f: the first in order stays
      if (front[i]) {
        kept.push(all[i]!);
        keptRows.push(i);
      }
    }
    this.entries = kept;
    this.count = kept.length;
    if (this.F.length < kept.length * m) this.F = new Float64Array(kept.length * m * 2);
    for (let t = 0; t < kept.length; t++) copyRow(F, keptRows[t]!, this.F, t, m);
    return true;
  }

  private merge3(buffered: T[]): void {
    const cmp = (a: T, b: T): number => {
      const fa = a.f;
      const fb = b.f;
      for (let k = 0; k < 3; k++) {
        if (fa[k]! < fb[k]!) return -1;
        if (fa[k]! > fb[k]!) return 1;
      }
      return a.evalIndex - b.evalIndex;
    };
    const buf = sortedByKey(buffered, cmp);
    const old = this.entries;
    const stairs = new Staircase2D(old.length + buf.length);
    const kept: T[] = [];
    let i = 0;
    let j = 0;
    let prev: T | null = null;
    while (i < old.length || j < buf.length) {
      const p: T = j >= buf.length || (i < old.length && cmp(old[i]!, buf[j]!) <= 0) ? old[i++]! : buf[j++]!;
      const f = p.f;
      if (prev !== null && prev.f[0] === f[0] && prev.f[1] === f[1] && prev.f[2] === f[2]) continue;
      prev = p;
      if (!stairs.tryInsert(f[1]!, f[2]!)) continue;
      kept.push(p);
    }
    this.entries = kept;
    this.count = kept.length;
    if (this.F.length < kept.length * 3) this.F = new Float64Array(kept.length * 6);
    // element by element: TypedArray.prototype.set costs more per call than three stores
    const F = this.F;
    for (let t = 0; t < kept.length; t++) {
      const f = kept[t]!.f;
      F[3 * t] = f[0]!;
      F[3 * t + 1] = f[1]!;
      F[3 * t + 2] = f[2]!;
    }
  }

  /** First index whose f is lexicographically >= f. */
  private lowerBound(f: Float64Array): number {
    const m = this.m;
    const F = this.F;
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const o = mid * m;
      let cmp = 0;
      for (let k = 0; k < m; k++) {
        const d = F[o + k]! - f[k]!;
        if (d !== 0) {
          cmp = d;
          break;
        }
      }
      if (cmp < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Whether entry pos has the objective vector f. */
  private rowEquals(pos: number, f: Float64Array): boolean {
    const m = this.m;
    const F = this.F;
    for (let k = 0; k < m; k++) if (F[pos * m + k] !== f[k]) return false;
    return true;
  }

  /**
   * Whether an entry before pos weakly dominates f (dominators can only be lexicographically smaller; nearest first).
   */
  private weaklyDominatedBefore(pos: number, f: Float64Array): boolean {
    const m = this.m;
    const F = this.F;
    for (let i = pos - 1; i >= 0; i--) {
      const o = i * m;
      let weak = true;
      for (let k = 0; k < m; k++) {
        if (F[o + k]! > f[k]!) {
          weak = false;
          break;
        }
      }
      if (weak) return true;
    }
    return false;
  }

  /**
   * Immediate insertion (m <= 2; the scan below serves m = 1, and m >= 4 with a NaN objective). True when it entered.
   */
  private insert(ind: T): boolean {
    const m = this.m;
    const f = ind.f;
    const F = this.F;
    const pos = this.lowerBound(f);
    // equal objective vector already present?
    if (pos < this.count) {
      if (this.rowEquals(pos, f)) {
        const cur = this.entries[pos]!;
        if (ind.evalIndex < cur.evalIndex) {
          this.entries[pos] = ind;
          return true;
        }
        return false;
      }
    }
    let end: number; // entries [pos, end) are dominated by f (m = 2), or handled by compaction
    if (m === 2) {
      if (pos > 0 && F[2 * pos - 1]! <= f[1]!) return false;
      end = pos;
      while (end < this.count && F[2 * end + 1]! >= f[1]!) end++;
      this.splice(pos, end - pos, ind);
      return true;
    }
    if (this.weaklyDominatedBefore(pos, f)) return false;
    // remove the lexicographically larger entries that f dominates (compaction)
    let w = pos;
    for (let i = pos; i < this.count; i++) {
      const o = i * m;
      let dominated = true;
      for (let k = 0; k < m; k++) {
        if (F[o + k]! < f[k]!) {
          dominated = false;
          break;
        }
      }
      if (dominated) continue;
      if (w !== i) {
        F.copyWithin(w * m, o, o + m);
        this.entries[w] = this.entries[i]!;
      }
      w++;
    }
    this.entries.length = w;
    this.count = w;
    this.splice(pos, 0, ind);
    return true;
  }

  /** Replaces `remove` entries at pos by `ind`. */
  private splice(pos: number, remove: number, ind: T): void {
    const m = this.m;
    const newCount = this.count - remove + 1;
    if (newCount * m > this.F.length) {
      const bigger = new Float64Array(Math.max(newCount * m, this.F.length * 2));
      bigger.set(this.F.subarray(0, this.count * m));
      this.F = bigger;
    }
    if (remove !== 1) this.F.copyWithin((pos + 1) * m, (pos + remove) * m, this.count * m);
    this.F.set(ind.f, pos * m);
    this.entries.splice(pos, remove, ind);
    this.count = newCount;
  }

  /**
   * Replaces the content with `items` (assumed mutually non-dominated and in lexicographic order, as `items()`
   * returns).
   */
  restore(items: readonly T[]): void {
    this.F = new Float64Array(Math.max(16, items.length * this.m * 2));
    items.forEach((ind, i) => this.F.set(ind.f, i * this.m));
    this.entries = items.slice();
    this.count = items.length;
    this.buffer = [];
  }
}
