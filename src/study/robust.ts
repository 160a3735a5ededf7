/**
 * Robust optimization of node studies: objectives and constraints that name a statistic of a metric over the
 * design's uncertain inputs (`minimize: p90(cost.lcoc_USD_per_PFLOP_day)`, `p95(mass.launch_kg) <= 8000`,
 * `prob(radiation.missionDose_rad <= radiation.tolerance_rad) >= 0.95`; grammar in ./expression.ts).
 * Method: N + 1 model evaluations per design, the nominal design then N samples drawn from one unit sample matrix
 * fixed when the study is compiled (common random numbers, ./commonSamples.ts). Statistics: mean; sd (divisor
 * n − 1); min; max; pQ (Hyndman & Fan type 7, as odc uncertainty); prob(c), the share of all N samples in which c
 * holds (< and > strict). Outside a statistic a metric is the nominal design's value, and the physical closures and
 * the constraints without statistics hold on the nominal design. Each sample is the node as built, its design margins
 * spent (src/node/record/marginPolicy.ts): a margin covers what the samples vary, so it is not counted twice.
 * Failed samples count as "does not hold" in prob(...); more than ⌊maxFailedShare · N⌋ of them (default 10 %)
 * make the design a failed evaluation. A design with no uncertain input is degenerate, not an error; a study whose
 * statistics can never see an uncertain input is refused at load.
 * Failed samples and degenerate designs in full: docs/runs.md §"Robust optimization".
 */
import { maxOf, minOf } from '../base/arrays.js';
import type { SamplingMethod } from '../statistics/sampling.js';
import type { RobustDetail } from './robustDetail.js';
import { sortedQuantile } from '../statistics/statistics.js';
import type { Catalogs } from '../catalog/schema.js';
import { StudyError } from '../base/errors.js';
import type { DesignRecord } from '../node/record/record.js';
import type { Evaluation, ObjectiveSpec } from '../optimize/types.js';
import { checkRowUncertainty, supportProblem } from './uncertainInputs.js';
import { parseUncertainValue } from '../statistics/uncertainValue.js';
import { resolveInput } from './uncertainTargets.js';
import {
  compare,
  evaluateExpr,
  type Expr,
  type ParsedConstraint,
  type ParsedObjective,
  type Statistic,
} from './expression.js';
import { locate, type SourceMap } from '../base/issues.js';
import type { NodeDesign } from '../node/design/schema.js';
import { spendMargins } from '../node/record/marginPolicy.js';
import type { RobustSettings } from './studySchema.js';
import { withReading, type LeanEvaluatorFactory, type Reading } from './reading.js';
import {
  commonSampler,
  inputColumns,
  reasonOf,
  type CommonSampler,
  type RobustSample,
  type SamplePlan,
} from './commonSamples.js';

export interface ResolvedRobustSettings {
  readonly samples: number;
  readonly method: SamplingMethod;
  /** The seed the unit sample matrix is drawn from (before the salt). */
  readonly seed: number;
  readonly maxFailedShare: number;
}

/** What the report shows beside a robust design's objectives. */
export interface RobustStudy {
  readonly settings: ResolvedRobustSettings;
  /** Input paths in column order of the unit sample matrix. */
  readonly columns: readonly string[];
  evaluate(x: Float64Array): Evaluation;
  /** The N samples of a design (tests, reports); throws when the nominal design cannot be evaluated. */
  samples(x: Float64Array): RobustSample[];
  detail(x: Float64Array): RobustDetail | null;
}

export interface RobustParams {
  readonly settings: RobustSettings | undefined;
  readonly algorithmSeed: number;
  /** The study's base design (its `uncertainty:` section is the study's). */
  readonly base: NodeDesign;
  readonly rows: Catalogs;
  readonly src: SourceMap;
  readonly variableNames: readonly string[];
  readonly objectives: readonly ObjectiveSpec[];
  readonly parsedObjectives: readonly ParsedObjective[];
  readonly physicalConstraints: readonly string[];
  readonly constraints: readonly ParsedConstraint[];
  readonly constraintCount: number;
  readonly designFor: (x: Float64Array) => NodeDesign;
  readonly evaluate: (design: NodeDesign) => DesignRecord;
  /**
   * The lean evaluation (./reading.ts): when given, the nominal design and every sample evaluate only the metrics and
   * physical constraints the study names, with the same numbers as the complete record; else each builds the record.
   */
  readonly lean?: LeanEvaluatorFactory | undefined;
  readonly scaledViolation: (value: number, sense: '<=' | '>=', limit: number) => number;
}

type StatNode = Expr & { op: 'stat' };
type ProbNode = Expr & { op: 'prob' };

function collectNodes(e: Expr, stats: StatNode[], probs: ProbNode[]): void {
  switch (e.op) {
    case 'stat':
      stats.push(e);
      return;
    case 'prob':
      probs.push(e);
      return;
    case 'neg':
      collectNodes(e.arg, stats, probs);
      return;
    case '+':
    case '-':
    case '*':
    case '/':
      collectNodes(e.left, stats, probs);
      collectNodes(e.right, stats, probs);
      return;
    default:
  }
}

/** A share as a percentage without trailing zeros (0.1 → "10", 0.125 → "12.5"). */
const fmtShare = (share: number): string => String(Math.round(share * 1000) / 10);

/** Statistic of the values of the samples that did not fail (n ≥ 2, finite). */
export function statisticOf(stat: Statistic, values: readonly number[]): number {
  const n = values.length;
  switch (stat.kind) {
    case 'mean':
      return values.reduce((s, v) => s + v, 0) / n;
    case 'sd': {
      const m = values.reduce((s, v) => s + v, 0) / n;
      return Math.sqrt(values.reduce((s, v) => s + (v - m) * (v - m), 0) / (n - 1));
    }
    case 'min':
      return minOf(values);
    case 'max':
      return maxOf(values);
    case 'percentile':
      return sortedQuantile(
        [...values].sort((a, b) => a - b),
        stat.percent / 100,
      );
  }
}

/**
 * Checks the study's `uncertainty:` entries whatever rows a design uses (a field that exists, a support inside
 * its range) and every catalog row's distributions; StudyError with file:line otherwise.
 */
function checkUncertaintySection(base: NodeDesign, rows: Catalogs, src: SourceMap): void {
  checkRowUncertainty({ rows, design: base, src });
  for (const [path, value] of Object.entries(base.uncertainty ?? {})) {
    const where = `${locate(src, ['uncertainty', path])}: uncertainty.${path}`;
    const spec = resolveInput({ path, design: base, rows, where, file: src.file });
    const parsed = parseUncertainValue({ value, path: `uncertainty.${path}`, allowFixed: true });
    if (parsed === 'fixed') continue;
    const problem = supportProblem(spec, parsed.distribution);
    if (problem !== undefined)
      throw new StudyError('OUT_OF_RANGE', `${where}: ${problem}`, { file: src.file, field: `uncertainty.${path}` });
  }
}

/**
 * A design's evaluation, with its nominal evaluation (null when it cannot be evaluated) and how many samples failed.
 */
interface Assessment<R> {
  readonly evaluation: Evaluation;
  readonly nominal: R | null;
  readonly failed: number;
  readonly inputs: number;
}

/** The robust settings with their defaults (32 Latin-hypercube samples, the algorithm's seed, 10 % failures). */
function resolveSettings(p: RobustParams): ResolvedRobustSettings {
  return {
    samples: p.settings?.samples ?? 32,
    method: p.settings?.method ?? 'lhs',
    seed: p.settings?.seed ?? p.algorithmSeed,
    maxFailedShare: p.settings?.maxFailedShare ?? 0.1,
  };
}

/** The first objective or constraint that asks for a statistic, for the error when there is nothing uncertain. */
function firstStatistic(p: RobustParams): {
  where: string;
  field: string;
  code: 'BAD_OBJECTIVE' | 'BAD_CONSTRAINT';
  text: string;
} {
  const { src } = p;
  const o = p.parsedObjectives.findIndex((x) => x.statistic !== null);
  if (o >= 0)
    return {
      where: locate(src, ['objectives', o]),
      field: `objectives[${o}]`,
      code: 'BAD_OBJECTIVE',
      text: p.objectives[o]!.name,
    };
  const c = p.constraints.findIndex((x) => x.statistics);
  return {
    where: locate(src, ['constraints', c]),
    field: `constraints[${c}]`,
    code: 'BAD_CONSTRAINT',
    text: p.constraints[c]!.text,
  };
}

/** A statistic needs uncertain inputs, and no decision variable may also be one (its samples would overwrite it). */
function checkColumns(p: RobustParams, columns: readonly string[], section: Record<string, unknown>): void {
  const { src } = p;
  if (columns.length === 0) {
    const s = firstStatistic(p);
    throw new StudyError(
      s.code,
      `${s.where}: ${s.field} "${s.text}" is a statistic over uncertain inputs, but the study has none: neither its uncertainty: section ` +
        'nor any catalog row declares a distribution; add an uncertainty: section (see designs/ai1-uncertainty.yaml) or name the metric without a statistic',
      { file: src.file, field: s.field },
    );
  }
  const known = new Set(columns);
  for (const name of p.variableNames) {
    if (!known.has(name) || section[name] === 'fixed') continue;
    throw new StudyError(
      'BAD_VARIABLE',
      `${locate(src, ['variables', name])}: variables.${name} is also an uncertain input (${section[name] !== undefined ? 'the uncertainty: section' : "a catalog row's uncertainty:"}), ` +
        `so its samples would overwrite the optimizer's value: remove it from one of them, or hold it with uncertainty: { ${name}: fixed }`,
      { file: src.file, field: `variables.${name}` },
    );
  }
}

/** What a compiled robust study reads for every design: its parameters, settings, statistic nodes and getters. */
interface RobustContext<R> {
  readonly p: RobustParams;
  readonly settings: ResolvedRobustSettings;
  readonly sampler: CommonSampler;
  /** How the nominal design and the samples are evaluated and read (./reading.ts). */
  readonly reading: Reading<R>;
  readonly stats: readonly StatNode[];
  readonly probs: readonly ProbNode[];
  readonly objectiveGetters: readonly ((r: R) => number)[];
  readonly statObjectives: readonly ParsedObjective['statistic'][];
  readonly N: number;
  /** Most failed samples a design may have: ⌊maxFailedShare · N⌋ (the guard keeps 0.3 · 10 at 3, not 2.9999…). */
  readonly maxFailed: number;
}

/** Per sample: the argument of each objective statistic and of each constraint statistic (read where ok[i] = 1). */
interface SampleValues {
  readonly objValues: Float64Array[];
  readonly statValues: Float64Array[];
  /** How many samples satisfy each probability's comparison. */
  readonly holds: Int32Array;
  readonly ok: Uint8Array;
  readonly failed: number;
  readonly firstFailure: string;
}

export function compileRobust(p: RobustParams): RobustStudy {
  const { base, rows, src } = p;
  const settings = resolveSettings(p);
  checkUncertaintySection(base, rows, src);
  const section = (base.uncertainty ?? {}) as Record<string, unknown>;
  const columns = inputColumns(base, rows);
  checkColumns(p, columns, section);
  const sampler = commonSampler({
    base,
    rows,
    samples: settings.samples,
    method: settings.method,
    seed: settings.seed,
    evaluate: p.evaluate,
    columns,
  });
  // every metric an objective or a constraint names (inside a statistic or not), and the physical constraints
  const needs = {
    metrics: [...new Set([...p.parsedObjectives.map((o) => o.metric), ...p.constraints.flatMap((c) => c.refs)])],
    physicalConstraints: p.physicalConstraints,
  };
  return withReading(p.lean, p.evaluate, needs, (reading) => robustStudy(p, settings, sampler, reading));
}

/** The compiled robust study over one way of evaluating and reading designs. */
function robustStudy<R>(
  p: RobustParams,
  settings: ResolvedRobustSettings,
  sampler: CommonSampler,
  reading: Reading<R>,
): RobustStudy {
  const stats: StatNode[] = [];
  const probs: ProbNode[] = [];
  for (const c of p.constraints) {
    collectNodes(c.lhs, stats, probs);
    collectNodes(c.rhs, stats, probs);
  }
  const objectiveGetters = p.parsedObjectives.map((o) => reading.getter(o.metric));
  const N = settings.samples;
  const maxFailed = Math.floor(settings.maxFailedShare * N + 1e-9);
  const ctx: RobustContext<R> = {
    p,
    settings,
    sampler,
    reading,
    stats,
    probs,
    objectiveGetters,
    statObjectives: p.parsedObjectives.map((o) => o.statistic),
    N,
    maxFailed,
  };

  const samples = (x: Float64Array): RobustSample[] => sampler.samples(p.designFor(x));

  const detail = (x: Float64Array): RobustDetail | null => {
    const a = assess(ctx, x);
    if (a.nominal === null) return null;
    const nominal = a.nominal;
    const values: Record<string, number> = {};
    p.parsedObjectives.forEach((o, j) => {
      values[p.objectives[j]!.name] = o.statistic?.stat.kind === 'sd' ? 0 : objectiveGetters[j]!(nominal);
    });
    return { nominal: values, samples: N, failedSamples: a.failed, inputs: a.inputs };
  };

  return { settings, columns: sampler.columns, evaluate: (x) => assess(ctx, x).evaluation, samples, detail };
}

/** The evaluation of a design, with its nominal evaluation and how many samples failed. */
function assess<R>(ctx: RobustContext<R>, x: Float64Array): Assessment<R> {
  const { p } = ctx;
  const d = p.designFor(x);
  let nominal: R;
  try {
    nominal = ctx.reading.nominal(d);
  } catch (e) {
    return { evaluation: { status: 'failed', reason: reasonOf(e) }, nominal: null, failed: 0, inputs: 0 };
  }
  let plan: SamplePlan;
  try {
    plan = ctx.sampler.planFor(d);
  } catch (e) {
    return {
      evaluation: { status: 'failed', reason: `the uncertain inputs of this design: ${reasonOf(e)}` },
      nominal,
      failed: 0,
      inputs: 0,
    };
  }
  const values = sampleValues(ctx, d, nominal, plan);
  const evaluation =
    values.failed > ctx.maxFailed
      ? {
          status: 'failed' as const,
          reason: `more than ${fmtShare(ctx.settings.maxFailedShare)} % of the ${ctx.N} uncertainty samples failed (robust.maxFailedShare); first: ${values.firstFailure}`,
        }
      : statisticsEvaluation(ctx, nominal, values);
  return { evaluation, nominal, failed: values.failed, inputs: plan.inputs.length };
}

/** Evaluates the design's N samples: the statistics' arguments per sample, the probabilities' counts, the failures. */
function sampleValues<R>(ctx: RobustContext<R>, d: NodeDesign, nominal: R, plan: SamplePlan): SampleValues {
  const { p, N, stats, probs, statObjectives, objectiveGetters, reading } = ctx;
  const m = p.objectives.length;
  const objValues = statObjectives.map(() => new Float64Array(N));
  const statValues = stats.map(() => new Float64Array(N));
  const holds = new Int32Array(probs.length);
  const ok = new Uint8Array(N);
  let failed = 0;
  let firstFailure = '';
  // each sample is the node as built: its design margins spent (src/node/record/marginPolicy.ts)
  const built = spendMargins(d);
  for (let i = 0; i < N; i++) {
    const rec = ctx.sampler.sampleOf(built, nominal, plan, i, reading.sample);
    if (typeof rec === 'string') {
      failed++;
      firstFailure ||= rec;
      continue;
    }
    const lookup = (path: string): number => reading.getter(path)(rec);
    let finite = true;
    for (let j = 0; j < m; j++) {
      if (statObjectives[j] === null) continue;
      const v = objectiveGetters[j]!(rec);
      objValues[j]![i] = v;
      if (!Number.isFinite(v)) {
        finite = false;
        firstFailure ||= `${p.objectives[j]!.name}: the sample's ${p.parsedObjectives[j]!.metric} is ${v}`;
      }
    }
    stats.forEach((s, k) => {
      const v = evaluateExpr(s.arg, lookup);
      statValues[k]![i] = v;
      if (!Number.isFinite(v)) {
        finite = false;
        firstFailure ||= `${s.name}(...): its argument is ${v} in a sample`;
      }
    });
    if (!finite) {
      failed++;
      continue;
    }
    ok[i] = 1;
    probs.forEach((q, k) => {
      if (compare(evaluateExpr(q.lhs, lookup), q.cmp, evaluateExpr(q.rhs, lookup))) holds[k]! += 1;
    });
  }
  return { objValues, statValues, holds, ok, failed, firstFailure };
}

/** The objectives (statistics over the kept samples, or nominal) and the constraints of a design with few failures. */
function statisticsEvaluation<R>(ctx: RobustContext<R>, nominal: R, sv: SampleValues): Evaluation {
  const { p, N, stats, probs, statObjectives, objectiveGetters, reading } = ctx;
  const m = p.objectives.length;
  const kept = (a: Float64Array): number[] => Array.from(a).filter((_, i) => sv.ok[i] === 1);
  const f = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    const s = statObjectives[j] ?? null;
    const v = s === null ? objectiveGetters[j]!(nominal) : statisticOf(s.stat, kept(sv.objValues[j]!));
    if (!Number.isFinite(v))
      return { status: 'failed', reason: `objective ${p.objectives[j]!.name} is ${v} for this design` };
    f[j] = p.objectives[j]!.sense === 'maximize' ? -v : v;
  }
  const statOf = new Map<Expr, number>();
  stats.forEach((s, k) => statOf.set(s, statisticOf(s.stat, kept(sv.statValues[k]!))));
  probs.forEach((q, k) => statOf.set(q, sv.holds[k]! / N));
  const g = new Float64Array(p.constraintCount);
  let k = 0;
  for (let j = 0; j < p.physicalConstraints.length; j++) {
    const v = reading.physical(nominal, j, p.scaledViolation);
    if (typeof v === 'string') return { status: 'failed', reason: v };
    g[k++] = v;
  }
  const lookup = (path: string): number => reading.getter(path)(nominal);
  const statistic = (e: Expr): number => statOf.get(e)!;
  for (const c of p.constraints)
    g[k++] = p.scaledViolation(evaluateExpr(c.lhs, lookup, statistic), c.sense, evaluateExpr(c.rhs, lookup, statistic));
  return { status: 'ok', f, g };
}
