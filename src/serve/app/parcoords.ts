/**
 * Parallel coordinates on a canvas: one vertical axis per visible dimension (objectives, variables, constraint g's),
 * every design a line through its values. Numeric axes span the data's range (a constant axis stays, drawn at
 * mid-height and labelled with its value); choice variables are categorical axes, one band per option.
 * Drag along an axis to brush it, click it to clear its brush; drag an axis label sideways to move the axis.
 * Lines are binned per pair of axes at BIN_PX pixels (see raster.ts): the drawing is exact to 4 px vertically.
 * What does not change with the brushes is drawn once per layout: the grey background of all designs, and the axes
 * with their labels and ticks (a canvas kept off screen, copied over each frame).
 */
import type { Filter } from '../urlState.js';
import { fmtValue, type Dataset, type Dim } from './data.js';
import {
  composeFrame,
  drawCountedLines,
  greyBackground,
  LineCounts,
  NAN_BIN,
  newFrame,
  pairCells,
  rgb,
  type Frame,
} from './raster.js';

const TOP = 40;
const BOTTOM = 22;
export const PLOT_H = 280;
const PAD_X = 40;
/** Vertical bin of the lines: 4 px keeps a brush over 100,000 designs near 50 ms of drawing (docs/performance.md). */
export const BIN_PX = 4;

export interface ParCoordsEvents {
  brush(metric: string, range: readonly [number, number] | null): void;
  move(metric: string, toPosition: number): void;
}

export class ParCoords {
  private readonly canvas = document.createElement('canvas');
  private readonly ctx: CanvasRenderingContext2D;
  private ds: Dataset | null = null;
  private axes: Dim[] = [];
  private bins: Uint16Array[] = [];
  private width = 800;
  private bg: Uint32Array | null = null;
  private fg: Frame | null = null;
  /** The foreground holds the lines of the current counts; the image holds it composed over the background. */
  private fgDrawn = false;
  private composed = false;
  private lines: LineCounts | null = null;
  private image: ImageData | null = null;
  private readonly labels = document.createElement('canvas');
  private palette32: [number, number, number][] = [];
  private pendingBrush: { metric: string; range: readonly [number, number] } | null = null;
  private drag: { kind: 'brush'; axis: number; y0: number } | { kind: 'move'; axis: number; x0: number } | null = null;

  constructor(
    host: HTMLElement,
    private readonly palette: readonly string[],
    private readonly events: ParCoordsEvents,
  ) {
    host.append(this.canvas);
    this.ctx = this.canvas.getContext('2d')!;
    this.canvas.addEventListener('mousedown', (e) => this.down(e));
    window.addEventListener('mousemove', (e) => this.moveTo(e));
    window.addEventListener('mouseup', (e) => this.up(e));
  }

  private get binsPerAxis(): number {
    return Math.ceil(PLOT_H / BIN_PX);
  }

  /** Sets the dataset and the visible axes in order; recomputes bins and the background. */
  layout(ds: Dataset, axes: readonly Dim[], width: number): void {
    this.ds = ds;
    this.axes = [...axes];
    this.width = Math.max(300, Math.floor(width));
    const h = TOP + PLOT_H + BOTTOM;
    this.canvas.width = this.width;
    this.canvas.height = h;
    this.canvas.style.width = `${this.width}px`;
    this.canvas.style.height = `${h}px`;
    const nb = this.binsPerAxis;
    this.bins = this.axes.map((d) => axisBins(d, nb));
    const cells = pairCells(this.bins, nb);
    const runs = Math.max(1, ...ds.runs.map((r) => r.id + 1));
    this.lines = new LineCounts(cells, nb, runs, ds.run);
    this.palette32 = this.palette.map(rgb);
    this.fg = newFrame(this.width, h);
    this.image = this.ctx.createImageData(this.width, h);
    // where each axis is on the canvas, for scripts driving the page with a mouse (the browser test)
    this.canvas.dataset['axes'] = JSON.stringify(this.axes.map((d, k) => ({ name: d.name, x: this.axisX(k) })));
    this.canvas.dataset['plotTop'] = String(TOP);
    this.canvas.dataset['plotHeight'] = String(PLOT_H);
    const grey = new LineCounts(cells, nb, 1, null);
    const all = new Uint8Array(ds.n).fill(1);
    grey.update(all);
    const bgFrame = newFrame(this.width, h);
    drawCountedLines(bgFrame, grey, this.geometry());
    this.bg = greyBackground(bgFrame);
    this.fgDrawn = false;
    if (runs === 1) {
      // one colour: the lines of all designs are the background's lines, counted and drawn already
      this.lines.startFrom(grey, all);
      this.fg.alpha.set(bgFrame.alpha);
      this.fgDrawn = true;
    }
    this.composed = false;
    this.drawLabels();
  }

  private fraction(d: Dim, v: number): number {
    return fraction(d, v);
  }

  private axisX(k: number): number {
    const n = this.axes.length;
    return n <= 1 ? this.width / 2 : Math.round(PAD_X + (k * (this.width - 2 * PAD_X)) / (n - 1));
  }

  private geometry(): { xs: number[]; top: number; binPx: number } {
    return { xs: this.axes.map((_, k) => this.axisX(k)), top: TOP, binPx: BIN_PX };
  }

  /** Draws the designs the mask keeps over the grey background, the axes, the brushes and the selected design. */
  render(mask: Uint8Array, filters: readonly Filter[], selected: number): void {
    if (this.ds === null || this.fg === null || this.image === null || this.bg === null) return;
    // lines and pixels change only with the designs kept (a selection or a brush that keeps the same designs does not)
    if (this.lines!.update(mask) > 0 || !this.fgDrawn) {
      drawCountedLines(this.fg, this.lines!, this.geometry());
      this.fgDrawn = true;
      this.composed = false;
    }
    if (!this.composed) composeFrame(new Uint32Array(this.image.data.buffer), this.bg, this.fg, this.palette32);
    this.composed = true;
    const ctx = this.ctx;
    ctx.putImageData(this.image, 0, 0);
    ctx.drawImage(this.labels, 0, 0);
    this.axes.forEach((d, k) => {
      const x = this.axisX(k);
      const f = filters.find((x2) => x2.metric === d.name);
      if (f !== undefined) {
        const yHi = TOP + (1 - clamp01(this.fraction(d, f.hi))) * PLOT_H;
        const yLo = TOP + (1 - clamp01(this.fraction(d, f.lo))) * PLOT_H;
        ctx.fillStyle = 'rgba(192, 57, 43, 0.18)';
        ctx.strokeStyle = '#c0392b';
        ctx.lineWidth = 1;
        ctx.fillRect(x - 7, yHi, 14, Math.max(1, yLo - yHi));
        ctx.strokeRect(x - 7 + 0.5, yHi + 0.5, 13, Math.max(1, yLo - yHi));
      }
    });
    if (selected >= 0) {
      ctx.strokeStyle = '#c0392b';
      ctx.lineWidth = 2.5;
      ctx.beginPath();
      this.axes.forEach((d, k) => {
        const y = TOP + (1 - this.fraction(d, d.values[selected]!)) * PLOT_H;
        if (k === 0) ctx.moveTo(this.axisX(k), y);
        else ctx.lineTo(this.axisX(k), y);
      });
      ctx.stroke();
    }
  }

  /** Axes, names and ticks, on the off-screen canvas copied over every frame. */
  private drawLabels(): void {
    this.labels.width = this.canvas.width;
    this.labels.height = this.canvas.height;
    const ctx = this.labels.getContext('2d')!;
    ctx.font = '11px system-ui, sans-serif';
    ctx.textAlign = 'center';
    const gap = this.axes.length > 1 ? (this.width - 2 * PAD_X) / (this.axes.length - 1) : 200;
    this.axes.forEach((d, k) => {
      const x = this.axisX(k);
      ctx.strokeStyle = '#555';
      ctx.lineWidth = 1;
      ctx.beginPath();
      ctx.moveTo(x + 0.5, TOP);
      ctx.lineTo(x + 0.5, TOP + PLOT_H);
      ctx.stroke();
      const dot = d.name.lastIndexOf('.');
      ctx.fillStyle = '#5b6475';
      ctx.fillText(clip(ctx, dot > 0 && !d.name.startsWith('g[') ? d.name.slice(0, dot) : d.role, gap - 4), x, 12);
      ctx.fillStyle = '#1d2330';
      ctx.fillText(clip(ctx, dot > 0 ? d.name.slice(dot + 1) : d.name, gap - 4), x, 25);
      this.ticks(ctx, d, x, gap);
    });
  }

  private ticks(ctx: CanvasRenderingContext2D, d: Dim, x: number, gap: number): void {
    ctx.fillStyle = '#5b6475';
    if (d.options !== undefined) {
      ctx.textAlign = 'left';
      d.options.forEach((o, i) =>
        ctx.fillText(clip(ctx, String(o), gap / 2), x + 4, TOP + (1 - (i + 0.5) / d.options!.length) * PLOT_H + 4),
      );
      ctx.textAlign = 'center';
    } else if (d.max === d.min) {
      ctx.fillText(clip(ctx, `constant ${fmtValue(d.min)}`, gap - 4), x, TOP + PLOT_H / 2 - 6);
    } else {
      ctx.fillText(fmtValue(d.max), x, TOP - 3);
      ctx.fillText(fmtValue(d.min), x, TOP + PLOT_H + 13);
    }
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
    if (y < TOP) {
      const k = this.axisAt(x);
      if (k >= 0) this.drag = { kind: 'move', axis: k, x0: x };
      return;
    }
    const k = this.axisAt(x);
    if (k < 0) return;
    e.preventDefault();
    this.drag = { kind: 'brush', axis: k, y0: clampY(y) };
  }

  /** The value range between two canvas heights on axis k. */
  private range(k: number, y0: number, y1: number): [number, number] {
    const d = this.axes[k]!;
    const value = (y: number): number => {
      const t = 1 - (y - TOP) / PLOT_H;
      return d.options !== undefined
        ? t * d.options.length - 0.5
        : d.max === d.min
          ? t >= 0.5
            ? d.max
            : d.min
          : d.min + t * (d.max - d.min);
    };
    const a = value(Math.max(y0, y1));
    const b = value(Math.min(y0, y1));
    return [a, b];
  }

  private moveTo(e: MouseEvent): void {
    const drag = this.drag;
    if (drag?.kind !== 'brush') return;
    const { y } = this.local(e);
    const y1 = clampY(y);
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
    const y1 = clampY(y);
    const name = this.axes[drag.axis]!.name;
    if (Math.abs(y1 - drag.y0) < 3) this.events.brush(name, null);
    else this.events.brush(name, this.range(drag.axis, drag.y0, y1));
  }
}

/** Position in [0, 1] of a value on an axis (0 bottom); NaN for a missing value. */
export function fraction(d: Dim, v: number): number {
  if (Number.isNaN(v)) return NaN;
  if (d.options !== undefined) return (v + 0.5) / d.options.length;
  if (d.max === d.min) return 0.5;
  return (v - d.min) / (d.max - d.min);
}

/** Each design's bin on an axis of `nb` bins (0 at the top), NAN_BIN when missing. */
export function axisBins(d: Dim, nb: number): Uint16Array {
  const values = d.values;
  const b = new Uint16Array(values.length);
  if (d.options === undefined && d.max !== d.min) {
    // a numeric axis: fraction's arithmetic inlined, one tight loop instead of a call per design
    const min = d.min;
    const span = d.max - d.min;
    for (let i = 0; i < b.length; i++) {
      const v = values[i]!;
      b[i] = v !== v ? NAN_BIN : Math.min(nb - 1, Math.floor((1 - (v - min) / span) * nb));
    }
    return b;
  }
  for (let i = 0; i < b.length; i++) {
    const t = fraction(d, d.values[i]!);
    b[i] = Number.isNaN(t) ? NAN_BIN : Math.min(nb - 1, Math.floor((1 - t) * nb));
  }
  return b;
}

const clamp01 = (t: number): number => Math.max(0, Math.min(1, t));
const clampY = (y: number): number => Math.max(TOP, Math.min(TOP + PLOT_H, y));

/** Text cut to a width, with an ellipsis. */
function clip(ctx: CanvasRenderingContext2D, text: string, width: number): string {
  if (ctx.measureText(text).width <= width) return text;
  let s = text;
  while (s.length > 1 && ctx.measureText(`${s}…`).width > width) s = s.slice(0, -1);
  return `${s}…`;
}
