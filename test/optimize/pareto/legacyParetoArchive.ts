/**
 * Test oracle: a frozen copy of src/optimize/pareto/paretoArchive.ts as of commit 4f0280a (before the ND-tree), whose m
 * >= 4
 * path inserts each buffered candidate with a linear scan of the lexicographically sorted entries. Used by
 * test/optimize/pareto/paretoArchive.test.ts (reference for the bounded archive and for the order of items()) and by
 * test/bench/archive-m4.ts (the "old" timing). Do not edit except to keep it compiling.
 *
 * Original header follows.
 *
 * Unbounded archive of every feasible non-dominated design seen (objectives minimized). Generic over what is
 * stored with each objective vector (the optimizer keeps individuals; the run history replays logged rows).
 *
 * Entries are kept in lexicographic order of f (a strict order among mutually non-dominated
 * points with distinct f). A candidate weakly dominated by an entry (including an equal f) is
 * rejected; among equal objective vectors the lowest evalIndex is kept, so the content is a
 * deterministic function of the set of designs seen, whatever the insertion order or timing.
 *
 * - m = 2: the entries form a staircase (f1 ascending, f2 descending): an insertion is one binary
 *   search and one contiguous splice.
 * - m = 3: candidates are buffered and merged in batches (when the buffer reaches the archive size,
 *   or when the archive is read): the sorted buffer is merged with the sorted entries and one
 *   sweep in lexicographic order keeps a 2-D staircase of (f2, f3) (Kung, Luccio, Preparata,
 *   J. ACM 22(4), 1975), so a batch costs O((A + B) log(A + B)) instead of O(A B).
 * - m >= 4: the same buffering, each candidate then inserted with a scan split by the
 *   lexicographic order (only smaller entries can dominate it, only larger ones be dominated).
 *
 * Optional bound (`capacity`): an unbounded archive of a continuous problem keeps growing (179k designs after
 * a million ZDT1 evaluations), so a study may cap it. When the archive holds more than capacity + 10 %, it is
 * cut back to `capacity` by crowding distance (Deb, Pratap, Agarwal, Meyarivan, IEEE TEVC 6(2), 2002): the
 * most crowded designs go (ties: the later evaluation), the extremes of each objective always stay. The cut
 * happens when candidates enter (m = 3+: when the buffer is merged, also on a read), so the content is a
 * deterministic function of the sequence of offers and reads, as in a run; a bounded archive no longer holds every
 * non-dominated design seen, and a design it dropped may be replaced later by one it would have dominated.
 */
import { crowdingDistance, Staircase2D } from '../../../src/optimize/pareto/dominance.js';

/**
 * What the archive needs of a design: minimized objectives, constraint violation (≤ 0 feasible), and its evaluation
 * index (ties).
 */
interface ArchiveMember {
  readonly f: Float64Array;
  readonly cv: number;
  readonly evalIndex: number;
}

export class LegacyParetoArchive<T extends ArchiveMember = ArchiveMember> {
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
    if (this.buffer.length >= Math.max(1024, this.count)) this.flush();
  }

  /** Merges the buffered candidates. */
  flush(): void {
    if (this.buffer.length === 0) return;
    const buf = this.buffer;
    this.buffer = [];
    if (this.m === 3) this.merge3(buf);
    else {
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

  private merge3(buf: T[]): void {
    const cmp = (a: T, b: T): number => {
      const fa = a.f;
      const fb = b.f;
      for (let k = 0; k < 3; k++) {
        if (fa[k]! < fb[k]!) return -1;
        if (fa[k]! > fb[k]!) return 1;
      }
      return a.evalIndex - b.evalIndex;
    };
    buf.sort(cmp);
    const old = this.entries;
    const total = old.length + buf.length;
    const stairs = new Staircase2D(total);
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
    for (let t = 0; t < kept.length; t++) this.F.set(kept[t]!.f, t * 3);
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

  /** Immediate insertion (m = 2, or m >= 4 during a flush). True when it entered. */
  private insert(ind: T): boolean {
    const m = this.m;
    const f = ind.f;
    const F = this.F;
    const pos = this.lowerBound(f);
    // equal objective vector already present?
    if (pos < this.count) {
      let eq = true;
      for (let k = 0; k < m; k++) {
        if (F[pos * m + k] !== f[k]) {
          eq = false;
          break;
        }
      }
      if (eq) {
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
    // dominators can only be lexicographically smaller; scan nearest first
    for (let i = pos - 1; i >= 0; i--) {
      const o = i * m;
      let weak = true;
      for (let k = 0; k < m; k++) {
        if (F[o + k]! > f[k]!) {
          weak = false;
          break;
        }
      }
      if (weak) return false;
    }
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
