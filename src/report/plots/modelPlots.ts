/**
 * The run report's plots computed from a loaded run: the objective-space scatter matrix, the knee design's compute
 * waterfall and convergence, each an SVG string with its caption (parallel coordinates: parallelPlot.ts).
 */
import { maxOf } from '../../base/arrays.js';
import { unitOf } from '../../node/record/metrics.js';
import { fmt } from '../../base/numberFormat.js';
import type { Pick } from '../../run/decision/decision.js';
import type { LoadedRun } from '../../run/loadRun.js';
import { objectiveTitle, paddedDomain, samplePositions, type AxisDef, type CategoryStyle } from './plots.js';
import { CATEGORY10, chart, concat, drawn, type Drawn } from '../../chart/chart.js';
import { matrixPanelSize, objectiveMatrix } from './scatterMatrix.js';
import type { AnswerReference as ReferenceDesign } from '../../run/answer/schema.js';

/** Plot sizes: evaluations and Pareto designs beyond these are sampled evenly (deterministic). */
export const MAX_EVALUATION_POINTS = 3000;
export const MAX_FRONT_POINTS = 1500;

export const varUnit = (v: { kind: string; name: string; unit?: string }): string =>
  v.kind === 'choice' ? unitOf(v.name) : (v.unit ?? unitOf(v.name));

type PlotPoint = Record<string, unknown>;

/** One scatter-matrix point: its category, objective values o0..o(m-1) and an optional label. */
function objectiveRow(m: number, cat: string, vals: ArrayLike<number>, label?: string): PlotPoint {
  const r: PlotPoint = { cat };
  for (let j = 0; j < m; j++) r[`o${j}`] = vals[j];
  if (label !== undefined) r.label = label;
  return r;
}

/** The evaluations, Pareto designs and reference designs drawn, sampled evenly to the panel's point density. */
function objectivePoints(run: LoadedRun, refs: readonly ReferenceDesign[]) {
  const { pareto } = run;
  const m = pareto.objectives.length;
  const ok = run.evaluations ?? [];
  // A scatter matrix's panels are smaller than the 2-objective plot: each draws as many points per unit of area as that
  // plot at most (5 objectives: 10 panels of 220 x 176 px, 468 evaluations and 234 Pareto designs in each, where the
  // full caps drew 45,000 symbols, most of them over one another).
  const area = (k: number): number => matrixPanelSize(k).width * matrixPanelSize(k).height;
  const density = Math.min(1, area(m) / area(2));
  const evalPos = samplePositions(ok.length, Math.round(MAX_EVALUATION_POINTS * density));
  const frontPos = samplePositions(pareto.designs.length, Math.round(MAX_FRONT_POINTS * density));
  const points: PlotPoint[] = [];
  for (const p of evalPos) {
    const e = ok[p]!;
    points.push(objectiveRow(m, e.status === 'feasible' ? 'feasible design' : 'infeasible design', e.objectives));
  }
  for (const p of frontPos) {
    const d = pareto.designs[p]!;
    points.push(
      objectiveRow(
        m,
        'Pareto front',
        pareto.objectives.map((o) => d.objectives[o.name]!),
      ),
    );
  }
  for (const r of refs)
    points.push(
      objectiveRow(
        m,
        'reference design',
        pareto.objectives.map((o) => r.objectives[o.name]!),
        r.label,
      ),
    );
  return { points, evalPos, frontPos, density };
}

/** Axes spanning the feasible designs (all designs when none is feasible), and the reference designs close to them. */
function objectiveAxes(
  pareto: LoadedRun['pareto'],
  points: readonly PlotPoint[],
  refs: readonly ReferenceDesign[],
  anyFeasible: boolean,
): AxisDef[] {
  // reference designs widen the axes only when, in every objective, they stay within 3× the designs' span
  const core = points.filter((p) =>
    anyFeasible ? p.cat === 'feasible design' || p.cat === 'Pareto front' : p.cat !== 'reference design',
  );
  const base = pareto.objectives.map((_, j) => paddedDomain(core.map((p) => p[`o${j}`] as number)));
  const near = refs.filter((r) =>
    pareto.objectives.every((o, j) => {
      const [lo, hi] = base[j]!,
        v = r.objectives[o.name]!;
      return Number.isFinite(v) && Math.max(hi, v) - Math.min(lo, v) <= 3 * (hi - lo);
    }),
  );
  return pareto.objectives.map((o, j) => ({
    title: objectiveTitle(o.name, o.unit, o.sense),
    domain: near.length
      ? paddedDomain([...core.map((p) => p[`o${j}`] as number), ...near.map((r) => r.objectives[o.name]!)])
      : base[j]!,
  }));
}

export function objectivePlot(
  run: LoadedRun,
  refs: readonly ReferenceDesign[],
  notes: string[],
): { caption: string; svg: string } {
  const { pareto } = run;
  const m = pareto.objectives.length;
  const { points, evalPos, frontPos, density } = objectivePoints(run, refs);
  const anyFeasible = points.some((p) => p.cat === 'feasible design' || p.cat === 'Pareto front');
  const axes = objectiveAxes(pareto, points, refs, anyFeasible);
  const isOutside = (p: PlotPoint): boolean =>
    axes.some((a, j) => {
      const v = p[`o${j}`] as number;
      return v < a.domain[0] || v > a.domain[1];
    });
  const outside = points.filter((p) => p.cat === 'infeasible design' && isOutside(p)).length;
  const refsOutside = refs.filter((r) =>
    isOutside(
      objectiveRow(
        m,
        'reference design',
        pareto.objectives.map((o) => r.objectives[o.name]!),
      ),
    ),
  );
  const categories: CategoryStyle[] = [
    { name: 'infeasible design', color: '#b9b9b9', shape: 'cross', size: 18, opacity: 0.55 },
    { name: 'feasible design', color: '#6baed6', shape: 'circle', size: 16, opacity: 0.6 },
    { name: 'Pareto front', color: '#d62728', shape: 'circle', size: 36, opacity: 0.9 },
    ...(refs.length ? [{ name: 'reference design', color: '#111111', shape: 'diamond', size: 90, opacity: 1 }] : []),
  ];
  const { svg } = objectiveMatrix(points, axes, categories, 'evaluations', refs.length > 0, 'objective-space');
  const caption = objectiveCaption(run, refs, { evalPos, frontPos, density, anyFeasible, outside, refsOutside });
  if ((run.evaluations ?? []).length === 0)
    notes.push(
      'the evaluation log is missing or has no evaluated design: the objective-space plot shows the Pareto front only',
    );
  return { caption, svg };
}

/** The objective-space caption: what is drawn, what was sampled and what falls outside the axes. */
function objectiveCaption(
  run: LoadedRun,
  refs: readonly ReferenceDesign[],
  drawn: {
    evalPos: readonly number[];
    frontPos: readonly number[];
    density: number;
    anyFeasible: boolean;
    outside: number;
    refsOutside: readonly ReferenceDesign[];
  },
): string {
  const { pareto } = run;
  const m = pareto.objectives.length;
  const { evalPos, frontPos, density, anyFeasible, outside, refsOutside } = drawn;
  const parts = [
    m === 2 ? 'Objective space.' : `Objective space: scatter matrix of every pair of the ${m} objectives.`,
    `Red: the ${pareto.designs.length} Pareto designs${frontPos.length < pareto.designs.length ? ` (${frontPos.length} drawn, evenly sampled)` : ''}; blue: feasible and grey crosses: infeasible evaluations` +
      `${evalPos.length < run.evaluatedCount ? ` (${evalPos.length} of ${run.evaluatedCount} drawn, evenly sampled in evaluation order)` : ''}.`,
    density < 1 && (frontPos.length < pareto.designs.length || evalPos.length < run.evaluatedCount)
      ? `The panels are smaller than a 2-objective plot, so each draws fewer points (at most ${fmt(100 * density)} % of ${MAX_EVALUATION_POINTS} evaluations and ${MAX_FRONT_POINTS} Pareto designs).`
      : '',
    refs.length
      ? `Black diamonds: reference designs (${refs.map((r) => r.label).join(', ')}) evaluated with the same models.`
      : '',
    anyFeasible && outside > 0
      ? `The axes span the feasible designs; ${outside} infeasible point(s) outside them are clipped.`
      : '',
    refsOutside.length
      ? `Outside the axes (not drawn): ${refsOutside.map((r) => `${r.label} (${pareto.objectives.map((o) => `${fmt(r.objectives[o.name]!)} ${o.unit}`).join(', ')})`).join('; ')}.`
      : '',
    (run.meta.result?.failures ?? 0) > 0
      ? `${run.meta.result!.failures} failed evaluation(s) have no objective values and are not drawn.`
      : '',
    pareto.robust !== undefined
      ? 'Objectives that name a statistic are drawn at that statistic over the common uncertainty samples (see "Robust front and nominal values").'
      : '',
    'Maximized objectives are shown in their own sense (larger is better).',
  ];
  return parts.filter(Boolean).join(' ');
}

/**
 * Delivered-compute waterfall of one design: the PFLOPS left after each factor, in order (bars), the factor above each
 * bar, the step names rotated below.
 */
export function waterfallChart(steps: readonly { name: string; factor: number; valueAfter_PFLOPS: number }[]): Drawn {
  const names = steps.map((s, i) => `${i + 1}. ${s.name}`);
  const shown = steps.flatMap((s, i) => (Number.isFinite(s.valueAfter_PFLOPS) ? [{ s, i }] : []));
  return drawn({
    width: 520,
    height: 260,
    x: { kind: 'band', title: null, categories: names, labelAngle: -30 },
    y: {
      title: 'compute after the step [PFLOPS]',
      domain: [0, maxOf([0, ...shown.map(({ s }) => s.valueAfter_PFLOPS)]) || 1],
      nice: true,
    },
    marks: [
      {
        type: 'bars',
        bars: shown.map(({ s, i }) => ({ x: names[i]!, y: [0, s.valueAfter_PFLOPS], color: '#4c78a8' })),
      },
      {
        type: 'text',
        size: 11,
        color: '#000',
        labels: shown.map(({ s, i }) => ({
          x: names[i]!,
          y: s.valueAfter_PFLOPS,
          dy: -6,
          anchor: 'middle' as const,
          text: i === 0 ? fmt(s.valueAfter_PFLOPS) : `× ${fmt(s.factor)}`,
        })),
      },
    ],
  });
}

type WaterfallStep = { name: string; factor: number; valueAfter_PFLOPS: number };

/** The knee design's delivered-compute waterfall steps (node studies whose records carry one; else none). */
export function waterfallSteps(knee: Pick | undefined): readonly WaterfallStep[] {
  return (
    (knee?.design.record as { compute?: { waterfall?: WaterfallStep[] } } | null | undefined)?.compute?.waterfall ?? []
  );
}

/** The knee design's delivered-compute waterfall, from its steps (at least one). */
export function waterfallPlot(steps: readonly WaterfallStep[]): { caption: string; svg: string } {
  const { svg } = waterfallChart(steps);
  const last = steps[steps.length - 1]!;
  return {
    caption:
      `From peak (${fmt(steps[0]!.valueAfter_PFLOPS)} PFLOPS) to delivered (${fmt(last.valueAfter_PFLOPS)} PFLOPS, ${fmt((100 * last.valueAfter_PFLOPS) / steps[0]!.valueAfter_PFLOPS)} %): ` +
      'utilization, sustained fraction of peak (MFU), eclipse throttling, throttling when the installed array or radiator falls short, chip availability and the downlink limit (src/models/compute/computeWaterfall.ts).',
    svg,
  };
}

/** Hypervolume and feasible share per generation, side by side. */
export function convergenceChart(
  history: readonly { generation: number; hypervolume: number; feasibleShare: number }[],
): Drawn {
  const panel = (title: string, color: string, y: (h: (typeof history)[number]) => number, top: number | null) => {
    const points = history.map((h) => ({ x: h.generation, y: y(h) })).filter((p) => Number.isFinite(p.y));
    return chart({
      width: 470,
      height: 260,
      x: {
        title: 'generation [-]',
        domain: [0, maxOf([1, ...history.map((h) => h.generation)])],
        nice: true,
        integer: true,
      },
      y: { title, domain: [0, top ?? maxOf([0, ...points.map((p) => p.y)])], nice: top === null },
      marks: [
        { type: 'line', points, color },
        ...(history.length <= 60 ? [{ type: 'dots' as const, points, color, area: 25 }] : []),
      ],
    });
  };
  return concat(
    [
      [
        panel('hypervolume, normalized [-]', CATEGORY10[0]!, (h) => h.hypervolume, null),
        panel('feasible share of generation [%]', CATEGORY10[2]!, (h) => 100 * h.feasibleShare, 100),
      ],
    ],
    { gap: 40 },
  );
}

/** The convergence plot of a run with a per-generation history. */
export function convergencePlot(run: LoadedRun): { caption: string; svg: string } {
  const h = run.meta.history ?? [];
  const { svg } = convergenceChart(h);
  return {
    caption:
      `Left: hypervolume of the feasible front found so far, normalized by the final front (ideal → 0, nadir → 1, reference point 1.1 in every objective${run.meta.study.kind === 'benchmark' ? "; benchmarks use their true front's ideal and nadir, the raw objectives when that front spans [0, 1]" : ''}). Right: share of each generation's evaluations that were feasible.` +
      `${h.some((r) => r.hypervolumeStandardError !== undefined) ? ` With 4+ objectives the values before the last are Monte Carlo estimates (10,000 samples, standard error at most ${fmt(maxOf(h.map((r) => r.hypervolumeStandardError ?? 0)))}); the last is exact.` : ''}` +
      `${h.some((r) => r.igdPlus !== undefined) ? ' IGD+ (benchmarks) before the last row may use 100 evenly spaced points of the analytic front when the front is large; the last uses all of it.' : ''}` +
      `${(run.meta.historyStride ?? 1) > 1 ? ` The run had ${run.meta.result?.generations ?? '?'} generations: each point is the last of a block of ${run.meta.historyStride} generations (${h.length} points), its feasible share taken over the block; the hypervolume${h.some((r) => r.igdPlus !== undefined) ? ' and IGD+ were' : ' was'} computed at those generations only.` : ''}`,
    svg,
  };
}
