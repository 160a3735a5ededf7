/**
 * Marks and legend parts of chart.ts for the maps and graphs (ground tracks, orbital planes, link graphs): polylines
 * given in data units (each a path, optionally in its own colour), labels of tick values given rather than d3's, a
 * legend row that grows with its symbol (a size legend), and the room a second x axis above the frame takes.
 */
import { minOf } from '../base/arrays.js';
import { format, precisionFixed } from 'd3-format';
import { px } from './svg.js';

/** Polylines in data units (tracks, coastlines, graph edges), one style, each optionally in its own colour. */
export interface PathsMark {
  readonly type: 'paths';
  readonly paths: readonly {
    readonly points: readonly { readonly x: number; readonly y: number }[];
    readonly color?: string;
  }[];
  readonly color: string;
  readonly width?: number;
  readonly opacity?: number;
}

/** A second x axis above the frame: its title and labelled ticks at x values (in the bottom axis's data units). */
export interface TopAxis {
  readonly title: string;
  readonly ticks: readonly { readonly value: number; readonly label: string }[];
}

/** Room a top axis takes above the frame: 5 px ticks, 2 px, 11 px labels, 8 px, a 12 px title [px]. */
export const TOP_AXIS_ROOM = 40;
/** Height of a legend row [px]. */
export const LEGEND_ROW = 18;

/** Labels of given tick values: the decimals their smallest step needs, thousands separators. */
export function valuesFormat(values: readonly number[]): (v: number) => string {
  const steps = values
    .slice(1)
    .map((v, i) => Math.abs(v - values[i]!))
    .filter((d) => d > 0);
  return format(`,.${steps.length ? precisionFixed(minOf(steps)) : 0}f`);
}

/** Height of a legend entry's row: the usual row, or the symbol's diameter and 4 px when that is larger [px]. */
export const legendRow = (e: { readonly size?: number }): number =>
  Math.max(LEGEND_ROW, e.size !== undefined ? 2 * Math.sqrt(e.size / Math.PI) + 4 : 0);

/** The polylines as paths, each recorded in `lines` with its pixel points (`at`: data to pixels). */
export function pathsSvg(
  m: PathsMark,
  at: (x: number, y: number) => readonly [number, number],
  lines: { points: readonly (readonly [number, number])[]; color: string }[],
): string {
  const opacity = m.opacity !== undefined ? ` opacity="${m.opacity}"` : '';
  const out = [`<g class="paths" fill="none" stroke="${m.color}" stroke-width="${m.width ?? 1}"${opacity}>`];
  for (const p of m.paths) {
    const pts = p.points.map((q) => at(q.x, q.y)).filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
    if (pts.length < 2) continue;
    lines.push({ points: pts, color: p.color ?? m.color });
    const stroke = p.color ? ` stroke="${p.color}"` : '';
    out.push(`<path d="M${pts.map(([x, y]) => `${px(x)},${px(y)}`).join('L')}"${stroke}/>`);
  }
  return `${out.join('')}</g>`;
}
