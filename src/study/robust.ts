/**
 * Robust optimization of node studies: objectives and constraints that name a statistic of a metric over the
 * design's uncertain inputs (`minimize: p90(cost.lcoc_USD_per_PFLOP_day)`, `p95(mass.launch_kg) <= 8000`,
 * `prob(radiation.missionDose_rad <= radiation.tolerance_rad) >= 0.95`; grammar in ./expression.ts).
 *
 * Common random numbers. One unit sample matrix U (N rows × D columns in (0, 1), Latin hypercube or plain Monte
 * Carlo, src/statistics/sampling.ts) is drawn once, when the study is compiled, from the seed `robust.seed` (default
 * `algorithm.seed`, xored with ROBUST_SEED_SALT so the stream differs from the optimizer's). Column j belongs to
 * the j-th input path in sorted order (JavaScript string order) over every path any design of the study could use:
 * every uncertain field of every node catalog row (`catalogs.<catalog>.<row id>.<field>`) and every key of the
 * study's `uncertainty:` section. A design collects its own inputs (src/study/uncertainInputs.ts: the rows it uses,
 * then the study's section; section entries for rows it does not use are skipped) and maps sample i of input
 * `path` through the input's quantile function at U[i][column(path)]. So every design of a run — and every worker,
 * which compiles the study again from the same file — sees the same samples; comparisons between designs are not
 * blurred by sampling noise, and the run is a deterministic function of the seeds.
 *
 * Evaluation of a design (N + 1 model evaluations): the nominal design (as written, no input changed), then the N
 * sampled designs. Outside a statistic, a metric is the nominal design's value; the physical closures and the
 * study's constraints without statistics hold on the nominal design, exactly as in a study without statistics.
 * Statistics over the samples the models can evaluate: mean; sd (sample standard deviation, divisor n − 1); min;
 * max; pQ, the Q-th percentile (Hyndman & Fan type 7, as odc uncertainty). prob(c) is the share of all N samples in
 * which comparison c holds (< and > strict).
 *
 * Failed samples: a sampled value outside its field's range, a sample the models cannot evaluate, or a sample whose
 * statistic argument is not finite. prob(...) counts a failed sample as "does not hold" (conservative, as odc
 * uncertainty). When more than `robust.maxFailedShare` (default 10 %) of the N samples fail (more than
 * ⌊maxFailedShare · N⌋), the design is a failed evaluation (ranked infeasible by the optimizer); otherwise the other
 * statistics use the samples that did not fail (at least half of them, as maxFailedShare ≤ 0.5 and N ≥ 4, so sd is
 * defined). A nominal design the models cannot evaluate is a failed evaluation, as in any study.
 *
 * A design that has no uncertain input (e.g. it uses only catalog rows without `uncertainty:` and the study's
 * section names none of its inputs) is degenerate, not an error: every sample is the nominal design, so mean, min,
 * max and percentiles equal the nominal value, sd is 0 and prob(c) is 0 or 1. A study whose statistics can never
 * see an uncertain input (no section entry and no catalog row with `uncertainty:`) is refused at load.
 */
import { quantile } from '../statistics/distributions.js';
import { unitSample, type SamplingMethod } from '../statistics/sampling.js';
import { sortedQuantile } from '../statistics/statistics.js';
import { NODE_CATALOG_KINDS } from '../catalog/overrides.js';
import { rowResolver } from '../node/record/rows.js';
import type { Catalogs } from '../catalog/schema.js';
import { createRng } from '../base/rng.js';
import { StudyError } from '../base/errors.js';
import { metricGetter } from '../node/record/metrics.js';
import type { DesignRecord } from '../node/record/record.js';
import type { Evaluation, ObjectiveSpec } from '../optimize/types.js';
import { checkRowUncertainty, supportProblem, uncertainInputs, type UncertainInput } from './uncertainInputs.js';
import { parseUncertainValue } from '../statistics/uncertainValue.js';
import { applyInputs, resolveInput } from './uncertainTargets.js';
import {
  compare,
  evaluateExpr,
  type Expr,
  type ParsedConstraint,
  type ParsedObjective,
  type Statistic,
} from './expression.js';
import { locate, type SourceMap } from '../base/issues.js';
import type { NodeDesign, RobustSettings } from '../node/design/schema.js';

/** Xored into the seed of the sample stream, so it is not the optimizer's stream when both use algorithm.seed. */
export const ROBUST_SEED_SALT = 0x6a09e667;

export interface ResolvedRobustSettings {
  readonly samples: number;
  readonly method: SamplingMethod;
  /** The seed the unit sample matrix is drawn from (before the salt). */
  readonly seed: number;
  readonly maxFailedShare: number;
}

/** One sample of one design: the sampled input values by path, and its record or why it failed. */
export interface RobustSample {
  readonly values: Readonly<Record<string, number>>;
  readonly record: DesignRecord | null;
  readonly failure: string | null;
}

/** What the report shows beside a robust design's objectives. */
export interface RobustDetail {
  /**
   * Objective values of the nominal design in the user's sense, by objective name: the metric inside the
   * statistic (sd: 0, the nominal design has no spread).
   */
  readonly nominal: Record<string, number>;
  readonly samples: number;
  readonly failedSamples: number;
  /** Uncertain inputs this design has. */
  readonly inputs: number;
}

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
      return Math.min(...values);
    case 'max':
      return Math.max(...values);
    case 'percentile':
      return sortedQuantile(
        [...values].sort((a, b) => a - b),
        stat.percent / 100,
      );
  }
}

/** Every path any design of the study could sample, sorted: the columns of the unit sample matrix. */
export function inputColumns(base: NodeDesign, rows: Catalogs): string[] {
  const paths = new Set<string>();
  for (const kind of NODE_CATALOG_KINDS) {
    for (const row of rows[kind] as readonly { id: string; uncertainty?: Record<string, unknown> }[]) {
      for (const field of Object.keys(row.uncertainty ?? {})) paths.add(`catalogs.${kind}.${row.id}.${field}`);
    }
  }
  for (const [path, value] of Object.entries(base.uncertainty ?? {})) if (value !== 'fixed') paths.add(path);
  return [...paths].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
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

/** A design's evaluation, with its nominal record (null when it cannot be evaluated) and how many samples failed. */
interface Assessment {
  readonly evaluation: Evaluation;
  readonly nominal: DesignRecord | null;
  readonly failed: number;
  readonly inputs: number;
}

/** A design's inputs and their N sampled values, shared by every design that uses the same rows. */
export interface SamplePlan {
  readonly inputs: readonly UncertainInput[];
  /** N rows of `inputs.length` values. */
  readonly values: readonly (readonly number[])[];
  /** Why sample i has a value outside its field's range, or undefined. */
  readonly invalid: readonly (string | undefined)[];
}

const reasonOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** The common sample set of a node study: each design's uncertain inputs at the N rows of one unit sample matrix. */
export interface CommonSampler {
  /** Input paths in column order of the unit sample matrix. */
  readonly columns: readonly string[];
  /** The design's inputs and their N sampled values (cached per set of catalog rows used). */
  planFor(d: NodeDesign): SamplePlan;
  /** Sample i of design d: its record, or why it failed. */
  sampleRecord(d: NodeDesign, nominal: DesignRecord, plan: SamplePlan, i: number): DesignRecord | string;
  /** The N samples of a design; throws when the nominal design cannot be evaluated. */
  samples(d: NodeDesign): RobustSample[];
}

export interface CommonSamplerParams {
  /** The study's base design (its `uncertainty:` section is the study's). */
  readonly base: NodeDesign;
  readonly rows: Catalogs;
  readonly samples: number;
  readonly method: SamplingMethod;
  /** Seed before ROBUST_SEED_SALT (so a robust study's own samples are reproduced with its seed and count). */
  readonly seed: number;
  readonly evaluate: (design: NodeDesign) => DesignRecord;
  /** The columns (default: every input any design of the study could use, sorted; see the header). */
  readonly columns?: readonly string[];
}

/** The catalog rows a design uses, as [catalog, id] (the ISL terminal only with links). */
function usedCatalogRows(d: NodeDesign, r: ReturnType<ReturnType<typeof rowResolver>>): string[][] {
  return [
    ['chips', r.chip.id],
    ['solarArrays', r.array.id],
    ['batteries', r.battery.id],
    ['radiators', r.radiator.id],
    ['coatings', r.coating.id],
    ['coolants', r.coolant.id],
    ...(d.isl.topology !== 'none' ? [['islTerminals', r.terminal.id]] : []),
    ['launchVehicles', r.vehicle.id],
  ];
}

/** The study's uncertainty: entries that apply to a design using `used`: every non-catalog entry and its rows' ones. */
function sectionForRows(
  section: Record<string, unknown>,
  used: readonly (readonly string[])[],
): Record<string, unknown> {
  const usedSet = new Set(used.map(([k, id]) => `catalogs.${k}.${id}.`));
  const own: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(section)) {
    if (!path.startsWith('catalogs.') || usedSet.has(path.slice(0, path.lastIndexOf('.') + 1))) own[path] = value;
  }
  return own;
}

/** Common random numbers over a study's uncertain inputs (see the header); used by robust studies and by reports. */
export function commonSampler(p: CommonSamplerParams): CommonSampler {
  const { base, rows } = p;
  const section = (base.uncertainty ?? {}) as Record<string, unknown>;
  const columns = p.columns ?? inputColumns(base, rows);
  const column = new Map(columns.map((c, j) => [c, j]));
  const unit = unitSample({
    n: p.samples,
    d: columns.length,
    rng: createRng((p.seed ^ ROBUST_SEED_SALT) >>> 0),
    method: p.method,
  });

  const resolve = rowResolver(rows);
  const plans = new Map<string, SamplePlan>();
  const planFor = (d: NodeDesign): SamplePlan => {
    const r = resolve(d);
    const used = usedCatalogRows(d, r);
    const perKg = d.economics.launchCost_USD_per_kg !== undefined;
    const key = `${used.map(([k, id]) => `${k}:${id}`).join('|')}|${perKg ? 'perKg' : ''}`;
    const hit = plans.get(key);
    if (hit !== undefined) return hit;
    const own = sectionForRows(section, used);
    const plan = samplePlan(uncertainInputs({ design: { ...d, uncertainty: own } as NodeDesign, rows }), column, unit);
    plans.set(key, plan);
    return plan;
  };

  const sampleRecord = (d: NodeDesign, nominal: DesignRecord, plan: SamplePlan, i: number): DesignRecord | string => {
    if (plan.inputs.length === 0) return nominal;
    const bad = plan.invalid[i];
    if (bad !== undefined) return bad;
    try {
      return p.evaluate(applyInputs({ base: d, specs: plan.inputs, values: plan.values[i]!, rows }));
    } catch (e) {
      return `the models cannot evaluate this sample: ${reasonOf(e)}`;
    }
  };
  const samples = (d: NodeDesign): RobustSample[] => {
    const nominal = p.evaluate(d);
    const plan = planFor(d);
    return Array.from({ length: p.samples }, (_, i) => {
      const values: Record<string, number> = {};
      plan.inputs.forEach((inp, k) => {
        values[inp.path] = plan.values[i]![k]!;
      });
      const rec = sampleRecord(d, nominal, plan, i);
      return typeof rec === 'string' ? { values, record: null, failure: rec } : { values, record: rec, failure: null };
    });
  };
  return { columns, planFor, sampleRecord, samples };
}

/** The plan of a design's inputs: their values at the rows of the unit sample matrix, and which rows are invalid. */
function samplePlan(
  inputs: UncertainInput[],
  column: ReadonlyMap<string, number>,
  unit: readonly (readonly number[])[],
): SamplePlan {
  const cols = inputs.map((inp) => {
    const j = column.get(inp.path);
    if (j === undefined) throw new Error(`robust sampling: input ${inp.path} has no column`);
    return j;
  });
  const values = unit.map((u) => inputs.map((inp, k) => quantile(inp.distribution, u[cols[k]!]!)));
  const invalid = values.map((v) => {
    for (let k = 0; k < inputs.length; k++) {
      const bad = inputs[k]!.check(inputs[k]!.integer ? Math.round(v[k]!) : v[k]!);
      if (bad !== undefined) return bad;
    }
    return undefined;
  });
  return { inputs, values, invalid };
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
interface RobustContext {
  readonly p: RobustParams;
  readonly settings: ResolvedRobustSettings;
  readonly sampler: CommonSampler;
  readonly stats: readonly StatNode[];
  readonly probs: readonly ProbNode[];
  readonly objectiveGetters: readonly ((r: unknown) => number)[];
  readonly statObjectives: readonly ParsedObjective['statistic'][];
  readonly getter: (path: string) => (r: unknown) => number;
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

  const stats: StatNode[] = [];
  const probs: ProbNode[] = [];
  for (const c of p.constraints) {
    collectNodes(c.lhs, stats, probs);
    collectNodes(c.rhs, stats, probs);
  }
  const objectiveGetters = p.parsedObjectives.map((o) => metricGetter(o.metric));
  const statObjectives = p.parsedObjectives.map((o) => o.statistic);
  const refGetters = new Map<string, (r: unknown) => number>();
  const getter = (path: string): ((r: unknown) => number) => {
    let g = refGetters.get(path);
    if (g === undefined) refGetters.set(path, (g = metricGetter(path)));
    return g;
  };
  const N = settings.samples;
  const maxFailed = Math.floor(settings.maxFailedShare * N + 1e-9);
  const ctx: RobustContext = {
    p,
    settings,
    sampler,
    stats,
    probs,
    objectiveGetters,
    statObjectives,
    getter,
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

  return { settings, columns, evaluate: (x) => assess(ctx, x).evaluation, samples, detail };
}

/** The evaluation of a design, with its nominal record and how many samples failed. */
function assess(ctx: RobustContext, x: Float64Array): Assessment {
  const { p } = ctx;
  const d = p.designFor(x);
  let nominal: DesignRecord;
  try {
    nominal = p.evaluate(d);
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
function sampleValues(ctx: RobustContext, d: NodeDesign, nominal: DesignRecord, plan: SamplePlan): SampleValues {
  const { p, N, stats, probs, statObjectives, objectiveGetters, getter } = ctx;
  const m = p.objectives.length;
  const objValues = statObjectives.map(() => new Float64Array(N));
  const statValues = stats.map(() => new Float64Array(N));
  const holds = new Int32Array(probs.length);
  const ok = new Uint8Array(N);
  let failed = 0;
  let firstFailure = '';
  for (let i = 0; i < N; i++) {
    const rec = ctx.sampler.sampleRecord(d, nominal, plan, i);
    if (typeof rec === 'string') {
      failed++;
      firstFailure ||= rec;
      continue;
    }
    const lookup = (path: string): number => getter(path)(rec);
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
function statisticsEvaluation(ctx: RobustContext, nominal: DesignRecord, sv: SampleValues): Evaluation {
  const { p, N, stats, probs, statObjectives, objectiveGetters, getter } = ctx;
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
  for (const name of p.physicalConstraints) {
    const c = nominal.constraints.find((r) => r.name === name);
    if (!c) return { status: 'failed', reason: `physical constraint ${name} missing from the record` };
    g[k++] = p.scaledViolation(c.value, c.sense, c.limit);
  }
  const lookup = (path: string): number => getter(path)(nominal);
  const statistic = (e: Expr): number => statOf.get(e)!;
  for (const c of p.constraints)
    g[k++] = p.scaledViolation(evaluateExpr(c.lhs, lookup, statistic), c.sense, evaluateExpr(c.rhs, lookup, statistic));
  return { status: 'ok', f, g };
}
