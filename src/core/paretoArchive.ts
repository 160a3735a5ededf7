/**
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
 * - m >= 4: the same buffering, each candidate (in evalIndex order) then offered to an ND-tree
 *   (Jaszkiewicz, Lust, IEEE TEVC 22(5), 2018; src/core/ndTree.ts), which prunes whole boxes of entries
 *   instead of scanning them all. The lexicographic order is rebuilt on read (the previous order kept,
 *   the entries that left filtered out, the new ones sorted and merged in) and cached until the next change.
 *   A batch of at least 256 that is also 1/64 of the archive's size (BATCH_MIN, BATCH_RATIO: nearly every batch of
 *   a population of a few hundred or more, read every generation or rarely) is merged at once instead: at most half
 *   the entries' number, compared with them through an index over the batch's own front (src/core/frontMerge.ts, work
 *   ~ A B / 32 words); larger, the first front of entries and batch by dominator bitsets (src/core/dominatorBitsets.ts,
 *   O(m (A + B)^2 / 64) word operations; past DOMINATOR_BITSETS_MAX_POINTS designs in pieces of that size,
 *   src/core/largeFront.ts: an archive of 103,000 designs merging 201,000, 30 s in the tree before). The
 *   tree, then stale, is rebuilt from the entries when a small batch next needs it. Both keep the same
 *   designs: the content is a function of the designs offered (see above). Unbounded, the buffer is merged when it
 *   reaches twice the archive's size (or on a read): a merge costs ~(A + B)², and an archive of a many-objective run
 *   keeps most designs, so larger steps do less work in all (NSGA-III, population 6,400, 5-objective DTLZ2, merges
 *   and the final read over 20 / 40 generations: 290 -> 193 ms, 2.0 -> 0.8 s); bounded, at its size, as for m = 3
 *   (the cut depends on when merges happen).
 *
 * Optional bound (`capacity`): an unbounded archive of a continuous problem keeps growing (179k designs after
 * a million ZDT1 evaluations), so a study may cap it. When the archive holds more than capacity + 10 %, it is
 * cut back to `capacity` by crowding distance (Deb, Pratap, Agarwal, Meyarivan, IEEE TEVC 6(2), 2002): the
 * most crowded designs go (ties: the later evaluation), the extremes of each objective always stay. The cut
 * happens when candidates enter (m = 3+: when the buffer is merged, also on a read), so the content is a
 * deterministic function of the sequence of offers and reads, as in a run; a bounded archive no longer holds every non-dominated design seen, and
 * a design it dropped may be replaced later by one it would have dominated.
 */
import { crowdingDistance, nonDominatedMask, Staircase2D } from './dominance.js';
import { mergeFrontMask } from './frontMerge.js';
import { type Helper, sharedFloat64 } from './helperThread.js';
import { lexicographicOrder } from './lexicographicOrder.js';
import { NdTree } from './ndTree.js';

/** What the archive needs of a design: minimized objectives, constraint violation (≤ 0 feasible), and its evaluation index (ties). */
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

/**
 * m >= 4: the smallest batch merged at once (see the header); below it, or below 1 / BATCH_RATIO of the archive,
 * the tree's updates cost less (a run that reads the archive every generation offers a few dozen to thousands at a
 * time).
 */
const BATCH_MIN = 256;
/**
 * A batch of 1 / BATCH_RATIO of the archive or more is merged at once: in many objectives the tree's update slows
 * as the archive grows (~50-100 µs per design offered at 20,000-50,000 entries in 5-D), while a merge through the
 * batch's index (MERGE_INDEX_RATIO) costs ~1 µs per entry. NSGA-III on DTLZ2, the archive read every generation as
 * odc run does, total read time over the run (ms, two runs each, 2026-11-23), BATCH_MIN / BATCH_RATIO 1,024 / 32
 * (before the index) against 256 / 64: 4 objectives, population 200, 100 generations 165-181 / 161-166; 400, 60
 * generations 224-239 / 177-184; 5 objectives, 100, 100 generations 100-126 / 116-124; 212, 95 generations 265-266 /
 * 278-279; 1,000, 40 generations 583-588 / 209-221; 2,000, 30 generations 259-285 / 204-207; 6 objectives, 500, 40
 * generations 315-341 / 173-178. (With the bitsets' merge of the whole, the ratio had gone from 4 to 32: 5
 * objectives, population 6,400, 30 generations 5.3 -> 1.4 s.)
 */
const BATCH_RATIO = 64;
/**
 * A batch merged at once that is at most 1 / MERGE_INDEX_RATIO of the entries is compared with them through an index
 * over its front (work ~ entries x batch / 32 words) instead of sorted with them (~(entries + batch)^2 / 32). NSGA-III
 * on DTLZ2, one merge, ms bitsets / index: 5 objectives, 24,920 entries + 4,704 (ratio 0.19) 40 / 23, 88,398 + 5,328
 * 200 / 77, + 19,212 (0.77) 58 / 69, + 49,266 (1.98) 138 / 171; 4 objectives, 56,721 + 4,801 84 / 39, + 38,518 (0.68)
 * 187 / 223; 6 objectives, 28,100 + 2,529 58 / 22, + 15,289 (0.54) 105 / 89.
 */
const MERGE_INDEX_RATIO = 2;

/** Row i of F into row j of G (m columns). */
function copyRow(F: Float64Array, i: number, G: Float64Array, j: number, m: number): void {
  for (let k = 0; k < m; k++) G[j * m + k] = F[i * m + k]!;
}

function sameRow(F: Float64Array, m: number, i: number, j: number): boolean {
  for (let k = 0; k < m; k++) if (F[i * m + k] !== F[j * m + k]) return false;
  return true;
}

/** Lexicographic order of f, then evalIndex. */
function lexOrder(a: ArchiveMember, b: ArchiveMember): number {
  const fa = a.f;
  const fb = b.f;
  for (let k = 0; k < fa.length; k++) {
    if (fa[k]! < fb[k]!) return -1;
    if (fa[k]! > fb[k]!) return 1;
  }
  return a.evalIndex - b.evalIndex;
}

export class ParetoArchive<T extends ArchiveMember = ArchiveMember> {
  /** m <= 3: the entries in lexicographic order, their f in F; m >= 4: the order as of the last read (see `sorted()`). */
  private entries: T[] = [];
  private F: Float64Array;
  private count = 0;
  /** Buffered candidates (m >= 3). */
  private buffer: T[] = [];
  /**
   * m >= 4: the content, or null while `entries` is (before the first small batch, after a batch merge or a
   * restore); entries that entered or left the tree since `entries` was last brought up to date.
   */
  private tree: NdTree<T> | null = null;
  private entered: T[] = [];
  private readonly left = new Set<T>();
  /**
   * A helper thread for the first fronts of batch merges (m >= 4; ./helperThread.ts): the same content, sooner. Set
   * by the optimizer that owns the archive.
   */
  helper: Helper | null = null;

  /** `capacity`: bound on the archive size (Infinity: unbounded), see the header. */
  constructor(readonly m: number, readonly capacity = Infinity) {
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
    return this.sorted().slice();
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
    if (this.buffer.length >= Math.max(1024, (this.capacity === Infinity && this.m >= 4 ? 2 : 1) * this.count)) this.flush();
  }

  /** Merges the buffered candidates. */
  flush(): void {
    if (this.buffer.length === 0) return;
    const buf = this.buffer;
    this.buffer = [];
    if (this.m === 3) this.merge3(buf);
    else {
      buf.sort((a, b) => a.evalIndex - b.evalIndex);
      if (!(buf.length >= BATCH_MIN && BATCH_RATIO * buf.length >= this.count && this.mergeBatch(buf))) {
        if (this.tree === null) this.rebuildTree();
        const tree = this.tree!;
        for (const ind of buf) if (tree.update(ind)) this.entered.push(ind);
        this.count = tree.size;
      }
    }
    this.bound();
  }

  private newTree(): NdTree<T> {
    return new NdTree<T>(this.m, { preferEqual: (y, z) => y.evalIndex < z.evalIndex, onRemove: (z) => this.left.add(z) });
  }

  /**
   * m >= 4: brings `entries` (lexicographic order) up to date with the tree: drops those that left, merges
   * in those that entered (sorted). An entry that entered and left again since the last call is in both lists.
   */
  private sorted(): T[] {
    if (this.tree === null || (this.entered.length === 0 && this.left.size === 0)) return this.entries;
    const left = this.left;
    const old = left.size > 0 ? this.entries.filter((e) => !left.has(e)) : this.entries;
    const add = left.size > 0 ? this.entered.filter((e) => !left.has(e)) : this.entered;
    add.sort(lexOrder);
    // merge: each new entry's place in the old order by binary search (few new entries per read, many old ones)
    const out: T[] = new Array<T>(old.length + add.length);
    let i = 0;
    let w = 0;
    for (const e of add) {
      let lo = i;
      let hi = old.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (lexOrder(old[mid]!, e) < 0) lo = mid + 1;
        else hi = mid;
      }
      while (i < lo) out[w++] = old[i++]!;
      out[w++] = e;
    }
    while (i < old.length) out[w++] = old[i++]!;
    this.entries = out;
    this.entered = [];
    this.left.clear();
    return out;
  }

  /** Cuts the archive back to `capacity` by crowding distance once it exceeds capacity + 10 % (see the header). */
  private bound(): void {
    if (this.count <= this.capacity + Math.max(1, Math.floor(this.capacity / 10))) return;
    const n = this.count;
    const m = this.m;
    if (this.tree !== null) {
      // the same cut as for m <= 3, on the entries in lexicographic order; the tree is then rebuilt from the survivors
      const sorted = this.sorted();
      if (this.F.length < n * m) this.F = new Float64Array(n * m);
      for (let t = 0; t < n; t++) this.F.set(sorted[t]!.f, t * m);
    }
    const members = new Int32Array(n);
    for (let i = 0; i < n; i++) members[i] = i;
    const cd = crowdingDistance(this.F.subarray(0, n * m), m, members);
    const order = Array.from(members).sort((a, b) => cd[b]! - cd[a]! || this.entries[a]!.evalIndex - this.entries[b]!.evalIndex);
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
    if (this.tree !== null) this.rebuildTree();
  }

  /**
   * m >= 4: the new content from the entries and the batch (in evalIndex order) at once, what offering
   * the batch to the tree one by one keeps: the rows no row dominates, one per objective vector (the
   * lowest evalIndex; an entry before a batch member, an earlier batch member before a later one), in the
   * order of (f, evalIndex). The tree is dropped. False (nothing done) when an objective is NaN (the tree's path
   * then, as before).
   */
  private mergeBatch(buf: T[]): boolean {
    const m = this.m;
    // Without a tree (after a batch merge or a restore) this.F holds the entries' rows in their order: copied at once
    // instead of read member by member, each a few dependent loads into the heap (those reads and the kept rows'
    // copy from their members were ~10 % of a merge of 30,000 designs).
    const synced = this.tree === null;
    const entries = this.sorted();
    const all = entries.concat(buf);
    const n = all.length;
    const F = this.helper === null ? new Float64Array(n * m) : sharedFloat64(n * m);
    const rows = new Float64Array(n * (m + 1));
    const from = synced ? entries.length : 0;
    if (synced) F.set(this.F.subarray(0, from * m));
    for (let t = from; t < n; t++) {
      const f = all[t]!.f;
      for (let k = 0; k < m; k++) F[t * m + k] = f[k]!;
    }
    for (let i = 0; i < n * m; i++) if (F[i] !== F[i]) return false;
    for (let t = 0; t < n; t++) {
      for (let k = 0; k < m; k++) rows[t * (m + 1) + k] = F[t * m + k]!;
      rows[t * (m + 1) + m] = all[t]!.evalIndex;
    }
    // the entries are mutually non-dominated: a batch of at most half their number is compared with them through an
    // index over its own front (src/core/frontMerge.ts), a larger one sorted with them (past the bitsets' size, without
    // the entries' comparisons among each other)
    const front = MERGE_INDEX_RATIO * buf.length <= entries.length
      ? mergeFrontMask(F, entries.length, n, m, undefined, this.helper)
      : nonDominatedMask(F, n, m, entries.length, this.helper);
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
    this.tree = null;
    this.entered = [];
    this.left.clear();
    return true;
  }

  /** m >= 4: a fresh tree holding `entries` (mutually non-dominated, so inserted without tests). */
  private rebuildTree(): void {
    const tree = this.newTree();
    for (const e of this.entries) tree.insert(e);
    this.tree = tree;
    this.entered = [];
    this.left.clear();
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

  /** Immediate insertion (m <= 2; the scan below serves m = 1). True when it entered. */
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

  /** Replaces the content with `items` (assumed mutually non-dominated and in lexicographic order, as `items()` returns). */
  restore(items: readonly T[]): void {
    this.F = new Float64Array(Math.max(16, items.length * this.m * 2));
    items.forEach((ind, i) => this.F.set(ind.f, i * this.m));
    this.entries = items.slice();
    this.count = items.length;
    this.buffer = [];
    // m >= 4: the entries are the content; the tree is built from them when first needed
    this.tree = null;
    this.entered = [];
    this.left.clear();
  }
}
