/**
 * Scatter view on one canvas: the matrix of the objectives (every pair below the diagonal, the objective names, units
 * and spans on the diagonal) or one chosen pair of any dimensions (objectives, variables, constraint g's) in a larger
 * panel. Each dimension is placed on its axis scale (scales.ts, the same as its parallel-coordinates axis). Each
 * design is one pixel-sized point written into the frame buffer (all designs grey underneath, the ones the filters
 * keep in the colour of their run or of the chosen column, colour.ts); the kept designs of the (union) front are
 * drawn over them as 3 × 3 points ringed in dark where the ring falls on the background, so a front of a few hundred
 * among 100,000 designs stands out. From BINNED_POINTS_FROM designs the kept points are counted per pixel and
 * colour and updated only for the designs a brush changes (pointCounts.ts): a pixel shows the colour most of its
 * designs have (from SAMPLE_FROM kept designs on, counted from a sample of them first: maskCounts.ts, the rest
 * as the page refines the frame). Drag a box in a panel to brush both
 * dimensions; click a point to select it; the point under the pointer (within 6 px) is reported for the read-out.
 * What only the colours change (a new colour column) keeps the points' positions and the grey background; with every
 * design kept it puts every design's points drawn ahead by that colouring while the page was idle (countAhead).
 */
import type { Filter } from '../urlState.js';
import type { BandPanel } from './bands.js';
import type { Colouring } from './colour.js';
import type { MaskChanges } from './maskIndex.js';
import type { Dataset, Dim } from './data.js';
import { BINNED_POINTS_FROM, drawEachPoint, NO_PIXEL, PointCounts, type PanelPixels } from './pointCounts.js';
import { aheadRoom, sameMask, type AheadHeld } from './maskCounts.js';
import { rgb } from './raster.js';
import type { AxisScale } from './scales.js';
import { diagonal, PAIR_LEFT, pairLabels } from './scatterLabels.js';

/** Left of the first column: room for a front point's ring at the panel's edge (it would wrap to the row above). */
const LABEL = 2;
const GAP = 6;
const MAX_OBJECTIVES = 8;
/** Chosen pair: room for the y labels on the left and the x labels below. */
const PAIR_TOP = 8;
const PAIR_BOTTOM = 40;
/** Largest pair panel and matrix cell (pixels). */
const PAIR_MOST = 640;
const CELL_MOST = 300;

/** Panel showing dims[j] across and dims[i] up, its plot area's top-left pixel at (ox, oy). */
interface Panel {
  readonly i: number;
  readonly j: number;
  readonly ox: number;
  readonly oy: number;
}
/** Below this many designs, points are 2 × 2 pixels. */
const BIG_POINTS_BELOW = 5000;

/** The scatter as an export reads it: per panel, its dimensions, plot area (pixels) and the scales. */
export interface ScatterView {
  readonly canvas: HTMLCanvasElement;
  readonly ds: Dataset;
  readonly panels: readonly { x: Dim; y: Dim; left: number; top: number; size: number }[];
  scale(d: Dim): AxisScale;
  readonly colours: Colouring;
  readonly mask: Uint8Array;
}

export interface ScatterEvents {
  brush2(
    x: { metric: string; range: readonly [number, number] },
    y: { metric: string; range: readonly [number, number] },
  ): void;
  pick(row: number): void;
  /** The design under the pointer (-1: none), with the pointer's page position. */
  hover(row: number, pageX: number, pageY: number): void;
}

/** A column's points made ahead (ScatterMatrix.countAhead). */
interface Ahead extends AheadHeld {
  readonly index: Uint8Array;
  counts: PointCounts | null;
  image: Uint32Array | null;
}

export class ScatterMatrix {
  private readonly canvas = document.createElement('canvas');
  /** Under the canvas: says when the points are binned. */
  private readonly note = document.createElement('p');
  private readonly ctx: CanvasRenderingContext2D;
  private ds: Dataset | null = null;
  private dims: Dim[] = [];
  private scales: AxisScale[] = [];
  private colours: Colouring | null = null;
  private cell = 100;
  private panels: Panel[] = [];
  private pairMode = false;
  private px: Uint16Array[] = [];
  /** What the positions and background were computed for (dataset, panels, scales, size). */
  private placed: {
    ds: Dataset;
    key: string;
    /**
     * Every design's points by a column's colouring (its index), made while idle (countAhead): binned, their counts
     * (else null: drawn design by design, or let go once drawn when the budget keeps the image alone: aheadRoom), and
     * the points drawn over the background (`image`, null until drawn); the last counts let go, whose memory the next
     * column's reuse.
     */
    ahead: Map<string, Ahead>;
    spare: PointCounts | null;
  } | null = null;
  /**
   * Whether the last layout starts from every design's points made ahead (countAhead): binned, their counts; else
   * their image, which render() puts while every design is kept.
   */
  startedAhead = false;
  /** Every design's points by the layout's colouring drawn ahead over the background: every design kept (render). */
  private aheadImage: Uint32Array | null = null;
  /** The kept points per pixel and colour (BINNED_POINTS_FROM designs and more), or null: drawn one by one. */
  private binned: PointCounts | null = null;
  private bg: Uint32Array | null = null;
  private image: ImageData | null = null;
  private drag: { i: number; j: number; x0: number; y0: number } | null = null;
  private mask: Uint8Array | null = null;
  /** The mask whose points the image holds (null: none drawn since the layout). */
  private drawnMask: Uint8Array | null = null;
  /** Rows on the (union) front: drawn last, larger. */
  private frontRows: Int32Array = new Int32Array(0);
  /** Drawn over each panel after its points (the attainment bands: bands.ts). */
  overlay: ((ctx: CanvasRenderingContext2D, panel: BandPanel) => void) | null = null;

  constructor(
    host: HTMLElement,
    private readonly events: ScatterEvents,
  ) {
    this.note.className = 'muted';
    this.note.dataset['testid'] = 'scatter-note';
    host.append(this.canvas, this.note);
    this.ctx = this.canvas.getContext('2d')!;
    this.canvas.addEventListener('mousedown', (e) => this.down(e));
    this.canvas.addEventListener('mouseup', (e) => this.up(e));
    this.canvas.addEventListener('mousemove', (e) => this.hover(e));
    this.canvas.addEventListener('mouseleave', () => this.events.hover(-1, 0, 0));
  }

  /** The objectives' matrix, or the pair [x, y] (dimension names) when given and both exist. */
  layout(
    ds: Dataset,
    width: number,
    pair: readonly [string, string] | null,
    scaleOf: (d: Dim) => AxisScale,
    colours: Colouring,
  ): void {
    this.ds = ds;
    this.colours = colours;
    const objectives = ds.dims.filter((d) => d.role === 'objective').slice(0, MAX_OBJECTIVES);
    // two objectives: their one pair, as a chosen pair is drawn (one large panel, not a matrix of one)
    const chosen =
      pair?.map((name) => ds.dims.find((d) => d.name === name)) ?? (objectives.length === 2 ? objectives : undefined);
    this.pairMode = chosen !== undefined && chosen.every((d) => d !== undefined);
    if (this.pairMode) {
      this.dims = chosen as Dim[];
      this.cell = Math.max(200, Math.min(PAIR_MOST, Math.floor(width) - PAIR_LEFT - 10));
      this.panels = [{ i: 1, j: 0, ox: PAIR_LEFT + 1, oy: PAIR_TOP + 1 }];
      this.size(PAIR_LEFT + this.cell + 10, PAIR_TOP + this.cell + PAIR_BOTTOM);
    } else {
      this.dims = objectives;
      const m = this.dims.length;
      this.cell = Math.max(60, Math.min(CELL_MOST, Math.floor((width - LABEL) / Math.max(1, m)) - GAP));
      this.panels = [];
      for (let i = 1; i < m; i++)
        for (let j = 0; j < i; j++)
          this.panels.push({ i, j, ox: LABEL + j * (this.cell + GAP) + 1, oy: LABEL + i * (this.cell + GAP) + 1 });
      const size = LABEL + m * (this.cell + GAP);
      this.size(size, size);
    }
    const c = this.cell - 2;
    this.scales = this.dims.map(scaleOf);
    const key = JSON.stringify([
      this.cell,
      this.canvas.width,
      this.dims.map((d, k) => {
        const sc = this.scales[k]!;
        return [d.name, sc.kind, sc.lo, sc.hi, sc.inverted];
      }),
    ]);
    this.drawnMask = null;
    this.aheadImage = null;
    this.startedAhead = false;
    const classes = colours.palette.length;
    this.note.textContent =
      ds.n >= BINNED_POINTS_FROM
        ? `${ds.n.toLocaleString('en-US')} designs: the points are counted per pixel, and a pixel shows the colour ` +
          'most of its kept designs have'
        : '';
    // a new colour column only: the positions and the grey background stand
    const placed = this.placed?.ds === ds && this.placed.key === key;
    if (!placed) this.place(ds, c);
    if (!placed) this.placed = { ds, key, ahead: new Map(), spare: null };
    const reuse = this.binned ?? undefined;
    this.binned =
      ds.n >= BINNED_POINTS_FROM ? new PointCounts(this.px, this.panels, c, classes, colours.index, reuse) : null;
    this.startAhead(colours);
    if (placed) return;
    this.bg = new Uint32Array(this.canvas.width * this.canvas.height).fill(0xffffffff);
    this.points(this.bg, new Uint8Array(ds.n).fill(1), 0xffc8c8c8);
  }

  /**
   * Where the layout's points start from, made ahead by `colours` while idle: binned, every design's counts, else a
   * sample first; or every design's image alone (drawn design by design, or binned with the counts let go: counted
   * while idle again, countShown), which render() puts while every design is kept.
   */
  private startAhead(colours: Colouring): void {
    const binned = this.binned;
    if (binned !== null) binned.progressive = true;
    const ahead = this.placed!.ahead.get(colours.by ?? '');
    if (ahead?.index !== colours.index) return;
    if (binned !== null && ahead.counts?.complete === true) binned.startFrom(ahead.counts);
    else if (ahead.counts === null && ahead.image !== null) binned?.deferAll(this.ds!.n);
    else return;
    this.startedAhead = true;
    this.aheadImage = ahead.image;
  }

  /**
   * Counts up to `most` more designs of every design's points by `colours` for the current placement (binned), then
   * draws every design's points, kept (as far as aheadRoom holds) for a layout in that colouring to start from; true
   * once done (or not kept: no room).
   */
  countAhead(colours: Colouring, most: number): boolean {
    const placed = this.placed;
    const bg = this.bg;
    if (placed === null || bg === null || colours.index.length !== placed.ds.n) return true;
    const by = colours.by ?? '';
    const c = this.cell - 2;
    let had = placed.ahead.get(by);
    if (had?.index !== colours.index) {
      const classes = colours.palette.length;
      const countBytes = this.binned === null ? 0 : 4 * (c + 1) * (c + 1) * classes * this.panels.length;
      const frameBytes = 4 * bg.length;
      const keeps = aheadRoom(placed.ahead, by, countBytes, frameBytes);
      if (keeps === null) return true;
      const reuse = keeps ? undefined : (placed.spare ?? undefined);
      const counts = countBytes === 0 ? null : new PointCounts(this.px, this.panels, c, classes, colours.index, reuse);
      counts?.countAll(placed.ds.n);
      had = { index: colours.index, counts, image: null, countBytes: keeps ? countBytes : 0, frameBytes };
      placed.ahead.set(by, had);
    }
    if (had.counts?.refine(most) === false) return false;
    if (had.image === null) {
      // then their pixels over the background as render() draws them with every design kept, the front's last
      const image = bg.slice();
      const palette = words(colours.palette);
      const all = new Uint8Array(placed.ds.n).fill(1);
      const big = placed.ds.n < BIG_POINTS_BELOW;
      had.counts?.draw(image, this.canvas.width, palette);
      for (const { i, j, ox, oy } of this.panels) {
        const panel = { X: this.px[j]!, Y: this.px[i]!, ox, oy, c };
        if (had.counts === null) drawEachPoint(image, this.canvas.width, panel, all, colours.index, palette, big);
        this.frontPoints(image, all, panel, colours.index, palette);
      }
      had.image = image;
      // the counts let go when the image is kept alone
      if (had.countBytes === 0 && had.counts !== null) [placed.spare, had.counts] = [had.counts, null];
    }
    return true;
  }

  /** Whether the points drawn are counted from a sample of the kept designs (maskCounts.ts): refine() next. */
  get refining(): boolean {
    return this.binned?.sampled === true;
  }

  /** Counts up to `most` more designs of a sampled count; true once exact (the next render draws the exact points). */
  refine(most: number): boolean {
    if (this.binned?.sampled !== true) return true;
    if (!this.binned.refine(most)) return false;
    this.drawnMask = null;
    return true;
  }

  /** Whether the points an image drawn ahead shows are still to be counted (countShown). */
  get countingShown(): boolean {
    return this.binned?.countingShown === true;
  }

  /** Counts up to `most` more designs of the points an image drawn ahead shows (deferAll); true once all counted. */
  countShown(most: number): boolean {
    return this.binned?.countShown(most) ?? true;
  }

  /** Each design's pixel position on each dimension, the panels' places for scripts, the front's rows. */
  private place(ds: Dataset, c: number): void {
    this.px = this.dims.map((d, k) => {
      const out = new Uint16Array(ds.n);
      const sc = this.scales[k]!;
      // a design beyond the span is not drawn: piled on the frame it would read as the span's end
      for (let i = 0; i < ds.n; i++) {
        const v = d.values[i]!;
        const t = sc.inside(v) ? sc.position(v) : NaN;
        out[i] = Number.isNaN(t) ? NO_PIXEL : Math.round(t * c);
      }
      return out;
    });
    // where each panel is, for scripts driving the page with a mouse (the browser test)
    const span = (k: number): [number, number] => [this.scales[k]!.lo, this.scales[k]!.hi];
    this.canvas.dataset['panels'] = JSON.stringify(
      this.panels.map((p) => ({
        x: this.dims[p.j]!.name,
        y: this.dims[p.i]!.name,
        left: p.ox,
        top: p.oy,
        size: c,
        xSpan: span(p.j),
        ySpan: span(p.i),
      })),
    );
    this.frontRows = rowsOf(ds.union);
  }

  /** The canvas's size; its image's pixels kept when it has that size already (a new colouring of the same view). */
  private size(w: number, h: number): void {
    if (this.image !== null && this.image.width === w && this.image.height === h) return;
    this.canvas.width = w;
    this.canvas.height = h;
    this.canvas.style.width = `${w}px`;
    this.canvas.style.height = `${h}px`;
    this.image = this.ctx.createImageData(w, h);
  }

  private origin(i: number, j: number): [number, number] {
    if (i === j && !this.pairMode) return [LABEL + j * (this.cell + GAP) + 1, LABEL + i * (this.cell + GAP) + 1];
    const p = this.panels.find((q) => q.i === i && q.j === j)!;
    return [p.ox, p.oy];
  }

  /** Each panel: dims[j] across, dims[i] up. */
  private points(buf: Uint32Array, mask: Uint8Array, fixed: number | null): void {
    const ds = this.ds!;
    const size = this.canvas.width;
    const c = this.cell - 2;
    const index = this.colours!.index;
    const colours = words(this.colours!.palette);
    const big = ds.n < BIG_POINTS_BELOW;
    if (fixed === null) this.binned?.draw(buf, size, colours);
    for (const { i, j, ox, oy } of this.panels) {
      const panel = { X: this.px[j]!, Y: this.px[i]!, ox, oy, c };
      if (fixed !== null || this.binned === null)
        drawEachPoint(buf, size, panel, mask, fixed === null ? index : null, fixed ?? colours, big);
      if (fixed === null) this.frontPoints(buf, mask, panel, index, colours);
    }
  }

  /** The kept front designs of a panel: 3 × 3 in their colour (`index`), a dark ring on the background around each. */
  private frontPoints(
    buf: Uint32Array,
    mask: Uint8Array,
    { X, Y, ox, oy, c }: PanelPixels,
    index: Uint8Array,
    colours: readonly number[],
  ): void {
    const size = this.canvas.width;
    const ring = 0xff30231d; // #1d2330 as RGBA bytes in a little-endian word
    // offsets of the 3 × 3 core and of the ring around it (a typed array ignores writes past its ends)
    const core: number[] = [];
    const around: number[] = [];
    for (let dy = -2; dy <= 2; dy++)
      for (let dx = -2; dx <= 2; dx++) (Math.abs(dx) <= 1 && Math.abs(dy) <= 1 ? core : around).push(dy * size + dx);
    for (let k = 0; k < this.frontRows.length; k++) {
      const r = this.frontRows[k]!;
      if (mask[r] === 0 || X[r] === NO_PIXEL || Y[r] === NO_PIXEL) continue;
      const p = (oy + c - Y[r]!) * size + ox + X[r]!;
      const colour = colours[index[r]!] ?? colours[0]!;
      for (const o of around) {
        const v = buf[p + o];
        if (v === 0xffffffff || v === 0xffc8c8c8) buf[p + o] = ring;
      }
      for (const o of core) buf[p + o] = colour;
    }
  }

  render(mask: Uint8Array, filters: readonly Filter[], selected: number, changes?: MaskChanges): void {
    if (this.ds === null || this.image === null || this.bg === null) return;
    this.mask = mask;
    // the points change only with the designs kept (a selection or a brush that keeps the same designs does not)
    const counted = this.binned !== null ? this.binned.update(mask, changes) : -1;
    const ahead = this.aheadImage;
    this.aheadImage = null;
    const changed =
      this.binned !== null
        ? counted > 0 || this.drawnMask === null
        : this.drawnMask === null || !sameMask(this.drawnMask, mask);
    if (changed) {
      const buf = new Uint32Array(this.image.data.buffer);
      // every design kept (binned: none taken off the counts the layout started from): the points drawn ahead
      const all = this.binned !== null ? counted === 0 : changes?.kept === mask.length;
      if (ahead !== null && all) buf.set(ahead);
      else {
        buf.set(this.bg);
        this.points(buf, mask, null);
      }
      this.drawnMask = this.binned !== null ? mask : mask.slice();
    }
    const ctx = this.ctx;
    ctx.putImageData(this.image, 0, 0);
    ctx.strokeStyle = '#d9dde5';
    ctx.lineWidth = 1;
    ctx.font = '11px system-ui, sans-serif';
    ctx.textAlign = 'center';
    if (this.pairMode) {
      const { ox, oy } = this.panels[0]!;
      const ticks = pairLabels(ctx, this.dims as [Dim, Dim], this.scales as [AxisScale, AxisScale], ox, oy, this.cell);
      this.canvas.dataset['ticks'] = JSON.stringify(ticks);
    } else this.dims.forEach((d, i) => diagonal(ctx, d, this.scales[i]!, ...this.origin(i, i), this.cell));
    for (const { i, j, ox, oy } of this.panels) {
      // the frame just outside the points (2 × 2 points reach one pixel right of and above the plot area)
      ctx.strokeStyle = '#d9dde5';
      ctx.strokeRect(ox - 0.5, oy - 1.5, this.cell + 1, this.cell + 1);
      this.brushBox(i, j, filters);
      const [x, y, sx, sy] = [this.dims[j]!, this.dims[i]!, this.scales[j]!, this.scales[i]!];
      this.overlay?.(ctx, { x, y, sx, sy, ox, oy, c: this.cell - 2 });
    }
    if (selected >= 0) {
      ctx.strokeStyle = '#c0392b';
      ctx.lineWidth = 2;
      for (const { i, j, ox, oy } of this.panels) {
        const x = this.px[j]![selected]!;
        const y = this.px[i]![selected]!;
        if (x === NO_PIXEL || y === NO_PIXEL) continue;
        ctx.beginPath();
        ctx.arc(ox + x, oy + this.cell - 2 - y, 4, 0, 2 * Math.PI);
        ctx.stroke();
      }
    }
  }

  private brushBox(i: number, j: number, filters: readonly Filter[]): void {
    const fx = filters.find((f) => f.metric === this.dims[j]!.name);
    const fy = filters.find((f) => f.metric === this.dims[i]!.name);
    if (fx === undefined && fy === undefined) return;
    const [ox, oy] = this.origin(i, j);
    const c = this.cell - 2;
    const pos = (k: number, v: number): number => this.scales[k]!.position(v) * c;
    const span = (k: number, f: Filter | undefined): [number, number] => {
      if (f === undefined) return [0, c];
      const [a, b] = [pos(k, f.lo), pos(k, f.hi)];
      return [Math.min(a, b), Math.max(a, b)];
    };
    const [x0, x1] = span(j, fx);
    const [y0, y1] = span(i, fy);
    this.ctx.fillStyle = 'rgba(192, 57, 43, 0.10)';
    this.ctx.fillRect(ox + x0, oy + c - y1, x1 - x0, y1 - y0);
  }

  /** The panel under a canvas point, and the point's position in it (pixels from the panel's lower left). */
  private panelAt(x: number, y: number): { i: number; j: number; u: number; v: number } | null {
    const c = this.cell - 2;
    for (const { i, j, ox, oy } of this.panels)
      if (x >= ox - 1 && x <= ox + c + 1 && y >= oy - 1 && y <= oy + c + 1) return { i, j, u: x - ox, v: c - (y - oy) };
    return null;
  }

  private local(e: MouseEvent): { x: number; y: number } {
    const r = this.canvas.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  }

  private down(e: MouseEvent): void {
    const { x, y } = this.local(e);
    const p = this.panelAt(x, y);
    if (p !== null) this.drag = { i: p.i, j: p.j, x0: p.u, y0: p.v };
  }

  private up(e: MouseEvent): void {
    const drag = this.drag;
    this.drag = null;
    if (drag === null) return;
    const { x, y } = this.local(e);
    const [ox, oy] = this.origin(drag.i, drag.j);
    const u = x - ox;
    const v = this.cell - 2 - (y - oy);
    const c = this.cell - 2;
    if (Math.abs(u - drag.x0) < 3 && Math.abs(v - drag.y0) < 3) return this.pickNear(drag.i, drag.j, u, v);
    const range = (k: number, p0: number, p1: number): [number, number] => {
      const [a, b] = [this.scales[k]!.value(p0 / c), this.scales[k]!.value(p1 / c)];
      return [Math.min(a, b), Math.max(a, b)];
    };
    this.events.brush2(
      { metric: this.dims[drag.j]!.name, range: range(drag.j, u, drag.x0) },
      { metric: this.dims[drag.i]!.name, range: range(drag.i, v, drag.y0) },
    );
  }

  private pickNear(i: number, j: number, u: number, v: number): void {
    const best = this.nearest(i, j, u, v);
    if (best >= 0) this.events.pick(best);
  }

  /** What an export draws (export.ts): the canvas, each panel's dimensions and place, the scales, colours and mask. */
  exportView(): ScatterView | null {
    if (this.ds === null || this.colours === null || this.mask === null) return null;
    const c = this.cell - 2;
    return {
      canvas: this.canvas,
      ds: this.ds,
      panels: this.panels.map((p) => ({ x: this.dims[p.j]!, y: this.dims[p.i]!, left: p.ox, top: p.oy, size: c })),
      scale: (d) => this.scales[this.dims.indexOf(d)]!,
      colours: this.colours,
      mask: this.mask,
    };
  }

  private hover(e: MouseEvent): void {
    if (this.drag !== null) return;
    const { x, y } = this.local(e);
    const p = this.panelAt(x, y);
    this.events.hover(p === null ? -1 : this.nearest(p.i, p.j, p.u, p.v), e.pageX, e.pageY);
  }

  /** The kept design nearest (u, v) in panel (i, j), within 6 px, or -1. */
  private nearest(i: number, j: number, u: number, v: number): number {
    const ds = this.ds;
    if (ds === null || this.mask === null) return -1;
    let best = -1;
    let bestD = 36;
    const X = this.px[j]!;
    const Y = this.px[i]!;
    for (let r = 0; r < ds.n; r++) {
      if (this.mask[r] === 0) continue;
      const d = (X[r]! - u) ** 2 + (Y[r]! - v) ** 2;
      if (d < bestD) {
        best = r;
        bestD = d;
      }
    }
    return best;
  }
}

/** A palette's colours as RGBA bytes in little-endian words. */
const words = (palette: readonly string[]): number[] =>
  palette.map((h) => {
    const [r, g, b] = rgb(h);
    return (255 << 24) | (b << 16) | (g << 8) | r;
  });

/** The rows a 0/1 mask marks. */
function rowsOf(marks: Uint8Array): Int32Array {
  let n = 0;
  for (let i = 0; i < marks.length; i++) n += marks[i]!;
  const out = new Int32Array(n);
  for (let i = 0, k = 0; i < marks.length; i++) if (marks[i] === 1) out[k++] = i;
  return out;
}
