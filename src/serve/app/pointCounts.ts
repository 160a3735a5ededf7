/**
 * The scatter's points binned per pixel, for runs of BINNED_POINTS_FROM designs and more: the kept designs of each
 * colour counted per pixel of each panel, kept between brushes and updated only for the designs a brush lets in or
 * out (maskCounts.ts), so a brush over a million designs costs what it changes plus one pass over the panels'
 * pixels, instead of a pixel write per design and panel (15 panels × 1,000,000 designs). A pixel shows the colour
 * most of its kept designs have (the later colour among equals); below BINNED_POINTS_FROM, the scatter writes each
 * kept design's pixel in row order instead (drawEachPoint: the last design's colour wins).
 */
import { MaskCounts, reusable } from './maskCounts.js';

/** Runs of this many designs and more have their scatter points binned per pixel. */
export const BINNED_POINTS_FROM = 200_000;

/** A pixel coordinate of a design not drawn (missing, or beyond its axis's span). */
export const NO_PIXEL = 65535;

/** A panel: dims[j] across, dims[i] up, its plot area's top-left pixel at (ox, oy). */
export interface PointPanel {
  readonly i: number;
  readonly j: number;
  readonly ox: number;
  readonly oy: number;
}

export class PointCounts extends MaskCounts {
  /** panels × side² × classes counts (side = c + 1 pixels a panel's row; a pixel's colours side by side). */
  readonly counts: Uint32Array;
  private readonly side: number;
  private readonly perPanel: number;

  constructor(
    /** Each dimension's pixel position of every design (0 … c, NO_PIXEL: not drawn). */
    private readonly px: readonly Uint16Array[],
    private readonly panels: readonly PointPanel[],
    /** The plot area's size less one: positions run 0 … c. */
    private readonly c: number,
    private readonly classes: number,
    /** Each design's colour. */
    private readonly index: Uint8Array,
    /** The PointCounts this one replaces: its memory is reused (maskCounts.ts reusable). */
    reuse?: PointCounts,
  ) {
    super();
    this.side = c + 1;
    this.perPanel = this.side * this.side * classes;
    this.counts = reusable(panels.length * this.perPanel, reuse?.counts);
    if (reuse !== undefined) this.adopt(reuse);
  }

  override startFrom(from: PointCounts): void {
    if (from.px !== this.px || from.counts.length !== this.counts.length) throw new Error('points of other positions');
    super.startFrom(from);
  }

  /** Under a 16th of the designs (at a tenth, blocks cost 1.4× a plain pass in Node). */
  protected sparse(n: number): boolean {
    return 16 * n < this.index.length;
  }

  /** Each listed design's positions and colour. */
  protected touchRows(list: Int32Array, from: number, to: number): number {
    const { px, index } = this;
    let x = 0;
    for (let q = from; q < to; q++) {
      const r = list[q]!;
      x ^= index[r]!;
      for (let d = 0; d < px.length; d++) x ^= px[d]![r]!;
    }
    return x;
  }

  /** Panel by panel over the list (a block's rows stay in cache for every panel). */
  protected countRows(list: Int32Array, from: number, to: number, sign: 1 | -1): void {
    const { counts, perPanel, side, index, classes } = this;
    this.panels.forEach(({ i, j }, k) => {
      const X = this.px[j]!;
      const Y = this.px[i]!;
      const base = k * perPanel;
      for (let q = from; q < to; q++) {
        const r = list[q]!;
        const x = X[r]!;
        const y = Y[r]!;
        if (x === NO_PIXEL || y === NO_PIXEL) continue;
        const at = base + (y * side + x) * classes + index[r]!;
        counts[at] = counts[at]! + sign;
      }
    });
  }

  /** Each counted pixel into `buf` (RGBA words, `width` a row) in the colour most of its designs have. */
  draw(buf: Uint32Array, width: number, colours: readonly number[]): void {
    const { counts, perPanel, side, classes, c } = this;
    const pixels = side * side;
    this.panels.forEach(({ ox, oy }, k) => {
      for (let cell = 0, at = k * perPanel; cell < pixels; cell++) {
        let best = -1;
        let most = 0;
        for (let cls = 0; cls < classes; cls++, at++)
          if (counts[at]! > 0 && counts[at]! >= most) {
            most = counts[at]!;
            best = cls;
          }
        if (best < 0) continue;
        const y = (cell / side) | 0;
        const x = cell - y * side;
        buf[(oy + c - y) * width + ox + x] = colours[best] ?? colours[0]!;
      }
    });
  }
}

/** One panel's pixel positions of every design and its plot area's top-left pixel and size less one. */
export interface PanelPixels {
  readonly X: Uint16Array;
  readonly Y: Uint16Array;
  readonly ox: number;
  readonly oy: number;
  readonly c: number;
}

/**
 * Each kept design's pixel of a panel, in row order, in its colour (`index` into `colours`; null: all `colours`);
 * `big`: 2 × 2 pixels, so each of a few designs can be seen.
 */
export function drawEachPoint(
  buf: Uint32Array,
  width: number,
  { X, Y, ox, oy, c }: PanelPixels,
  mask: Uint8Array,
  index: Uint8Array | null,
  colours: number | readonly number[],
  big: boolean,
): void {
  const one = typeof colours === 'number' ? colours : null;
  const palette = typeof colours === 'number' ? [colours] : colours;
  for (let r = 0; r < mask.length; r++) {
    if (mask[r] === 0) continue;
    const x = X[r]!;
    const y = Y[r]!;
    if (x === NO_PIXEL || y === NO_PIXEL) continue;
    const p = (oy + c - y) * width + ox + x;
    const colour = one ?? palette[index![r]!] ?? palette[0]!;
    buf[p] = colour;
    if (big) buf[p + 1] = buf[p - width] = buf[p - width + 1] = colour;
  }
}
