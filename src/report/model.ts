/**
 * The report model: everything report.html and report.md show, computed once from a loaded run
 * (summary, plots as SVG strings, decision picks with budgets and binding constraints, the Pareto table).
 * The HTML and Markdown writers only format it, so the two reports cannot disagree.
 */
import { unitOf } from '../node/metrics.js';
import type { ConstraintResult } from '../node/record.js';
import { constellationSections } from './constellationBudget.js';
import { budgetSections, type BudgetSection } from './budget.js';
import { fmt } from '../io/numberFormat.js';
import { decisionPicks, KNEE_METHOD, type Pick } from '../run/decision.js';
import type { LoadedRun } from './load.js';
import {
  axisLabel,
  objectiveTitle,
  samplePositions,
  tidySvg,
  tickText,
  type AxisDef,
  type CategoryStyle,
  type ParallelAxis,
} from './plots.js';
import { convergenceSvg, matrixPanelSize, objectiveMatrixSvg, parallelSvg, waterfallSvg } from './svgPlots.js';
import type { ReferenceDesign } from './references.js';
import { robustReport, type RobustReport } from './robust.js';
import type { KeyValue, ReportPlot } from './reportParts.js';
import { robustPicks, type RobustnessReport } from './robustness.js';
import { BINDING_MARGIN } from '../run/binding.js';
import { decisionSummary, type DecisionSummary } from '../run/recommend.js';
import { budgetRegimeText } from '../run/budgetRegime.js';
import { DEFAULT_SURROGATE_BATCH } from '../problem/algorithm.js';
import { decisionView, frontKneeCaption, frontKneeSvg, type DecisionView } from './decisionView.js';

/** Plot sizes: evaluations and Pareto designs beyond these are sampled evenly (deterministic). */
export const MAX_EVALUATION_POINTS = 3000;
export const MAX_FRONT_POINTS = 1500;
export const MAX_PARALLEL_LINES = 800;
/** A constraint is called binding when its relative margin is at most this (2 %): see binding.ts. */
export { BINDING_MARGIN };

export interface PickView {
  readonly pick: Pick;
  /** Label of an earlier pick that is the same design (its details are not repeated). */
  readonly sameAs: string | null;
  readonly objectives: readonly { name: string; value: string; unit: string; sense: string }[];
  readonly variables: readonly { name: string; value: string; unit: string }[];
  readonly budget: readonly BudgetSection[];
  readonly recordConstraints: readonly (ConstraintResult & { binding: boolean })[];
  readonly studyConstraints: readonly { name: string; g: number; binding: boolean }[];
}

export interface ReportModel {
  readonly run: LoadedRun;
  readonly title: string;
  readonly description: string | null;
  readonly summary: readonly KeyValue[];
  readonly variables: readonly { name: string; kind: string; domain: string; unit: string }[];
  readonly objectives: readonly { name: string; sense: string; unit: string }[];
  readonly constraints: readonly { name: string; kind: string; description: string }[];
  readonly packages: readonly KeyValue[];
  readonly plots: readonly ReportPlot[];
  readonly kneeMethod: string;
  readonly picks: readonly PickView[];
  readonly table: { readonly headers: readonly string[]; readonly rows: readonly (readonly string[])[] };
  /**
   * Robust studies: the robust front beside the nominal values of the same designs (plot also in `plots`, id 'robust').
   */
  readonly robust: RobustReport | null;
  /**
   * Margins and P(all constraints hold) of the recommended designs, and the study's select: outcome (./robustness.ts).
   */
  readonly robustness: RobustnessReport | null;
  readonly references: readonly ReferenceDesign[];
  readonly notes: readonly string[];
  /**
   * What the report opens with: the recommended designs, their verdicts and what binds them (plot also in `plots`, id
   * 'front-knee').
   */
  readonly decision: DecisionSummary;
  readonly decisionView: DecisionView;
}

const varUnit = (v: { kind: string; name: string; unit?: string }): string =>
  v.kind === 'choice' ? unitOf(v.name) : (v.unit ?? unitOf(v.name));

function domainOf(values: readonly number[]): [number, number] {
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

function objectivePlot(run: LoadedRun, refs: readonly ReferenceDesign[], notes: string[]): ReportPlot {
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
  const row = (cat: string, vals: ArrayLike<number>, label?: string): Record<string, unknown> => {
    const r: Record<string, unknown> = { cat };
    for (let j = 0; j < m; j++) r[`o${j}`] = vals[j];
    if (label !== undefined) r.label = label;
    return r;
  };
  const points: Record<string, unknown>[] = [];
  for (const p of evalPos) {
    const e = ok[p]!;
    points.push(row(e.status === 'feasible' ? 'feasible design' : 'infeasible design', e.objectives));
  }
  for (const p of frontPos) {
    const d = pareto.designs[p]!;
    points.push(
      row(
        'Pareto front',
        pareto.objectives.map((o) => d.objectives[o.name]!),
      ),
    );
  }
  for (const r of refs)
    points.push(
      row(
        'reference design',
        pareto.objectives.map((o) => r.objectives[o.name]!),
        r.label,
      ),
    );
  const anyFeasible = points.some((p) => p.cat === 'feasible design' || p.cat === 'Pareto front');
  // reference designs widen the axes only when, in every objective, they stay within 3× the designs' span
  const core = points.filter((p) =>
    anyFeasible ? p.cat === 'feasible design' || p.cat === 'Pareto front' : p.cat !== 'reference design',
  );
  const base = pareto.objectives.map((_, j) => domainOf(core.map((p) => p[`o${j}`] as number)));
  const near = refs.filter((r) =>
    pareto.objectives.every((o, j) => {
      const [lo, hi] = base[j]!,
        v = r.objectives[o.name]!;
      return Number.isFinite(v) && Math.max(hi, v) - Math.min(lo, v) <= 3 * (hi - lo);
    }),
  );
  const axes: AxisDef[] = pareto.objectives.map((o, j) => ({
    title: objectiveTitle(o.name, o.unit, o.sense),
    domain: near.length
      ? domainOf([...core.map((p) => p[`o${j}`] as number), ...near.map((r) => r.objectives[o.name]!)])
      : base[j]!,
  }));
  const isOutside = (p: Record<string, unknown>): boolean =>
    axes.some((a, j) => {
      const v = p[`o${j}`] as number;
      return v < a.domain[0] || v > a.domain[1];
    });
  const outside = points.filter((p) => p.cat === 'infeasible design' && isOutside(p)).length;
  const refsOutside = refs.filter((r) =>
    isOutside(
      row(
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
  const svg = objectiveMatrixSvg(points, axes, categories, 'evaluations', refs.length > 0, 'objective-space');
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
  if (ok.length === 0)
    notes.push(
      'evaluations.csv is missing or has no evaluated design: the objective-space plot shows the Pareto front only',
    );
  return {
    id: 'objective-space',
    file: 'objective-space.svg',
    title: 'Objective space',
    caption: parts.filter(Boolean).join(' '),
    svg,
  };
}

function parallelPlot(run: LoadedRun, knee: Pick | undefined): ReportPlot | null {
  const { pareto } = run;
  if (pareto.designs.length === 0) return null;
  type Axis = ParallelAxis & { norm: (d: (typeof pareto.designs)[number]) => number };
  const axes: Axis[] = [];
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
          { y: 0, text: tickText(v.lower) },
          { y: 1, text: tickText(v.upper) },
        ],
        norm: (d) => ((d.variables[v.name] as number) - v.lower) / span,
      });
    }
  }
  for (const o of pareto.objectives) {
    const vals = pareto.designs.map((d) => d.objectives[o.name]!);
    const lo = Math.min(...vals),
      hi = Math.max(...vals);
    axes.push({
      title: objectiveTitle(o.name, o.unit, o.sense),
      ticks:
        hi > lo
          ? [
              { y: 0, text: tickText(lo) },
              { y: 1, text: tickText(hi) },
            ]
          : [{ y: 0.5, text: tickText(lo) }],
      norm: (d) => (hi > lo ? (d.objectives[o.name]! - lo) / (hi - lo) : 0.5),
    });
  }
  const pos = samplePositions(pareto.designs.length, MAX_PARALLEL_LINES);
  const lines: Record<string, unknown>[] = [];
  const push = (p: number, grp: string): void =>
    axes.forEach((a, i) => lines.push({ id: `${grp}-${p}`, grp, a: i, v: a.norm(pareto.designs[p]!) }));
  for (const p of pos) push(p, 'Pareto design');
  if (knee) push(knee.position, 'knee design');
  const svg = tidySvg(
    parallelSvg(lines, axes, [
      { name: 'Pareto design', color: '#4c78a8', width: 1.2, opacity: pareto.designs.length > 200 ? 0.25 : 0.5 },
      { name: 'knee design', color: '#d62728', width: 3, opacity: 1 },
    ]),
    'parallel',
  );
  return {
    id: 'parallel',
    file: 'parallel-coordinates.svg',
    title: 'Parallel coordinates of the Pareto set',
    caption:
      `Each line is a Pareto design${pos.length < pareto.designs.length ? ` (${pos.length} of ${pareto.designs.length}, evenly sampled)` : ''}; the knee design is red. ` +
      'Variable axes run from the lower to the upper bound of the study (choices evenly spaced); objective axes from the smallest (bottom) to the largest (top) value on the front, with the values printed at the ends.',
    svg,
  };
}

/** The knee design's delivered-compute waterfall (node studies whose records carry one). */
function waterfallPlot(knee: Pick | undefined): ReportPlot | null {
  type Step = { name: string; factor: number; valueAfter_PFLOPS: number };
  const steps = (knee?.design.record as { compute?: { waterfall?: Step[] } } | null | undefined)?.compute?.waterfall;
  if (knee === undefined || steps === undefined || steps.length === 0) return null;
  const svg = tidySvg(waterfallSvg(steps), 'waterfall');
  const last = steps[steps.length - 1]!;
  return {
    id: 'waterfall',
    file: 'waterfall.svg',
    title: 'Delivered compute of the knee design',
    caption:
      `From peak (${fmt(steps[0]!.valueAfter_PFLOPS)} PFLOPS) to delivered (${fmt(last.valueAfter_PFLOPS)} PFLOPS, ${fmt((100 * last.valueAfter_PFLOPS) / steps[0]!.valueAfter_PFLOPS)} %): ` +
      'utilization, sustained fraction of peak (MFU), eclipse throttling, throttling when the installed array or radiator falls short, chip availability and the downlink limit (src/models/computeWaterfall.ts).',
    svg,
  };
}

function convergencePlot(run: LoadedRun): ReportPlot | null {
  const h = run.meta.history ?? [];
  if (h.length === 0) return null;
  const svg = tidySvg(convergenceSvg(h), 'convergence');
  return {
    id: 'convergence',
    file: 'convergence.svg',
    title: 'Convergence',
    caption:
      `Left: hypervolume of the feasible front found so far, normalized by the final front (ideal → 0, nadir → 1, reference point 1.1 in every objective${run.meta.study.kind === 'benchmark' ? "; benchmarks use their true front's ideal and nadir, the raw objectives when that front spans [0, 1]" : ''}). Right: share of each generation's evaluations that were feasible.` +
      `${h.some((r) => r.hypervolumeStandardError !== undefined) ? ` With 4+ objectives the values before the last are Monte Carlo estimates (10,000 samples, standard error at most ${fmt(Math.max(...h.map((r) => r.hypervolumeStandardError ?? 0)))}); the last is exact.` : ''}` +
      `${h.some((r) => r.igdPlus !== undefined) ? ' IGD+ (benchmarks) before the last row may use 100 evenly spaced points of the analytic front when the front is large; the last uses all of it.' : ''}` +
      `${(run.meta.historyStride ?? 1) > 1 ? ` The run had ${run.meta.result?.generations ?? '?'} generations: each point is the last of a block of ${run.meta.historyStride} generations (${h.length} points), its feasible share taken over the block; the hypervolume${h.some((r) => r.igdPlus !== undefined) ? ' and IGD+ were' : ' was'} computed at those generations only.` : ''}`,
    svg,
  };
}

function pickView(run: LoadedRun, pick: Pick, earlier: readonly Pick[]): PickView {
  const { pareto } = run;
  const same = earlier.find((p) => p.position === pick.position);
  const d = pick.design;
  const rec = d.record;
  const recordConstraints = rec
    ? [...rec.constraints]
        .sort((a, b) => a.margin - b.margin)
        .map((c) => ({ ...c, binding: c.margin <= BINDING_MARGIN }))
    : [];
  const studyConstraints = Object.entries(d.constraints)
    .map(([name, g]) => ({ name, g, binding: g > -BINDING_MARGIN }))
    .sort((a, b) => b.g - a.g);
  return {
    pick,
    sameAs: same ? same.label : null,
    objectives: pareto.objectives.map((o) => ({
      name: o.name,
      value: fmt(d.objectives[o.name]!),
      unit: o.unit,
      sense: o.sense,
    })),
    variables: pareto.variables.map((v) => ({
      name: v.name,
      value: typeof d.variables[v.name] === 'number' ? fmt(d.variables[v.name] as number) : String(d.variables[v.name]),
      unit: varUnit(v),
    })),
    budget: rec === null ? [] : rec.kind === 'constellation' ? constellationSections(rec) : budgetSections(rec),
    recordConstraints,
    studyConstraints,
  };
}

function describeDomain(v: LoadedRun['pareto']['variables'][number]): string {
  return v.kind === 'choice'
    ? `one of ${v.options.join(', ')}`
    : `${v.kind === 'int' ? 'integer ' : ''}${fmt(v.lower)} … ${fmt(v.upper)}`;
}

/**
 * The reported front's size and its duplicate rule (src/run/results.ts `reportedFront`, ε-box dominance):
 * near-duplicates of another design, to within a fraction of the front's range, are not listed.
 */
function paretoSizeText(pareto: LoadedRun['pareto']): string {
  const d = pareto.duplicates;
  if (d === undefined) return String(pareto.designs.length);
  const collapsed = d.archiveSize - pareto.designs.length;
  return (
    `${pareto.designs.length} (${collapsed} of ${d.archiveSize} archive designs not listed as near-duplicates: objectives are binned in boxes of ` +
    `${fmt(100 * d.relativeTolerance)} % of the front's range, and a design whose box is dominated by another's, or that shares a box with a design ` +
    'of lower evaluation index, is dropped — ε-box dominance, Laumanns et al. 2002)'
  );
}

export async function buildReportModel(
  run: LoadedRun,
  refs: readonly ReferenceDesign[],
  refNotes: readonly string[],
): Promise<ReportModel> {
  const { meta, pareto, study } = run;
  const notes: string[] = [...refNotes];
  const res = meta.result;
  const a = meta.algorithm;
  const n = res?.evaluations ?? 0;
  const summary: KeyValue[] = [
    { label: 'study', value: meta.study.name },
    {
      label: 'kind',
      value:
        meta.study.kind === 'node'
          ? 'node sizing study'
          : meta.study.kind === 'constellation'
            ? 'constellation study'
            : `benchmark (${String(study.problem ?? '')})`,
    },
    { label: 'study file', value: `${meta.study.file} (sha256 ${meta.study.hash.slice(0, 12)}…)` },
    {
      label: 'algorithm',
      value:
        `${a.name}, ${a.name === 'parego' || a.name === 'smsego' ? `batch ${a.batch ?? DEFAULT_SURROGATE_BATCH}` : `population ${a.population}`}${a.generations !== undefined ? `, ${a.generations} generations` : ''}${a.evaluations !== undefined ? `, ${a.evaluations} evaluations max` : ''}${a.partitions !== undefined ? `, ${a.partitions} partitions` : ''}` +
        `${a.archiveLimit !== undefined ? `, Pareto archive bounded at ${a.archiveLimit} designs by crowding distance (designs it dropped are not in the front)` : ', unbounded Pareto archive'}`,
    },
    { label: 'seed', value: String(a.seed) },
    {
      label: 'evaluations',
      value: `${n} in ${res?.generations ?? 0} generations (${res?.stopReason ?? 'unknown stop'})`,
    },
    { label: 'budget regime', value: budgetRegimeText(a.name, n, pareto.objectives.length) },
    {
      label: 'feasible evaluations',
      value: `${res?.feasible ?? 0} (${((100 * (res?.feasible ?? 0)) / Math.max(1, n)).toFixed(1)} %)`,
    },
    { label: 'failed evaluations', value: `${res?.failures ?? 0}` },
    { label: 'Pareto designs', value: paretoSizeText(pareto) },
    {
      label: 'runtime',
      value: meta.timings
        ? `${fmt(meta.timings.wall_s)} s wall, ${fmt(meta.timings.evaluate_s)} s evaluating, ${meta.workers} worker thread(s)`
        : 'n/a',
    },
    { label: 'started / finished', value: `${meta.startedAt} / ${meta.finishedAt ?? 'n/a'}` },
    { label: 'odc version', value: meta.odcVersion },
  ];
  const physical = pareto.designs[0]?.record?.constraints ?? refs[0]?.record.constraints ?? [];
  const studyCons = Array.isArray(study.constraints) ? (study.constraints as unknown[]).map(String) : [];
  // robust studies: physical checks and constraints without a statistic hold on the nominal design
  // (src/study/robust.ts)
  const robustRun = pareto.robust !== undefined;
  const studyMeaning = (c: string): string => {
    if (!robustRun) return 'g ≤ 0 scaled by |limit|';
    if (/^\s*\(*\s*prob\s*\(/.test(c))
      return 'share of the uncertainty samples in which the comparison holds (a failed sample does not); g ≤ 0 scaled by the probability';
    if (/\b(mean|sd|min|max|p\d+)\s*\(/.test(c))
      return "statistics over the uncertainty samples (a metric outside them: the nominal design's value); g ≤ 0 scaled by |limit|";
    return 'on the nominal design; g ≤ 0 scaled by |limit|';
  };
  const constraints = [
    ...physical
      .filter((c) => c.enforced)
      .map((c) => ({
        name: c.name,
        kind: `physical (always enforced${robustRun ? ', nominal design' : ''})`,
        description: c.description,
      })),
    ...studyCons.map((c) => ({ name: c, kind: 'study', description: studyMeaning(c) })),
  ];
  if (meta.study.kind === 'node' && physical.length === 0)
    notes.push(
      'no evaluated record available: the physical constraints (array area, radiator area, launch closure, fits vehicle) are not listed',
    );
  const { picks, report: robustness } = robustPicks(run, decisionPicks(pareto));
  // the knee the study's select: rule chose (the plain knee without one)
  const decision = decisionSummary(pareto, picks[0]?.position);
  const kneeSvg = frontKneeSvg(run, decision);
  const plots: ReportPlot[] = [
    ...(kneeSvg !== null
      ? [
          {
            id: 'front-knee',
            file: 'front-knee.svg',
            title: 'Pareto front and the recommended designs',
            caption: frontKneeCaption(run),
            svg: kneeSvg,
          },
        ]
      : []),
    objectivePlot(run, refs, notes),
  ];
  const robust = await robustReport(run);
  if (robust) {
    summary.splice(
      summary.findIndex((k) => k.label === 'evaluations'),
      0,
      ...robust.summary,
    );
    plots.push(robust.plot);
  }
  const par = parallelPlot(run, picks[0]);
  if (par) plots.push(par);
  const fall = waterfallPlot(picks[0]);
  if (fall) plots.push(fall);
  const conv = convergencePlot(run);
  if (conv) plots.push(conv);
  else notes.push('run.json has no per-generation history: no convergence plot');

  const extras =
    meta.study.kind === 'node'
      ? ([
          ['compute.itPowerAvg_W', 'kW', 1e-3],
          ['power.arrayArea_m2', 'm²', 1],
          ['thermal.radiatorArea_m2', 'm²', 1],
          ['mass.launch_kg', 'kg', 1],
          ['cost.total_USD', 'M USD', 1e-6],
        ] as const)
      : meta.study.kind === 'constellation'
        ? ([
            ['totals.satellites', '-', 1],
            ['totals.itPowerAvg_W', 'MW', 1e-6],
            ['totals.launchMass_kg', 't', 1e-3],
            ['totals.cost_USD', 'bn USD', 1e-9],
          ] as const)
        : [];
  const shownExtras = extras.filter(([p]) => !pareto.objectives.some((o) => o.name === p));
  const headers = [
    'index [-]',
    ...pareto.objectives.map((o) => objectiveTitle(o.name, o.unit, o.sense)),
    ...pareto.variables.map((v) => axisLabel(v.name, varUnit(v))),
    ...shownExtras.map(([p, u]) => `${axisLabel(p, u)}`),
  ];
  const rows = pareto.designs.map((d) => [
    String(d.index),
    ...pareto.objectives.map((o) => fmt(d.objectives[o.name]!, 4)),
    ...pareto.variables.map((v) => {
      const x = d.variables[v.name];
      return typeof x === 'number' ? fmt(x, 4) : String(x);
    }),
    ...shownExtras.map(([p, , k]) => {
      const [s, key] = p.split('.') as [string, string];
      const val = (d.record as unknown as Record<string, Record<string, unknown>> | null)?.[s]?.[key];
      return typeof val === 'number' ? fmt(val * k, 4) : '';
    }),
  ]);
  const views: PickView[] = picks.map((p, i) => pickView(run, p, picks.slice(0, i)));
  return {
    run,
    title: meta.study.name,
    description: typeof study.description === 'string' ? study.description : null,
    summary,
    variables: pareto.variables.map((v) => ({
      name: v.name,
      kind: v.kind,
      domain: describeDomain(v),
      unit: varUnit(v),
    })),
    objectives: pareto.objectives.map((o) => ({ name: o.name, sense: o.sense, unit: o.unit })),
    constraints,
    packages: Object.entries(meta.packageVersions).map(([label, value]) => ({ label, value })),
    plots,
    kneeMethod: KNEE_METHOD,
    picks: views,
    table: { headers, rows },
    robust,
    robustness,
    references: refs,
    notes,
    decision,
    decisionView: decisionView(run, decision, refs),
  };
}
