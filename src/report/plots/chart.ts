/**
 * The reports' plotting layer: a chart is one plotting frame with an x and a y axis (linear, log or band scale),
 * marks given in data units (dots, lines, areas, bars, rules, segments, text), an optional title block above and
 * legends at its right. `chart` lays it out into a Scene: the pixel frame, each axis's tick values, labels and pixel
 * positions, the legend entries and the dots' pixel centres (what the plot shows, which tests read), and the static
 * SVG text. Scales, tick values, number formats and colour schemes are d3's (d3-scale, d3-array, d3-format,
 * d3-scale-chromatic, d3-shape; Bostock et al., ISC licence); the layout is ours and estimates text widths (svg.ts
 * TEXT_WIDTH_EM) as there is no canvas in Node. `concat` sets charts side by side or in a grid.
 */
import { maxOf, pushAll } from '../../base/arrays.js';
import { scaleBand, scaleLinear, scaleLog } from 'd3-scale';
import { format } from 'd3-format';
import { line as d3line, curveStepAfter } from 'd3-shape';
import { schemeCategory10, schemeTableau10 } from 'd3-scale-chromatic';
import { esc, PAD, px, svgDocument, text, textWidth } from './svg.js';
import {
  LEGEND_ROW,
  legendRow,
  pathsSvg,
  shapePath,
  TOP_AXIS_ROOM,
  valuesFormat,
  type PathsMark,
  type TopAxis,
} from './chartMarks.js';

/** Category colours: d3's category10 (the run and compare plots) and Tableau 10 (bars, analysis plots). */
export const CATEGORY10: readonly string[] = schemeCategory10;
export const TABLEAU10: readonly string[] = schemeTableau10;

export type ContinuousAxis = {
  readonly kind?: 'linear' | 'log';
  readonly title: string | null;
  readonly domain: readonly [number, number];
  /** Extend the domain to round tick values (d3's nice). */
  readonly nice?: boolean;
  /** Only whole-number ticks. */
  readonly integer?: boolean;
  /** Labels without thousands separators (calendar years). */
  readonly plain?: boolean;
  /** Gridlines at the ticks (default true). */
  readonly grid?: boolean;
  /** Tick values given, not d3's (e.g. every 30° of a map). */
  readonly values?: readonly number[];
};
export type BandAxis = { readonly kind: 'band'; readonly title: string | null; readonly categories: readonly string[] };
export type Axis = ContinuousAxis | BandAxis;

/** A data value on an axis: a number on a continuous axis, a category on a band axis. */
type V = number | string;
/** A bar's extent on one axis: [from, to] in data units, or a category (the band's width, or its part `sub`). */
export interface Bar {
  readonly x: readonly [number, number] | string;
  readonly y: readonly [number, number] | string;
  readonly color: string;
  /** The bar's slot in its band: index and count (grouped bars). */
  readonly sub?: readonly [number, number];
}

export type Shape = 'circle' | 'square' | 'diamond' | 'cross' | 'triangle';
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

export interface Tick {
  readonly value: V;
  readonly label: string;
  /** Pixel position along the axis. */
  readonly at: number;
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

const LABEL_px = 11;
const TITLE_px = 12;

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
type Scale = {
  readonly at: (v: V, sub?: readonly [number, number]) => number;
  /** Band thickness (band axes; 0 for continuous ones). */
  readonly band: (sub?: readonly [number, number]) => number;
  readonly ticks: readonly { value: V; label: string }[];
};

/** Decade label of a log axis: 0.001 … 1,000,000 written out, others as 10ⁿ. */
const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
export function decadeLabel(v: number): string {
  const e = Math.round(Math.log10(v));
  if (e >= -3 && e <= 6) return format(',~f')(10 ** e);
  return `10${e < 0 ? '⁻' : ''}${[...String(Math.abs(e))].map((d) => SUPERSCRIPT[+d]).join('')}`;
}

/** The scale of an axis onto [r0, r1] [px], with its ticks (about one per `spacing` px). */
export function axisScale(a: Axis, r0: number, r1: number, spacing: number): Scale {
  if (a.kind === 'band') {
    const s = scaleBand<string>().domain(a.categories).range([r0, r1]).paddingInner(0.1).paddingOuter(0.05);
    const part = (sub?: readonly [number, number]): number => (sub ? s.bandwidth() / sub[1] : s.bandwidth());
    return {
      at: (v, sub) => (s(String(v)) ?? NaN) + (sub ? sub[0] * part(sub) : 0),
      band: part,
      ticks: a.categories.map((c) => ({ value: c, label: c })),
    };
  }
  const count = Math.max(2, Math.round(Math.abs(r1 - r0) / spacing));
  const [d0, d1] = a.domain;
  if (a.kind === 'log') {
    const s = scaleLog().domain([d0, d1]).range([r0, r1]);
    if (a.nice) s.nice();
    const decades = s.ticks().filter((v) => Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-9);
    // a span of under two decades also labels d3's 2 and 5 multiples
    const values = decades.length >= 3 ? decades : s.ticks(count);
    const f = s.tickFormat(count, ',~g');
    return {
      at: (v) => s(v as number),
      band: () => 0,
      ticks: values.map((v) => ({ value: v, label: decades.length >= 3 ? decadeLabel(v) : f(v) })),
    };
  }
  const s = scaleLinear()
    // an empty span: [0, 1] at 0 (nothing to show below it), else ±10 % around the value
    .domain(d1 > d0 ? [d0, d1] : d0 === 0 ? [0, 1] : [d0 - 0.1 * Math.abs(d0), d0 + 0.1 * Math.abs(d0)])
    .range([r0, r1]);
  if (a.nice) s.nice(count);
  const values = a.values ?? (Number.isFinite(d0) && Number.isFinite(d1) ? s.ticks(count) : []);
  const whole = a.integer ? values.filter((v) => Number.isInteger(v)) : values;
  const f = a.integer ? format(a.plain ? 'd' : ',d') : a.values ? valuesFormat(a.values) : s.tickFormat(count, ',f');
  return { at: (v) => s(v as number), band: () => 0, ticks: whole.map((v) => ({ value: v, label: f(v) })) };
}

const lineEl = (x1: number, y1: number, x2: number, y2: number): string =>
  `<line x1="${px(x1)}" y1="${px(y1)}" x2="${px(x2)}" y2="${px(y2)}"/>`;

/**
 * Of labels along an axis, which to draw: every other one until no two neighbours overlap (spans in px along the axis,
 * in tick order; the first is kept).
 */
function thin(spans: readonly (readonly [number, number])[]): boolean[] {
  let step = 1;
  const overlap = (s: number): boolean => {
    for (let i = s; i < spans.length; i += s) {
      const [a, b] = [spans[i - s]!, spans[i]!];
      if (b[0] < a[1] + 2 && a[0] < b[1] + 2) return true;
    }
    return false;
  };
  while (step < spans.length && overlap(step)) step *= 2;
  return spans.map((_, i) => i % step === 0);
}

/** A legend symbol centred on (0, 0). */
function legendSymbol(e: LegendEntry): string {
  const o = e.opacity !== undefined ? ` fill-opacity="${e.opacity}"` : '';
  if (e.symbol === 'line' || e.symbol === 'dash')
    return `<line x1="-8" y1="0" x2="8" y2="0" stroke="${e.color}" stroke-width="2"${e.symbol === 'dash' ? ' stroke-dasharray="4,3"' : ''}/>`;
  const d = e.symbol === undefined || e.symbol === 'square' ? 'M-4.5,-4.5h9v9h-9Z' : shapePath(e.symbol, e.size ?? 80);
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

function dotsSvg(m: Kind<'dots'>, { sx, sy, seen }: Ctx): string {
  const fill = m.hollow ? `fill="none" stroke="${m.color}" stroke-width="1.2"` : `fill="${m.color}"`;
  const stroke = m.stroke && !m.hollow ? ` stroke="${m.stroke}" stroke-width="0.5"` : '';
  const out = [`<g class="dots" ${fill}${stroke}${opacityOf(m.opacity)}>`];
  const shared = shapePath(m.shape ?? 'circle', m.area ?? 30);
  for (const p of m.points) {
    const x = mid(sx, p.x),
      y = mid(sy, p.y);
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    seen.dots.push({ x, y, color: m.color });
    const d = p.area !== undefined ? shapePath(m.shape ?? 'circle', p.area) : shared;
    out.push(`<path transform="translate(${px(x)},${px(y)})" d="${d}"/>`);
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

type Frame = Scene['frame'];

/** Gridlines at the ticks of continuous axes, and the frame. */
function gridSvg(spec: ChartSpec, f: Frame, xTicks: readonly Tick[], yTicks: readonly Tick[]): string {
  const out: string[] = ['<g class="grid" stroke="#e6e6e6" stroke-width="1">'];
  if (spec.x.kind !== 'band' && spec.x.grid !== false)
    for (const t of xTicks) out.push(lineEl(t.at, f.y, t.at, f.y + f.height));
  if (spec.y.kind !== 'band' && spec.y.grid !== false)
    for (const t of yTicks) out.push(lineEl(f.x, t.at, f.x + f.width, t.at));
  const frame = `<rect class="frame" x="${px(f.x)}" y="${px(f.y)}" width="${px(f.width)}" height="${px(f.height)}"`;
  return `${out.join('')}</g>${frame} fill="none" stroke="#bbb"/>`;
}

/** Ticks, tick labels (overlapping ones thinned) and titles of both axes. */
function axesSvg(spec: ChartSpec, f: Frame, xTicks: readonly Tick[], yTicks: readonly Tick[], yLabels: number): string {
  const bottom = f.y + f.height;
  const out = ['<g class="axis x" stroke="#888">', ...xTicks.map((t) => lineEl(t.at, bottom, t.at, bottom + 5))];
  pushAll(out, [
    '</g><g class="axis y" stroke="#888">',
    ...yTicks.map((t) => lineEl(f.x - 5, t.at, f.x, t.at)),
    '</g>',
  ]);
  const half = (t: Tick): number => textWidth(t.label, LABEL_px) / 2;
  const xShown = thin(xTicks.map((t) => [t.at - half(t), t.at + half(t)]));
  const yShown = thin(yTicks.map((t) => [t.at - 6, t.at + 6]));
  out.push('<g class="tick-labels">');
  xTicks.forEach((t, i) => {
    if (xShown[i]) out.push(text(t.at, bottom + 7, t.label, { anchor: 'middle', baseline: 'top' }));
  });
  yTicks.forEach((t, i) => {
    if (yShown[i]) out.push(text(f.x - 7, t.at, t.label, { anchor: 'end', baseline: 'middle' }));
  });
  out.push('</g>');
  if (spec.x.title)
    out.push(text(f.x + f.width / 2, bottom + 24, spec.x.title, { size: TITLE_px, anchor: 'middle', baseline: 'top' }));
  if (spec.y.title) {
    const o = { size: TITLE_px, anchor: 'middle', rotate: -90 } as const;
    out.push(text(f.x - 7 - yLabels - 8, f.y + f.height / 2, spec.y.title, o));
  }
  return out.join('');
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
  const left = Math.max(spec.minLeft ?? 0, PAD + 7 + yLabelWidth + (spec.y.title ? 8 + TITLE_px + 2 : 0));
  const f = { x: left, y: top, width, height };
  const sx = axisScale(spec.x, f.x, f.x + width, 80);
  const bottom = f.y + height;
  const xTicks = sx.ticks.map((t) => ({ ...t, at: sx.at(t.value) + sx.band() / 2 }));
  const yTicks = sy.ticks.map((t) => ({ ...t, at: sy.at(t.value) + sy.band() / 2 }));
  const out: string[] = [gridSvg(spec, f, xTicks, yTicks)];
  const clip = spec.clipId
    ? `<clipPath id="${esc(spec.clipId)}"><rect x="${px(f.x)}" y="${px(f.y)}" width="${px(width)}" height="${px(height)}"/></clipPath>`
    : '';
  const seen: Drawing = { dots: [], rects: [], lines: [] };
  const marks = drawMarks(spec.marks, { sx, sy, box: { x0: f.x, x1: f.x + width, y0: f.y, y1: bottom }, seen });
  out.push(clip, spec.clipId ? `<g clip-path="url(#${esc(spec.clipId)})">${marks}</g>` : marks);
  out.push(axesSvg(spec, f, xTicks, yTicks, yLabelWidth));
  const top2 = topAxis(spec.top, f, sx);
  out.push(top2.svg);
  if (spec.title) out.push(text(PAD, PAD + 11, spec.title, { size: 14, weight: 'bold' }));
  subtitle.forEach((s, i) => out.push(text(PAD, PAD + 26 + 14 * i, s, { size: TITLE_px })));
  const legends = spec.legends ?? [];
  // legends at the right of the frame, or below the x axis's title
  const below = spec.legendBelow === true && legends.length > 0;
  const lg = legendColumn(below ? f.x : f.x + width + LEGEND_GAP, below ? bottom + 52 : f.y, legends);
  out.push(lg.svg);
  const lastLabel = xTicks.length ? xTicks[xTicks.length - 1]! : null;
  const reach = maxOf([
    lastLabel ? lastLabel.at + textWidth(lastLabel.label, LABEL_px) / 2 : 0,
    spec.title ? PAD + textWidth(spec.title, 14) : 0,
    ...subtitle.map((s) => PAD + textWidth(s, TITLE_px)),
    top2.reach,
    f.x + width + (legends.length && !below ? LEGEND_GAP + lg.width : 0),
    below ? f.x + lg.width : 0,
  ]);
  const lowest = below ? bottom + 52 + lg.height : Math.max(bottom + 24 + 16, f.y + lg.height);
  return {
    width: Math.ceil(reach + 10),
    height: Math.ceil(Math.max(lowest, f.y + height / 2 + yTitleLength / 2) + PAD),
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

// ── The top axis of the maps and graphs (chartMarks.ts has their other additions) ──

/** The top axis's ticks, labels (overlapping ones thinned) and title, and how far right its labels reach [px]. */
function topAxis(a: TopAxis | undefined, f: Frame, sx: Scale): { svg: string; ticks: Tick[]; reach: number } {
  if (!a) return { svg: '', ticks: [], reach: 0 };
  const ticks = a.ticks.map((t) => ({ ...t, at: sx.at(t.value) })).filter((t) => Number.isFinite(t.at));
  const half = (t: Tick): number => textWidth(t.label, LABEL_px) / 2;
  const shown = thin(ticks.map((t) => [t.at - half(t), t.at + half(t)]));
  const out = ['<g class="axis top" stroke="#888">', ...ticks.map((t) => lineEl(t.at, f.y - 5, t.at, f.y)), '</g>'];
  out.push('<g class="tick-labels">');
  ticks.forEach((t, i) => {
    if (shown[i]) out.push(text(t.at, f.y - 9, t.label, { anchor: 'middle' }));
  });
  out.push('</g>', text(f.x + f.width / 2, f.y - 28, a.title, { size: TITLE_px, anchor: 'middle' }));
  return { svg: out.join(''), ticks, reach: maxOf([0, ...ticks.map((t) => t.at + half(t))]) };
}
