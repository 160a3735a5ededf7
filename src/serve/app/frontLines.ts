/**
 * The kept designs of the (union) front over the parallel coordinates' binned lines (parcoords.ts), exact and 2 px wide
 * in their colour, when at most FRONT_LINES of them are kept (a front of a few hundred stands out of 100,000 designs; a
 * larger one is the cloud), written by lineLayer.ts into a canvas of their own (the canvas's strokes of 500 cost ~85
 * ms a frame: docs/performance.md), drawn again only when the designs kept or the colours change. With every front
 * design kept, the last four colourings' canvases are kept, and a column's is drawn ahead with its counts (drawAll).
 */
import type { Colouring } from './colour.js';
import { LineLayer } from './lineLayer.js';

/** Most kept front designs drawn over the binned lines. */
export const FRONT_LINES = 500;

/** A design's line, segment by segment (each between two axes both inside their spans), in canvas pixels. */
export type Segments = (row: number, draw: (xa: number, ya: number, xb: number, yb: number) => void) => void;

export class FrontLines {
  /** The lines' layer, made at the first drawing. */
  private layer: LineLayer | null = null;
  private readonly canvas: HTMLCanvasElement;
  /** What draw() puts: `canvas`, or a canvas of every front design kept (allKept, show()). */
  private shown: HTMLCanvasElement;
  /** Whether `shown` is of other designs kept or colours than the last draw's. */
  private stale = true;
  /** Every front design kept, by colouring (its index): the last four drawn. */
  private readonly allKept = new Map<Uint8Array, HTMLCanvasElement>();

  constructor(
    /** The rows on the front, in row order. */
    readonly rows: readonly number[],
    private readonly width: number,
    /** The canvas's rows, and the page row its first is drawn at. */
    private readonly height: number,
    private readonly top: number,
    private readonly segments: Segments,
  ) {
    this.shown = this.canvas = this.newCanvas();
  }

  /** Whether every front design kept draws their lines. */
  get drawsAll(): boolean {
    return this.rows.length > 0 && this.rows.length <= FRONT_LINES;
  }

  /** Bytes of a canvas of every front design's lines, when drawn (a frame drawn ahead holds one). */
  get canvasBytes(): number {
    return this.drawsAll ? 4 * this.width * this.height : 0;
  }

  /** The designs kept or the colours changed: the next draw() draws the lines again. */
  changed(): void {
    this.stale = true;
  }

  /** Shows `canvas` (drawAll's for the current colours: every front design kept) until the next change. */
  show(canvas: HTMLCanvasElement): void {
    [this.shown, this.stale] = [canvas, false];
  }

  /** Every front design's lines in their colours, in a canvas of their own. */
  drawAll(colours: Colouring): HTMLCanvasElement {
    const canvas = this.newCanvas();
    this.drawRows(canvas, this.rows, colours);
    return canvas;
  }

  /** The kept front designs' lines onto `ctx`, when at most FRONT_LINES are kept. */
  draw(ctx: CanvasRenderingContext2D, mask: Uint8Array, colours: Colouring): void {
    const kept = this.rows.filter((i) => mask[i] === 1);
    if (kept.length === 0 || kept.length > FRONT_LINES) return;
    const all = kept.length === this.rows.length ? this.allKept : null;
    if (this.stale) {
      let canvas = all?.get(colours.index);
      if (canvas === undefined) {
        this.drawRows((canvas = all === null ? this.canvas : this.newCanvas()), kept, colours);
        if (all?.set(colours.index, canvas).size === 5) all.delete(all.keys().next().value!);
      }
      this.show(canvas);
    }
    ctx.drawImage(this.shown, 0, this.top);
  }

  private newCanvas(): HTMLCanvasElement {
    return Object.assign(document.createElement('canvas'), { width: this.width, height: this.height });
  }

  /** The lines of `rows` in their colours, a colour at a time as one shape (in the order the rows first show them). */
  private drawRows(canvas: HTMLCanvasElement, rows: readonly number[], colours: Colouring): void {
    const layer = (this.layer ??= new LineLayer(this.width, this.height, this.top));
    layer.lines(rows, colours, this.segments);
    // the rows drawn, and those the last lines drawn in this canvas left
    const ctx = canvas.getContext('2d')!;
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    const [from, to] = layer.rows;
    ctx.putImageData(new ImageData(layer.data, layer.width, layer.height), 0, 0, 0, from, layer.width, to - from);
  }
}
