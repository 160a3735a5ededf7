/**
 * The axes of chart.ts's charts: an axis's d3 scale onto pixels with its tick values and labels (d3-scale, d3-format:
 * the 1-2-5 rule, thousands separators, log axes by decade), gridlines, ticks, tick labels (level, stacked or rotated,
 * overlapping ones thinned) and axis titles, the room the labels take, and a second x axis above the frame (a map's
 * or graph's top axis).
 */
import { maxOf, pushAll } from '../base/arrays.js';
import { scaleBand, scaleLinear, scaleLog } from 'd3-scale';
import { format } from 'd3-format';
import { logTicks, px, text, textWidth, type Frame } from './svg.js';
import { valuesFormat, type TopAxis } from './chartMarks.js';

export const LABEL_px = 11;
export const TITLE_px = 12;

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
  /** No ticks, labels or gridlines (a scale only: normalized axes drawn by marks). */
  readonly hidden?: boolean;
};
export type BandAxis = {
  readonly kind: 'band';
  readonly title: string | null;
  readonly categories: readonly string[];
  /** Each category's tick label, when not the category itself; a label's lines are separated by \n. */
  readonly labels?: readonly string[];
  /** x axis: tick labels rotated by this angle [deg] (negative: up to the right), ending at their tick. */
  readonly labelAngle?: number;
};
export type Axis = ContinuousAxis | BandAxis;

/** A data value on an axis: a number on a continuous axis, a category on a band axis. */
export type V = number | string;
export interface Tick {
  readonly value: V;
  readonly label: string;
  /** Pixel position along the axis. */
  readonly at: number;
}

export type Scale = {
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
      ticks: a.categories.map((c, i) => ({ value: c, label: a.labels?.[i] ?? c })),
    };
  }
  const count = Math.max(2, Math.round(Math.abs(r1 - r0) / spacing));
  const [d0, d1] = a.domain;
  if (a.kind === 'log') {
    const s = scaleLog().domain([d0, d1]).range([r0, r1]);
    if (a.nice) s.nice();
    const [n0, n1] = s.domain() as [number, number];
    const lt = a.hidden ? { values: [], decades: true } : logTicks(n0, n1, count);
    const f = s.tickFormat(count, ',~g');
    return {
      at: (v) => s(v as number),
      band: () => 0,
      ticks: lt.values.map((v) => ({ value: v, label: lt.decades ? decadeLabel(v) : f(v) })),
    };
  }
  const s = scaleLinear()
    // an empty span: [0, 1] at 0 (nothing to show below it), else ±10 % around the value
    .domain(d1 > d0 ? [d0, d1] : d0 === 0 ? [0, 1] : [d0 - 0.1 * Math.abs(d0), d0 + 0.1 * Math.abs(d0)])
    .range([r0, r1]);
  if (a.nice) s.nice(count);
  const values = a.values ?? (Number.isFinite(d0) && Number.isFinite(d1) && !a.hidden ? s.ticks(count) : []);
  const whole = a.integer ? values.filter((v) => Number.isInteger(v)) : values;
  const f = a.integer ? format(a.plain ? 'd' : ',d') : a.values ? valuesFormat(a.values) : s.tickFormat(count, ',f');
  return { at: (v) => s(v as number), band: () => 0, ticks: whole.map((v) => ({ value: v, label: f(v) })) };
}

export const lineEl = (x1: number, y1: number, x2: number, y2: number): string =>
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

/** Gridlines at the ticks of continuous axes, and the frame. */
export function gridSvg(x: Axis, y: Axis, f: Frame, xTicks: readonly Tick[], yTicks: readonly Tick[]): string {
  const out: string[] = ['<g class="grid" stroke="#e6e6e6" stroke-width="1">'];
  if (x.kind !== 'band' && x.grid !== false) for (const t of xTicks) out.push(lineEl(t.at, f.y, t.at, f.y + f.height));
  if (y.kind !== 'band' && y.grid !== false) for (const t of yTicks) out.push(lineEl(f.x, t.at, f.x + f.width, t.at));
  const frame = `<rect class="frame" x="${px(f.x)}" y="${px(f.y)}" width="${px(f.width)}" height="${px(f.height)}"`;
  return `${out.join('')}</g>${frame} fill="none" stroke="#bbb"/>`;
}

/** Line height of stacked x tick labels [px]. */
const LABEL_LINE = 13;
const angleOf = (a: Axis): number => (a.kind === 'band' ? (a.labelAngle ?? 0) : 0);

/**
 * Room an x tick label takes [px]: below the frame's bottom, left and right of its tick, and half its extent along the
 * axis (for thinning). Level labels are centred on the tick, one row per line; rotated ones end at it.
 */
export function xLabelExtent(a: Axis, label: string): { below: number; left: number; right: number; half: number } {
  const angle = (Math.abs(angleOf(a)) * Math.PI) / 180;
  if (angle === 0) {
    const rows = label.split('\n');
    const half = maxOf(rows.map((r) => textWidth(r, LABEL_px))) / 2;
    return { below: 7 + LABEL_px + LABEL_LINE * (rows.length - 1), left: half, right: half, half };
  }
  const w = textWidth(label, LABEL_px);
  return {
    below: 10 + w * Math.sin(angle) + (LABEL_px / 2) * Math.cos(angle),
    left: w * Math.cos(angle) + LABEL_px / 2,
    right: LABEL_px / 2,
    half: LABEL_px / 2 / Math.sin(angle),
  };
}

/** One x tick label: level rows centred below the tick, or rotated to end at it. */
function xLabelSvg(a: Axis, t: Tick, bottom: number): string {
  const angle = angleOf(a);
  if (angle !== 0) return text(t.at, bottom + 10, t.label, { anchor: 'end', rotate: angle, baseline: 'middle' });
  return t.label
    .split('\n')
    .map((r, k) => text(t.at, bottom + 7 + LABEL_LINE * k, r, { anchor: 'middle', baseline: 'top' }))
    .join('');
}

/** Ticks, tick labels (overlapping ones thinned) and titles of both axes. */
export function axesSvg(
  x: Axis,
  y: Axis,
  f: Frame,
  xTicks: readonly Tick[],
  yTicks: readonly Tick[],
  yLabels: number,
): string {
  const bottom = f.y + f.height;
  const out = ['<g class="axis x" stroke="#888">', ...xTicks.map((t) => lineEl(t.at, bottom, t.at, bottom + 5))];
  pushAll(out, [
    '</g><g class="axis y" stroke="#888">',
    ...yTicks.map((t) => lineEl(f.x - 5, t.at, f.x, t.at)),
    '</g>',
  ]);
  const half = (t: Tick): number => xLabelExtent(x, t.label).half;
  const xShown = thin(xTicks.map((t) => [t.at - half(t), t.at + half(t)]));
  const yShown = thin(yTicks.map((t) => [t.at - 6, t.at + 6]));
  out.push('<g class="tick-labels">');
  xTicks.forEach((t, i) => {
    if (xShown[i]) out.push(xLabelSvg(x, t, bottom));
  });
  yTicks.forEach((t, i) => {
    if (yShown[i]) out.push(text(f.x - 7, t.at, t.label, { anchor: 'end', baseline: 'middle' }));
  });
  out.push('</g>');
  if (x.title) {
    const at = bottom + 13 + xLabelsBelow(x, xTicks);
    out.push(text(f.x + f.width / 2, at, x.title, { size: TITLE_px, anchor: 'middle', baseline: 'top' }));
  }
  if (y.title) {
    const o = { size: TITLE_px, anchor: 'middle', rotate: -90 } as const;
    out.push(text(f.x - 7 - yLabels - 8, f.y + f.height / 2, y.title, o));
  }
  return out.join('');
}

/** How far the x tick labels reach below the frame's bottom, past the first row's 7 px gap [px]. */
export const xLabelsBelow = (a: Axis, ticks: readonly { label: string }[]): number =>
  maxOf([LABEL_px, ...ticks.map((t) => xLabelExtent(a, t.label).below - 7)]);

/**
 * The top axis of a map or graph (ChartSpec.top): its ticks, labels (overlapping ones thinned) and title, and how far
 * right its labels reach [px].
 */
export function topAxis(a: TopAxis | undefined, f: Frame, sx: Scale): { svg: string; ticks: Tick[]; reach: number } {
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
