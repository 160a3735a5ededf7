/**
 * Forward uncertainty propagation of one node design: sample its uncertain inputs (./inputs.ts) by Latin
 * hypercube (default) or plain Monte Carlo (src/analysis/sampling.ts; independent inputs, inverse-transform
 * mapping), evaluate every sampled design, and summarise the outputs.
 *
 * Statistics (src/analysis/statistics.ts): type-7 sample quantiles p5/p50/p95; mean ± standard error s/√n
 * (the i.i.d. error, conservative for LHS, whose variance is never larger for outputs monotone in each input,
 * McKay et al. 1979); Freedman–Diaconis histograms; probabilities with Wilson (1927) 95 % score intervals.
 * An output whose samples differ by rounding only (spread ≤ 1e-12 relative) is reported as one value with zero spread.
 * Failed samples (outside a field's range, or not evaluable by the models) are counted with their reasons; the
 * statistics of an output use the successful samples, and a probability counts a failed sample as "does not hold"
 * (the conservative reading: a design the models cannot evaluate is not shown to satisfy anything).
 * Determinism: the input matrix is a pure function of (seed, method, n, inputs); evaluation order does not matter.
 */
import { mean as distMean, quantile, describe as describeDistribution, type Distribution } from '../analysis/distributions.js';
import { sampleInputs, type SamplingMethod } from '../analysis/sampling.js';
import { histogram, meanWithStandardError, sampleQuantiles, wilsonInterval, type Histogram, type ProportionInterval } from '../analysis/statistics.js';
import { createRng } from '../core/rng.js';
import { StudyError } from '../core/errors.js';
import { METRIC_PATHS, unitOf } from '../evaluate/metrics.js';
import { KEY_OUTPUTS, loadDesign, metricColumn, sampleModel, type SampleModel, type SampleOutcome } from './model.js';
import type { UncertainInput } from './inputs.js';
import { withRunner } from './runner.js';

export interface AnalysisProgress {
  readonly phase: string;
  readonly done: number;
  readonly total: number;
}

export interface InputSummary {
  readonly path: string;
  readonly unit: string;
  readonly origin: 'catalog' | 'design';
  readonly distribution: Distribution;
  readonly description: string;
  readonly reason: string | null;
  readonly nominal: number | null;
  readonly mean: number;
  readonly p5: number;
  readonly p95: number;
}

export interface OutputSummary {
  readonly path: string;
  readonly unit: string;
  readonly nominal: number | null;
  /** Successful samples with a finite value. */
  readonly n: number;
  readonly mean: number;
  readonly sd: number;
  readonly standardError: number;
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
  readonly model: SampleModel;
  readonly method: SamplingMethod;
  readonly seed: number;
  readonly samples: number;
  readonly workers: number;
  readonly inputs: readonly InputSummary[];
  /** n × d sampled input values (columns in `inputs` order). */
  readonly values: readonly (readonly number[])[];
  readonly outcomes: readonly SampleOutcome[];
  readonly failed: number;
  readonly failureReasons: readonly { readonly reason: string; readonly count: number }[];
  readonly outputs: readonly OutputSummary[];
  readonly margins: readonly MarginSummary[];
  /** P(LCOC < terrestrial LCOC of the same chips), failed samples counted as not. */
  readonly lcocBelowTerrestrial: ProportionInterval;
}

export interface UncertaintyOptions {
  readonly designPath: string;
  /** Default 1000. */
  readonly samples?: number;
  /** Default 1. */
  readonly seed?: number;
  /** Default 'lhs'. */
  readonly method?: SamplingMethod;
  /** Worker threads (0 = this thread, the default). */
  readonly workers?: number;
  readonly onProgress?: (p: AnalysisProgress) => void;
}

export const DEFAULT_UNCERTAINTY_SAMPLES = 1000;
export const DEFAULT_SEED = 1;

export function inputSummary(x: UncertainInput): InputSummary {
  return {
    path: x.path, unit: x.unit, origin: x.origin, distribution: x.distribution, description: describeDistribution(x.distribution),
    reason: x.reason ?? null, nominal: x.nominal ?? null,
    mean: distMean(x.distribution), p5: quantile(x.distribution, 0.05), p95: quantile(x.distribution, 0.95),
  };
}

/** The model of a design file, refusing a design without uncertain inputs. */
export function modelWithInputs(designPath: string): SampleModel {
  const model = sampleModel(loadDesign(designPath));
  if (model.inputs.length === 0) {
    throw new StudyError('MISSING_FIELD', `${designPath}: the design has no uncertain inputs: its catalog rows carry no uncertainty: entries and the file has no uncertainty: section; `
      + 'add one, e.g. uncertainty: { economics.launchCost_USD_per_kg: { kind: triangular, min: 200, mode: 900, max: 3000 } }', { file: designPath, field: 'uncertainty' });
  }
  return model;
}

/** Statistics of one column over the successful samples (undefined when none has a finite value). */
export function columnSummary(outcomes: readonly SampleOutcome[], column: number, nominal: number | null): Omit<OutputSummary, 'path' | 'unit'> | undefined {
  const values = outcomes.flatMap((o) => (o.status === 'ok' && Number.isFinite(o.y[column]!) ? [o.y[column]!] : []));
  if (values.length === 0) return undefined;
  let [min, max] = [Infinity, -Infinity];
  for (const v of values) [min, max] = [Math.min(min, v), Math.max(max, v)];
  if (max - min <= 1e-12 * Math.max(Math.abs(min), Math.abs(max))) {
    // an output no input moves differs between samples by rounding only: one value, no spread
    const v = values[0]!;
    return { nominal, n: values.length, mean: v, sd: 0, standardError: 0, p5: v, p50: v, p95: v, min: v, max: v, histogram: histogram({ values: [v] }) };
  }
  const [p5, p50, p95] = sampleQuantiles({ values, probabilities: [0.05, 0.5, 0.95] }) as [number, number, number];
  const m = meanWithStandardError({ values });
  return {
    nominal, n: values.length, mean: m.mean, sd: m.sd, standardError: m.standardError, p5, p50, p95,
    min, max, histogram: histogram({ values, maxBins: 40 }),
  };
}

export function failureSummary(outcomes: readonly SampleOutcome[]): { reason: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const o of outcomes) if (o.status === 'failed') counts.set(o.reason, (counts.get(o.reason) ?? 0) + 1);
  return [...counts.entries()].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
}

export function checkSampleCount(name: string, n: number, min: number): void {
  if (!Number.isInteger(n) || n < min || n > 10_000_000) throw new StudyError('BAD_ARGUMENT', `${name} must be a whole number from ${min} to 10000000, got ${n}`);
}

/** Samples, evaluates and summarises; writes nothing (see `runUncertainty` for the report folder). */
export async function analyzeUncertainty(opts: UncertaintyOptions): Promise<UncertaintyAnalysis> {
  const samples = opts.samples ?? DEFAULT_UNCERTAINTY_SAMPLES;
  const seed = opts.seed ?? DEFAULT_SEED;
  const method = opts.method ?? 'lhs';
  const workers = opts.workers ?? 0;
  checkSampleCount('--samples', samples, 2);
  const model = modelWithInputs(opts.designPath);
  const values = sampleInputs({ n: samples, distributions: model.inputs.map((x) => x.distribution), rng: createRng(seed), method });
  opts.onProgress?.({ phase: 'sampling', done: 0, total: samples });
  const outcomes = await withRunner(model, workers, (r) => r.run(values, (done) => opts.onProgress?.({ phase: 'sampling', done, total: samples })));
  const nominalY = model.nominal.status === 'ok' ? model.nominal.y : undefined;
  const outputs = KEY_OUTPUTS.flatMap((path): OutputSummary[] => {
    const col = metricColumn(path);
    const s = columnSummary(outcomes, col, nominalY?.[col] ?? null);
    return s === undefined ? [] : [{ path, unit: unitOf(path), ...s }];
  });
  const m = METRIC_PATHS.length;
  const k = model.constraints.length;
  const margins = model.constraints.flatMap((c, j): MarginSummary[] => {
    const s = columnSummary(outcomes, m + j, nominalY?.[m + j] ?? null);
    if (s === undefined) return [];
    const successes = outcomes.reduce((acc, o) => acc + (o.status === 'ok' && o.y[m + k + j] === 1 ? 1 : 0), 0);
    return [{ name: c.name, enforced: c.enforced, description: c.description, ...s, holds: wilsonInterval({ successes, trials: samples }) }];
  });
  const lcoc = metricColumn('cost.lcoc_USD_per_PFLOP_day');
  const terrestrial = metricColumn('cost.terrestrialLcoc_USD_per_PFLOP_day');
  const below = outcomes.reduce((acc, o) => acc + (o.status === 'ok' && o.y[lcoc]! < o.y[terrestrial]! ? 1 : 0), 0);
  const failureReasons = failureSummary(outcomes);
  return {
    model, method, seed, samples, workers: workers > 0 ? workers : 0, inputs: model.inputs.map(inputSummary), values, outcomes,
    failed: failureReasons.reduce((s, f) => s + f.count, 0), failureReasons, outputs, margins,
    lcocBelowTerrestrial: wilsonInterval({ successes: below, trials: samples }),
  };
}
