/**
 * Parallel coordinates on a canvas: one vertical axis per visible dimension (objectives, constraint g's, variables),
 * every design a line through its values, in the colour of its run or of the column chosen (colour.ts). Numeric axes
 * follow their scale (scales.ts: linear, log or percentile, inverted or not, over the designs shown or a rescale; a
 * line is broken at an axis whose span its value is beyond; a constant axis stays, drawn at mid-height and labelled
 * with its value); choice variables are categorical axes, one band per option. Labels and end values: pcAxes.ts.
 * Drag along an axis to brush it, click it to clear its brush; drag an axis label sideways to move the axis. The
 * pointer's nearest line is reported (hover read-out): the design whose line passes closest to it, vertically, at
 * the pointer's x.
 * Lines are binned per pair of axes at BIN_PX pixels (see raster.ts): the drawing is exact to 4 px vertically. The
 * kept designs of the (union) front are drawn over them, exact, when at most a few hundred are kept (frontLines.ts).
 * Hovering an axis's labels shows its full name, unit and span.
 * What does not change with the brushes is drawn once per layout: the grey background of all designs, and the axes
 * with their labels and ticks (a canvas kept off screen, copied over each frame); a layout that changes only the
 * colours (a new colour column) keeps them and the bins, and counts the kept designs' lines again by colour: from
 * SAMPLE_FROM kept designs on, a sample of them first (maskCounts.ts), the rest as the page refines the frame; or
 * starts from every design's lines (and the front's) counted and drawn by that colouring while idle (countAhead), or
 * from their frame alone, its counts made while idle again (countShown) when the budget kept the frame alone.
 */
import type { Filter } from '../urlState.js';
import type { Colouring } from './colour.js';
import type { MaskChanges } from './maskIndex.js';
import { fmtValue, type Dataset, type Dim } from './data.js';
import { axisBins, axisNote, drawAxisLabels, labelsHeight, labelTiers } from './pcAxes.js';
import type { AxisScale } from './scales.js';
import {
  composeFrame,
  drawCountedLines,
  greyBackground,
  LineCounts,
  newFrame,
  pairCells,
  rgb,
  type Frame,
  type PairCells,
} from './raster.js';
import { FrontLines } from './frontLines.js';
import { aheadRoom, type AheadHeld } from './maskCounts.js';

/** Pairs of axes a step of countAhead draws. */
const AHEAD_PAIRS = 4;

/**
 * A column's colouring counted over every design ahead of its choice, and its lines drawn (ParCoords.countAhead); the
 * counts let go (null) once drawn when the budget keeps the frame alone (aheadRoom).
 */
interface Ahead extends AheadHeld {
  readonly index: Uint8Array;
  counts: LineCounts | null;
  readonly frame: Frame;
  /** Pairs of axes drawn in `frame`: [0, drawn). */
  drawn: number;
  /** Then the front's lines (frontLines), every design kept: null until drawn or when none are drawn. */
  front: HTMLCanvasElement | null;
}

const BOTTOM = 22;
export const PLOT_H = 280;
const PAD_X = 40;
/** Vertical bin of the lines: 4 px keeps a brush over 100,000 designs near 50 ms of drawing (docs/performance.md). */
export const BIN_PX = 4;
/** Rows of the front's lines' canvas: the plot's, 2 px above and 3 below (the lines' width). */
const FRONT_ROWS = PLOT_H + 5;

/** A parallel-coordinates plot as an export reads it. */
export interface PlotView {
  readonly canvas: HTMLCanvasElement;
  readonly ds: Dataset;
  readonly dims: readonly Dim[];
  readonly scales: readonly AxisScale[];
  /** Each axis's x on the canvas, its plot area's top and height. */
  readonly xs: readonly number[];
  readonly top: number;
  readonly plotH: number;
  readonly colours: Colouring;
  readonly mask: Uint8Array;
}

export interface ParCoordsEvents {
  brush(metric: string, range: readonly [number, number] | null): void;
  move(metric: string, toPosition: number): void;
  /** The design whose line is nearest the pointer (-1: none), with the pointer's page position. */
  hover(row: number, pageX: number, pageY: number): void;
}

export class ParCoords {
  private readonly canvas = document.createElement('canvas');
  private readonly ctx: CanvasRenderingContext2D;
  private ds: Dataset | null = null;
  private axes: Dim[] = [];
  private scales: AxisScale[] = [];
  private mask: Uint8Array | null = null;
  private bins: Uint16Array[] = [];
  private width = 800;
  private bg: Uint32Array | null = null;
  private fg: Frame | null = null;
  /** The foreground holds the lines of the current counts; the image holds it composed over the background. */
  private fgDrawn = false;
  private composed = false;
  /** Whether the last layout's counts start from the counts of every design made ahead (countAhead). */
  startedAhead = false;
  /** The lines of the counts the layout started from, drawn ahead: the frame of every design kept (render). */
  private aheadFrame: Frame | null = null;
  /** The image holds the background outside the plot's rows (composed whole once since place()). */
  private imageFramed = false;
  private lines: LineCounts | null = null;
  /** What the bins, background and labels were made for (dataset, axes, scales, width), and the background's lines. */
  private placed: {
    ds: Dataset;
    key: string;
    cells: PairCells;
    grey: LineCounts;
    greyAlpha: Uint8Array;
    /**
     * Every design's lines counted by a column's colouring (its index) and drawn (`frame`: pairs [0, drawn) drawn),
     * made while idle (countAhead); the last counts let go, whose memory the next column's reuse.
     */
    ahead: Map<string, Ahead>;
    spare: LineCounts | null;
  } | null = null;
  private image: ImageData | null = null;
  private readonly labels = document.createElement('canvas');
  private palette32: [number, number, number][] = [];
  private colours: Colouring | null = null;
  /** The (union) front's lines over the binned ones, for the placement. */
  private front: FrontLines | null = null;
  /** The front's lines of the counts the layout started from, drawn ahead: every design kept (render). */
  private aheadFront: HTMLCanvasElement | null = null;
  /** Label tiers: 2 when the names do not fit the gap between axes (every other axis's label a tier lower). */
  private tiers = 1;
  private pendingHover: MouseEvent | null = null;
  private pendingBrush: { metric: string; range: readonly [number, number] } | null = null;
  private drag: { kind: 'brush'; axis: number; y0: number } | { kind: 'move'; axis: number; x0: number } | null = null;

  constructor(
    host: HTMLElement,
    private readonly events: ParCoordsEvents,
  ) {
    host.append(this.canvas);
    this.ctx = this.canvas.getContext('2d')!;
    this.canvas.addEventListener('mousedown', (e) => this.down(e));
    window.addEventListener('mousemove', (e) => this.moveTo(e));
    this.canvas.addEventListener('mousemove', (e) => this.hover(e));
    this.canvas.addEventListener('mouseleave', () => this.events.hover(-1, 0, 0));
    window.addEventListener('mouseup', (e) => this.up(e));
  }

  private get binsPerAxis(): number {
    return Math.ceil(PLOT_H / BIN_PX);
  }

  /** The plot area's top: the label tiers and the line of the axes' top values above it. */
  private get top(): number {
    return labelsHeight(this.tiers) + 14;
  }

  private clampY(y: number): number {
    return Math.max(this.top, Math.min(this.top + PLOT_H, y));
  }

  /** The space between neighbouring axes. */
  private get gap(): number {
    return this.axes.length > 1 ? (this.width - 2 * PAD_X) / (this.axes.length - 1) : 200;
  }

  /** Sets the dataset, the visible axes in order, their scales and the colours; recomputes bins and the background. */
  layout(ds: Dataset, axes: readonly Dim[], width: number, scaleOf: (d: Dim) => AxisScale, colours: Colouring): void {
    this.ds = ds;
    this.axes = [...axes];
    this.width = Math.max(300, Math.floor(width));
    this.scales = this.axes.map(scaleOf);
    this.colours = colours;
    this.palette32 = colours.palette.map(rgb);
    const key = JSON.stringify([
      this.width,
      this.axes.map((d, k) => {
        const sc = this.scales[k]!;
        return [d.name, sc.kind, sc.lo, sc.hi, sc.inverted, sc.clipped];
      }),
    ]);
    const placed = this.placed?.ds === ds && this.placed.key === key ? this.placed : this.place(ds, key);
    const nb = this.binsPerAxis;
    const classes = colours.palette.length;
    this.lines = new LineCounts(placed.cells, nb, classes, colours.index, this.lines ?? undefined);
    this.lines.progressive = true;
    // the same frame's arrays while the canvas keeps its size (memory touched afresh costs milliseconds a megabyte)
    const [fg, h] = [this.fg, this.canvas.height];
    this.fg = fg?.width === this.width && fg.height === h ? fg : newFrame(this.width, h);
    this.fgDrawn = false;
    this.aheadFrame = null;
    this.aheadFront = null;
    this.startedAhead = false;
    this.front?.changed();
    if (classes === 1) {
      // one colour: the lines of all designs are the background's lines, counted and drawn already
      this.lines.startFrom(placed.grey);
      this.fg.alpha.set(placed.greyAlpha);
      this.fg.colour.fill(0);
      this.fgDrawn = true;
    } else {
      // every design's lines counted by this colouring while idle: the first update starts from them
      // (or the frame alone: its counts made while idle, deferAll)
      const ahead = placed.ahead.get(colours.by ?? '');
      if (ahead?.index === colours.index && ahead.counts?.complete !== false) {
        this.startedAhead = true;
        if (ahead.counts === null) this.lines.deferAll(ds.n);
        else this.lines.startFrom(ahead.counts);
        if (ahead.drawn === placed.cells.pairs) [this.aheadFrame, this.aheadFront] = [ahead.frame, ahead.front];
      }
    }
    this.composed = false;
  }

  /**
   * Counts up to `most` more designs of every design's lines by `colours` for the current placement, then draws them,
   * kept (as far as aheadRoom holds) for a layout in that colouring to start from; true once drawn (or not kept: one
   * colour, no room).
   */
  countAhead(colours: Colouring, most: number): boolean {
    const placed = this.placed;
    const classes = colours.palette.length;
    if (placed === null || classes === 1 || colours.index.length !== placed.ds.n) return true;
    const by = colours.by ?? '';
    let had = placed.ahead.get(by);
    if (had?.index !== colours.index) {
      const nb = this.binsPerAxis;
      // its frame and front lines
      const frameBytes = 2 * this.width * this.canvas.height + this.front!.canvasBytes;
      const countBytes = 4 * nb * nb * classes * placed.cells.pairs;
      const keeps = aheadRoom(placed.ahead, by, countBytes, frameBytes);
      if (keeps === null) return true;
      const reuse = keeps ? undefined : (placed.spare ?? undefined);
      const counts = new LineCounts(placed.cells, nb, classes, colours.index, reuse);
      counts.countAll(placed.ds.n);
      const [frame, drawn] = [newFrame(this.width, this.canvas.height), 0];
      had = { index: colours.index, counts, countBytes: keeps ? countBytes : 0, frameBytes, frame, drawn, front: null };
      placed.ahead.set(by, had);
    }
    const counts = had.counts;
    if (counts === null) return true;
    if (!counts.refine(most)) return false;
    // then their frame, AHEAD_PAIRS pairs of axes a step (a dense frame's lines take ~2 ms a pair in Node)
    const to = Math.min(placed.cells.pairs, had.drawn + AHEAD_PAIRS);
    if (to > had.drawn) drawCountedLines(had.frame, counts, this.geometry(), [had.drawn, to]);
    had.drawn = to;
    if (to < placed.cells.pairs) return false;
    // then the front's lines, every design kept; the counts let go when the frame is kept alone
    if (had.front === null && this.front!.drawsAll) had.front = this.front!.drawAll(colours);
    if (had.countBytes === 0) [placed.spare, had.counts] = [counts, null];
    return true;
  }

  /** The canvas, bins, grey background of all designs and axis labels of a dataset, axes, scales and width. */
  private place(ds: Dataset, key: string): NonNullable<ParCoords['placed']> {
    this.tiers = labelTiers(this.labels.getContext('2d')!, this.axes, this.scales, this.gap);
    const h = this.top + PLOT_H + BOTTOM;
    this.canvas.width = this.width;
    this.canvas.height = h;
    this.canvas.style.width = `${this.width}px`;
    this.canvas.style.height = `${h}px`;
    const nb = this.binsPerAxis;
    this.bins = this.axes.map((d, k) => axisBins(d, nb, this.scales[k]));
    const cells = pairCells(this.bins, nb);
    const rows: number[] = [];
    for (let i = 0; i < ds.n; i++) if (ds.union[i] === 1) rows.push(i);
    const xs = this.axes.map((_, k) => this.axisX(k));
    this.front = new FrontLines(rows, this.width, FRONT_ROWS, this.top - 2, (i, draw) =>
      this.eachSegment(i, (k, ya, yb) => draw(xs[k]!, ya, xs[k + 1]!, yb)),
    );
    this.image = this.ctx.createImageData(this.width, h);
    this.imageFramed = false;
    // where each axis is on the canvas, for scripts driving the page with a mouse (the browser test)
    this.canvas.dataset['axes'] = JSON.stringify(this.axes.map((d, k) => ({ name: d.name, x: this.axisX(k) })));
    this.canvas.dataset['width'] = String(this.width);
    this.canvas.dataset['plotTop'] = String(this.top);
    this.canvas.dataset['plotHeight'] = String(PLOT_H);
    const grey = new LineCounts(cells, nb, 1, null);
    grey.update(new Uint8Array(ds.n).fill(1));
    const bgFrame = newFrame(this.width, h);
    drawCountedLines(bgFrame, grey, this.geometry());
    this.bg = greyBackground(bgFrame);
    this.labels.width = this.canvas.width;
    this.labels.height = this.canvas.height;
    const drawn = drawAxisLabels(this.labels.getContext('2d')!, {
      axes: this.axes,
      scales: this.scales,
      xs: this.axes.map((_, k) => this.axisX(k)),
      width: this.width,
      gap: this.gap,
      tiers: this.tiers,
      top: this.top,
      plotH: PLOT_H,
    });
    this.canvas.dataset['labels'] = JSON.stringify(drawn);
    this.placed = { ds, key, cells, grey, greyAlpha: bgFrame.alpha, ahead: new Map(), spare: null };
    return this.placed;
  }

  /** Whether the lines drawn are counted from a sample of the kept designs (maskCounts.ts): refine() next. */
  get refining(): boolean {
    return this.lines?.sampled === true;
  }

  /** Counts up to `most` more designs of a sampled count; true once exact (the next render draws the exact lines). */
  refine(most: number): boolean {
    if (this.lines?.sampled !== true) return true;
    if (!this.lines.refine(most)) return false;
    this.fgDrawn = false;
    return true;
  }

  /** Whether the lines a frame drawn ahead shows are still to be counted (countShown). */
  get countingShown(): boolean {
    return this.lines?.countingShown === true;
  }

  /** Counts up to `most` more designs of the lines a frame drawn ahead shows (deferAll); true once all are counted. */
  countShown(most: number): boolean {
    return this.lines?.countShown(most) ?? true;
  }

  /** What an export draws (export.ts): the canvas, the axes and their places and scales, colours, kept designs. */
  exportView(): PlotView | null {
    if (this.ds === null || this.colours === null || this.mask === null) return null;
    return {
      canvas: this.canvas,
      ds: this.ds,
      dims: this.axes,
      scales: this.scales,
      xs: this.axes.map((_, k) => this.axisX(k)),
      top: this.top,
      plotH: PLOT_H,
      colours: this.colours,
      mask: this.mask,
    };
  }

  private fraction(k: number, v: number): number {
    return this.scales[k]!.position(v);
  }

  private axisX(k: number): number {
    const n = this.axes.length;
    return n <= 1 ? this.width / 2 : Math.round(PAD_X + (k * (this.width - 2 * PAD_X)) / (n - 1));
  }

  private geometry(): { xs: number[]; top: number; binPx: number } {
    return { xs: this.axes.map((_, k) => this.axisX(k)), top: this.top, binPx: BIN_PX };
  }

  /** Draws the designs the mask keeps over the grey background, the axes, the brushes and the selected design. */
  render(mask: Uint8Array, filters: readonly Filter[], selected: number, changes?: MaskChanges): void {
    if (this.ds === null || this.fg === null || this.image === null || this.bg === null) return;
    this.mask = mask;
    // lines and pixels change only with the designs kept (a selection or a brush that keeps the same designs does not)
    const changed = this.lines!.update(mask, changes);
    if (changed > 0) this.front?.changed();
    const [ahead, aheadFront] = [this.aheadFrame, this.aheadFront];
    [this.aheadFrame, this.aheadFront] = [null, null];
    if (changed === 0 && !this.fgDrawn && ahead !== null) {
      // the counts the layout started from, every design kept: their lines as drawn ahead, and the front's
      this.fg.alpha.set(ahead.alpha);
      this.fg.colour.set(ahead.colour);
      this.fgDrawn = true;
      this.composed = false;
      if (aheadFront !== null) this.front?.show(aheadFront);
    }
    if (changed > 0 || !this.fgDrawn) {
      drawCountedLines(this.fg, this.lines!, this.geometry());
      this.fgDrawn = true;
      this.composed = false;
    }
    if (!this.composed) {
      // the lines stay within the plot's rows: the rows around it are the background's once composed since place()
      const rows = this.imageFramed ? ([this.top, this.top + PLOT_H + 1] as const) : undefined;
      composeFrame(new Uint32Array(this.image.data.buffer), this.bg, this.fg, this.palette32, rows);
      this.imageFramed = true;
    }
    this.composed = true;
    const ctx = this.ctx;
    ctx.putImageData(this.image, 0, 0);
    ctx.drawImage(this.labels, 0, 0);
    this.axes.forEach((d, k) => {
      const x = this.axisX(k);
      const f = filters.find((x2) => x2.metric === d.name);
      if (f !== undefined) {
        const ya = this.top + (1 - clamp01(this.fraction(k, f.hi))) * PLOT_H;
        const yb = this.top + (1 - clamp01(this.fraction(k, f.lo))) * PLOT_H;
        const [yHi, yLo] = [Math.min(ya, yb), Math.max(ya, yb)];
        ctx.fillStyle = 'rgba(192, 57, 43, 0.18)';
        ctx.strokeStyle = '#c0392b';
        ctx.lineWidth = 1;
        ctx.fillRect(x - 7, yHi, 14, Math.max(1, yLo - yHi));
        ctx.strokeRect(x - 7 + 0.5, yHi + 0.5, 13, Math.max(1, yLo - yHi));
      }
    });
    if (this.colours !== null) this.front?.draw(ctx, mask, this.colours);
    if (selected >= 0) {
      ctx.strokeStyle = '#c0392b';
      ctx.lineWidth = 2.5;
      ctx.beginPath();
      this.trace(selected);
      ctx.stroke();
    }
  }

  /** Each segment of a design's line between axes k and k + 1 both inside their spans, with its two heights. */
  private eachSegment(i: number, f: (k: number, ya: number, yb: number) => void): void {
    let prev = NaN;
    this.axes.forEach((d, k) => {
      const v = d.values[i]!;
      const y = this.scales[k]!.inside(v) ? this.top + (1 - this.fraction(k, v)) * PLOT_H : NaN;
      if (k > 0 && !Number.isNaN(prev) && !Number.isNaN(y)) f(k - 1, prev, y);
      prev = y;
    });
  }

  /** A design's line into the current path, broken where a value is beyond its axis's span (or missing). */
  private trace(i: number): void {
    let pen = false;
    this.axes.forEach((d, k) => {
      const v = d.values[i]!;
      if (!this.scales[k]!.inside(v)) {
        pen = false;
        return;
      }
      const y = this.top + (1 - this.fraction(k, v)) * PLOT_H;
      if (pen) this.ctx.lineTo(this.axisX(k), y);
      else this.ctx.moveTo(this.axisX(k), y);
      pen = true;
    });
  }

  /** The axis's full name, unit and span, for the title shown when the pointer is over its labels. */
  private axisTitle(k: number): string {
    const d = this.axes[k]!;
    const sc = this.scales[k]!;
    const span = d.options !== undefined ? d.options.join(', ') : `${fmtValue(sc.lo, d)} … ${fmtValue(sc.hi, d)}`;
    return `${d.name} (${axisNote(d, sc)}): ${span}`;
  }

  private axisAt(x: number): number {
    let best = -1;
    let bestD = 15;
    this.axes.forEach((_, k) => {
      const dd = Math.abs(this.axisX(k) - x);
      if (dd < bestD) {
        best = k;
        bestD = dd;
      }
    });
    return best;
  }

  private local(e: MouseEvent): { x: number; y: number } {
    const r = this.canvas.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  }

  private down(e: MouseEvent): void {
    const { x, y } = this.local(e);
    if (y < this.top) {
      const k = this.axisAt(x);
      if (k >= 0) this.drag = { kind: 'move', axis: k, x0: x };
      return;
    }
    const k = this.axisAt(x);
    if (k < 0) return;
    e.preventDefault();
    this.drag = { kind: 'brush', axis: k, y0: this.clampY(y) };
  }

  /** The value range between two canvas heights on axis k. */
  private range(k: number, y0: number, y1: number): [number, number] {
    const sc = this.scales[k]!;
    const a = sc.value(1 - (Math.max(y0, y1) - this.top) / PLOT_H);
    const b = sc.value(1 - (Math.min(y0, y1) - this.top) / PLOT_H);
    return [Math.min(a, b), Math.max(a, b)];
  }

  /** The kept design whose line passes nearest the pointer, vertically, at its x (within 6 px), or -1. */
  nearestLine(x: number, y: number): number {
    const ds = this.ds;
    const mask = this.mask;
    if (ds === null || mask === null || this.axes.length < 2) return -1;
    let k = 0;
    while (k + 2 < this.axes.length && this.axisX(k + 1) <= x) k++;
    const x0 = this.axisX(k);
    const u = Math.max(0, Math.min(1, (x - x0) / (this.axisX(k + 1) - x0)));
    const [sa, sb] = [this.scales[k]!, this.scales[k + 1]!];
    const [va, vb] = [this.axes[k]!.values, this.axes[k + 1]!.values];
    const t = 1 - (y - this.top) / PLOT_H;
    let best = -1;
    let bestD = 6 / PLOT_H;
    for (let i = 0; i < ds.n; i++) {
      if (mask[i] === 0 || !sa.inside(va[i]!) || !sb.inside(vb[i]!)) continue;
      const d = Math.abs((1 - u) * sa.position(va[i]!) + u * sb.position(vb[i]!) - t);
      if (d < bestD) {
        best = i;
        bestD = d;
      }
    }
    return best;
  }

  /** At most one search per animation frame, for the pointer's last position in it. */
  private hover(e: MouseEvent): void {
    if (this.drag !== null) return;
    const at = this.local(e);
    // over the labels: the axis whose labels these are (the nearest)
    let k = -1;
    const tier = Math.min(this.tiers - 1, Math.floor((at.y * this.tiers) / labelsHeight(this.tiers)));
    if (at.y < this.top)
      this.axes.forEach((_, j) => {
        if (at.y < this.top - 14 && j % this.tiers !== tier) return;
        if (k < 0 || Math.abs(this.axisX(j) - at.x) < Math.abs(this.axisX(k) - at.x)) k = j;
      });
    const title = k >= 0 ? this.axisTitle(k) : '';
    if (this.canvas.title !== title) this.canvas.title = title;
    const waiting = this.pendingHover !== null;
    this.pendingHover = e;
    if (waiting) return;
    requestAnimationFrame(() => {
      const last = this.pendingHover!;
      this.pendingHover = null;
      const { x, y } = this.local(last);
      this.events.hover(y < this.top || y > this.top + PLOT_H ? -1 : this.nearestLine(x, y), last.pageX, last.pageY);
    });
  }

  private moveTo(e: MouseEvent): void {
    const drag = this.drag;
    if (drag?.kind !== 'brush') return;
    const { y } = this.local(e);
    const y1 = this.clampY(y);
    if (Math.abs(y1 - drag.y0) < 3) return;
    // one render per frame however many mouse moves arrive in it
    const pending = this.pendingBrush === null;
    this.pendingBrush = { metric: this.axes[drag.axis]!.name, range: this.range(drag.axis, drag.y0, y1) };
    if (pending)
      requestAnimationFrame(() => {
        const b = this.pendingBrush;
        this.pendingBrush = null;
        if (b !== null) this.events.brush(b.metric, b.range);
      });
  }

  private up(e: MouseEvent): void {
    const drag = this.drag;
    this.drag = null;
    this.pendingBrush = null;
    if (drag === null) return;
    const { x, y } = this.local(e);
    if (drag.kind === 'move') {
      if (Math.abs(x - drag.x0) < 10) return;
      let to = 0;
      this.axes.forEach((_, k) => {
        if (this.axisX(k) < x) to = k;
      });
      this.events.move(this.axes[drag.axis]!.name, to);
      return;
    }
    const y1 = this.clampY(y);
    const name = this.axes[drag.axis]!.name;
    if (Math.abs(y1 - drag.y0) < 3) this.events.brush(name, null);
    else this.events.brush(name, this.range(drag.axis, drag.y0, y1));
  }
}

const clamp01 = (t: number): number => Math.max(0, Math.min(1, t));
