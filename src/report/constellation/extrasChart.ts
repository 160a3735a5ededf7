/**
 * The frame of the hand-written constellation charts (utilisation, conjunctions, launch manifest, life): vega's
 * title block, axes with ticks on linear, log or band scales, the legends at the right, and the document around them,
 * laid out as the vega-lite specs of the same charts were (5 px padding, legends 18 px right of the plot). Built on
 * svg.ts's primitives. Like vega, tick labels that would overlap are dropped (every other one on linear axes, greedily
 * on log ones, where the powers of ten go first: vega goes from the bottom up), judged by vega's own width estimate
 * (0.8 em a character, as it has no canvas in Node).
 */
import { maxOf, pushAll } from '../../base/arrays.js';
import { legend } from '../plots/svgPlots.js';
import { titleSvg } from './plotParts.js';
import {
  type Frame,
  LEGEND_OFFSET,
  PAD,
  px,
  svgDocument,
  symbolPath,
  text,
  textWidth,
  tickFormat,
  ticks,
} from '../plots/svg.js';

/** Circle symbols of the point marks [px²] (vega-lite's default point size) and of the legends. */
export const POINT_px2 = 30;

export interface AxisSpec {
  /** Tick positions along the axis [px]. */
  readonly at: readonly number[];
  readonly labels: readonly string[];
  readonly title: string | null;
  /** Gridlines at the ticks (continuous scales); band axes have none. */
  readonly grid: boolean;
  /**
   * How overlapping labels are dropped: vega's parity strategy (default), greedy (its choice for log scales) or not at
   * all (vega-lite's choice for nominal axes: a dropped name could not be inferred).
   */
  readonly overlap?: 'parity' | 'greedy' | 'none';
  /** Labels kept before the others by the greedy strategy (a log axis's powers of ten), by index. */
  readonly first?: readonly number[];
}

/** Tick values of a linear axis over [lo, hi] (1-2-5 rule) with their labels. */
export function linearTicks(lo: number, hi: number, count: number): { values: number[]; labels: string[] } {
  const t = ticks(lo, hi, count);
  const f = tickFormat(t.step);
  return { values: t.values, labels: t.values.map(f) };
}

/** Tick count vega-lite gives a continuous axis of `size` px: one per 40 px. */
export const tickCount = (size_px: number): number => Math.max(2, Math.ceil(size_px / 40));

/**
 * Which labels stay, none overlapping another kept one: spans are each label's [start, end] along the axis [px], gap
 * the least space between two; greedy takes the `first` labels before the others.
 */
function shownLabels(
  spans: readonly (readonly [number, number])[],
  mode: 'parity' | 'greedy' | 'none',
  gap: number,
  first: readonly number[] = [],
): boolean[] {
  const overlaps = (i: number, j: number): boolean =>
    spans[i]![0] - gap < spans[j]![1] && spans[j]![0] - gap < spans[i]![1];
  let keep = spans.map((_, i) => i);
  if (mode === 'none') return spans.map(() => true);
  if (mode === 'greedy') {
    const kept: number[] = [];
    for (const i of [...first, ...keep.filter((k) => !first.includes(k))])
      if (!kept.some((k) => overlaps(k, i))) kept.push(i);
    keep = kept;
  } else
    while (keep.length > 1 && keep.some((k, n) => n > 0 && overlaps(keep[n - 1]!, k)))
      keep = keep.filter((_, n) => n % 2 === 0);
  const kept = new Set(keep);
  return spans.map((_, i) => kept.has(i));
}

/** vega's estimate of a label's width without a canvas [em per character]: what its overlap removal goes by. */
const VEGA_LABEL_EM = 0.8;

const line = (x1: number, y1: number, x2: number, y2: number): string =>
  `<line x1="${px(x1)}" y1="${px(y1)}" x2="${px(x2)}" y2="${px(y2)}"/>`;

/** Room a y axis takes left of the plot [px]: ticks, the widest label, the rotated title. */
function yAxisRoom(labels: readonly string[], title: string | null): number {
  return 7 + maxOf([0, ...labels.map((l) => textWidth(l, 11))]) + 8 + (title ? 16 : 0);
}

/** Gridlines, frame, ticks, labels and titles of both axes (x labels at the plot's ends flush with them). */
export function frameAxes(f: Frame, x: AxisSpec, y: AxisSpec): string {
  const bottom = f.y + f.height,
    right = f.x + f.width;
  const out: string[] = ['<g class="mark-rule role-axis-grid" stroke="#e6e6e6" stroke-width="1">'];
  if (x.grid) for (const a of x.at) out.push(line(a, f.y, a, bottom));
  if (y.grid) for (const a of y.at) out.push(line(f.x, a, right, a));
  pushAll(out, [
    `</g><rect class="frame" x="${px(f.x)}" y="${px(f.y)}" width="${px(f.width)}" height="${px(f.height)}" fill="none" stroke="#bbb"/>`,
    '<g class="mark-rule role-axis-tick" stroke="#888" stroke-width="1">',
    ...x.at.map((a) => line(a, bottom, a, bottom + 5)),
    ...y.at.map((a) => line(f.x - 5, a, f.x, a)),
    '</g><g class="mark-text role-axis-label">',
  ]);
  const anchors = x.at.map((a) => (Math.abs(a - f.x) < 0.5 ? 'start' : Math.abs(a - right) < 0.5 ? 'end' : 'middle'));
  const xSpans = x.at.map((a, i): [number, number] => {
    const w = x.labels[i]!.length * 11 * VEGA_LABEL_EM;
    const lo = anchors[i] === 'start' ? a : anchors[i] === 'end' ? a - w : a - w / 2;
    return [lo, lo + w];
  });
  const xShown = shownLabels(xSpans, x.overlap ?? 'parity', 0);
  x.at.forEach((a, i) => {
    if (xShown[i]) out.push(text(a, bottom + 7, x.labels[i]!, { anchor: anchors[i]!, baseline: 'top' }));
  });
  // 2 px between y labels: an 11 px label's box is about 12.5 px high as drawn
  const yShown = shownLabels(
    y.at.map((a): [number, number] => [a - 5.5, a + 5.5]),
    y.overlap ?? 'parity',
    2,
    y.first,
  );
  y.at.forEach((a, i) => {
    if (yShown[i]) out.push(text(f.x - 7, a, y.labels[i]!, { anchor: 'end', baseline: 'middle' }));
  });
  out.push('</g><g class="mark-text role-axis-title">');
  if (x.title) out.push(text(f.x + f.width / 2, bottom + 24, x.title, { size: 12, anchor: 'middle', baseline: 'top' }));
  if (y.title) {
    const titleX = f.x - yAxisRoom(y.labels, null);
    out.push(text(titleX, f.y + f.height / 2, y.title, { size: 12, anchor: 'middle', rotate: -90 }));
  }
  out.push('</g>');
  return out.join('');
}

export interface TitleBlock {
  readonly svg: string;
  /** Where the title block ends [px from the top]. */
  readonly bottom: number;
  /** The widest line's right end [px]. */
  readonly right: number;
}

/**
 * vega's title: the title in 14 px bold, each subtitle line below it in 12 px, at the top left; a plot placed at its
 * bottom leaves room for a y tick label centred on the plot's top edge.
 */
export function titleBlock(title: string, subtitle: readonly string[]): TitleBlock {
  const { svg, width } = titleSvg({ title, subtitle });
  return { svg, bottom: PAD + (subtitle.length ? 37 + 14 * (subtitle.length - 1) : 22), right: PAD + width };
}

/**
 * The plot's frame below `top`, right of a y axis with these labels and title, lowered where a rotated y title longer
 * than the plot is high would reach above it.
 */
export function placeFrame(
  top: number,
  y: { labels: readonly string[]; title: string | null },
  width: number,
  height: number,
): Frame {
  const half = y.title ? textWidth(y.title, 12) / 2 : 0;
  return { x: PAD + yAxisRoom(y.labels, y.title), y: Math.max(top, top + half - height / 2), width, height };
}

export interface LegendSpec {
  readonly title: string | null;
  readonly entries: readonly { readonly name: string; readonly mark: string }[];
}

/** Legends stacked at the plot's right, 12 px apart, with the width and bottom they reach. */
function rightLegends(f: Frame, legends: readonly LegendSpec[]): { svg: string; right: number; bottom: number } {
  const x = f.x + f.width + LEGEND_OFFSET;
  let y = f.y,
    width = 0;
  const out: string[] = [];
  for (const l of legends) {
    const lg = legend(x, y, l.title, l.entries);
    out.push(lg.svg);
    width = Math.max(width, lg.width);
    y += lg.height + 12;
  }
  return { svg: out.join(''), right: legends.length ? x + width : f.x + f.width, bottom: y - 12 };
}

/** Filled circles at the points (the `point: true` of a vega-lite line, or a point mark). */
export function pointMarks(points: readonly { x: number; y: number; color: string }[], opacity = 1): string {
  const d = symbolPath('circle', POINT_px2);
  const dots = points.map((p) => `<path transform="translate(${px(p.x)},${px(p.y)})" d="${d}" fill="${p.color}"/>`);
  return `<g class="mark-symbol role-mark"${opacity < 1 ? ` fill-opacity="${opacity}"` : ''}>${dots.join('')}</g>`;
}

/** A polyline through the points [px] (vega's line mark). */
export const polyline = (pts: readonly { x: number; y: number }[], attributes: string): string =>
  `<path d="M${pts.map((p) => `${px(p.x)},${px(p.y)}`).join('L')}" ${attributes}/>`;

/** A horizontal dashed rule across the plot at pixel height y (vega's rule mark). */
export const ruleAt = (f: Frame, y: number, dash: string): string =>
  `<g class="mark-rule role-mark" stroke="#999" stroke-dasharray="${dash}">${line(f.x, y, f.x + f.width, y)}</g>`;

/** The whole chart: title, axes and marks (`body`), legends at the right, the canvas sized to hold them all. */
export function chartSvg(
  head: TitleBlock,
  f: Frame,
  body: string,
  legends: readonly LegendSpec[],
  yTitle: string | null,
): string {
  const lg = rightLegends(f, legends);
  const half = yTitle ? textWidth(yTitle, 12) / 2 : 0;
  const width = Math.max(head.right, lg.right) + PAD;
  const height = Math.max(f.y + f.height + 41, lg.bottom, f.y + f.height / 2 + half) + PAD;
  return svgDocument(width, height, head.svg + body + lg.svg);
}
