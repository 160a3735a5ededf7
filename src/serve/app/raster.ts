/**
 * Line and point rasterization into a pixel buffer, for views of 100,000 designs: the canvas API strokes one path per
 * line, far too slow at that count, so the parallel coordinates are binned first (each pair of neighbouring axes as
 * a 2D histogram of pixel rows: designs through the same two pixels are one line, drawn stronger the more it carries)
 * and the lines are written straight into a Float32 intensity buffer with their run's colour. The frame is then
 * composed over a grey background of all designs and put on the canvas in one call.
 */

export interface Layer {
  readonly width: number;
  readonly height: number;
  /** Intensity in [0, 1] per pixel. */
  readonly weight: Float32Array;
  /** Colour index (run) of the strongest writer per pixel. */
  readonly colour: Uint8Array;
}

export const newLayer = (width: number, height: number): Layer => ({
  width,
  height,
  weight: new Float32Array(width * height),
  colour: new Uint8Array(width * height),
});

export function clearLayer(l: Layer): void {
  l.weight.fill(0);
}

/** A line from (x0, y0) to (x1, y1), x0 < x1, with intensity w: every column it crosses is filled between its ends. */
export function drawLine(l: Layer, x0: number, y0: number, x1: number, y1: number, w: number, colour: number): void {
  const { width, weight, colour: col } = l;
  const dx = x1 - x0;
  const slope = (y1 - y0) / dx;
  let yPrev = y0;
  for (let x = x0; x < x1; x++) {
    const yNext = y0 + slope * (x + 1 - x0);
    let a = Math.round(yPrev);
    let b = Math.round(yNext);
    if (a > b) {
      const t = a;
      a = b;
      b = t;
    }
    if (b > a) b--;
    for (let y = a; y <= b; y++) {
      const p = y * width + x;
      if (w > weight[p]!) {
        weight[p] = w;
        col[p] = colour;
      }
    }
    yPrev = yNext;
  }
}

/** Bin of a missing value. */
export const NAN_BIN = 65535;

export interface BinnedAxes {
  /** Per axis, each design's bin (0 at the top), NAN_BIN when missing. */
  readonly bins: readonly Uint16Array[];
  /** Canvas x of each axis. */
  readonly xs: readonly number[];
  readonly binsPerAxis: number;
  readonly top: number;
  readonly binPx: number;
}

/**
 * The masked designs' lines: per pair of neighbouring axes, the designs are counted per (bin, bin, run) cell and each
 * cell is one line, of intensity 0.3 + 0.7 √(count / most), in its run's colour (`run` null: colour 0, all one
 * colour). `scratch.counts` (binsPerAxis² × runs, zeroed) and `scratch.touched` (as long) are reused between calls.
 */
export function drawBinnedLines(
  layer: Layer,
  axes: BinnedAxes,
  mask: Uint8Array,
  run: Uint8Array | null,
  scratch: { counts: Uint32Array; touched: Int32Array },
): void {
  clearLayer(layer);
  const { bins, xs, binsPerAxis: nb, top, binPx } = axes;
  const { counts, touched } = scratch;
  const n = mask.length;
  for (let k = 0; k + 1 < bins.length; k++) {
    const a = bins[k]!;
    const b = bins[k + 1]!;
    let nt = 0;
    let maxCount = 0;
    for (let i = 0; i < n; i++) {
      if (mask[i] === 0) continue;
      const ba = a[i]!;
      const bb = b[i]!;
      if (ba === NAN_BIN || bb === NAN_BIN) continue;
      const cell = ((run === null ? 0 : run[i]!) * nb + ba) * nb + bb;
      const c = counts[cell]! + 1;
      counts[cell] = c;
      if (c === 1) touched[nt++] = cell;
      if (c > maxCount) maxCount = c;
    }
    const norm = 1 / Math.sqrt(maxCount || 1);
    const y = (bin: number): number => top + bin * binPx + (binPx >> 1);
    for (let t = 0; t < nt; t++) {
      const cell = touched[t]!;
      const c = counts[cell]!;
      counts[cell] = 0;
      const bb = cell % nb;
      const rest = (cell - bb) / nb;
      const ba = rest % nb;
      drawLine(layer, xs[k]!, y(ba), xs[k + 1]!, y(bb), 0.3 + 0.7 * Math.sqrt(c) * norm, (rest - ba) / nb);
    }
  }
}

/** '#rrggbb' → [r, g, b]. */
export function rgb(hex: string): [number, number, number] {
  const v = parseInt(hex.slice(1), 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

/** Foreground layer over a background layer (grey), onto `out` (RGBA). */
export function compose(
  out: ImageData,
  bg: Layer | null,
  fg: Layer,
  palette: readonly [number, number, number][],
): void {
  const px = new Uint32Array(out.data.buffer);
  const n = fg.width * fg.height;
  const pal = palette.map(([r, g, b]) => [r, g, b] as const);
  for (let p = 0; p < n; p++) {
    let r = 255;
    let g = 255;
    let b = 255;
    const wb = bg === null ? 0 : bg.weight[p]!;
    if (wb > 0) {
      const v = 255 - Math.round(70 * wb);
      r = v;
      g = v;
      b = v;
    }
    const w = fg.weight[p]!;
    if (w > 0) {
      const c = pal[fg.colour[p]!] ?? pal[0]!;
      r += (c[0] - r) * w;
      g += (c[1] - g) * w;
      b += (c[2] - b) * w;
    }
    px[p] = (255 << 24) | (Math.round(b) << 16) | (Math.round(g) << 8) | Math.round(r);
  }
}
