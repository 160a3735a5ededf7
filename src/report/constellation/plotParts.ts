/**
 * Parts of the constellation report's hand-written SVG plots (constellationPlots.ts), laid out as vega-lite laid out
 * the same plots with the reports' config (plots.ts): 5 px padding, title (14 px bold) and subtitle lines (12 px)
 * above, a left and a bottom axis with vega-lite's default tick count (one tick per 40 px of axis, fewer when
 * `tickMinStep` asks, as vega's tickCount does), x labels at the ends of the axis flush with it, legends to the right.
 * Widths vega estimated (0.8 em a character) are estimated with svg.ts's textWidth, so a plot may be a little narrower
 * than vega's; tick labels that would overlap are not thinned (vega-lite's labelOverlap), none of these plots has any.
 * Class names are vega's (role-axis-*, role-legend-*, role-title-*), so tests and CSS read them as before.
 */
import { maxOf, minOf } from '../../base/arrays.js';
import {
  type Frame,
  linear,
  PAD,
  px,
  symbolPath,
  text,
  textWidth,
  tickFormat,
  ticks,
  yLabelsWidth,
} from '../plots/svg.js';

export interface Titles {
  readonly title: string;
  readonly subtitle: readonly string[];
}

/**
 * Top of a plotting area `height` px tall: the title and subtitle lines above it, and the half of a y tick label that
 * reaches above the plot when a tick is near its top [px].
 */
export function plotTop(t: Titles, y: LinearAxis, height: number): number {
  const [d0, d1] = y.domain;
  const gap = minOf([height, ...y.values.map((v) => height * ((d1 - v) / (d1 - d0)))]);
  return PAD + 18 + 14 * t.subtitle.length + Math.max(0, 6 - gap);
}

/** The title and subtitle at the top left, with the width they take. */
export function titleSvg(t: Titles): { svg: string; width: number } {
  const lines = t.subtitle.map((s, i) => text(PAD, PAD + 26 + 14 * i, s, { size: 12 })).join('');
  return {
    svg:
      `<g class="mark-group role-title"><g class="mark-text role-title-text">${text(PAD, PAD + 11, t.title, { size: 14, weight: 'bold' })}</g>` +
      `<g class="mark-text role-title-subtitle">${lines}</g></g>`,
    width: maxOf([textWidth(t.title, 14), ...t.subtitle.map((s) => textWidth(s, 12))]),
  };
}

export interface LinearAxis {
  readonly domain: readonly [number, number];
  readonly title: string;
  readonly values: readonly number[];
  readonly format: (v: number) => string;
  readonly grid: boolean;
}

/**
 * An axis over `domain` with vega-lite's default ticks for `length_px` (⌈length/40⌉, at most span/minStep + 1 of them
 * as vega limits them); `integer`: only whole ticks, printed as integers (vega-lite's `format: 'd'`, tickMinStep 1).
 */
export function linearAxis(
  domain: readonly [number, number],
  length_px: number,
  title: string,
  o: { integer?: boolean; grid?: boolean; values?: readonly number[] } = {},
): LinearAxis {
  const span = domain[1] - domain[0];
  const count = Math.min(Math.ceil(length_px / 40), o.integer ? Math.floor(span) + 1 : Infinity);
  const t = ticks(domain[0], domain[1], count);
  return {
    domain,
    title,
    values: o.values ?? (o.integer ? t.values.filter((v) => Number.isInteger(v)) : t.values),
    format: o.integer ? (v) => String(Math.round(v)) : tickFormat(t.step),
    grid: o.grid ?? true,
  };
}

/** Room a left axis takes beside the plot: tick, labels, gap and the rotated title [px]. */
export const leftAxisWidth = (y: LinearAxis): number => yLabelsWidth(y.values.map((v) => y.format(v)));

/** Grid lines, frame, and the bottom and left axes (ticks, labels, domain line, title) of the plotting area `f`. */
export function axesSvg(f: Frame, x: LinearAxis, y: LinearAxis): string {
  const sx = linear(x.domain[0], x.domain[1], f.x, f.x + f.width),
    sy = linear(y.domain[0], y.domain[1], f.y + f.height, f.y);
  const bottom = f.y + f.height;
  const vLine = (v: number, y0: number, y1: number): string =>
    `<line x1="${px(sx(v))}" y1="${px(y0)}" x2="${px(sx(v))}" y2="${px(y1)}"/>`;
  const hLine = (v: number, x0: number, x1: number): string =>
    `<line x1="${px(x0)}" y1="${px(sy(v))}" x2="${px(x1)}" y2="${px(sy(v))}"/>`;
  const out: string[] = ['<g class="mark-rule role-axis-grid" stroke="#e6e6e6" stroke-width="1">'];
  if (x.grid) for (const v of x.values) out.push(vLine(v, f.y, bottom));
  if (y.grid) for (const v of y.values) out.push(hLine(v, f.x, f.x + f.width));
  out.push(
    `</g><rect class="frame" x="${px(f.x)}" y="${px(f.y)}" width="${px(f.width)}" height="${px(f.height)}" fill="none" stroke="#bbb"/>`,
  );
  // bottom axis; a label at either end of the axis is aligned with it (vega-lite's labelFlush)
  out.push('<g class="mark-group role-axis"><g class="mark-rule role-axis-tick" stroke="#888" stroke-width="1">');
  for (const v of x.values) out.push(vLine(v, bottom, bottom + 5));
  out.push('</g><g class="mark-text role-axis-label">');
  for (const v of x.values) {
    const at = sx(v);
    const anchor = Math.abs(at - f.x) < 0.5 ? 'start' : Math.abs(at - f.x - f.width) < 0.5 ? 'end' : 'middle';
    out.push(text(at, bottom + 7, x.format(v), { anchor, baseline: 'top' }));
  }
  out.push(
    `</g><g class="mark-rule role-axis-domain" stroke="#888"><line x1="${px(f.x)}" y1="${px(bottom)}" x2="${px(f.x + f.width)}" y2="${px(bottom)}"/></g>`,
    `<g class="mark-text role-axis-title">${text(f.x + f.width / 2, bottom + 22, x.title, { size: 12, anchor: 'middle', baseline: 'top' })}</g></g>`,
  );
  // left axis
  out.push('<g class="mark-group role-axis"><g class="mark-rule role-axis-tick" stroke="#888" stroke-width="1">');
  for (const v of y.values) out.push(hLine(v, f.x - 5, f.x));
  out.push('</g><g class="mark-text role-axis-label">');
  for (const v of y.values) out.push(text(f.x - 7, sy(v), y.format(v), { anchor: 'end', baseline: 'middle' }));
  const titleX = f.x - leftAxisWidth(y) + 16;
  out.push(
    `</g><g class="mark-rule role-axis-domain" stroke="#888"><line x1="${px(f.x)}" y1="${px(f.y)}" x2="${px(f.x)}" y2="${px(bottom)}"/></g>`,
    `<g class="mark-text role-axis-title">${text(titleX, f.y + f.height / 2, y.title, { size: 12, anchor: 'middle', rotate: -90 })}</g></g>`,
  );
  return out.join('');
}

/** Top-of-legend title lines (12 px bold, 14 px apart) and where the entries start below them. */
function legendTitle(x: number, y: number, lines: readonly string[]): { svg: string; entriesTop: number } {
  const rows = lines.map((l, i) => text(x, y + 14 * i, l, { size: 12, weight: 'bold', baseline: 'top' })).join('');
  return { svg: `<g class="mark-text role-legend-title">${rows}</g>`, entriesTop: y + 14 * lines.length + 3 };
}

/** A symbol legend entry: a circle of radius r [px] with its style attributes, and its label. */
export interface LegendCircle {
  readonly label: string;
  readonly r: number;
  readonly style: string;
}

/** A legend of circles in a column at (x, y): title lines, then one row per entry, each as tall as its circle. */
export function circleLegend(
  x: number,
  y: number,
  title: readonly string[],
  entries: readonly LegendCircle[],
): { svg: string; width: number; height: number } {
  const head = legendTitle(x, y, title);
  const rMax = maxOf([0, ...entries.map((e) => e.r)]);
  const symbols: string[] = [],
    labels: string[] = [];
  let row = head.entriesTop;
  for (const e of entries) {
    const h = Math.max(2 * e.r + 2, 12);
    const cy = row + h / 2;
    symbols.push(
      `<path transform="translate(${px(x + rMax + 1)},${px(cy)})" d="${symbolPath('circle', Math.PI * e.r * e.r)}" ${e.style}/>`,
    );
    labels.push(text(x + 2 * rMax + 7, cy, e.label, { size: 12, baseline: 'middle' }));
    row += h + 4;
  }
  const width = maxOf([
    ...title.map((l) => textWidth(l, 12)),
    ...entries.map((e) => 2 * rMax + 7 + textWidth(e.label, 12)),
  ]);
  return {
    svg:
      `<g class="mark-group role-legend">${head.svg}<g class="mark-symbol role-legend-symbol">${symbols.join('')}</g>` +
      `<g class="mark-text role-legend-label">${labels.join('')}</g></g>`,
    width,
    height: row - 4 - y,
  };
}

/**
 * A colour-ramp legend at (x, y): its title, a 16 × 200 px bar from `colors` (evenly spaced, domain start at the
 * bottom) whose gradient has the id `id`, and labels at `values` of the [0, 1] domain (end labels kept inside the bar).
 */
export function gradientLegend(
  x: number,
  y: number,
  title: string,
  id: string,
  colors: readonly string[],
  values: readonly number[],
  format: (v: number) => string,
): { svg: string; width: number; height: number } {
  const head = legendTitle(x, y, [title]);
  const top = head.entriesTop,
    length = 200;
  const stops = colors.map((c, i) => `<stop offset="${+(i / (colors.length - 1)).toFixed(4)}" stop-color="${c}"/>`);
  const labels = values.map((v) => {
    const at = top + length * (1 - v);
    const [dy, baseline] =
      v <= 0 ? [-2.5, 'alphabetic' as const] : v >= 1 ? [0, 'top' as const] : [0, 'middle' as const];
    return text(x + 18, at + dy, format(v), { size: 12, baseline });
  });
  return {
    svg:
      `<defs><linearGradient id="${id}" x1="0" x2="0" y1="1" y2="0">${stops.join('')}</linearGradient></defs>` +
      `<g class="mark-group role-legend">${head.svg}<g class="mark-rect role-legend-gradient">` +
      `<rect x="${px(x)}" y="${px(top)}" width="16" height="${length}" fill="url(#${id})"/></g>` +
      `<g class="mark-text role-legend-label">${labels.join('')}</g></g>`,
    width: Math.max(textWidth(title, 12), 18 + maxOf([0, ...values.map((v) => textWidth(format(v), 12))])),
    height: top + length - y,
  };
}

/**
 * matplotlib's viridis (van der Walt and Smith, 2015) as vega's `viridis` scheme has it: 31 colours, evenly spaced
 * over [0, 1] and interpolated linearly in RGB between them (vega-scale `schemes`, `interpolateColors`, BSD-3).
 */
export const VIRIDIS =
  '440154470e61481a6c482575472f7d443a834144873d4e8a39568c35608d31688e2d708e2a788e27818e23888e21918d1f988b1fa08822a8842ab07f35b77943bf7154c56866cc5d7ad1518fd744a5db36bcdf27d2e21be9e51afde725'
    .match(/.{6}/g)!
    .map((h) => [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number]);

/** Viridis at t ∈ [0, 1] (clamped) as `rgb(r, g, b)`, as vega writes it; NaN gives `none` (vega draws no stroke). */
export function viridis(t: number): string {
  if (Number.isNaN(t)) return 'none';
  const s = Math.min(1, Math.max(0, t)) * (VIRIDIS.length - 1);
  const i = Math.min(VIRIDIS.length - 2, Math.floor(s)),
    f = s - i;
  const a = VIRIDIS[i]!,
    b = VIRIDIS[i + 1]!;
  return `rgb(${[0, 1, 2].map((k) => Math.round(a[k]! + (b[k]! - a[k]!) * f)).join(', ')})`;
}
