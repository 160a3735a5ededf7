/**
 * Static SVG plots for the reports: vega-lite specs compiled and rendered in Node without a canvas
 * (`new vega.View(vega.parse(spec), {renderer: 'none'}).toSVG()`), so report.html needs no JavaScript and
 * no network. The run report's own plots (objective space, parallel coordinates, convergence, waterfall),
 * compare's fronts and the constellation report's plots (src/report/constellation/) are written directly
 * (svgPlots.ts: vega costs more CPU than a whole benchmark run); the analysis and robust plots stay here. Specs
 * take plain, already-sampled data; field names are `o0…`, `v` (never dotted metric names, which vega would read as
 * nested paths). Every axis title carries its unit.
 */
import type { TopLevelSpec } from 'vega-lite';
import { fmt } from '../../base/numberFormat.js';

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

/** A vega-lite colour encoding: the categories `domain` of `field` in the colours `range`, untitled legend on top. */
export const topLegendColor = (field: string, domain: readonly string[], range: readonly string[]) => ({
  field,
  type: 'nominal',
  title: null,
  scale: { domain, range },
  legend: { orient: 'top' },
});

/** The category colours of the plots (vega's category10, in its order). */
export const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b', '#e377c2', '#17becf'];

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

const BASE_CONFIG = {
  aria: false,
  font: 'sans-serif',
  axis: {
    labelFontSize: 11,
    titleFontSize: 12,
    titleFontWeight: 'normal',
    labelLimit: 180,
    titleLimit: 400,
    gridColor: '#e6e6e6',
  },
  legend: { labelFontSize: 12, titleFontSize: 12, symbolSize: 80, labelLimit: 320 },
  view: { stroke: '#bbb' },
  title: { fontSize: 14, anchor: 'start' },
} as const;

/**
 * vega and vega-lite, loaded on the first plot: together they take ~0.45 s of CPU to load, which a command that
 * draws nothing (odc evaluate, odc run before its report, odc worker) should not pay.
 */
let renderer:
  | Promise<{
      vega: typeof import('vega');
      compile: typeof import('vega-lite').compile;
      quiet: ReturnType<typeof import('vega').logger>;
    }>
  | undefined;
/**
 * import() of an ES-module package. The `odc` executable runs a CommonJS bundle compiled from a V8 code cache
 * (src/entries/cli/bin.ts), where import() has no loader behind it and vega's top-level await rules out require():
 * there the entry module lends its own import() as globalThis.__odcImport.
 */
const importEsm = (name: string): Promise<unknown> => {
  const lent = (globalThis as { __odcImport?: (s: string) => Promise<unknown> }).__odcImport;
  return lent !== undefined ? lent(name) : import(name);
};
const loadRenderer = (): NonNullable<typeof renderer> =>
  (renderer ??= Promise.all([
    importEsm('vega') as Promise<typeof import('vega')>,
    importEsm('vega-lite') as Promise<typeof import('vega-lite')>,
  ]).then(([vega, vl]) => ({
    vega,
    compile: vl.compile,
    // vega-lite's warnings are about our own specs (tests render them all): keep the output clean.
    quiet: vega.logger(vega.None),
  })));

/**
 * A headless vega view of a vega-lite spec with the reports' base config, laid out; the caller finalizes it (tests
 * read its scenegraph).
 */
export async function layoutView(spec: Record<string, unknown>): Promise<import('vega').View> {
  const { vega, compile, quiet: QUIET } = await loadRenderer();
  const vl = compile(
    { ...spec, config: { ...BASE_CONFIG, ...((spec.config as object | undefined) ?? {}) } } as TopLevelSpec,
    { logger: QUIET },
  ).spec;
  const view = new vega.View(vega.parse(vl), { renderer: 'none', logLevel: vega.Error });
  await view.runAsync();
  return view;
}

/** Renders a vega-lite spec to a standalone SVG string, made safe to inline several times in one page. */
export async function renderSvg(spec: Record<string, unknown>, idPrefix: string): Promise<string> {
  const view = await layoutView(spec);
  try {
    const svg = await view.toSVG();
    return tidySvg(svg, idPrefix);
  } finally {
    view.finalize();
  }
}

/**
 * Prefixes element ids (clip paths, symbols) and the references to them (url(#…), href) so inlined SVGs do not collide;
 * rounds coordinates to 0.1 px.
 */
export function tidySvg(svg: string, prefix: string): string {
  return svg
    .replace(/\sid="([^"]+)"/g, ` id="${prefix}-$1"`)
    .replace(/url\(#([^)]+)\)/g, `url(#${prefix}-$1)`)
    .replace(/(\s(?:xlink:)?href)="#([^"]+)"/g, `$1="#${prefix}-$2"`)
    .replace(
      /translate\((-?[\d.]+(?:e-?\d+)?),(-?[\d.]+(?:e-?\d+)?)\)/g,
      (_, x: string, y: string) => `translate(${+(+x).toFixed(1)},${+(+y).toFixed(1)})`,
    );
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

export interface ParallelAxis {
  readonly title: string;
  /** Tick labels at normalized heights (0 = bottom, 1 = top). */
  readonly ticks: readonly { readonly y: number; readonly text: string }[];
}

/** `cost.lcoc (min) [USD/PFLOP-day]` → ['cost', 'lcoc (min)', '[USD/PFLOP-day]'] for stacked axis labels. */
export function stackedLabel(t: string): string[] {
  const cut = t.lastIndexOf(' [');
  let name = cut > 0 ? t.slice(0, cut) : t;
  const unit = cut > 0 ? [t.slice(cut + 1)] : [];
  const sense = / \((min|max)\)$/.exec(name);
  if (sense) name = name.slice(0, sense.index);
  const wrapped = STATISTIC_NAME.exec(name);
  const stat = wrapped ? [`${wrapped[1]} of`] : [];
  if (wrapped) name = wrapped[2]!;
  const dot = name.indexOf('.');
  return [
    ...stat,
    ...(dot > 0 ? [name.slice(0, dot), name.slice(dot + 1)] : [name]),
    ...(sense ? [`(${sense[1]})`] : []),
    ...unit,
  ];
}

/** Formats a tick value for the parallel axes. */
export const tickText = (v: number): string => fmt(v);
