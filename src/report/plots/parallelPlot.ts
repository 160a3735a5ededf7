/**
 * Parallel coordinates of the Pareto set as one chart of chart.ts: a band axis of the variables and objectives (each
 * a vertical rule, its title stacked or rotated below), a hidden 0–1 axis on which each axis's values are normalized,
 * one polyline per design and the knee design on top. Variable axes span the study's bounds, objective axes the
 * front's range, at least MIN_AXIS_SPAN of its magnitude (plots.ts spanDomain).
 */
import { maxOf, minOf } from '../../base/arrays.js';
import { fmt } from '../../base/numberFormat.js';
import { unitOf } from '../../node/record/metrics.js';
import type { Pick } from '../../run/decision/decision.js';
import type { LoadedRun } from '../../run/loadRun.js';
import { drawn, type Drawn, type Mark } from '../../chart/chart.js';
import { axisLabel, MIN_AXIS_SPAN, objectiveTitle, samplePositions, spanDomain, STATISTIC_NAME } from './plots.js';
import { textWidth } from '../../chart/svg.js';
import { varUnit } from './modelPlots.js';

/** Pareto designs beyond this many are sampled evenly (deterministic). */
export const MAX_PARALLEL_LINES = 800;

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

/** A group of polylines: its legend name and stroke. */
export interface LineGroup {
  readonly name: string;
  readonly color: string;
  readonly width: number;
  readonly opacity: number;
  /** Each line's values on the axes, normalized 0..1. */
  readonly lines: readonly (readonly number[])[];
}

/**
 * Parallel coordinates: one polyline per line of each group (groups in order, later on top), each axis's tick labels
 * beside it. Axis titles are stacked in rows when every row fits the axis spacing, else rotated.
 */
export function parallelChart(axes: readonly ParallelAxis[], groups: readonly LineGroup[]): Drawn {
  const n = axes.length;
  const width = Math.min(1040, Math.max(480, n * 80));
  const categories = axes.map((_, i) => String(i));
  const stacked = axes.map((a) => stackedLabel(a.title));
  const level = stacked.every((rows) => rows.every((r) => textWidth(r, 11) <= width / n - 6));
  const size = n > 12 ? 9 : 10;
  const rules: Mark = {
    type: 'segments',
    segments: categories.map((c) => ({ x1: c, y1: -0.02, x2: c, y2: 1.02 })),
    color: '#888',
  };
  const ticks: Mark = {
    type: 'text',
    size,
    color: '#222',
    labels: axes.flatMap((a, i) =>
      a.ticks.map((t) => ({ x: String(i), y: t.y, text: t.text, dx: 4, dy: t.y >= 1 ? -4 : 3 + 0.8 * size })),
    ),
  };
  const lines: Mark[] = groups.map((g) => ({
    type: 'lines',
    color: g.color,
    width: g.width,
    opacity: g.opacity,
    series: g.lines.map((l) => l.map((v, i) => ({ x: String(i), y: v }))),
  }));
  return drawn({
    width,
    height: 340,
    x: {
      kind: 'band',
      title: null,
      categories,
      labels: level ? stacked.map((rows) => rows.join('\n')) : axes.map((a) => a.title),
      ...(level ? {} : { labelAngle: -40 }),
    },
    y: { title: null, domain: [-0.02, 1.02], hidden: true },
    marks: [rules, ...lines, ticks],
    legends: [{ title: null, entries: groups.map((g) => ({ name: g.name, color: g.color, symbol: 'line' as const })) }],
  });
}

type ParetoDesign = LoadedRun['pareto']['designs'][number];
type NormAxis = ParallelAxis & { norm: (d: ParetoDesign) => number };

/** Parallel-coordinate axes: each variable over its study bounds, each objective over its range on the front. */
function parallelAxes(pareto: LoadedRun['pareto']): NormAxis[] {
  const axes: NormAxis[] = [];
  for (const v of pareto.variables) {
    if (v.kind === 'choice') {
      const k = v.options.length;
      const y = (i: number): number => (k > 1 ? i / (k - 1) : 0.5);
      axes.push({
        title: axisLabel(v.name, unitOf(v.name)),
        ticks: v.options.map((o, i) => ({ y: y(i), text: String(o) })),
        norm: (d) => y(v.options.indexOf(d.variables[v.name]!)),
      });
    } else {
      const span = v.upper - v.lower || 1;
      axes.push({
        title: axisLabel(v.name, varUnit(v)),
        ticks: [
          { y: 0, text: fmt(v.lower) },
          { y: 1, text: fmt(v.upper) },
        ],
        norm: (d) => ((d.variables[v.name] as number) - v.lower) / span,
      });
    }
  }
  for (const o of pareto.objectives) axes.push(objectiveAxis(pareto, o));
  return axes;
}

/**
 * An objective's axis over its range on the front, at least MIN_AXIS_SPAN of its magnitude (plots.ts spanDomain): a
 * widened axis prints its ends and marks the front's own smallest and largest values.
 */
function objectiveAxis(pareto: LoadedRun['pareto'], o: LoadedRun['pareto']['objectives'][number]): NormAxis {
  const vals = pareto.designs.map((d) => d.objectives[o.name]!);
  const lo = minOf(vals),
    hi = maxOf(vals);
  const title = objectiveTitle(o.name, o.unit, o.sense);
  const axis = spanDomain(lo, hi);
  if (axis.widened) {
    const y = (v: number): number => (v - axis.lo) / (axis.hi - axis.lo);
    return {
      title,
      ticks: [
        { y: 0, text: fmt(axis.lo) },
        ...(hi > lo ? [{ y: y(lo), text: `▸ ${fmt(lo)}` }] : []),
        { y: y(hi), text: `▸ ${fmt(hi)}` },
        { y: 1, text: fmt(axis.hi) },
      ],
      norm: (d) => y(d.objectives[o.name]!),
    };
  }
  return {
    title,
    ticks:
      hi > lo
        ? [
            { y: 0, text: fmt(lo) },
            { y: 1, text: fmt(hi) },
          ]
        : [{ y: 0.5, text: fmt(lo) }],
    norm: (d) => (hi > lo ? (d.objectives[o.name]! - lo) / (hi - lo) : 0.5),
  };
}

/** The caption's sentence on objective axes: their least span, and the objectives drawn on it. */
function spanCaption(pareto: LoadedRun['pareto']): string {
  const w = pareto.objectives
    .filter((o) => {
      const vals = pareto.designs.map((d) => d.objectives[o.name]!);
      return spanDomain(minOf(vals), maxOf(vals)).widened;
    })
    .map((o) => o.name);
  const rule = `An objective axis spans at least ${100 * MIN_AXIS_SPAN} % of its values' magnitude, so a front that varies by 1 % looks flat`;
  if (w.length === 0) return `${rule}.`;
  return `${rule}: ${w.join(', ')} ${w.length === 1 ? 'varies less and is' : 'vary less and are'} drawn on that span (▸ marks the front's smallest and largest values).`;
}

/** Parallel coordinates of a run's Pareto set (at least one design). */
export function parallelPlot(run: LoadedRun, knee: Pick | undefined): { caption: string; svg: string } {
  const { pareto } = run;
  const axes = parallelAxes(pareto);
  const pos = samplePositions(pareto.designs.length, MAX_PARALLEL_LINES);
  const lines = (ps: readonly number[]): number[][] => ps.map((p) => axes.map((a) => a.norm(pareto.designs[p]!)));
  const { svg } = parallelChart(axes, [
    {
      name: 'Pareto design',
      color: '#4c78a8',
      width: 1.2,
      opacity: pareto.designs.length > 200 ? 0.25 : 0.5,
      lines: lines(pos),
    },
    { name: 'knee design', color: '#d62728', width: 3, opacity: 1, lines: knee ? lines([knee.position]) : [] },
  ]);
  return {
    caption:
      `Each line is a Pareto design${pos.length < pareto.designs.length ? ` (${pos.length} of ${pareto.designs.length}, evenly sampled)` : ''}; the knee design is red. ` +
      'Variable axes run from the lower to the upper bound of the study (choices evenly spaced); objective axes from the smallest (bottom) to the largest (top) value on the front, with the values printed at the ends. ' +
      spanCaption(pareto),
    svg,
  };
}
