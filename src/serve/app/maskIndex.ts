/**
 * The filter mask kept between brushes, for a million designs: a brush costs what it changes, not a pass over every
 * design per filter. Each brushed dimension gets a sorted index once (its designs in value order, NaN last: sortOrder,
 * an LSD radix sort of the values' bits), so a filter's kept designs are one run of positions found by two binary
 * searches. Each design counts the filters (and the subset) that exclude it; moving a brush from one range to
 * another visits only the positions between the old and the new ends, each design's count going up or down by one
 * and its mask bit flipping when the count leaves or reaches 0. NaN is kept by no filter. The designs whose bit
 * flipped in the last update are listed (`changes`), so the views' counts (maskCounts.ts MaskCounts) follow a brush
 * without a pass over every design's bit.
 */
import type { Filter, Subset } from '../urlState.js';
import type { Dataset } from './data.js';

/** Positions [from, to) of a dimension's order a filter keeps; no filter keeps all of them (NaN included). */
interface Kept {
  readonly from: number;
  readonly to: number;
}

/** A dimension's designs in ascending value order (NaN last) and how many are not NaN. */
interface Order {
  readonly rows: Int32Array;
  readonly numbers: number;
}

/**
 * The designs whose mask bit flipped in an update: `added` went from 0 to 1, `removed` from 1 to 0, each flip listed
 * (a design flipped out and back in within one update is in both, which cancel when counted). `version` counts the
 * updates that changed the mask; `source` is the index that made them.
 */
export interface MaskChanges {
  readonly source: object;
  readonly version: number;
  /** False when an update flipped more bits than the lists hold: count the mask afresh. */
  readonly complete: boolean;
  readonly added: Int32Array;
  readonly removed: Int32Array;
  /** How many designs the mask keeps. */
  readonly kept: number;
  /** The designs the mask keeps (made once per version, shared by every consumer). */
  keptRows(): Int32Array;
}

export class MaskIndex {
  /** 1 for each design the subset and every filter keep. */
  readonly mask: Uint8Array;
  /** The last update's flips (see MaskChanges): rows[0, adds) added, rows[removes, n) removed. */
  private flips: Int32Array;
  private adds = 0;
  private removes: number;
  /** More flips than designs in one update: the lists are incomplete and the update's version says so. */
  private overflow = false;
  private version = 0;
  /** The version whose flips are grouped by row blocks. */
  private grouped = -1;
  /** keptRows() of a version. */
  private listed: { version: number; rows: Int32Array } | null = null;
  /** Per design, how many filters (and the subset) exclude it. */
  private readonly excluded: Uint16Array;
  private readonly orders = new Map<string, Order>();
  /** The kept positions of each filtered dimension as the mask now holds them. */
  private kept = new Map<string, Kept>();
  private subset: Subset = 'all';
  private count: number;

  constructor(private readonly ds: Dataset) {
    this.mask = new Uint8Array(ds.n).fill(1);
    this.excluded = new Uint16Array(ds.n);
    this.count = ds.n;
    this.flips = new Int32Array(ds.n);
    this.removes = ds.n;
  }

  /** The flips of the last update that changed the mask. Valid until the next update. */
  changes(): MaskChanges {
    const { flips, adds, removes } = this;
    if (this.grouped !== this.version) {
      // flips come in a dimension's value order; counted in that order each design's cells are read out of order
      // (5× slower at a million): grouped by blocks of rows first, once per version for every view
      byRowBlock(flips.subarray(0, adds));
      byRowBlock(flips.subarray(removes));
      this.grouped = this.version;
    }
    return {
      source: this,
      version: this.version,
      complete: !this.overflow,
      added: flips.subarray(0, adds),
      removed: flips.subarray(removes),
      kept: this.count,
      keptRows: () => this.keptRows(),
    };
  }

  /**
   * The designs the mask keeps, in row order, for counting afresh. (Taken from the narrowest filter's sorted positions
   * instead, they came in value order, and counting them by cell was 5× slower than one pass over the mask: each
   * design's cells are then read out of order.)
   */
  private keptRows(): Int32Array {
    if (this.listed?.version === this.version) return this.listed.rows;
    const { mask } = this;
    const rows = new Int32Array(this.count);
    for (let i = 0, at = 0; i < mask.length; i++) if (mask[i] === 1) rows[at++] = i;
    this.listed = { version: this.version, rows };
    return rows;
  }

  /** The mask of `subset` and `filters` (a filter on a dimension the dataset lacks is ignored); returns its count. */
  update(subset: Subset, filters: readonly Filter[]): number {
    const [adds, removes, overflow] = [this.adds, this.removes, this.overflow];
    this.adds = 0;
    this.removes = this.ds.n;
    this.overflow = false;
    if (subset !== this.subset) this.setSubset(subset);
    const next = new Map<string, Kept>();
    for (const f of filters) {
      const dim = this.ds.dims.find((d) => d.name === f.metric);
      if (dim === undefined) continue;
      const k = this.positions(f.metric, dim.values, f.lo, f.hi);
      // two filters on one dimension: both hold
      const was = next.get(f.metric);
      next.set(f.metric, was === undefined ? k : { from: Math.max(was.from, k.from), to: Math.min(was.to, k.to) });
    }
    for (const [metric, k] of this.kept) if (!next.has(metric)) this.move(metric, k, { from: 0, to: this.ds.n });
    for (const [metric, k] of next) this.move(metric, this.kept.get(metric) ?? { from: 0, to: this.ds.n }, k);
    this.kept = next;
    if (this.adds === 0 && this.removes === this.ds.n && !this.overflow)
      // nothing flipped: the last change stands for consumers that have not counted it yet
      [this.adds, this.removes, this.overflow] = [adds, removes, overflow];
    else this.version++;
    return this.count;
  }

  /** Sorts a dimension ahead of its first brush (the page does the objectives' when idle). */
  prepare(metric: string): void {
    const dim = this.ds.dims.find((d) => d.name === metric);
    if (dim !== undefined) this.orderOf(metric, dim.values);
  }

  private orderOf(metric: string, values: Float64Array): Order {
    let order = this.orders.get(metric);
    if (order === undefined) this.orders.set(metric, (order = sortOrder(values)));
    return order;
  }

  /** The positions of the dimension's order whose values lie in [lo, hi] (none when either end is NaN). */
  private positions(metric: string, values: Float64Array, lo: number, hi: number): Kept {
    const { rows, numbers } = this.orderOf(metric, values);
    if (Number.isNaN(lo) || Number.isNaN(hi)) return { from: 0, to: 0 };
    // first position whose value is ≥ lo, first whose value is > hi
    const search = (pass: (v: number) => boolean): number => {
      let a = 0;
      let b = numbers;
      while (a < b) {
        const m = (a + b) >>> 1;
        if (pass(values[rows[m]!]!)) b = m;
        else a = m + 1;
      }
      return a;
    };
    const from = search((v) => v >= lo);
    const to = search((v) => v > hi);
    return { from, to: Math.max(from, to) };
  }

  /** One dimension's filter moved from `was` to `now`: the designs between their ends change their count. */
  private move(metric: string, was: Kept, now: Kept): void {
    if (was.from === now.from && was.to === now.to) return;
    const rows = this.orders.get(metric)!.rows;
    const cuts = [...new Set([was.from, was.to, now.from, now.to])].sort((a, b) => a - b);
    for (let c = 0; c + 1 < cuts.length; c++) {
      const [p0, p1] = [cuts[c]!, cuts[c + 1]!];
      const before = p0 >= was.from && p0 < was.to;
      const after = p0 >= now.from && p0 < now.to;
      if (before === after) continue;
      this.excludeRows(rows, p0, p1, before ? 1 : -1);
    }
  }

  /**
   * rows[from, to) gain (1) or lose (-1) an exclusion; a design's mask bit flips as its count leaves or reaches 0, and
   * the flip is listed (adds from the front of `flips`, removes from its back; a list that would overrun the other is
   * marked incomplete).
   */
  private excludeRows(rows: Int32Array, from: number, to: number, by: 1 | -1): void {
    const { excluded, mask, flips } = this;
    let count = this.count;
    let adds = this.adds;
    let removes = this.removes;
    // a loop per sign, no call per design: a brush across a million designs visits most of them
    if (by === 1)
      for (let p = from; p < to; p++) {
        const i = rows[p]!;
        const e = excluded[i]! + 1;
        excluded[i] = e;
        if (e === 1) {
          mask[i] = 0;
          count--;
          if (removes > adds) flips[--removes] = i;
          else this.overflow = true;
        }
      }
    else
      for (let p = from; p < to; p++) {
        const i = rows[p]!;
        const e = excluded[i]! - 1;
        excluded[i] = e;
        if (e === 0) {
          mask[i] = 1;
          count++;
          if (adds < removes) flips[adds++] = i;
          else this.overflow = true;
        }
      }
    this.count = count;
    this.adds = adds;
    this.removes = removes;
  }

  /** The subset changed: the designs it lets in or out, listed, then counted. */
  private setSubset(subset: Subset): void {
    const was = this.subset;
    this.subset = subset;
    const n = this.ds.n;
    const rows = new Int32Array(n);
    let ins = 0;
    let outs = n; // designs now out fill the list from its end
    for (let i = 0; i < n; i++) {
      const a = outOfSubset(this.ds, was, i);
      const b = outOfSubset(this.ds, subset, i);
      if (a === b) continue;
      if (b) rows[--outs] = i;
      else rows[ins++] = i;
    }
    this.excludeRows(rows, 0, ins, -1);
    this.excludeRows(rows, outs, n, 1);
  }
}

/** Rows per block of byRowBlock: a block's cells and colours (2 and 1 bytes a design) stay in the core's cache. */
const BLOCK_BITS = 10;

/**
 * Reorders rows in place by block of 2^BLOCK_BITS rows (a counting sort on row >> BLOCK_BITS; within a block, in the
 * order given), so a pass over them reads the views' per-design arrays front to back. Short lists stay as they are.
 */
function byRowBlock(rows: Int32Array): void {
  if (rows.length < 1 << BLOCK_BITS) return;
  let top = 0;
  for (let k = 0; k < rows.length; k++) if (rows[k]! > top) top = rows[k]!;
  const starts = new Int32Array((top >> BLOCK_BITS) + 2);
  for (let k = 0; k < rows.length; k++) {
    const b = (rows[k]! >> BLOCK_BITS) + 1;
    starts[b] = starts[b]! + 1;
  }
  for (let b = 1; b < starts.length; b++) starts[b] = starts[b]! + starts[b - 1]!;
  const copy = rows.slice();
  for (let k = 0; k < copy.length; k++) {
    const b = copy[k]! >> BLOCK_BITS;
    rows[starts[b]!] = copy[k]!;
    starts[b] = starts[b]! + 1;
  }
}

function outOfSubset(ds: Dataset, subset: Subset, i: number): boolean {
  switch (subset) {
    case 'all':
      return false;
    case 'front':
      return ds.front[i] === 0;
    case 'union':
      return ds.union[i] === 0;
    case 'feasible':
      return ds.status[i] !== 0;
    case 'infeasible':
      return ds.status[i] !== 1;
  }
}

/** The radix sort's digits: (word, shift, bits) over the 64-bit key, low word first; 11 bits keep a count in L1. */
const DIGITS = [
  [0, 0, 11],
  [0, 11, 11],
  [0, 22, 10],
  [1, 0, 11],
  [1, 11, 11],
  [1, 22, 10],
] as const;

/**
 * The rows of `values` in ascending order, NaN last: an LSD radix sort, 11 bits a pass, of each value's bits made
 * to sort as unsigned integers (a positive number's sign bit set, a negative one's bits all flipped), so -0 comes
 * just before +0 and -Infinity first. The keys move with the rows (each pass reads in order), every digit's counts
 * come from one first pass, and a pass whose digit every value shares is skipped: ~0.1 s for a million values.
 */
export function sortOrder(values: Float64Array): Order {
  const n = values.length;
  const words = new Uint32Array(values.buffer, values.byteOffset, values.byteLength / 4);
  let keys = [new Uint32Array(n), new Uint32Array(n)];
  let spareKeys = [new Uint32Array(n), new Uint32Array(n)];
  let rows = new Int32Array(n);
  let spare = new Int32Array(n);
  let numbers = 0;
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(values[i]!)) continue;
    // little-endian: word 2i is the low half of value i
    const h = words[2 * i + 1]!;
    const negative = h >>> 31 === 1;
    keys[0]![numbers] = negative ? ~words[2 * i]! >>> 0 : words[2 * i]!;
    keys[1]![numbers] = negative ? ~h >>> 0 : (h | 0x80000000) >>> 0;
    rows[numbers++] = i;
  }
  for (let i = 0, k = numbers; i < n; i++) if (Number.isNaN(values[i]!)) rows[k++] = i;
  spare.set(rows.subarray(numbers), numbers);
  const counts = DIGITS.map(([, , bits]) => new Int32Array(1 << bits));
  const [c0, c1, c2, c3, c4, c5] = counts as [Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array];
  const [lo0, hi0] = keys as [Uint32Array, Uint32Array];
  for (let k = 0; k < numbers; k++) {
    const [l, h] = [lo0[k]!, hi0[k]!];
    c0[l & 2047] = c0[l & 2047]! + 1;
    c1[(l >>> 11) & 2047] = c1[(l >>> 11) & 2047]! + 1;
    c2[l >>> 22] = c2[l >>> 22]! + 1;
    c3[h & 2047] = c3[h & 2047]! + 1;
    c4[(h >>> 11) & 2047] = c4[(h >>> 11) & 2047]! + 1;
    c5[h >>> 22] = c5[h >>> 22]! + 1;
  }
  DIGITS.forEach(([word, shift, bits], d) => {
    const count = counts[d]!;
    const mask = (1 << bits) - 1;
    if (numbers === 0 || count[(keys[word]![0]! >>> shift) & mask] === numbers) return;
    for (let b = 0, at = 0; b < count.length; b++) {
      const c = count[b]!;
      count[b] = at;
      at += c;
    }
    const key = keys[word]!;
    const [lo, hi] = keys as [Uint32Array, Uint32Array];
    const [toLo, toHi] = spareKeys as [Uint32Array, Uint32Array];
    for (let k = 0; k < numbers; k++) {
      const digit = (key[k]! >>> shift) & mask;
      const to = count[digit]!;
      count[digit] = to + 1;
      spare[to] = rows[k]!;
      toLo[to] = lo[k]!;
      toHi[to] = hi[k]!;
    }
    [rows, spare] = [spare, rows];
    [keys, spareKeys] = [spareKeys, keys];
  });
  return { rows, numbers };
}
