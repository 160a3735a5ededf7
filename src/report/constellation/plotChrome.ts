/**
 * Axes, titles and legends of the constellation report's hand-written SVG plots (ground tracks, orbital planes),
 * laid out as vega-lite laid out the specs these plots were first drawn from, so the pictures stay the same: 5 px
 * padding, 5 px ticks, labels 2 px beyond them, x-axis labels at the ends of the range flush with it, and vega's
 * text baseline shifts (vega-scenegraph: top 0.79, middle 0.30, bottom −0.21 font sizes, rounded). Text widths
 * are svg.ts estimates (vega estimated 0.8 em a character without a canvas, which made its documents wider than
 * their text). Class names are vega's (role-axis, role-axis-label, role-legend, role-title…), which the report's
 * tests read.
 */
import { maxOf } from '../../base/arrays.js';
import { esc, PAD, px, text, textWidth } from '../plots/svg.js';

/** From the plot's bottom edge to a legend below it: the bottom axis and 18 px (vega-lite's legend offset). */
export const LEGEND_BELOW = 51;

type Baseline = 'top' | 'middle' | 'bottom';

/** vega's shift from a text's anchor y to its baseline [px]. */
export const baselineShift = (b: Baseline, size: number): number =>
  Math.round(b === 'top' ? 0.79 * size : b === 'middle' ? 0.3 * size : -0.21 * size);

/** One text at (x, y) with vega's baseline; `align` as vega-lite's (left, right, center). */
export function vegaText(
  x: number,
  y: number,
  s: string,
  o: { size: number; baseline: Baseline; align?: 'left' | 'right' | 'center'; color?: string },
): string {
  const anchor = o.align === 'right' ? 'end' : o.align === 'center' ? 'middle' : 'start';
  return text(x, y + baselineShift(o.baseline, o.size), s, { size: o.size, anchor, color: o.color ?? '#000' });
}

export interface Axis {
  readonly orient: 'bottom' | 'top' | 'left';
  readonly values: readonly number[];
  /** Value to pixels along the axis, from the plot's left (x axes) or top (the y axis) edge. */
  readonly scale: (v: number) => number;
  readonly format: (v: number) => string;
  readonly title: string;
}

/** Grid lines (#e6e6e6) of an axis across a width × height plot. */
export function gridSvg(a: Axis, width: number, height: number): string {
  const out = ['<g class="mark-group role-axis"><g transform="translate(0.5,0.5)">'];
  out.push('<g class="mark-rule role-axis-grid" stroke="#e6e6e6" stroke-width="1">');
  for (const v of a.values) {
    const p = px(a.scale(v));
    out.push(
      a.orient === 'left'
        ? `<line x1="0" y1="${p}" x2="${px(width)}" y2="${p}"/>`
        : `<line x1="${p}" y1="0" x2="${p}" y2="${px(height)}"/>`,
    );
  }
  out.push('</g></g></g>');
  return out.join('');
}

/** Room left of the plot a left axis needs: its widest label, the gaps and the rotated title [px]. */
export const leftAxisWidth = (a: Axis): number => maxOf([0, ...a.values.map((v) => textWidth(a.format(v), 11))]) + 26;

/** Ticks, labels, domain line and title of one axis of a width × height plot. */
export function axisSvg(a: Axis, width: number, height: number): string {
  const left = a.orient === 'left',
    sign = a.orient === 'top' ? -1 : 1;
  const out = [
    `<g class="mark-group role-axis"><g transform="translate(0.5,${px((a.orient === 'bottom' ? height : 0) + 0.5)})">`,
  ];
  out.push('<g class="mark-rule role-axis-tick" stroke="#888" stroke-width="1">');
  for (const v of a.values) {
    const p = px(a.scale(v));
    out.push(
      left ? `<line x1="-5" y1="${p}" x2="0" y2="${p}"/>` : `<line x1="${p}" y1="0" x2="${p}" y2="${5 * sign}"/>`,
    );
  }
  out.push('</g><g class="mark-text role-axis-label">');
  for (const v of a.values) {
    const p = a.scale(v);
    if (left) out.push(vegaText(-7, p, a.format(v), { size: 11, baseline: 'middle', align: 'right' }));
    else {
      const align = Math.abs(p) < 0.5 ? 'left' : Math.abs(p - width) < 0.5 ? 'right' : 'center';
      out.push(vegaText(p, 7 * sign, a.format(v), { size: 11, baseline: sign > 0 ? 'top' : 'bottom', align }));
    }
  }
  const domain = left ? `x1="0" y1="${px(height)}" x2="0" y2="0"` : `x1="0" y1="0" x2="${px(width)}" y2="0"`;
  out.push(`</g><g class="mark-rule role-axis-domain" stroke="#888" stroke-width="1"><line ${domain}/></g>`);
  out.push('<g class="mark-text role-axis-title">');
  if (left) out.push(text(-(leftAxisWidth(a) - 12), height / 2, a.title, { size: 12, anchor: 'middle', rotate: -90 }));
  else
    out.push(
      vegaText(width / 2, 22 * sign, a.title, { size: 12, baseline: sign > 0 ? 'top' : 'bottom', align: 'center' }),
    );
  out.push('</g></g></g>');
  return out.join('');
}

/** The plot's frame (vega's `path.background`, which the browser test measures the plot by). */
export const frameSvg = (width: number, height: number): string =>
  `<path class="background" d="M0.5,0.5h${px(width)}v${px(height)}h${px(-width)}Z" fill="none" stroke="#bbb"/>`;

/** Title (bold, 14 px) and subtitle lines (12 px, 14 px apart) at the top left; `height`: their room [px]. */
export function titleSvg(title: string, subtitle: readonly string[]): { svg: string; width: number; height: number } {
  const lines = subtitle.map((s, i) => `<tspan x="${PAD}"${i ? ' dy="14"' : ''}>${esc(s)}</tspan>`).join('');
  const svg =
    `<g class="mark-group role-title"><g class="mark-text role-title-text">` +
    text(PAD, PAD + 11, title, { size: 14, weight: 'bold' }) +
    `</g><g class="mark-text role-title-subtitle"><text x="${PAD}" y="${PAD + 26}" font-size="12" fill="#000">${lines}</text></g></g>`;
  const width = maxOf([textWidth(title, 14), ...subtitle.map((s) => textWidth(s, 12))]);
  return { svg, width, height: 26 + 14 * Math.max(0, subtitle.length - 1) + 12 };
}

/**
 * A legend at (x, y): bold title, then one entry per row (vertical) or side by side (horizontal), each a symbol
 * (SVG centred on 0, 0) and its label.
 */
export function legendSvg(
  x: number,
  y: number,
  title: string,
  entries: readonly { name: string; symbol: string }[],
  direction: 'vertical' | 'horizontal',
): { svg: string; width: number; height: number } {
  const out = [
    `<g class="mark-group role-legend" transform="translate(${px(x)},${px(y)})">`,
    `<g class="mark-text role-legend-title">${text(0, 9, title, { size: 12, weight: 'bold' })}</g>`,
  ];
  let ex = 0,
    ey = 17,
    width = textWidth(title, 12);
  for (const e of entries) {
    const w = 16 + textWidth(e.name, 12);
    out.push(
      `<g class="mark-group role-legend-entry" transform="translate(${px(ex)},${px(ey)})">` +
        `<g class="mark-symbol role-legend-symbol" transform="translate(6,6)">${e.symbol}</g>` +
        `<g class="mark-text role-legend-label">${text(16, 10, e.name, { size: 12 })}</g></g>`,
    );
    width = Math.max(width, ex + w);
    if (direction === 'vertical') ey += 14;
    else ex += w + 12;
  }
  out.push('</g>');
  return { svg: out.join(''), width, height: direction === 'vertical' ? ey - 2 : ey + 14 };
}
