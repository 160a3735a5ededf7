/**
 * Counts of the designs a brush keeps, kept between brushes and updated by what the brush changed (MaskCounts), for
 * the views that draw counts rather than designs: the parallel coordinates' lines per cell (raster.ts LineCounts) and
 * the scatter's points per pixel (pointCounts.ts). A fresh count of SAMPLE_FROM designs or more may count a sample
 * first (MaskCounts.progressive); a new colouring of the same view takes over the memory of the counts it replaces.
 */
import type { MaskChanges } from './maskIndex.js';

/**
 * A fresh count of at least this many designs counts a sample first when progressive (MaskCounts): from there the
 * count (20 pairs of axes and 15 scatter panels a design) costs several times the frame's drawing, which the sample's
 * frame adds to the exact one's time (at a million designs kept: the first frame 0.35–0.55×, the exact one up to 1.7×
 * the CPU of counting them all before the first frame, in Node: docs/performance.md).
 */
export const SAMPLE_FROM = 500_000;
/**
 * The sample: every SAMPLE_STRIDE-th block of SAMPLE_BLOCK designs of the list (runs of consecutive designs, spread
 * over the whole run: every stage of an optimization), so the rest is counted block by block, the per-design arrays
 * read front to back in runs of SAMPLE_BLOCK rather than one design in 8 per pass.
 */
export const SAMPLE_STRIDE = 8;
export const SAMPLE_BLOCK = 512;
/**
 * What each view makes ahead while the page is idle, for its placement (a layout that changes the view's axes, scales
 * or size drops it), in runs of any size (drawing a colouring's lines afresh costs tens of milliseconds whatever the
 * number of designs: docs/performance.md): every design counted by a colour column's colouring (MaskCounts.countAll)
 * and the frame the counts draw, kept with the counts within `countBytes` a view (64 MiB); beyond it, the frame
 * alone (the counts made, drawn and let go: a column chosen with every design kept puts it, the counts then made
 * while idle, deferAll), within `frameBytes` (64 MiB) more. Replaceable before the page starts (main.ts:
 * window.odcAhead), so that tests reach the budgets with small runs.
 */
export const aheadBudget = { countBytes: 64 * 2 ** 20, frameBytes: 64 * 2 ** 20 };

/** What a view holds made ahead for a column: its counts' bytes (0: let go once drawn, or none) and its frame's. */
export interface AheadHeld {
  readonly countBytes: number;
  readonly frameBytes: number;
}

/**
 * Whether column `by` made ahead keeps its counts (true), its frame alone (false) or nothing (null), given what the
 * view holds for its other columns (aheadBudget).
 */
export function aheadRoom(
  held: ReadonlyMap<string, AheadHeld>,
  by: string,
  countBytes: number,
  frameBytes: number,
): boolean | null {
  let [counted, framed] = [countBytes + frameBytes, frameBytes];
  for (const [name, a] of held) {
    if (name === by) continue;
    if (a.countBytes > 0) counted += a.countBytes + a.frameBytes;
    else framed += a.frameBytes;
  }
  if (countBytes > 0 && counted <= aheadBudget.countBytes) return true;
  return framed <= aheadBudget.frameBytes ? false : null;
}
/** Designs of a sparse count whose memory is read ahead together, before they are counted (MaskCounts.count). */
export const TOUCH_BLOCK = 256;

/**
 * Counts of the designs a mask keeps, kept between masks: the first update counts every kept design; later ones add or
 * remove only the designs whose mask bit changed, so a brush dragged a few pixels costs what it changes. The changed
 * designs come from the mask index's list of flips (maskIndex.ts MaskChanges) when the counts are one update behind
 * it, or else from comparing the mask with the one last counted. What is counted where (`count`) is the subclass's:
 * lines per cell of each pair of axes, points per pixel of each panel.
 */
export abstract class MaskCounts {
  abstract readonly counts: Uint32Array;
  /** The mask last counted (null: counted from a change list, or never). */
  private prev: Uint8Array | null = null;
  /** The change list's source and version the counts hold (version -1: none). */
  private seen: { source: object | null; version: number } = { source: null, version: -1 };
  /**
   * The arrays a count works in, reused while they fit (and handed on to the counts that replace these: adopt()):
   * the designs update() counts, a fresh count's sample-first order, and the last mask's copy. At a million designs
   * each is megabytes, and memory a page touches for the first time costs it milliseconds a megabyte.
   */
  private scratch: { list: Int32Array | null; order: Int32Array | null; prev: Uint8Array | null } = {
    list: null,
    order: null,
    prev: null,
  };
  /** Counts whose cells and colours equal these over all designs, taken as this count's start (startFrom). */
  private start: MaskCounts | null = null;
  /**
   * Whether a fresh count of SAMPLE_FROM designs or more counts only a sample of them (every SAMPLE_STRIDE-th block
   * of SAMPLE_BLOCK) and leaves the rest to refine(): a view whose first frame may show the sample.
   */
  progressive = false;
  /**
   * A fresh count begun from its sample, or a count of every design (countAll, deferAll): order[at, to) still to
   * count (null: the counts are exact); `shown`: the frame on screen is exact already (deferAll).
   */
  private rest: { order: Int32Array; at: number; to: number; shown: boolean } | null = null;
  /** A count of every design begun by deferAll whose first update has not come yet. */
  private allPending = false;

  /** Takes over the working arrays of the counts these replace (a new colouring of the same views). */
  adopt(from: MaskCounts): void {
    this.scratch = from.scratch;
    from.scratch = { list: null, order: null, prev: null };
  }

  /** Whether the counts are exact (false: of a sample, or of every design, until refine() has counted the rest). */
  get complete(): boolean {
    return this.rest === null;
  }

  /** Whether the frame these counts draw is of a sample (refine(), then draw again); false after deferAll. */
  get sampled(): boolean {
    return this.rest !== null && !this.rest.shown;
  }

  /** Whether refine() has yet to count designs a frame already exact shows (deferAll). */
  get countingShown(): boolean {
    return this.rest?.shown === true;
  }

  /** Counts up to `most` more designs a frame already exact shows (deferAll); true once none is left to count. */
  countShown(most: number): boolean {
    return this.rest?.shown !== true || this.refine(most);
  }

  /**
   * Begins a count of every design of `n` (the mask keeping all), counted by refine() in steps: the counts of a
   * colouring made while the page is idle, which a view's counts then start from (startFrom).
   */
  countAll(n: number, shown = false): void {
    this.counts.fill(0);
    this.start = null;
    this.prev = null;
    this.seen = { source: null, version: -1 };
    this.rest = { order: rowsUpTo(n), at: 0, to: n, shown };
    this.allPending = false;
  }

  /**
   * Begins a count of every design of `n` as countAll, for a view that shows the frame of every design drawn ahead
   * (the counts were let go: aheadRoom): the first update whose mask keeps every design changes nothing (the counts,
   * once refine() has made them, are that mask's), another mask is counted afresh; `sampled` stays false.
   */
  deferAll(n: number): void {
    this.countAll(n, true);
    this.allPending = true;
  }

  /**
   * Counts up to `most` more designs of a count begun from a sample (in row order, stride by stride) or by countAll;
   * returns whether the counts are now exact.
   */
  refine(most: number): boolean {
    const rest = this.rest;
    if (rest === null) return true;
    const to = Math.min(rest.to, rest.at + most);
    this.count(rest.order, rest.at, to, 1);
    rest.at = to;
    if (to === rest.to) this.rest = null;
    return this.rest === null;
  }

  /**
   * The counts of list[from, to) afresh: all of them, or (progressive, SAMPLE_FROM designs and more) every
   * SAMPLE_STRIDE-th block of SAMPLE_BLOCK of them, the other blocks left to refine(), one stride after another.
   */
  private fresh(list: Int32Array, from: number, to: number): void {
    this.counts.fill(0);
    this.rest = null;
    const m = to - from;
    if (!this.progressive || m < SAMPLE_FROM) {
      this.count(list, from, to, 1);
      return;
    }
    const had = this.scratch.order;
    const order = (this.scratch.order = had !== null && had.length >= m ? had : new Int32Array(m));
    let at = 0;
    let sample = 0;
    for (let s = 0; s < SAMPLE_STRIDE; s++) {
      for (let b = from + s * SAMPLE_BLOCK; b < to; b += SAMPLE_STRIDE * SAMPLE_BLOCK)
        for (let j = b, end = Math.min(to, b + SAMPLE_BLOCK); j < end; j++) order[at++] = list[j]!;
      if (s === 0) sample = at;
    }
    this.count(order, 0, sample, 1);
    this.rest = { order, at: sample, to: m, shown: false };
  }

  /**
   * Takes `from`'s counts (the same cells, one colour, every design counted) as where the first update starts: when
   * the mask keeps most designs it then costs what the mask leaves out instead of a full count (and a fresh count of
   * the kept ones when it keeps fewer).
   */
  startFrom(from: MaskCounts): void {
    if (from.counts.length !== this.counts.length) throw new Error('counts of other cells or runs');
    if (!from.complete) throw new Error('counts of a sample');
    this.start = from;
    this.rest = null;
    this.allPending = false;
    this.prev = null;
    this.seen = { source: null, version: -1 };
  }

  /** The first update after startFrom(): all designs' counts less those `mask` leaves out, or its kept ones afresh. */
  private begin(from: MaskCounts, mask: Uint8Array, changes?: MaskChanges): number {
    const n = mask.length;
    const kept = this.counting(mask, changes);
    if (2 * kept < n) {
      if (changes !== undefined) {
        const rows = changes.keptRows();
        this.fresh(rows, 0, rows.length);
      } else this.recount(mask);
      return n;
    }
    this.counts.set(from.counts);
    if (kept === n) return 0;
    const list = this.listOf(n);
    let out = 0;
    for (let i = 0; i < n; i++) if (mask[i] === 0) list[out++] = i;
    this.count(list, 0, out, -1);
    return out;
  }

  /** Notes `mask` (or the change list's version) as the one the counts are of; returns how many designs it keeps. */
  private counting(mask: Uint8Array, changes?: MaskChanges): number {
    let kept = changes?.kept ?? -1;
    if (kept < 0) {
      kept = 0;
      for (let i = 0; i < mask.length; i++) kept += mask[i]!;
    }
    if (changes !== undefined) this.seen = { source: changes.source, version: changes.version };
    else this.prev = this.copyOf(mask);
    return kept;
  }

  /**
   * The first update after deferAll: whether `mask` keeps every design, whose counts refine() is making (else they
   * are counted afresh).
   */
  private keepsAll(mask: Uint8Array, changes?: MaskChanges): boolean {
    this.allPending = false;
    if (this.counting(mask, changes) === mask.length) return true;
    this.forget();
    return false;
  }

  /** No mask or change list is the one the counts are of. */
  private forget(): void {
    this.prev = null;
    this.seen = { source: null, version: -1 };
  }

  /** `mask` copied into the reused copy of the last mask. */
  private copyOf(mask: Uint8Array): Uint8Array {
    const had = this.scratch.prev;
    const copy = (this.scratch.prev = had?.length === mask.length ? had : new Uint8Array(mask.length));
    copy.set(mask);
    return copy;
  }

  /**
   * Counts the designs `mask` keeps; returns how many designs changed (the first count: all of them). With `changes`
   * (the mask index's flips) and counts one update behind them, the flips are counted; otherwise the designs to count
   * are listed first (those whose bit changed since the mask last counted, or every kept one when there are fewer
   * of those or no mask was counted: a brush that swaps most of a million designs costs what it keeps), then counted
   * by the subclass over the list.
   */
  update(mask: Uint8Array, changes?: MaskChanges): number {
    const start = this.start;
    if (start !== null) {
      this.start = null;
      return this.begin(start, mask, changes);
    }
    if (this.allPending && this.keepsAll(mask, changes)) return 0;
    if (this.rest !== null) {
      // counts of a sample: the same mask keeps them (and what refine() has still to count); another counts afresh
      const same =
        changes !== undefined
          ? this.seen.source === changes.source && this.seen.version === changes.version
          : this.prev !== null && sameMask(this.prev, mask);
      if (same) return 0;
      this.rest = null;
      this.forget();
    }
    if (changes !== undefined) {
      const seen = this.seen;
      this.seen = { source: changes.source, version: changes.version };
      if (seen.source === changes.source && seen.version === changes.version) return 0;
      const { added, removed, kept } = changes;
      const flips = added.length + removed.length;
      if (changes.complete && seen.source === changes.source && seen.version === changes.version - 1 && flips <= kept) {
        this.prev = null;
        this.count(added, 0, added.length, 1);
        this.count(removed, 0, removed.length, -1);
        return flips;
      }
      if (this.prev === null) {
        const rows = changes.keptRows();
        this.fresh(rows, 0, rows.length);
        return mask.length;
      }
    } else this.seen = { source: null, version: -1 };
    const n = mask.length;
    const prev = this.prev;
    const list = this.listOf(n);
    let adds = 0;
    let removes = n; // removed designs fill the list from its end, down to `removes`
    let kept = 0;
    let changed = n;
    if (prev !== null && prev.length === n) {
      for (let i = 0; i < n; i++) {
        const m = mask[i]!;
        kept += m;
        if (m === prev[i]) continue;
        if (m === 1) list[adds++] = i;
        else list[--removes] = i;
      }
      changed = adds + n - removes;
      prev.set(mask);
    } else this.prev = this.copyOf(mask);
    if (changed === n || changed > kept) {
      this.recount(mask);
      return changed;
    }
    this.count(list, 0, adds, 1);
    this.count(list, removes, n, -1);
    return changed;
  }

  /** The counts of the designs `mask` keeps, afresh. */
  private recount(mask: Uint8Array): void {
    const n = mask.length;
    const list = this.listOf(n);
    let kept = 0;
    for (let i = 0; i < n; i++) if (mask[i] === 1) list[kept++] = i;
    this.fresh(list, 0, kept);
  }

  private listOf(n: number): Int32Array {
    const had = this.scratch.list;
    return (this.scratch.list = had?.length === n ? had : new Int32Array(n));
  }

  /** The read-ahead loads' bits combined (count): kept, as a load whose value goes nowhere may be dropped. */
  ahead = 0;

  /**
   * Adds `sign` to the counts of each design in list[from, to). A sparse list (the subclass says when: a brush's flips,
   * a colour change's kept designs) is taken TOUCH_BLOCK designs at a time, each block's rows read first in a loop of
   * independent loads (touchRows), so their memory fetches overlap instead of each stalling the counts.
   */
  protected count(list: Int32Array, from: number, to: number, sign: 1 | -1): void {
    const sparse = this.sparse(to - from);
    const block = sparse ? TOUCH_BLOCK : to - from;
    for (let a = from; a < to; a += block) {
      const b = Math.min(to, a + block);
      if (sparse) this.ahead ^= this.touchRows(list, a, b);
      this.countRows(list, a, b, sign);
    }
  }

  /** Whether a list of `n` designs is counted in read-ahead blocks. */
  protected abstract sparse(n: number): boolean;
  /** Reads the memory each design in list[from, to) is counted from; returns the values read, combined. */
  protected abstract touchRows(list: Int32Array, from: number, to: number): number;
  /** Adds `sign` to the counts of each design in list[from, to), one pass. */
  protected abstract countRows(list: Int32Array, from: number, to: number, sign: 1 | -1): void;
}

/** The rows 0 … n − 1 in order (countAll's list), shared. */
let allRows = new Int32Array(0);
function rowsUpTo(n: number): Int32Array {
  if (allRows.length < n) {
    allRows = new Int32Array(n);
    for (let i = 0; i < n; i++) allRows[i] = i;
  }
  return allRows;
}

export function sameMask(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * A counts array of `length`: the front of `reuse`'s memory when it is large enough (a new colouring of the same
 * views, with as many colours or fewer: no megabytes allocated and touched afresh per colour change at a million
 * designs), else a new one. The first update counts afresh.
 */
export const reusable = (length: number, reuse?: Uint32Array): Uint32Array =>
  reuse !== undefined && reuse.buffer.byteLength >= 4 * length
    ? new Uint32Array(reuse.buffer, 0, length)
    : new Uint32Array(length);
