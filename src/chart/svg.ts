/**
 * SVG primitives of the report plots (chart.ts, the constellation maps): escaped text, pixel coordinates, symbols, the
 * document, tick values and labels (d3-array's ticks, d3-format's formats; Bostock, ISC licence). Layout is computed,
 * not measured: text widths are estimated at TEXT_WIDTH_EM of the font size per character (a sans-serif average), so
 * labels may sit a few pixels off their true extent.
 */
import { tickStep as d3TickStep, ticks as d3Ticks } from 'd3-array';
import { format, precisionFixed } from 'd3-format';
import { scaleLog } from 'd3-scale';

/** Padding around a plot [px]. */
export const PAD = 5;
/** Average advance of a sans-serif character, in font sizes [em]. */
export const TEXT_WIDTH_EM = 0.58;

export const textWidth = (s: string, fontSize_px: number): number => s.length * fontSize_px * TEXT_WIDTH_EM;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
export const esc = (s: string): string => s.replace(/[&<>"]/g, (c) => ESCAPES[c]!);

/**
 * A pixel coordinate rounded to 0.1 px (what vega's output was rounded to as well), printed from the integer
 * number of tenths: formatting a double is ~10× slower than an integer, and a plot has tens of thousands.
 */
export function px(v: number): string {
  const tenths = Math.round(v * 10);
  if (!Number.isFinite(tenths)) return String(tenths);
  const a = Math.abs(tenths);
  const digit = a % 10;
  return `${tenths < 0 ? '-' : ''}${(a - digit) / 10}${digit !== 0 ? `.${digit}` : ''}`;
}

/** Tick step for about `count` ticks over [lo, hi] (d3-array's 1-2-5 rule); 0 for an empty or unbounded span. */
export function tickStep(lo: number, hi: number, count: number): number {
  if (!(hi > lo) || !Number.isFinite(hi - lo)) return 0;
  return Math.abs(d3TickStep(lo, hi, Math.max(1, count)));
}

/** d3-array's ticks over [lo, hi] with their step (a lone tick at lo when the span is empty). */
export function ticks(lo: number, hi: number, count: number): { values: number[]; step: number } {
  const step = tickStep(lo, hi, count);
  if (step === 0) return { values: Number.isFinite(lo) ? [lo] : [], step: 0 };
  return { values: d3Ticks(lo, hi, Math.max(1, count)).map((v) => v + 0), step }; // + 0: no -0 tick
}

/**
 * Ticks of a log axis over [lo, hi] (d3-scale's log ticks): the decades when the span holds three or more, else every
 * decade's 1–9 multiples inside it, `labelled` being those d3 labels for about `count` labels (the rest are minor).
 */
export function logTicks(
  lo: number,
  hi: number,
  count: number,
): { values: number[]; decades: boolean; labelled: (v: number) => boolean } {
  const s = scaleLog().domain([lo, hi]);
  const decades = s.ticks().filter((v) => Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-9);
  const f = s.tickFormat(count);
  if (decades.length >= 3) return { values: decades, decades: true, labelled: () => true };
  return { values: s.ticks(count), decades: false, labelled: (v) => f(v) !== '' };
}

/** Tick labels with the decimals the step needs and thousands separators (d3-format); exponents for extreme steps. */
export function tickFormat(step: number): (v: number) => string {
  if (step === 0) return format(',.3~r');
  if (step >= 1e7 || step < 1e-5) return (v) => (v === 0 ? '0' : format('.3~e')(v).replace('e+', 'e'));
  return format(`,.${precisionFixed(step)}f`);
}

export interface TextOptions {
  readonly size?: number;
  readonly anchor?: 'start' | 'middle' | 'end';
  readonly weight?: 'bold';
  readonly rotate?: number;
  readonly color?: string;
  /** Vertical placement of (x, y): the text's baseline (default), its top or its middle. */
  readonly baseline?: 'alphabetic' | 'top' | 'middle';
}

/**
 * One line of text; `top` and `middle` shift the baseline down by 0.8 and 0.35 font sizes (no dominant-baseline: not
 * every SVG viewer has it).
 */
export function text(x: number, y: number, s: string, o: TextOptions = {}): string {
  const size = o.size ?? 11;
  const dy = o.baseline === 'top' ? 0.8 * size : o.baseline === 'middle' ? 0.35 * size : 0;
  const rot = o.rotate !== undefined ? ` transform="rotate(${o.rotate} ${px(x)} ${px(y)})"` : '';
  return (
    `<text x="${px(x)}" y="${px(y + dy)}"${rot} font-size="${size}"${o.anchor && o.anchor !== 'start' ? ` text-anchor="${o.anchor}"` : ''}` +
    `${o.weight ? ` font-weight="${o.weight}"` : ''} fill="${o.color ?? '#000'}">${esc(s)}</text>`
  );
}

/** The document: white background, one font, an optional class (the test and CSS hooks name plot roles). */
export function svgDocument(width: number, height: number, body: string): string {
  const w = Math.ceil(width),
    h = Math.ceil(height);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" class="marks" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="sans-serif">` +
    `<rect width="${w}" height="${h}" fill="white"/>${body}</svg>`
  );
}

export interface Frame {
  /** Top-left corner of the plotting area [px]. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * Symbol paths of the given area [px²] centred on 0, 0 (vega's circle, cross and diamond; a square; equilateral
 * triangles about their centroid); another name draws a circle.
 */
export function symbolPath(shape: string, area_px2: number): string {
  if (shape === 'square') {
    const h = Math.sqrt(area_px2) / 2;
    return `M${px(-h)},${px(-h)}H${px(h)}V${px(h)}H${px(-h)}Z`;
  }
  if (shape === 'triangle-up' || shape === 'triangle-down') {
    // side s with s²·√3/4 = A; the centroid sits a third of the height above the base
    const side = Math.sqrt((4 * area_px2) / Math.sqrt(3)),
      h = (side * Math.sqrt(3)) / 2,
      k = shape === 'triangle-up' ? 1 : -1;
    return `M0,${px((-k * 2 * h) / 3)}L${px(side / 2)},${px((k * h) / 3)}L${px(-side / 2)},${px((k * h) / 3)}Z`;
  }
  if (shape === 'cross') {
    const r = Math.sqrt(area_px2) / 2,
      s = r / 2.5;
    return `M${px(-r)},${px(-s)}H${px(-s)}V${px(-r)}H${px(s)}V${px(-s)}H${px(r)}V${px(s)}H${px(s)}V${px(r)}H${px(-s)}V${px(s)}H${px(-r)}Z`;
  }
  if (shape === 'diamond') {
    const r = Math.sqrt(area_px2) / 2;
    return `M${px(-r)},0L0,${px(-r)}L${px(r)},0L0,${px(r)}Z`;
  }
  const r = Math.sqrt(area_px2 / Math.PI);
  return `M${px(r)},0A${px(r)},${px(r)},0,1,1,${px(-r)},0A${px(r)},${px(r)},0,1,1,${px(r)},0Z`;
}
