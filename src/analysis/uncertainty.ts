/**
 * Forward uncertainty propagation of one node design or constellation (./analysisModel.ts): sample its uncertain inputs
 * (./inputs.ts) by Latin hypercube (default) or plain Monte Carlo (src/statistics/sampling.ts; independent inputs,
 * inverse-transform mapping), evaluate every sampled design, and summarise the outputs.
 *
 * Statistics (src/statistics/statistics.ts): type-7 sample quantiles p5/p50/p95; mean ± standard error s/√n
 * (the i.i.d. error, conservative for LHS, whose variance is never larger for outputs monotone in each input,
 * McKay et al. 1979); Freedman–Diaconis histograms; probabilities with Wilson (1927) 95 % score intervals, per
 * constraint and jointly (P(all constraints hold in the same sample), which the per-constraint figures cannot give:
 * constraints that share an input are correlated).
 * An output whose samples differ by rounding only (spread ≤ 1e-12 relative) is reported as one value with zero spread.
 * Failed samples (outside a field's range, or not evaluable by the models) are counted with their reasons; the
 * statistics of an output use the successful samples, and a probability counts a failed sample as "does not hold"
 * (the conservative reading: a design the models cannot evaluate is not shown to satisfy anything).
 * Determinism: the input matrix is a pure function of (seed, method, n, inputs); evaluation order does not matter.
 */
import {
  mean as distMean,
  quantile,
  describe as describeDistribution,
  type Distribution,
} from '../statistics/distributions.js';
import { sampleInputs, type SamplingMethod } from '../statistics/sampling.js';
import {
  histogram,
  jointProbability,
  meanWithStandardError,
  sampleQuantiles,
  wilsonInterval,
  type Histogram,
  type MeanEstimate,
  type ProportionInterval,
} from '../statistics/statistics.js';
import { createRng } from '../base/rng.js';
import { StudyError } from '../base/errors.js';
import type { LpSolver } from '../optimize/lp.js';
import type { SampleOutcome } from './analysisModel.js';
import type { UncertainInput } from '../study/uncertainInputs.js';
import { basisText } from '../study/inputKinds.js';
import { modelWithInputs, type FileModel } from './loadModel.js';
import { withRunner } from './runner.js';

export interface AnalysisProgress {
  readonly phase: string;
  readonly done: number;
  readonly total: number;
}

export interface InputSummary {
  readonly path: string;
  readonly unit: string;
  readonly origin: 'catalog' | 'model' | 'design';
  /** compliance (sampled for P(all hold)) or economics (cost figures only), and why. */
  readonly affects: UncertainInput['affects'];
  readonly affectsWhy: string;
  readonly distribution: Distribution;
  readonly description: string;
  readonly reason: string | null;
  readonly nominal: number | null;
  readonly mean: number;
  readonly p5: number;
  readonly p95: number;
}

/** One output over the samples: `n` counts the successful samples with a finite value. */
export interface OutputSummary extends MeanEstimate {
  readonly path: string;
  readonly unit: string;
  readonly nominal: number | null;
  readonly p5: number;
  readonly p50: number;
  readonly p95: number;
  readonly min: number;
  readonly max: number;
  readonly histogram: Histogram;
}

export interface MarginSummary extends Omit<OutputSummary, 'path' | 'unit'> {
  readonly name: string;
  readonly enforced: boolean;
  readonly description: string;
  /** P(constraint satisfied), failed samples counted as not satisfied. */
  readonly holds: ProportionInterval;
}

export interface UncertaintyAnalysis {
  readonly model: FileModel;
  readonly method: SamplingMethod;
  readonly seed: number;
  readonly samples: number;
  /** True when `samples` is the default of the file's kind (model.defaults), not a --samples value. */
  readonly samplesDefaulted: boolean;
  readonly workers: number;
  readonly inputs: readonly InputSummary[];
  /** n × d sampled input values (columns in `inputs` order). */
  readonly values: readonly (readonly number[])[];
  readonly outcomes: readonly SampleOutcome[];
  readonly failed: number;
  readonly failureReasons: readonly { readonly reason: string; readonly count: number }[];
  readonly outputs: readonly OutputSummary[];
  readonly margins: readonly MarginSummary[];
  /**
   * P(all hold) as every command defines it (src/study/inputKinds.ts): the requirements and the enforced checks all
   * hold in the same sample, margins spent, the compliance inputs sampled and the economics inputs at nominal; Wilson
   * interval; failed samples count as not holding. Not the product of the per-constraint probabilities: constraints
   * that share an input are correlated. Null without constraints.
   */
  readonly allHold: ProportionInterval | null;
  /** How allHold was drawn (which inputs were sampled, which held), stated where it is printed. */
  readonly allHoldBasis: string;
  /** The same with the relaxed (not enforced) checks too; null when none is relaxed. */
  readonly everyCheckHold: ProportionInterval | null;
  /**
   * P(LCOC < terrestrial LCOC of the same chips), failed samples counted as not; null when the model has no comparison.
   */
  readonly lcocBelowTerrestrial: ProportionInterval | null;
}

/** What odc uncertainty and odc sensitivity both take. */
export interface AnalysisOptions {
  /** A node design or node study, or a constellation file or constellation study. */
  readonly designPath: string;
  /** Default 1. */
  readonly seed?: number;
  /** Worker threads (0 = this thread, the default). */
  readonly workers?: number;
  readonly onProgress?: (p: AnalysisProgress) => void;
  /** LP solver of a constellation's evaluations in this thread (else one from `createLpSolver`). */
  readonly lpSolver?: LpSolver;
  /** Makes the LP solver of a constellation when `lpSolver` is not given (src/index.ts passes the library's). */
  readonly createLpSolver?: () => Promise<LpSolver>;
}

export interface UncertaintyOptions extends AnalysisOptions {
  /** Default 1000 for node designs, 64 for constellations (model.defaults). */
  readonly samples?: number;
  /** Default 'lhs'. */
  readonly method?: SamplingMethod;
}

import { DEFAULT_SEED, DEFAULT_UNCERTAINTY_SAMPLES } from './defaults.js';
export { DEFAULT_SEED, DEFAULT_UNCERTAINTY_SAMPLES };

export function inputSummary(x: UncertainInput): InputSummary {
  return {
    path: x.path,
    unit: x.unit,
    origin: x.origin,
    affects: x.affects,
    affectsWhy: x.affectsWhy,
    distribution: x.distribution,
    description: describeDistribution(x.distribution),
    reason: x.reason ?? null,
    nominal: x.nominal ?? null,
    mean: distMean(x.distribution),
    p5: quantile(x.distribution, 0.05),
    p95: quantile(x.distribution, 0.95),
  };
}

/** Statistics of one column over the successful samples (undefined when none has a finite value). */
export function columnSummary(
  outcomes: readonly SampleOutcome[],
  column: number,
  nominal: number | null,
): Omit<OutputSummary, 'path' | 'unit'> | undefined {
  const values = outcomes.flatMap((o) => (o.status === 'ok' && Number.isFinite(o.y[column]!) ? [o.y[column]!] : []));
  if (values.length === 0) return undefined;
  let [min, max] = [Infinity, -Infinity];
  for (const v of values) [min, max] = [Math.min(min, v), Math.max(max, v)];
  if (max - min <= 1e-12 * Math.max(Math.abs(min), Math.abs(max))) {
    // an output no input moves differs between samples by rounding only: one value, no spread
    const v = values[0]!;
    return {
      nominal,
      n: values.length,
      mean: v,
      sd: 0,
      standardError: 0,
      p5: v,
      p50: v,
      p95: v,
      min: v,
      max: v,
      // one bar holding every sample
      histogram: histogram({ values: values.map(() => v) }),
    };
  }
  const [p5, p50, p95] = sampleQuantiles({ values, probabilities: [0.05, 0.5, 0.95] }) as [number, number, number];
  const m = meanWithStandardError({ values });
  return {
    nominal,
    n: values.length,
    mean: m.mean,
    sd: m.sd,
    standardError: m.standardError,
    p5,
    p50,
    p95,
    min,
    max,
    histogram: histogram({ values, maxBins: 40 }),
  };
}

export function failureSummary(outcomes: readonly SampleOutcome[]): { reason: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const o of outcomes) if (o.status === 'failed') counts.set(o.reason, (counts.get(o.reason) ?? 0) + 1);
  return [...counts.entries()]
    .map(([reason, count]) => ({ reason, count }))
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
}

export function checkSampleCount(name: string, n: number, min: number): void {
  if (!Number.isInteger(n) || n < min || n > 10_000_000)
    throw new StudyError('BAD_ARGUMENT', `${name} must be a whole number from ${min} to 10000000, got ${n}`);
}

/**
 * Successful samples whose column `lower` is strictly below column `upper` (a tie is not below; failed samples do not
 * count).
 */
export function countBelow(outcomes: readonly SampleOutcome[], lower: number, upper: number): number {
  return outcomes.reduce((acc, o) => acc + (o.status === 'ok' && o.y[lower]! < o.y[upper]! ? 1 : 0), 0);
}

/**
 * P(all hold) (the enforced checks and the requirements) and P(every check holds, relaxed ones too) over the samples
 * (see UncertaintyAnalysis); the second only when some check is relaxed.
 */
export function jointHolds(
  model: Pick<FileModel, 'metricPaths' | 'constraints'>,
  outcomes: readonly SampleOutcome[],
): { allHold: ProportionInterval | null; everyCheckHold: ProportionInterval | null } {
  const m = model.metricPaths.length;
  const k = model.constraints.length;
  if (k === 0 || outcomes.length === 0) return { allHold: null, everyCheckHold: null };
  const rows = outcomes.map((o) => (o.status === 'ok' ? model.constraints.map((_, j) => o.y[m + k + j] === 1) : null));
  const enforced = model.constraints.flatMap((c, j) => (c.enforced ? [j] : []));
  if (enforced.length === 0) return { allHold: null, everyCheckHold: jointProbability({ holds: rows }) };
  return {
    allHold: jointProbability({ holds: rows.map((r) => (r === null ? null : enforced.map((j) => r[j]!))) }),
    everyCheckHold: enforced.length < k ? jointProbability({ holds: rows }) : null,
  };
}

/** Each constraint's margin quantiles and P(holds) over all samples (a failed sample does not hold). */
function marginSummaries(model: FileModel, outcomes: readonly SampleOutcome[], samples: number): MarginSummary[] {
  const nominalY = model.nominal.status === 'ok' ? model.nominal.y : undefined;
  const m = model.metricPaths.length;
  const k = model.constraints.length;
  return model.constraints.flatMap((c, j): MarginSummary[] => {
    const s = columnSummary(outcomes, m + j, nominalY?.[m + j] ?? null);
    if (s === undefined) return [];
    const successes = outcomes.reduce((acc, o) => acc + (o.status === 'ok' && o.y[m + k + j] === 1 ? 1 : 0), 0);
    return [
      {
        name: c.name,
        enforced: c.enforced,
        description: c.description,
        ...s,
        holds: wilsonInterval({ successes, trials: samples }),
      },
    ];
  });
}

/** Samples, evaluates and summarises; writes nothing (see `runUncertainty` for the report folder). */
export async function analyzeUncertainty(opts: UncertaintyOptions): Promise<UncertaintyAnalysis> {
  if (opts.samples !== undefined) checkSampleCount('--samples', opts.samples, 2);
  return analyzeModel(await modelWithInputs(opts.designPath, opts), opts);
}

/** The same analysis of a model already loaded (`designPath` is then only a label). */
export async function analyzeModel(model: FileModel, opts: UncertaintyOptions): Promise<UncertaintyAnalysis> {
  const seed = opts.seed ?? DEFAULT_SEED;
  const method = opts.method ?? 'lhs';
  const workers = opts.workers ?? 0;
  if (opts.samples !== undefined) checkSampleCount('--samples', opts.samples, 2);
  const samples = opts.samples ?? model.defaults.uncertaintySamples;
  const values = sampleInputs({
    n: samples,
    distributions: model.inputs.map((x) => x.distribution),
    rng: createRng(seed),
    method,
  });
  opts.onProgress?.({ phase: 'sampling', done: 0, total: samples });
  const outcomes = await withRunner(model, workers, (r) =>
    r.run(values, (done) => opts.onProgress?.({ phase: 'sampling', done, total: samples })),
  );
  const nominalY = model.nominal.status === 'ok' ? model.nominal.y : undefined;
  const outputs = model.keyOutputs.flatMap((path): OutputSummary[] => {
    const col = model.column(path);
    const s = columnSummary(outcomes, col, nominalY?.[col] ?? null);
    return s === undefined ? [] : [{ path, unit: model.unitOf(path), ...s }];
  });
  const margins = marginSummaries(model, outcomes, samples);
  const { allHold, everyCheckHold } = jointHolds(model, outcomes);
  let lcocBelowTerrestrial: ProportionInterval | null = null;
  if (model.comparison !== null) {
    const [lcoc, terrestrial] = [model.column(model.comparison.lcoc), model.column(model.comparison.terrestrial)];
    lcocBelowTerrestrial = wilsonInterval({ successes: countBelow(outcomes, lcoc, terrestrial), trials: samples });
  }
  const failureReasons = failureSummary(outcomes);
  return {
    model,
    method,
    seed,
    samples,
    samplesDefaulted: opts.samples === undefined,
    workers: workers > 0 ? workers : 0,
    inputs: model.inputs.map(inputSummary),
    values,
    outcomes,
    failed: failureReasons.reduce((s, f) => s + f.count, 0),
    failureReasons,
    outputs,
    margins,
    allHold,
    allHoldBasis: basisText(model.inputs),
    everyCheckHold,
    lcocBelowTerrestrial,
  };
}
