/**
 * Static SVG plots for the reports: vega-lite specs compiled and rendered in Node without a canvas
 * (`new vega.View(vega.parse(spec), {renderer: 'none'}).toSVG()`), so report.html needs no JavaScript and
 * no network. Specs take plain, already-sampled data; field names are `o0…`, `v` (never dotted metric
 * names, which vega would read as nested paths). Every axis title carries its unit.
 */
import type { TopLevelSpec } from 'vega-lite';
import { fmt } from './budget.js';

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
  const bare = (dot >= 0 ? path.slice(0, dot + 1) : '') + (cut > 0 && unit !== '-' ? key.slice(0, cut) : key);
  return `${bare} [${unit}]`;
}

/** An objective named as a statistic of a metric (robust studies): `p90(cost.lcoc_USD_per_PFLOP_day)` → [, 'p90', 'cost.lcoc_…']. */
export const STATISTIC_NAME = /^([a-z][a-z0-9]*)\((.+)\)$/;

const senseWord = (s: 'minimize' | 'maximize'): string => (s === 'maximize' ? 'max' : 'min');

/** `cost.lcoc (min) [USD/PFLOP-day]`. */
export function objectiveTitle(name: string, unit: string, sense: 'minimize' | 'maximize'): string {
  const t = axisLabel(name, unit);
  const cut = t.lastIndexOf(' [');
  return `${t.slice(0, cut)} (${senseWord(sense)})${t.slice(cut)}`;
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
  axis: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal', labelLimit: 180, titleLimit: 400, gridColor: '#e6e6e6' },
  legend: { labelFontSize: 12, titleFontSize: 12, symbolSize: 80, labelLimit: 320 },
  view: { stroke: '#bbb' },
  title: { fontSize: 14, anchor: 'start' },
} as const;

/**
 * vega and vega-lite, loaded on the first plot: together they take ~0.45 s of CPU to load, which a command that
 * draws nothing (odc evaluate, odc run before its report, odc worker) should not pay.
 */
let renderer: Promise<{ vega: typeof import('vega'); compile: typeof import('vega-lite').compile; quiet: ReturnType<typeof import('vega').logger> }> | undefined;
const loadRenderer = (): NonNullable<typeof renderer> => (renderer ??= Promise.all([import('vega'), import('vega-lite')]).then(([vega, vl]) => ({
  vega, compile: vl.compile,
  // vega-lite's warnings are about our own specs (tests render them all): keep the output clean.
  quiet: vega.logger(vega.None),
})));

/** Renders a vega-lite spec to a standalone SVG string, made safe to inline several times in one page. */
export async function renderSvg(spec: Record<string, unknown>, idPrefix: string): Promise<string> {
  const { vega, compile, quiet: QUIET } = await loadRenderer();
  const vl = compile({ ...spec, config: { ...BASE_CONFIG, ...((spec.config as object | undefined) ?? {}) } } as TopLevelSpec, { logger: QUIET }).spec;
  const view = new vega.View(vega.parse(vl), { renderer: 'none', logLevel: vega.Error });
  try {
    const svg = await view.toSVG();
    return tidySvg(svg, idPrefix);
  } finally {
    view.finalize();
  }
}

/** Prefixes element ids (clip paths) so inlined SVGs do not collide; rounds coordinates to 0.1 px. */
export function tidySvg(svg: string, prefix: string): string {
  return svg
    .replace(/\sid="([^"]+)"/g, ` id="${prefix}-$1"`)
    .replace(/url\(#([^)]+)\)/g, `url(#${prefix}-$1)`)
    .replace(/translate\((-?[\d.]+(?:e-?\d+)?),(-?[\d.]+(?:e-?\d+)?)\)/g, (_, x: string, y: string) => `translate(${+(+x).toFixed(1)},${+(+y).toFixed(1)})`);
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

/** Points are {cat, o0..o(m-1), label?}; drawn in the order of `categories` (later on top). */
export function objectiveMatrixSpec(
  points: readonly Record<string, unknown>[], axes: readonly AxisDef[], categories: readonly CategoryStyle[], legendTitle: string, labelled = false,
): Record<string, unknown> {
  const m = axes.length;
  const cols = Math.max(1, m - 1);
  const width = m === 2 ? 620 : Math.max(220, Math.min(440, Math.floor(1040 / cols) - 90));
  const height = m === 2 ? 400 : Math.round(width * 0.8);
  const cell = (xi: number, yi: number): Record<string, unknown> => {
    const x = { field: `o${xi}`, type: 'quantitative', title: axes[xi]!.title, scale: { domain: axes[xi]!.domain, zero: false, nice: false } };
    const y = { field: `o${yi}`, type: 'quantitative', title: axes[yi]!.title, scale: { domain: axes[yi]!.domain, zero: false, nice: false } };
    const layers: Record<string, unknown>[] = categories.map((c) => ({
      transform: [{ filter: { field: 'cat', equal: c.name } }],
      mark: { type: 'point', filled: true, clip: true, size: c.size, opacity: c.opacity, strokeWidth: 0.5 },
      encoding: {
        x, y,
        color: { field: 'cat', type: 'nominal', title: legendTitle, scale: { domain: categories.map((k) => k.name), range: categories.map((k) => k.color) } },
        shape: { field: 'cat', type: 'nominal', title: legendTitle, scale: { domain: categories.map((k) => k.name), range: categories.map((k) => k.shape) } },
      },
    }));
    if (labelled) {
      // labels in the right quarter of the x axis are right-aligned so they stay inside the plot
      const [lo, hi] = axes[xi]!.domain;
      const cut = lo + 0.75 * (hi - lo);
      for (const right of [false, true]) {
        layers.push({
          transform: [{ filter: `datum.label != null && ${right ? '' : '!'}(datum.o${xi} > ${cut})` }],
          mark: { type: 'text', align: right ? 'right' : 'left', dx: right ? -8 : 8, dy: -8, fontSize: 11, fontWeight: 'bold', clip: true },
          encoding: { x, y, text: { field: 'label' } },
        });
      }
    }
    return { width, height, layer: layers };
  };
  const rows: Record<string, unknown>[] = [];
  for (let yi = 1; yi < m; yi++) rows.push({ hconcat: Array.from({ length: yi }, (_, xi) => cell(xi, yi)) });
  return {
    data: { values: points },
    ...(rows.length === 1 ? (rows[0] as object) : { vconcat: rows }),
    spacing: 24,
    config: { legend: { orient: 'right' }, concat: { spacing: 24 } },
  };
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
  return [...stat, ...(dot > 0 ? [name.slice(0, dot), name.slice(dot + 1)] : [name]), ...(sense ? [`(${sense[1]})`] : []), ...unit];
}

/** Parallel coordinates; `lines` are {id, grp, a (axis position), v (normalized 0..1)}. */
export function parallelSpec(
  lines: readonly Record<string, unknown>[], axes: readonly ParallelAxis[],
  groups: readonly { name: string; color: string; width: number; opacity: number }[],
): Record<string, unknown> {
  const n = axes.length;
  const width = Math.min(1120, Math.max(500, n * 95));
  const many = n > 12;
  const tickRows = axes.flatMap((a, i) => a.ticks.map((t) => ({ a: i, v: t.y, text: t.text })));
  const x = {
    field: 'a', type: 'quantitative', scale: { domain: [-0.3, n - 0.45], nice: false, zero: false },
    axis: {
      title: null, values: axes.map((_, i) => i), grid: true, gridColor: '#888', gridWidth: 1, domain: false, ticks: false, orient: 'bottom',
      labelExpr: `${JSON.stringify(axes.map((a) => (many ? a.title : stackedLabel(a.title))))}[datum.value]`, labelOverlap: false, labelBound: false,
      labelAngle: many ? -40 : 0, labelAlign: many ? 'right' : 'center', labelLimit: many ? 200 : 0, labelPadding: 14, labelLineHeight: 13, labelFontSize: many ? 10 : 10.5,
    },
  };
  const y = { field: 'v', type: 'quantitative', scale: { domain: [-0.02, 1.02], nice: false, zero: false }, axis: null };
  return {
    width, height: 340,
    layer: [
      ...groups.map((g) => ({
        data: { values: lines.filter((l) => l.grp === g.name) },
        mark: { type: 'line', strokeWidth: g.width, opacity: g.opacity, color: g.color },
        encoding: { x, y, detail: { field: 'id', type: 'nominal' }, order: { field: 'a', type: 'quantitative' } },
      })),
      {
        data: { values: groups.map((g) => ({ grp: g.name, a: 0, v: 0.5 })) },
        mark: { type: 'point', opacity: 0, size: 0 },
        encoding: { x, y, color: { field: 'grp', type: 'nominal', title: null, scale: { domain: groups.map((g) => g.name), range: groups.map((g) => g.color) }, legend: { orient: 'top', direction: 'horizontal', symbolType: 'stroke', symbolStrokeWidth: 3, symbolOpacity: 1 } } },
      },
      ...(['bottom', 'top'] as const).map((baseline) => ({
        data: { values: tickRows.filter((t) => (baseline === 'bottom') === t.v >= 1) },
        mark: { type: 'text', align: 'left', baseline, dx: 4, dy: baseline === 'bottom' ? -2 : 2, fontSize: many ? 9 : 10, color: '#222' },
        encoding: { x, y, text: { field: 'text' } },
      })),
    ],
  };
}

/** Hypervolume and feasible share per generation, side by side. */
export function convergenceSpec(history: readonly { generation: number; hypervolume: number; feasibleShare: number }[]): Record<string, unknown> {
  const values = history.map((h) => ({ g: h.generation, hv: h.hypervolume, fs: 100 * h.feasibleShare }));
  const chart = (field: string, title: string, color: string, domain?: number[]) => ({
    width: 470, height: 260,
    mark: { type: 'line', ...(values.length <= 60 ? { point: { size: 25, filled: true, color } } : {}), color, strokeWidth: 2 },
    encoding: {
      x: { field: 'g', type: 'quantitative', title: 'generation [-]', axis: { tickMinStep: 1, format: 'd' } },
      y: { field, type: 'quantitative', title, ...(domain ? { scale: { domain } } : {}) },
    },
  });
  return {
    data: { values },
    hconcat: [chart('hv', 'hypervolume, normalized [-]', '#1f77b4'), chart('fs', 'feasible share of generation [%]', '#2ca02c', [0, 100])],
    config: { concat: { spacing: 60 } },
  };
}

/** Delivered-compute waterfall of one design: the PFLOPS left after each factor, in order (bars), with the factor as a label. */
export function waterfallSpec(steps: readonly { name: string; factor: number; valueAfter_PFLOPS: number }[]): Record<string, unknown> {
  const values = steps.map((s, i) => ({ step: `${i + 1}. ${s.name}`, pflops: s.valueAfter_PFLOPS, label: i === 0 ? fmt(s.valueAfter_PFLOPS) : `× ${fmt(s.factor)}` }));
  const x = { field: 'step', type: 'nominal', sort: null, title: null, axis: { labelAngle: -30 } };
  return {
    data: { values },
    width: 520, height: 260,
    layer: [
      { mark: { type: 'bar', color: '#4c78a8' }, encoding: { x, y: { field: 'pflops', type: 'quantitative', title: 'compute after the step [PFLOPS]' } } },
      { mark: { type: 'text', dy: -6, fontSize: 11 }, encoding: { x, y: { field: 'pflops', type: 'quantitative' }, text: { field: 'label' } } },
    ],
  };
}

/** Formats a tick value for the parallel axes. */
export const tickText = (v: number): string => fmt(v);
