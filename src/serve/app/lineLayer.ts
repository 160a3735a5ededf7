/**
 * The front's lines of parallel coordinates (parcoords.ts draws this layer over raster.ts's binned lines), written in
 * JavaScript instead of stroked by the canvas API: see LineLayer.
 */
import { rgb } from './raster.js';

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
