/**
 * What the reports' plots share besides drawing (chart.ts, svg.ts): axis titles with units, the category palette,
 * padded and widened axis domains, even sampling of many points. Points are plain records with
 * fields `o0…` (one per objective). Every axis title carries its unit.
 */
import { CATEGORY10 } from '../../chart/chart.js';

/**
 * Axis label for a metric or design path: `cost.lcoc [USD/PFLOP-day]` (unit suffix moved into brackets); a
 * statistic over uncertainty samples keeps its wrapper: `p90(cost.lcoc) [USD/PFLOP-day]`.
 */
export function axisLabel(path: string, unit: string): string {
  const wrapped = STATISTIC_NAME.exec(path);
  if (wrapped) {
    const inner = axisLabel(wrapped[2]!, unit);
    const cut = inner.lastIndexOf(' [');
    return `${wrapped[1]}(${inner.slice(0, cut)})${inner.slice(cut)}`;
  }
  const dot = path.lastIndexOf('.');
  const key = path.slice(dot + 1);
  const cut = key.indexOf('_');
  // A key that is all unit (`kW_per_t`) keeps its name: cutting it would leave the unit's first part (`mass.kW`).
  const name = key.slice(0, cut);
  const strip = cut > 0 && unit !== '-' && !unit.startsWith(name);
  const bare = (dot >= 0 ? path.slice(0, dot + 1) : '') + (strip ? name : key);
  return `${bare} [${unit}]`;
}

/**
 * An objective named as a statistic of a metric (robust studies): `p90(cost.lcoc_USD_per_PFLOP_day)` → [, 'p90',
 * 'cost.lcoc_…'].
 */
export const STATISTIC_NAME = /^([a-z][a-z0-9]*)\((.+)\)$/;

const senseWord = (s: 'minimize' | 'maximize'): string => (s === 'maximize' ? 'max' : 'min');

/** `cost.lcoc (min) [USD/PFLOP-day]`. */
export function objectiveTitle(name: string, unit: string, sense: 'minimize' | 'maximize'): string {
  const t = axisLabel(name, unit);
  const cut = t.lastIndexOf(' [');
  return `${t.slice(0, cut)} (${senseWord(sense)})${t.slice(cut)}`;
}

/** The category colours of the plots: d3's category10, red second (the first two categories are compared most). */
export const PALETTE = [0, 3, 2, 4, 1, 5, 6, 9].map((i) => CATEGORY10[i]!);

/** An axis domain around the finite `values`, padded by 5 % of their range ([0, 1] when none is finite). */
export function paddedDomain(values: readonly number[]): [number, number] {
  let lo = Infinity,
    hi = -Infinity;
  for (const v of values)
    if (Number.isFinite(v)) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  if (!Number.isFinite(lo)) return [0, 1];
  if (hi <= lo) {
    const d = Math.abs(lo) * 0.05 || 1;
    return [lo - d, hi + d];
  }
  const pad = (hi - lo) * 0.05;
  return [lo - pad, hi + pad];
}

/** Sampled, evenly spaced subset of positions 0..n-1 (deterministic; keeps first and last). */
export function samplePositions(n: number, max: number): number[] {
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  if (max <= 1) return [0];
  return Array.from({ length: max }, (_, i) => Math.round((i * (n - 1)) / (max - 1)));
}

export interface AxisDef {
  readonly title: string;
  readonly domain: readonly [number, number];
}

export interface CategoryStyle {
  readonly name: string;
  readonly color: string;
  readonly shape: string;
  readonly size: number;
  readonly opacity: number;
}

/**
 * Objective axes of the front plots (parallel coordinates, the front with the knee) span at least this fraction of the
 * values' magnitude (10 %): a front whose cost varies by 1 % then looks as flat as it is, instead of filling the axis.
 */
export const MIN_AXIS_SPAN = 0.1;

/**
 * The axis range for values from `lo` to `hi`: their own range, or when that is under MIN_AXIS_SPAN of their
 * magnitude, that span centred on them (`widened`, said in the plot's caption).
 */
export function spanDomain(lo: number, hi: number): { lo: number; hi: number; widened: boolean } {
  const mag = Math.max(Math.abs(lo), Math.abs(hi));
  const span = MIN_AXIS_SPAN * mag;
  if (!(hi - lo < span) || !(span > 0)) return { lo, hi, widened: false };
  const mid = (lo + hi) / 2;
  return { lo: mid - span / 2, hi: mid + span / 2, widened: true };
}
