/**
 * The report model: everything report.html and report.md show, computed once from a loaded run
 * (summary, plots as SVG strings, decision picks with budgets and binding constraints, the Pareto table).
 * The HTML and Markdown writers only format it, so the two reports cannot disagree.
 */
import { algorithmEntry, DEFAULT_SURROGATE_BATCH } from '../../../solvers/index.js';
import type { ConstraintResult } from '../../node/record/record.js';
import { metricValue } from '../../node/record/metrics.js';
import { constellationSections } from '../budget/constellationBudget.js';
import { budgetSections, type BudgetSection } from '../budget/budget.js';
import { fmt } from '../../base/numberFormat.js';
import { KNEE_METHOD, type Pick } from '../../run/decision/decision.js';
import type { LoadedRun } from '../../run/loadRun.js';
import { axisLabel, objectiveTitle, STATISTIC_NAME } from '../plots/plots.js';
import { varUnit } from '../plots/modelPlots.js';
import { drawPlots, RUN_PLOTS } from '../plots/catalogue.js';
import { robustReport } from '../decision/robust.js';
import type { KeyValue, ReportPlot } from './blocks.js';
import { hypervolumeValueText, normalizationText, runHypervolumeFigure } from '../../run/hypervolumeFigure.js';
import { BINDING_MARGIN, designBinding, quantityName } from '../../run/decision/binding.js';
import { budgetRegimeText, proposalCostText } from '../../run/budgetRegime.js';
import { inheritedText } from '../../run/warmStart.js';
import { decisionView, type DecisionView } from '../decision/decisionView.js';
import type { Answer, AnswerReference, AnswerRobustness } from '../../run/answer/schema.js';
import type { DecisionSummary, DesignBinding, RunTimings } from '../../run/schemas.js';

export { MAX_EVALUATION_POINTS, MAX_FRONT_POINTS } from '../plots/modelPlots.js';
export { MAX_PARALLEL_LINES } from '../plots/parallelPlot.js';
/** A constraint is called binding when its relative margin is at most this (2 %): see binding.ts. */
export { BINDING_MARGIN };

export interface PickView {
  readonly pick: Pick;
  /** Label of an earlier pick that is the same design (its details are not repeated). */
  readonly sameAs: string | null;
  readonly objectives: readonly { name: string; value: string; unit: string; sense: string }[];
  readonly variables: readonly { name: string; value: string; unit: string }[];
  readonly budget: readonly BudgetSection[];
  /** What binds the design and what it was sized to: the one list (src/run/decision/binding.ts) every output shows. */
  readonly binding: DesignBinding;
  /** `label`: the study's name of the quantity (src/run/decision/binding.ts quantityName); `role`: from `binding`. */
  readonly recordConstraints: readonly (ConstraintResult & { binding: boolean; label: string; role: BindingRole })[];
  readonly studyConstraints: readonly { name: string; g: number; binding: boolean; role: BindingRole }[];
}

/** "ok, binding", "ok, sized to", "ok", "ok (not enforced)" or "VIOLATED": a record check's status column. */
export function constraintStatus(c: { satisfied: boolean; enforced: boolean; role: BindingRole }): string {
  if (!c.satisfied) return 'VIOLATED';
  return c.role !== '' ? `ok, ${c.role}` : c.enforced ? 'ok' : 'ok (not enforced)';
}

/** A constraint's place in the design's binding list. */
export type BindingRole = 'binding' | 'sized to' | '';

function roleOf(b: DesignBinding, name: string): BindingRole {
  if (b.constraints.some((c) => c.name === name || (c.also ?? []).includes(name))) return 'binding';
  return (b.sizedTo ?? []).some((c) => c.name === name) ? 'sized to' : '';
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
   * Margins and P(all hold) of the recommended designs, and the study's select: outcome (./robustness.ts).
   */
  readonly robustness: AnswerRobustness | null;
  readonly references: readonly AnswerReference[];
  /** The run's answer record (answer.json), which every figure about the answer is read from. */
  readonly answer: Answer;
  /** A seed's run of a multi-seed run: the multi-seed folder's answer.json, which its report points to. */
  readonly runAnswer?: Answer | null;
  readonly notes: readonly string[];
  /**
   * What the report opens with: the recommended designs, their verdicts and what binds them (plot also in `plots`, id
   * 'front-knee').
   */
  readonly decision: DecisionSummary;
  readonly decisionView: DecisionView;
  /**
   * The knee's cost where the verdict stands (src/run/answer/kneeCost.ts), on the first screen beside the
   * verdict; null without a knee or when its design cannot be rebuilt (a note says so).
   */
  readonly cost: BudgetSection | null;
}

function pickView(run: LoadedRun, pick: Pick, earlier: readonly Pick[]): PickView {
  const { pareto } = run;
  const same = earlier.find((p) => p.position === pick.position);
  const d = pick.design;
  const rec = d.record;
  const binding = designBinding(d, pareto.variables, pareto.kind);
  const names = Object.keys(d.constraints);
  const recordConstraints = rec
    ? [...rec.constraints]
        .sort((a, b) => a.margin - b.margin)
        .map((c) => {
          const label = quantityName(c.name, names);
          const role = roleOf(binding, label);
          return { ...c, label, role, binding: role === 'binding' };
        })
    : [];
  const studyConstraints = Object.entries(d.constraints)
    .map(([name, g]) => {
      const role = roleOf(binding, name);
      return { name, g, role, binding: role === 'binding' };
    })
    .sort((a, b) => b.g - a.g);
  return {
    pick,
    sameAs: same ? same.label : null,
    objectives: pareto.objectives.map((o) => ({
      name: `${o.name}${samplesOf(pareto, o.name)}`,
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
    binding,
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

/** The summary table: study, algorithm, budget, evaluation counts, runtime and versions. */
/** The run's one hypervolume with its normalization (src/run/hypervolumeFigure.ts), as `odc run` printed it. */
function hypervolumeRow(meta: LoadedRun['meta']): KeyValue[] {
  const h = runHypervolumeFigure(meta);
  return h === null ? [] : [{ label: 'hypervolume', value: `${hypervolumeValueText(h)} (${normalizationText(h)})` }];
}

/** The warm start from an earlier run, as run.json records it. */
function warmStartRow(meta: LoadedRun['meta']): KeyValue[] {
  const w = meta.warmStart;
  if (w === undefined) return [];
  return [
    {
      label: 'warm start',
      value:
        w.mode === 'inherited'
          ? `an earlier run of the same problem: its ${w.designs} evaluations inherited (its front: ${w.front} designs)`
          : `an earlier run of another problem: its ${w.front} front designs evaluated again first, in spread order`,
    },
  ];
}

function runSummary(run: LoadedRun): KeyValue[] {
  const { meta, pareto, study } = run;
  const res = meta.result;
  const a = meta.algorithm;
  const n = res?.evaluations ?? 0;
  return [
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
    {
      label: 'study file',
      value: `${meta.study.file}${(meta.study.sets ?? []).map((s) => ` --set ${s}`).join('')} (sha256 ${meta.study.hash.slice(0, 12)}…)`,
    },
    {
      label: 'algorithm',
      value:
        `${a.name}, ${algorithmEntry(a.name)?.surrogate === true ? `batch ${a.batch ?? DEFAULT_SURROGATE_BATCH}` : `population ${a.population}`}${a.generations !== undefined ? `, ${a.generations} generations` : ''}${a.evaluations !== undefined ? `, ${a.evaluations} evaluations max` : ''}${a.partitions !== undefined ? `, ${a.partitions} partitions` : ''}` +
        `${a.archiveLimit !== undefined ? `, Pareto archive bounded at ${a.archiveLimit} designs by crowding distance (designs it dropped are not in the front)` : ', unbounded Pareto archive'}`,
    },
    { label: 'seed', value: String(a.seed) },
    {
      label: 'evaluations',
      value:
        `${n} in ${res?.generations ?? 0} generations (${res?.stopReason ?? 'unknown stop'})` +
        (res?.inherited !== undefined ? `, ${inheritedText(res.inherited)}` : ''),
    },
    ...warmStartRow(meta),
    { label: 'budget regime', value: budgetRegimeText(a.name, n, pareto.objectives.length) },
    ...proposalCostRow(a.name, pareto.objectives.length, meta.timings),
    {
      label: 'feasible evaluations',
      value: `${res?.feasible ?? 0} (${((100 * (res?.feasible ?? 0)) / Math.max(1, n)).toFixed(1)} %)`,
    },
    { label: 'failed evaluations', value: `${res?.failures ?? 0}` },
    { label: 'Pareto designs', value: paretoSizeText(pareto) },
    ...hypervolumeRow(meta),
    {
      label: 'runtime',
      value: meta.timings
        ? `${fmt(meta.timings.wall_s)} s wall, ${fmt(meta.timings.evaluate_s)} s evaluating, ${meta.workers} worker thread(s)`
        : 'n/a',
    },
    { label: 'started / finished', value: `${meta.startedAt} / ${meta.finishedAt ?? 'n/a'}` },
    { label: 'odc version', value: meta.odcVersion },
  ];
}

/** The surrogate's cost per proposal beside an evaluation, when run.json timed both (runs of older odc did not). */
function proposalCostRow(algorithm: string, objectives: number, t: RunTimings | undefined): KeyValue[] {
  if (t?.propose_s === undefined || t.proposed === undefined || t.evaluated === undefined) return [];
  const text = proposalCostText(algorithm, objectives, {
    propose_s: t.propose_s,
    proposed: t.proposed,
    evaluate_s: t.evaluate_s,
    evaluated: t.evaluated,
  });
  return text === undefined ? [] : [{ label: 'proposal cost', value: text.replace(/^cost: /, '') }];
}

/** How a study constraint is evaluated: robust studies read statistics over the uncertainty samples. */
function studyConstraintMeaning(c: string, robustRun: boolean): string {
  if (!robustRun) return 'g ≤ 0 scaled by |limit|';
  if (/^\s*\(*\s*prob\s*\(/.test(c))
    return 'share of the uncertainty samples in which the comparison holds (a failed sample does not); g ≤ 0 scaled by the probability';
  if (/\b(mean|sd|min|max|p\d+)\s*\(/.test(c))
    return "statistics over the uncertainty samples (a metric outside them: the nominal design's value); g ≤ 0 scaled by |limit|";
  return 'on the nominal design; g ≤ 0 scaled by |limit|';
}

/** The constraints table: the enforced physical checks, then the study's constraints. */
function constraintRows(run: LoadedRun, refs: readonly AnswerReference[], notes: string[]): ReportModel['constraints'] {
  const { meta, pareto, study } = run;
  const physical = pareto.designs[0]?.record?.constraints ?? refs[0]?.constraints ?? [];
  const studyCons = Array.isArray(study.constraints) ? (study.constraints as unknown[]).map(String) : [];
  // robust studies: physical checks and constraints without a statistic hold on the nominal design
  // (src/study/robust.ts)
  const robustRun = pareto.robust !== undefined;
  const constraints = [
    ...physical
      .filter((c) => c.enforced)
      .map((c) => ({
        name: c.name,
        kind: `physical (always enforced${robustRun ? ', nominal design' : ''})`,
        description: c.description,
      })),
    ...studyCons.map((c) => ({ name: c, kind: 'study', description: studyConstraintMeaning(c, robustRun) })),
  ];
  if (meta.study.kind === 'node' && physical.length === 0)
    notes.push(
      'no evaluated record available: the physical constraints (array area, radiator area, launch closure, fits vehicle) are not listed',
    );
  return constraints;
}

/** The plots in report order (RUN_PLOTS); a robust study's summary rows go into `summary` before its evaluations. */
async function reportPlots(
  run: LoadedRun,
  refs: readonly AnswerReference[],
  notes: string[],
  knee: Pick | undefined,
  decision: DecisionSummary,
  summary: KeyValue[],
  environment?: Answer['environment'],
): Promise<ReportPlot[]> {
  const robust = await robustReport(run);
  if (robust)
    summary.splice(
      summary.findIndex((k) => k.label === 'evaluations'),
      0,
      ...robust.summary,
    );
  return drawPlots(RUN_PLOTS, { run, refs, notes, knee, decision, robust, environment }, notes);
}

/** Record metrics shown beside the objectives and variables in the Pareto table, with their display unit and scale. */
function tableExtras(kind: string): readonly (readonly [string, string, number])[] {
  return kind === 'node'
    ? ([
        ['compute.itPowerAvg_W', 'kW', 1e-3],
        ['power.arrayArea_m2', 'm²', 1],
        ['thermal.radiatorArea_m2', 'm²', 1],
        ['mass.launch_kg', 'kg', 1],
        ['cost.total_USD', 'M USD', 1e-6],
      ] as const)
    : kind === 'constellation'
      ? ([
          ['totals.satellites', '-', 1],
          ['totals.itPowerAvg_W', 'MW', 1e-6],
          ['totals.launchMass_kg', 't', 1e-3],
          ['totals.cost_USD', 'bn USD', 1e-9],
        ] as const)
      : [];
}

/** ", 16 samples" after a robust statistic's name (pareto.json `robust`), so its sample count stands beside it. */
const samplesOf = (pareto: LoadedRun['pareto'], name: string): string =>
  pareto.robust !== undefined && STATISTIC_NAME.test(name) ? `, ${fmt(pareto.robust.samples)} samples` : '';

/** The Pareto table: index, objectives, variables and the record metrics not already objectives. */
function paretoTable(run: LoadedRun): ReportModel['table'] {
  const { meta, pareto } = run;
  const extras = tableExtras(meta.study.kind);
  const shownExtras = extras.filter(([p]) => !pareto.objectives.some((o) => o.name === p));
  const headers = [
    'index [-]',
    ...pareto.objectives.map((o) => `${objectiveTitle(o.name, o.unit, o.sense)}${samplesOf(pareto, o.name)}`),
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
      const val = metricValue(d.record, p);
      return val === undefined ? '' : fmt(val * k, 4);
    }),
  ]);
  return { headers, rows };
}

/** The Pick objects of the answer's picks, on this run's front. */
function answerPicks(run: LoadedRun, answer: Answer): Pick[] {
  return answer.picks.flatMap((p) => {
    const design = run.pareto.designs[p.position];
    return design === undefined ? [] : [{ label: p.label, selector: p.selector, position: p.position, design }];
  });
}

/** The report model of a run and its answer record (answer.json: nothing about the answer is computed here). */
export async function buildReportModel(run: LoadedRun, answer: Answer): Promise<ReportModel> {
  const { meta, pareto, study } = run;
  const refs = answer.references;
  const notes: string[] = [...answer.notes];
  const summary = runSummary(run);
  const constraints = constraintRows(run, refs, notes);
  const picks = answerPicks(run, answer);
  const robustness = answer.robustness;
  const decision = answer.decision;
  const plots = await reportPlots(run, refs, notes, picks[0], decision, summary, answer.environment);
  const views: PickView[] = picks.map((p, i) => pickView(run, p, picks.slice(0, i)));
  const cost = answer.costBreakdown;
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
    table: paretoTable(run),
    robustness,
    references: refs,
    answer,
    notes,
    decision,
    decisionView: decisionView(run, decision, refs, answer.robust),
    cost,
  };
}
