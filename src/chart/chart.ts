/**
 * The chart layer of the reports and the explorer: a chart is one plotting frame with an x and a y axis (linear, log or
 * band scale), marks given in data units (dots, lines, areas, bars, rules, segments, text), an optional title block
 * above and legends at its right. `chart` lays it out into a Scene: the pixel frame, each axis's tick values, labels
 * and pixel positions, the legend entries and the dots' pixel centres (what the plot shows, which tests read), and the
 * static SVG text. Scales, tick values, number formats and colour schemes are d3's (d3-scale, d3-array, d3-format,
 * d3-scale-chromatic, d3-shape; Bostock et al., ISC licence); the layout is ours and estimates text widths (svg.ts
 * TEXT_WIDTH_EM) as there is no canvas in Node. `concat` sets charts side by side or in a grid. The axes (scales,
 * ticks, labels, titles) are drawn by chartAxes.ts.
 */
import { maxOf } from '../base/arrays.js';
import { line as d3line, curveStepAfter } from 'd3-shape';
import { esc, PAD, px, svgDocument, symbolPath, text, textWidth } from './svg.js';
import { LEGEND_ROW, legendRow, pathsSvg, TOP_AXIS_ROOM, type PathsMark, type TopAxis } from './chartMarks.js';
import {
  axesSvg,
  axisScale,
  gridSvg,
  LABEL_px,
  lineEl,
  topAxis,
  TITLE_px,
  xLabelExtent,
  xLabelsBelow,
  type Axis,
  type Scale,
  type Tick,
  type V,
} from './chartAxes.js';

export type { Axis, BandAxis, ContinuousAxis, Tick } from './chartAxes.js';
export { axisScale, decadeLabel } from './chartAxes.js';

export { CATEGORY10, TABLEAU10 } from './palettes.js';

/** A bar's extent on one axis: [from, to] in data units, or a category (the band's width, or its part `sub`). */
export interface Bar {
  readonly x: readonly [number, number] | string;
  readonly y: readonly [number, number] | string;
  readonly color: string;
  /** The bar's slot in its band: index and count (grouped bars). */
  readonly sub?: readonly [number, number];
}

export type Shape = 'circle' | 'square' | 'diamond' | 'cross' | 'triangle-up' | 'triangle-down';
export type Mark =
  | {
      readonly type: 'dots';
      readonly points: readonly { readonly x: number; readonly y: V; readonly area?: number }[];
      readonly color: string;
      readonly shape?: Shape;
      /** Symbol area [px²] (default 30). */
      readonly area?: number;
      readonly opacity?: number;
      /** Outlined, not filled. */
      readonly hollow?: boolean;
      readonly stroke?: string;
      /** Define the symbol once under this id (unique in the page) and place each point by reference: fewer bytes. */
      readonly symbolId?: string;
    }
  | {
      /** Many polylines of one style (parallel coordinates), each through its points in order. */
      readonly type: 'lines';
      readonly series: readonly (readonly { readonly x: V; readonly y: V }[])[];
      readonly color: string;
      readonly width?: number;
      readonly opacity?: number;
    }
  | {
      readonly type: 'line';
      readonly points: readonly { readonly x: number; readonly y: number }[];
      readonly color: string;
      readonly width?: number;
      readonly dash?: string;
      /** Each value held until the next x (step-after). */
      readonly step?: boolean;
      readonly opacity?: number;
    }
  | {
      readonly type: 'area';
      readonly points: readonly { readonly x: number; readonly y: number }[];
      readonly color: string;
      readonly opacity?: number;
    }
  | { readonly type: 'bars'; readonly bars: readonly Bar[]; readonly opacity?: number }
  | {
      readonly type: 'rule';
      readonly at: { readonly x: number } | { readonly y: number };
      readonly color: string;
      readonly width?: number;
      readonly dash?: string;
    }
  | {
      readonly type: 'segments';
      readonly segments: readonly {
        readonly x1: V;
        readonly y1: V;
        readonly x2: V;
        readonly y2: V;
        readonly sub?: readonly [number, number];
      }[];
      readonly color: string;
      readonly width?: number;
      readonly dash?: string;
      readonly opacity?: number;
    }
  | {
      readonly type: 'text';
      readonly labels: readonly {
        readonly x: V;
        readonly y: V;
        readonly text: string;
        readonly dx?: number;
        readonly dy?: number;
        readonly anchor?: 'start' | 'middle' | 'end';
      }[];
      readonly color?: string;
      readonly size?: number;
      readonly bold?: boolean;
    }
  | PathsMark;

/** A legend symbol: a filled shape, a line or a dashed line. */
export interface LegendEntry {
  readonly name: string;
  readonly color: string;
  readonly symbol?: Shape | 'line' | 'dash';
  readonly opacity?: number;
  /** Symbol area [px²] (default 80; a size legend); the entry's row grows to fit it. */
  readonly size?: number;
}
export interface Legend {
  readonly title: string | null;
  readonly entries: readonly LegendEntry[];
}

export interface ChartSpec {
  readonly title?: string;
  readonly subtitle?: readonly string[];
  /** Plotting frame [px]. */
  readonly width: number;
  readonly height: number;
  readonly x: Axis;
  readonly y: Axis;
  readonly marks: readonly Mark[];
  readonly legends?: readonly Legend[];
  /** Clip the marks to the frame; the clip path's id (unique in the page). */
  readonly clipId?: string;
  /** Leave this much room left of the frame at least [px] (aligned panels). */
  readonly minLeft?: number;
  /** A second x axis above the frame, labelled at x values (e.g. local time over right ascension). */
  readonly top?: TopAxis;
  /** Legends below the x axis, not at the right (long entries). */
  readonly legendBelow?: boolean;
}

export interface Scene {
  readonly width: number;
  readonly height: number;
  readonly frame: { readonly x: number; readonly y: number; readonly width: number; readonly height: number };
  readonly xTicks: readonly Tick[];
  readonly yTicks: readonly Tick[];
  readonly legends: readonly Legend[];
  /** Centres of the dots drawn [px], with their colour. */
  readonly dots: readonly { readonly x: number; readonly y: number; readonly color: string }[];
  /** The bars drawn [px]. */
  readonly rects: readonly Rect[];
  /** The lines, rules and segments drawn, each as its points [px]. */
  readonly lines: readonly { readonly points: readonly (readonly [number, number])[]; readonly color: string }[];
  /** The top axis's ticks (none without one). */
  readonly topTicks: readonly Tick[];
  /** The chart's SVG elements (no document around them). */
  readonly body: string;
}

const LEGEND_GAP = 18;

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly color: string;
}
/** What drawMarks records of the marks it draws (for the Scene). */
interface Drawing {
  readonly dots: Scene['dots'][number][];
  readonly rects: Rect[];
  readonly lines: Scene['lines'][number][];
}
type Box = { readonly x0: number; readonly x1: number; readonly y0: number; readonly y1: number };
/** A legend symbol centred on (0, 0). */
function legendSymbol(e: LegendEntry): string {
  const o = e.opacity !== undefined ? ` fill-opacity="${e.opacity}"` : '';
  if (e.symbol === 'line' || e.symbol === 'dash')
    return `<line x1="-8" y1="0" x2="8" y2="0" stroke="${e.color}" stroke-width="2"${e.symbol === 'dash' ? ' stroke-dasharray="4,3"' : ''}/>`;
  const d = e.symbol === undefined || e.symbol === 'square' ? 'M-4.5,-4.5h9v9h-9Z' : symbolPath(e.symbol, e.size ?? 80);
  return `<path d="${d}" fill="${e.color}"${o}/>`;
}

/** Legends stacked in a column at (x, y), with the width and height they take. */
export function legendColumn(
  x: number,
  y: number,
  legends: readonly Legend[],
): { svg: string; width: number; height: number } {
  const out: string[] = [];
  let row = y,
    width = 0;
  for (const l of legends) {
    out.push('<g class="legend">');
    if (l.title) {
      out.push(text(x, row, l.title, { size: TITLE_px, weight: 'bold', baseline: 'top' }));
      width = Math.max(width, textWidth(l.title, TITLE_px));
      row += LEGEND_ROW;
    }
    for (const e of l.entries) {
      const h = legendRow(e),
        r = (h - LEGEND_ROW) / 2;
      out.push(`<g transform="translate(${px(x + 8 + r)},${px(row + 7 + r)})">${legendSymbol(e)}</g>`);
      out.push(text(x + 20 + 2 * r, row + 7 + r, e.name, { size: TITLE_px, baseline: 'middle' }));
      width = Math.max(width, 20 + 2 * r + textWidth(e.name, TITLE_px));
      row += h;
    }
    out.push('</g>');
    row += 8;
  }
  return { svg: out.join(''), width, height: legends.length ? row - 8 - y : 0 };
}

/** Where a value sits on a scale: a number's pixel, a band's middle (or its part `sub`'s). */
const mid = (s: Scale, v: V, sub?: readonly [number, number]): number => s.at(v, sub) + s.band(sub) / 2;
const opacityOf = (o: number | undefined): string => (o !== undefined ? ` opacity="${o}"` : '');
type Kind<T extends Mark['type']> = Extract<Mark, { type: T }>;
interface Ctx {
  readonly sx: Scale;
  readonly sy: Scale;
  readonly box: Box;
  readonly seen: Drawing;
}

function dotsSvg(m: Kind<'dots'>, ctx: Ctx): string {
  if (m.symbolId !== undefined) return dotsByReference(m, m.symbolId, ctx);
  const { sx, sy, seen } = ctx;
  const fill = m.hollow ? `fill="none" stroke="${m.color}" stroke-width="1.2"` : `fill="${m.color}"`;
  const stroke = m.stroke && !m.hollow ? ` stroke="${m.stroke}" stroke-width="0.5"` : '';
  const out = [`<g class="dots" ${fill}${stroke}${opacityOf(m.opacity)}>`];
  const shared = symbolPath(m.shape ?? 'circle', m.area ?? 30);
  for (const p of m.points) {
    const x = mid(sx, p.x),
      y = mid(sy, p.y);
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    seen.dots.push({ x, y, color: m.color });
    const d = p.area !== undefined ? symbolPath(m.shape ?? 'circle', p.area) : shared;
    out.push(`<path transform="translate(${px(x)},${px(y)})" d="${d}"/>`);
  }
  return `${out.join('')}</g>`;
}

/**
 * Dots as references to one symbol defined in place (`<use>`: ~35 % fewer bytes than a path per point, for plots of
 * thousands); the opacity is each symbol's, so overlapping points darken.
 */
function dotsByReference(m: Kind<'dots'>, id: string, { sx, sy, seen }: Ctx): string {
  const o = m.opacity !== undefined ? ` fill-opacity="${m.opacity}"` : '';
  const out = [`<defs><path id="${esc(id)}" d="${symbolPath(m.shape ?? 'circle', m.area ?? 30)}"/></defs>`];
  out.push(`<g class="dots" fill="${m.color}"${o}>`);
  const ref = `<use xlink:href="#${esc(id)}" x="`;
  for (const p of m.points) {
    const x = mid(sx, p.x),
      y = mid(sy, p.y);
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    seen.dots.push({ x, y, color: m.color });
    out.push(`${ref}${px(x)}" y="${px(y)}"/>`);
  }
  return `${out.join('')}</g>`;
}

/** Polylines of one style in one group, each through its points (a band value at its band's middle). */
function linesSvg(m: Kind<'lines'>, { sx, sy, seen }: Ctx): string {
  const o = m.opacity !== undefined ? ` stroke-opacity="${m.opacity}"` : '';
  const out = [`<g class="lines" fill="none" stroke="${m.color}" stroke-width="${m.width ?? 1}"${o}>`];
  for (const series of m.series) {
    const pts = series
      .map((p) => [mid(sx, p.x), mid(sy, p.y)] as const)
      .filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
    if (pts.length === 0) continue;
    seen.lines.push({ points: pts, color: m.color });
    out.push(`<path d="M${pts.map(([x, y]) => `${px(x)},${px(y)}`).join('L')}"/>`);
  }
  return `${out.join('')}</g>`;
}

function pathSvg(m: Kind<'line'> | Kind<'area'>, { sx, sy, seen }: Ctx): string {
  const pts = m.points.filter((p) => Number.isFinite(sx.at(p.x)) && Number.isFinite(sy.at(p.y)));
  const path = d3line<{ x: number; y: number }>()
    .x((p) => sx.at(p.x))
    .y((p) => sy.at(p.y))
    .digits(1);
  if (m.type === 'line' && m.step) path.curve(curveStepAfter);
  const d = pts.length ? path(pts) : null;
  if (d === null) return '';
  seen.lines.push({ points: pts.map((p) => [sx.at(p.x), sy.at(p.y)] as const), color: m.color });
  if (m.type === 'area') return `<path class="area" d="${d}Z" fill="${m.color}"${opacityOf(m.opacity)}/>`;
  const dash = m.dash ? ` stroke-dasharray="${m.dash}"` : '';
  return `<path class="line" d="${d}" fill="none" stroke="${m.color}" stroke-width="${m.width ?? 2}"${dash}${opacityOf(m.opacity)}/>`;
}

function barsSvg(m: Kind<'bars'>, { sx, sy, seen }: Ctx): string {
  const out = [`<g class="bars"${opacityOf(m.opacity)}>`];
  for (const b of m.bars) {
    const span = (s: Scale, v: Bar['x']): [number, number] =>
      typeof v === 'string' ? [s.at(v, b.sub), s.at(v, b.sub) + s.band(b.sub)] : [s.at(v[0]), s.at(v[1])];
    const [x0, x1] = span(sx, b.x),
      [y0, y1] = span(sy, b.y);
    const r = { x: Math.min(x0, x1), y: Math.min(y0, y1), width: Math.abs(x1 - x0), height: Math.abs(y1 - y0) };
    if (![r.x, r.y, r.width, r.height].every(Number.isFinite)) continue;
    seen.rects.push({ ...r, color: b.color });
    out.push(`<rect x="${px(r.x)}" y="${px(r.y)}" width="${px(r.width)}" height="${px(r.height)}" fill="${b.color}"/>`);
  }
  return `${out.join('')}</g>`;
}

function rulesSvg(m: Kind<'rule'> | Kind<'segments'>, { sx, sy, box, seen }: Ctx): string {
  const dash = m.dash ? ` stroke-dasharray="${m.dash}"` : '';
  const o = m.type === 'segments' ? opacityOf(m.opacity) : '';
  const out = [`<g class="rules" stroke="${m.color}" stroke-width="${m.width ?? 1}"${dash}${o}>`];
  const ends =
    m.type === 'rule'
      ? [ruleEnds(m.at, sx, sy, box)]
      : m.segments.map((g) => [mid(sx, g.x1, g.sub), mid(sy, g.y1, g.sub), mid(sx, g.x2, g.sub), mid(sy, g.y2, g.sub)]);
  for (const [x1, y1, x2, y2] of ends as [number, number, number, number][]) {
    if (![x1, y1, x2, y2].every((v) => Number.isFinite(v))) continue;
    out.push(lineEl(x1, y1, x2, y2));
    seen.lines.push({
      points: [
        [x1, y1],
        [x2, y2],
      ],
      color: m.color,
    });
  }
  return `${out.join('')}</g>`;
}

function labelsSvg(m: Kind<'text'>, { sx, sy }: Ctx): string {
  const weight = m.bold ? { weight: 'bold' as const } : {};
  const texts = m.labels.map((l) =>
    text(mid(sx, l.x) + (l.dx ?? 0), mid(sy, l.y) + (l.dy ?? 0), l.text, {
      size: m.size ?? 10,
      anchor: l.anchor ?? 'start',
      color: m.color ?? '#222',
      ...weight,
    }),
  );
  return `<g class="labels">${texts.join('')}</g>`;
}

/** The marks' SVG; what is drawn is recorded in `ctx.seen`. */
function drawMarks(marks: readonly Mark[], ctx: Ctx): string {
  return marks
    .map((m) =>
      m.type === 'dots'
        ? dotsSvg(m, ctx)
        : m.type === 'line' || m.type === 'area'
          ? pathSvg(m, ctx)
          : m.type === 'bars'
            ? barsSvg(m, ctx)
            : m.type === 'lines'
              ? linesSvg(m, ctx)
              : m.type === 'text'
                ? labelsSvg(m, ctx)
                : m.type === 'paths'
                  ? pathsSvg(m, (x, y) => [ctx.sx.at(x), ctx.sy.at(y)], ctx.seen.lines)
                  : rulesSvg(m, ctx),
    )
    .join('');
}

/** The ends [x1, y1, x2, y2] of a rule across the frame (box, in px) at a data value of x or y. */
function ruleEnds(at: { x: number } | { y: number }, sx: Scale, sy: Scale, box: Box): number[] {
  return 'x' in at ? [sx.at(at.x), box.y0, sx.at(at.x), box.y1] : [box.x0, sy.at(at.y), box.x1, sy.at(at.y)];
}

/** Where the frame starts [px]: room for the y labels and title, or for the first x label's reach to the left. */
function frameLeft(spec: ChartSpec, yLabelWidth: number): number {
  // the first x label may reach further left than the y axis's labels (long or rotated category names)
  const sx0 = axisScale(spec.x, 0, spec.width, 80);
  const first = sx0.ticks[0];
  const firstReach = first ? xLabelExtent(spec.x, first.label).left - sx0.at(first.value) - sx0.band() / 2 : 0;
  return Math.max(spec.minLeft ?? 0, PAD + 7 + yLabelWidth + (spec.y.title ? 8 + TITLE_px + 2 : 0), PAD + firstReach);
}

/** Lays out one chart: title block, frame with axes, marks, legends; see the header. */
export function chart(spec: ChartSpec): Scene {
  const { width, height } = spec;
  const subtitle = spec.subtitle ?? [];
  const titleRoom = (spec.title ? 22 : 0) + 14 * subtitle.length;
  const yTitleLength = spec.y.title ? textWidth(spec.y.title, TITLE_px) : 0;
  const top = PAD + titleRoom + 8 + (spec.top ? TOP_AXIS_ROOM : 0) + Math.max(0, (yTitleLength - height) / 2);
  // y first at a provisional left edge: its labels' width sets where the frame starts
  // band rows run top down, values bottom up
  const sy =
    spec.y.kind === 'band' ? axisScale(spec.y, top, top + height, 40) : axisScale(spec.y, top + height, top, 40);
  const yLabelWidth = maxOf([0, ...sy.ticks.map((t) => textWidth(t.label, LABEL_px))]);
  const f = { x: frameLeft(spec, yLabelWidth), y: top, width, height };
  const sx = axisScale(spec.x, f.x, f.x + width, 80);
  const bottom = f.y + height;
  const xTicks = sx.ticks.map((t) => ({ ...t, at: sx.at(t.value) + sx.band() / 2 }));
  const yTicks = sy.ticks.map((t) => ({ ...t, at: sy.at(t.value) + sy.band() / 2 }));
  const out: string[] = [gridSvg(spec.x, spec.y, f, xTicks, yTicks)];
  const clip = spec.clipId
    ? `<clipPath id="${esc(spec.clipId)}"><rect x="${px(f.x)}" y="${px(f.y)}" width="${px(width)}" height="${px(height)}"/></clipPath>`
    : '';
  const seen: Drawing = { dots: [], rects: [], lines: [] };
  const marks = drawMarks(spec.marks, { sx, sy, box: { x0: f.x, x1: f.x + width, y0: f.y, y1: bottom }, seen });
  out.push(clip, spec.clipId ? `<g clip-path="url(#${esc(spec.clipId)})">${marks}</g>` : marks);
  out.push(axesSvg(spec.x, spec.y, f, xTicks, yTicks, yLabelWidth));
  const top2 = topAxis(spec.top, f, sx);
  out.push(top2.svg);
  if (spec.title) out.push(text(PAD, PAD + 11, spec.title, { size: 14, weight: 'bold' }));
  subtitle.forEach((s, i) => out.push(text(PAD, PAD + 26 + 14 * i, s, { size: TITLE_px })));
  const legends = spec.legends ?? [];
  // legends at the right of the frame, or below the x axis's title
  const below = spec.legendBelow === true && legends.length > 0;
  const xBottom = bottom + 7 + xLabelsBelow(spec.x, xTicks) + (spec.x.title ? 6 + 16 : 4);
  const lg = legendColumn(below ? f.x : f.x + width + LEGEND_GAP, below ? xBottom + 8 : f.y, legends);
  out.push(lg.svg);
  const lastLabel = xTicks.length ? xTicks[xTicks.length - 1]! : null;
  const reach = maxOf([
    lastLabel ? lastLabel.at + xLabelExtent(spec.x, lastLabel.label).right : 0,
    spec.title ? PAD + textWidth(spec.title, 14) : 0,
    ...subtitle.map((s) => PAD + textWidth(s, TITLE_px)),
    top2.reach,
    f.x + width + (legends.length && !below ? LEGEND_GAP + lg.width : 0),
    below ? f.x + lg.width : 0,
  ]);
  return {
    width: Math.ceil(reach + 10),
    height: Math.ceil(
      Math.max(below ? xBottom + 8 + lg.height : xBottom, f.y + height / 2 + yTitleLength / 2, f.y + lg.height) + PAD,
    ),
    frame: f,
    xTicks,
    yTicks,
    legends,
    ...seen,
    topTicks: top2.ticks,
    body: out.join(''),
  };
}

/** A figure: its SVG document and the scenes of its charts (what tests read). */
export interface Drawn {
  readonly svg: string;
  readonly scenes: readonly Scene[];
}

/** A chart as a standalone SVG document. */
export function drawn(spec: ChartSpec): Drawn {
  const s = chart(spec);
  return { svg: svgDocument(s.width, s.height, s.body), scenes: [s] };
}

/**
 * Charts in rows (each row left to right, `gap` px apart), with an optional title block above and legends at the
 * right of the first row, as one SVG document.
 */
export function concat(
  rows: readonly (readonly Scene[])[],
  o: { title?: string; subtitle?: readonly string[]; legends?: readonly Legend[]; gap?: number } = {},
): Drawn {
  const gap = o.gap ?? 24;
  const subtitle = o.subtitle ?? [];
  const head = o.title ? 22 + 14 * subtitle.length : 0;
  const out: string[] = [];
  if (o.title) out.push(text(PAD, PAD + 11, o.title, { size: 14, weight: 'bold' }));
  subtitle.forEach((s, i) => out.push(text(PAD, PAD + 26 + 14 * i, s, { size: TITLE_px })));
  let y = head,
    right = 0;
  for (const row of rows) {
    let x = 0,
      h = 0;
    for (const s of row) {
      out.push(`<g transform="translate(${px(x)},${px(y)})">${s.body}</g>`);
      x += s.width + gap;
      h = Math.max(h, s.height);
    }
    right = Math.max(right, x - gap);
    y += h + gap;
  }
  const first = rows[0]?.[0];
  const lg = legendColumn(right + 8, head + (first?.frame.y ?? PAD), o.legends ?? []);
  out.push(lg.svg);
  return {
    svg: svgDocument(right + 8 + lg.width + 10, Math.max(y - gap, head + lg.height + 20), out.join('')),
    // the figure's legends, counted with its first chart
    scenes: rows.flat().map((s, i) => (i === 0 && o.legends ? { ...s, legends: o.legends } : s)),
  };
}
