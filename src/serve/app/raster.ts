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

/** Rows a pixel is sampled at, as the canvas's own antialiasing does (Skia's supersampling, 4 rows a pixel). */
const SUB_ROWS = 4;

/** Steps of a pixel in which columnProfile places a band and its slope (a 32nd of a pixel: finer than the eye). */
const PROFILE_STEPS = 32;
interface ColumnProfile {
  readonly rows: number;
  readonly cover: Uint8Array;
  /** From the line's centre at a column's left edge up to the band's highest point over the column. */
  readonly lift: number;
}
const profiles = new Map<string, ColumnProfile>();

/**
 * The coverage (0–255) of the pixel rows a line's band of half-width `half` and slope `s` crosses in one pixel column,
 * for each of PROFILE_STEPS offsets of its highest point in its first row (row j of offset q at `q·rows + j`): at
 * SUB_ROWS heights in each pixel, the share of the column's width inside the band, averaged (as the canvas's own
 * strokes are antialiased); its slope and offset rounded to 1 / PROFILE_STEPS pixel.
 */
function columnProfile(half: number, s: number): ColumnProfile {
  const sq = Math.round(s * PROFILE_STEPS) / PROFILE_STEPS;
  const key = `${half}/${sq}`;
  let made = profiles.get(key);
  if (made !== undefined) return made;
  const h2 = 2 * half * Math.sqrt(1 + sq * sq);
  const rows = Math.ceil(h2 + Math.abs(sq)) + 1;
  const cover = new Uint8Array(PROFILE_STEPS * rows);
  for (let q = 0; q < PROFILE_STEPS; q++)
    for (let j = 0; j < rows; j++) {
      let sum = 0;
      for (let i = 0; i < SUB_ROWS; i++) {
        // the height sampled, from the band's upper edge at the column's left: inside while 0 ≤ y − s·x ≤ h2
        const y = j + (i + 0.5) / SUB_ROWS - (q + 0.5) / PROFILE_STEPS + Math.min(sq, 0);
        if (sq === 0) sum += y >= 0 && y <= h2 ? 1 : 0;
        else {
          const [a, b] = sq > 0 ? [(y - h2) / sq, y / sq] : [y / sq, (y - h2) / sq];
          sum += Math.max(0, Math.min(1, b) - Math.max(0, a));
        }
      }
      cover[q * rows + j] = Math.round((255 * sum) / SUB_ROWS);
    }
  if (profiles.size > 4096) profiles.clear();
  profiles.set(key, (made = { rows, cover, lift: h2 / 2 - Math.min(sq, 0) }));
  return made;
}

/**
 * Antialiased lines of a given width written into a transparent RGBA layer, drawn on the canvas over the rest in one
 * drawImage: the canvas API's stroke of a path of a few hundred crossing lines takes Chromium's software rasterizer
 * ~85 ms (docs/performance.md). Each pixel's coverage is the line's band's (its width across the line) in the pixel as
 * columnProfile samples it, column by column, the band cut square at the segment's ends (at each axis, where the next
 * segment's columns start). The lines of one colour are one shape, as one stroked path: a pixel takes the most
 * any of them covers it, blended once (source over) over what the colours before left.
 */
export class LineLayer {
  /** The layer's pixels, RGBA bytes (an ImageData's: unpremultiplied) once finish()ed. */
  readonly data: Uint8ClampedArray<ArrayBuffer>;
  /** The rows drawn since clear(): [from, to). */
  readonly rows: [number, number] = [0, 0];
  private readonly words: Int32Array;
  /** The current colour's coverage of each pixel (0–255). */
  private readonly cover: Uint8Array;
  /** The pixels the current colour covers (`touchedCount` of them), each once. */
  private readonly touched: Int32Array;
  private touchedCount = 0;
  private colour = -1;

  /** A layer of `width` × `height` pixels whose row 0 is the canvas's row `y0`. */
  constructor(
    readonly width: number,
    readonly height: number,
    readonly y0: number,
  ) {
    this.data = new Uint8ClampedArray(4 * width * height);
    this.words = new Int32Array(this.data.buffer);
    this.cover = new Uint8Array(width * height);
    this.touched = new Int32Array(width * height);
  }

  clear(): void {
    this.words.fill(0, this.rows[0] * this.width, this.rows[1] * this.width);
    this.rows.fill(0);
    this.colour = -1;
  }

  /**
   * The lines of `rows` afresh, 2 px wide, each in its colour (`colours`: an index into a palette per row), a colour at
   * a time in the order the rows first show them; `segments(i, draw)` draws row i's segments.
   */
  lines(
    rows: readonly number[],
    colours: { readonly index: Uint8Array; readonly palette: readonly string[] },
    segments: (i: number, draw: (xa: number, ya: number, xb: number, yb: number) => void) => void,
  ): void {
    const byColour = new Map<number, number[]>();
    for (const i of rows)
      (byColour.get(colours.index[i]!) ?? byColour.set(colours.index[i]!, []).get(colours.index[i]!)!).push(i);
    this.clear();
    const draw = (xa: number, ya: number, xb: number, yb: number): void => this.segment(xa, ya, xb, yb, 1);
    for (const [c, of] of byColour) {
      this.stroke(colours.palette[c]!);
      for (const i of of) segments(i, draw);
    }
    this.finish();
  }

  /** The colour ('#rrggbb') of the lines drawn next, a shape of its own (the lines before blended in). */
  stroke(hex: string): void {
    this.blend();
    const [r, g, b] = rgb(hex);
    this.colour = (b << 16) | (g << 8) | r;
  }

  /** The segment from (xa, ya) to (xb, yb), canvas pixels, xa < xb whole numbers; `half`: half the line's width. */
  segment(xa: number, ya: number, xb: number, yb: number, half: number): void {
    const s = (yb - ya) / (xb - xa);
    const { rows, cover: shares, lift } = columnProfile(half, s);
    const { cover, touched, width: w, height } = this;
    let n = this.touchedCount;
    // the band's highest point over each column, in layer rows (its upper edge at the column's left, or right)
    let t = ya - this.y0 - lift + (Math.max(0, xa) - xa) * s;
    const [from, to] = this.rows;
    const top = Math.max(0, Math.floor(Math.min(t, t + s * (xb - xa))));
    const bottom = Math.min(height, Math.floor(Math.max(t, t + s * (xb - xa))) + rows);
    [this.rows[0], this.rows[1]] = from === to ? [top, bottom] : [Math.min(from, top), Math.max(to, bottom)];
    for (let x = Math.max(0, xa), end = Math.min(w, xb); x < end; x++, t += s) {
      const r0 = Math.floor(t);
      const q = (((t - r0) * PROFILE_STEPS) | 0) * rows;
      const j0 = Math.max(0, -r0);
      const j1 = Math.min(rows, height - r0);
      for (let j = j0, p = (r0 + j0) * w + x; j < j1; j++, p += w) {
        const a = shares[q + j]!;
        const c = cover[p]!;
        if (a > c) {
          if (c === 0) touched[n++] = p;
          cover[p] = a;
        }
      }
    }
    this.touchedCount = n;
  }

  /** The current colour's coverage blended over the layer (source over), and cleared. */
  private blend(): void {
    const { cover, touched, words, colour } = this;
    const n = this.touchedCount;
    this.touchedCount = 0;
    if (colour < 0) return;
    const [cr, cg, cb] = [colour & 255, (colour >> 8) & 255, (colour >> 16) & 255];
    for (let k = 0; k < n; k++) {
      const p = touched[k]!;
      const a = cover[p]!;
      cover[p] = 0;
      const u = words[p]!;
      if (u === 0 || a === 255) {
        words[p] = (a << 24) | colour;
        continue;
      }
      // alpha a + ua (1 − a); each channel weighted by its alpha: (c·a + cu·ua (1 − a)) / that, all × 255
      const wu = (u >>> 24) * (255 - a);
      const out = 255 * a + wu;
      const k255 = 1 / out;
      const r = ((cr * 255 * a + (u & 255) * wu) * k255 + 0.5) | 0;
      const g = ((cg * 255 * a + ((u >> 8) & 255) * wu) * k255 + 0.5) | 0;
      const b = ((cb * 255 * a + ((u >> 16) & 255) * wu) * k255 + 0.5) | 0;
      words[p] = (((out + 127) / 255) << 24) | (b << 16) | (g << 8) | r;
    }
  }

  /** The lines drawn, blended: `data` holds them (rows `rows`) as an ImageData does. */
  finish(): void {
    this.blend();
  }
}
