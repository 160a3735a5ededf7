/**
 * Line rasterization into a pixel buffer, for parallel coordinates of 100,000 designs: the canvas API strokes one path
 * per line, far too slow at that count, so the lines are binned first (each pair of neighbouring axes as a 2D
 * histogram of pixel rows: designs through the same two bins are one line, drawn stronger the more it carries) and
 * written straight into a byte-per-pixel intensity buffer with their run's colour. The counts are kept between
 * brushes and updated only for the designs whose mask bit flipped. The frame is composed over a fixed background
 * (all designs, grey) in one integer pass and put on the canvas in one call. The counts are maskCounts.ts's: a fresh
 * count of SAMPLE_FROM kept designs or more may count a sample first, which the view draws, then the exact counts.
 */
import { MaskCounts, reusable } from './maskCounts.js';

/** Bin of a missing value. */
export const NAN_BIN = 65535;

/** Cell of a design whose value is missing on either axis of a pair. */
export const NAN_CELL = 65535;

/**
 * Each design's cell in every pair of neighbouring axes, `binA * nb + binB` (NAN_CELL when a bin is missing, ≥ nb),
 * stored design by design: the cell of design i in pair k at `cells[i * pairs + k]`. A count of designs at scattered
 * rows (a brush's flips, a colour change's kept designs) then reads one run of 2 × pairs bytes per design instead of
 * one cache line per pair (at a million designs and 20 pairs, a pair's cells are 2 MB: docs/performance.md).
 */
export interface PairCells {
  readonly pairs: number;
  readonly cells: Uint16Array;
}

/** Designs per block of pairCells' fill: the block's cells (~80 kB at 20 pairs) stay in cache as each pair is set. */
const CELL_BLOCK = 2048;

export function pairCells(bins: readonly Uint16Array[], nb: number): PairCells {
  if (nb * nb >= NAN_CELL) throw new Error(`${nb} bins per axis do not fit a 16-bit cell index`);
  const pairs = Math.max(0, bins.length - 1);
  const n = bins[0]?.length ?? 0;
  const cells = new Uint16Array(n * pairs);
  for (let from = 0; from < n; from += CELL_BLOCK) {
    const to = Math.min(n, from + CELL_BLOCK);
    for (let k = 0; k < pairs; k++) {
      const a = bins[k]!;
      const b = bins[k + 1]!;
      for (let i = from, at = from * pairs + k; i < to; i++, at += pairs)
        cells[at] = a[i]! >= nb || b[i]! >= nb ? NAN_CELL : a[i]! * nb + b[i]!;
    }
  }
  return { pairs, cells };
}

/** Designs per (pair, run, cell) for the current mask: one line per non-empty cell. */
export class LineCounts extends MaskCounts {
  /** pairs × runs × nb² counts. */
  readonly counts: Uint32Array;
  readonly perRun: number;
  readonly perPair: number;

  constructor(
    readonly cells: PairCells,
    readonly nb: number,
    readonly runs: number,
    /** Each design's run (colour index), or null: all one colour. */
    private readonly run: Uint8Array | null,
    /** The LineCounts this one replaces: its memory is reused (its values do not matter). */
    reuse?: LineCounts,
  ) {
    super();
    this.perRun = nb * nb;
    this.perPair = this.perRun * Math.max(1, runs);
    this.counts = reusable(this.perPair * Math.max(1, cells.pairs), reuse?.counts);
    if (reuse !== undefined) this.adopt(reuse);
  }

  get pairs(): number {
    return this.cells.pairs;
  }

  override startFrom(from: LineCounts): void {
    if (from.cells !== this.cells) throw new Error('line counts of other cells or runs');
    super.startFrom(from);
  }

  /**
   * Sparse under a quarter of the designs: each design's cells of every pair are one run of memory, read ahead once
   * (in Node at a million designs, 1.3 % of them kept, ~1 ms against ~4 ms without).
   */
  protected sparse(n: number): boolean {
    return 4 * n < this.cells.cells.length / Math.max(1, this.cells.pairs);
  }

  /** The first and last cell of each listed design's run (its memory lines). */
  protected touchRows(list: Int32Array, from: number, to: number): number {
    const { pairs, cells } = this.cells;
    let x = 0;
    for (let j = from; j < to; j++) {
      const row = list[j]! * pairs;
      x ^= cells[row]! ^ cells[row + pairs - 1]!;
    }
    return x;
  }

  /** Design by design over the list. */
  protected countRows(list: Int32Array, from: number, to: number, sign: 1 | -1): void {
    const { counts, perPair, perRun, run } = this;
    const { pairs, cells } = this.cells;
    for (let j = from; j < to; j++) {
      const i = list[j]!;
      const row = i * pairs;
      for (let k = 0, at = run === null ? 0 : run[i]! * perRun; k < pairs; k++, at += perPair) {
        const cell = cells[row + k]!;
        if (cell !== NAN_CELL) counts[at + cell] = counts[at + cell]! + sign;
      }
    }
  }
}

/** Intensity (0-255) and colour index (run) of the strongest line through each pixel. */
export interface Frame {
  readonly width: number;
  readonly height: number;
  readonly alpha: Uint8Array;
  readonly colour: Uint8Array;
}

export const newFrame = (width: number, height: number): Frame => ({
  width,
  height,
  alpha: new Uint8Array(width * height),
  colour: new Uint8Array(width * height),
});

export interface AxisGeometry {
  /** Canvas x of each axis. */
  readonly xs: readonly number[];
  readonly top: number;
  readonly binPx: number;
}

/**
 * Every line of a pair has one of 2·nb − 1 shapes (its rise in bins), the same whatever bin it starts from: the pixels
 * of each shape, as offsets in the frame from the line's first pixel, computed once per axis gap and frame width. A
 * line fills, in every column it crosses, the pixels between its rounded heights at the column's two edges.
 */
interface Stamps {
  /** Offsets of shape s are offsets[from[s] .. from[s + 1]). */
  readonly from: Int32Array;
  readonly offsets: Int32Array;
}

function lineStamps(dx: number, nb: number, binPx: number, width: number): Stamps {
  const from = new Int32Array(2 * nb);
  const list: number[] = [];
  for (let s = 0; s < 2 * nb - 1; s++) {
    from[s] = list.length;
    const rise = (s - (nb - 1)) * binPx;
    const slope = rise / dx;
    let yPrev = 0;
    for (let x = 0; x < dx; x++) {
      const yNext = slope * (x + 1);
      let lo = Math.round(yPrev);
      let hi = Math.round(yNext);
      if (lo > hi) [lo, hi] = [hi, lo];
      if (hi > lo) hi--;
      for (let y = lo; y <= hi; y++) list.push(y * width + x);
      yPrev = yNext;
    }
  }
  from[2 * nb - 1] = list.length;
  return { from, offsets: Int32Array.from(list) };
}

const stampCache = new Map<string, Stamps>();

function stampsFor(dx: number, nb: number, binPx: number, width: number): Stamps {
  const key = `${dx}/${nb}/${binPx}/${width}`;
  let st = stampCache.get(key);
  if (st === undefined) {
    if (stampCache.size > 64) stampCache.clear();
    st = lineStamps(dx, nb, binPx, width);
    stampCache.set(key, st);
  }
  return st;
}

/** Scratch of drawCountedLines: per cell of a pair, its strongest line's intensity and run. */
let strongest = { alpha: new Uint8Array(0), run: new Uint8Array(0) };

/**
 * One line per non-empty (pair, run, cell), of intensity 0.3 + 0.7 √(count / most in the pair), in its run's colour:
 * the pixels of its shape, taken from the pair's precomputed line shapes (lineStamps). A pixel shows the strongest
 * line through it, the first one drawn among equals (runs in order, cells in order within a run). The runs' lines of
 * one cell have the same pixels, so only the strongest of them (the earliest among equals) can show and only it is
 * drawn: a colouring of 9 classes draws as many lines as one colour, and the same pixels as drawing them all.
 * `pairs`: only the pairs [from, to) (their pixels do not overlap; the frame is cleared when `from` is 0), so a frame
 * can be drawn a few pairs at a time.
 */
export function drawCountedLines(
  frame: Frame,
  lines: LineCounts,
  geo: AxisGeometry,
  pairs: readonly [number, number] = [0, lines.pairs],
): void {
  const { alpha, colour, width } = frame;
  if (pairs[0] === 0) alpha.fill(0);
  const { counts, perPair, perRun, nb } = lines;
  const runs = perPair / perRun;
  const { xs, top, binPx } = geo;
  const half = binPx >> 1;
  if (strongest.alpha.length < perRun) strongest = { alpha: new Uint8Array(perRun), run: new Uint8Array(perRun) };
  const best = strongest;
  for (let k = pairs[0]; k < pairs[1]; k++) {
    const base = k * perPair;
    let most = 0;
    for (let j = base; j < base + perPair; j++) if (counts[j]! > most) most = counts[j]!;
    if (most === 0) continue;
    const norm = 1 / Math.sqrt(most);
    best.alpha.fill(0);
    for (let r = 0; r < runs; r++)
      for (let cell = 0, j = base + r * perRun; cell < perRun; cell++, j++) {
        const c = counts[j]!;
        if (c === 0) continue;
        const a = Math.round(255 * (0.3 + 0.7 * Math.sqrt(c) * norm));
        if (a > best.alpha[cell]!) {
          best.alpha[cell] = a;
          best.run[cell] = r;
        }
      }
    const x0 = xs[k]!;
    const { from, offsets } = stampsFor(xs[k + 1]! - x0, nb, binPx, width);
    for (let r = 0; r < runs; r++)
      for (let cell = 0; cell < perRun; cell++) {
        const a = best.alpha[cell]!;
        if (a === 0 || best.run[cell] !== r) continue;
        const ba = (cell / nb) | 0;
        const shape = cell - ba * nb - ba + nb - 1;
        const start = (top + ba * binPx + half) * width + x0;
        for (let q = from[shape]!, end = from[shape + 1]!; q < end; q++) {
          const p = start + offsets[q]!;
          if (a > alpha[p]!) {
            alpha[p] = a;
            colour[p] = r;
          }
        }
      }
  }
}

/** '#rrggbb' → [r, g, b]. */
export function rgb(hex: string): [number, number, number] {
  const v = parseInt(hex.slice(1), 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

/** Opaque pixels (RGBA bytes, little-endian words) of grey lines over white: the background of all designs. */
export function greyBackground(f: Frame): Uint32Array {
  const out = new Uint32Array(f.width * f.height);
  for (let p = 0; p < out.length; p++) {
    const v = 255 - Math.round((70 * f.alpha[p]!) / 255);
    out[p] = (0xff000000 | (v << 16) | (v << 8) | v) >>> 0;
  }
  return out;
}

/**
 * The foreground's lines blended over the background (`out` and `bg` as RGBA words), integer arithmetic; `rows`: only
 * the frame's rows [from, to) (`out` holds the background elsewhere, where the foreground has no line).
 */
export function composeFrame(
  out: Uint32Array,
  bg: Uint32Array,
  fg: Frame,
  palette: readonly [number, number, number][],
  rows?: readonly [number, number],
): void {
  const { alpha, colour, width } = fg;
  const end = rows === undefined ? out.length : Math.min(out.length, rows[1] * width);
  for (let p = rows === undefined ? 0 : Math.max(0, rows[0] * width); p < end; p++) {
    const a = alpha[p]!;
    const back = bg[p]!;
    if (a === 0) {
      out[p] = back;
      continue;
    }
    const c = palette[colour[p]!] ?? palette[0]!;
    const na = 255 - a;
    const r = (((back & 255) * na + c[0] * a + 127) / 255) | 0;
    const g = ((((back >> 8) & 255) * na + c[1] * a + 127) / 255) | 0;
    const b = ((((back >> 16) & 255) * na + c[2] * a + 127) / 255) | 0;
    out[p] = (0xff000000 | (b << 16) | (g << 8) | r) >>> 0;
  }
}
