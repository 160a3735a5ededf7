/**
 * Sensitivity of one node design's or constellation's key outputs to its uncertain inputs (./inputs.ts,
 * ./constellationModel.ts), and its break-even thresholds (./breakEven.ts).
 *
 * - Tornado (src/statistics/tornado.ts): each input at its 5th and then 95th percentile with every other input at
 *   the design's own value (row 0 is the design as written, not the inputs' medians), 2d + 1 evaluations; bars
 *   sorted by swing. A local, one-at-a-time view.
 * - Sobol' first-order and total indices (src/statistics/sobol.ts: Saltelli et al. 2010 design and estimators,
 *   Jansen total, percentile-bootstrap 95 % intervals, 1000 resamples) from N base rows, N(d + 2) evaluations.
 *   Row tuples (A_j, B_j, A_B^(i)_j) with a failed evaluation are dropped for that output (counted in the result);
 *   the estimators stay consistent if failures are independent of the inputs, otherwise the indices describe the
 *   evaluable region only.
 * - Break-even: each input's scan grid is evaluated by the runner (worker threads when asked), the roots refined
 *   in this thread.
 * One Rng seeded from `seed` draws the Saltelli design and then the bootstrap resamples.
 */
import { quantile } from '../statistics/distributions.js';
import { toInputs } from '../statistics/sampling.js';
import { rankByTotal, saltelliDesign, sobolIndices } from '../statistics/sobol.js';
import { tornadoAnalysis, tornadoInputFromDistribution, type TornadoDesign } from '../statistics/tornado.js';
import { createRng } from '../base/rng.js';
import { StudyError } from '../base/errors.js';
import type { AnalysisModel, SampleOutcome } from './analysisModel.js';
import { breakEven, breakEvenGrid, type BreakEven } from './breakEven.js';
import { modelWithInputs, type FileModel } from './loadModel.js';
import {
  checkSampleCount,
  DEFAULT_SEED,
  failureSummary,
  inputSummary,
  type AnalysisOptions,
  type InputSummary,
} from './uncertainty.js';
import { withRunner, type SampleRunner } from './runner.js';

import { DEFAULT_SOBOL_SAMPLES, SENSITIVITY_METHODS, type SensitivityMethod } from './defaults.js';
export { DEFAULT_SOBOL_SAMPLES, SENSITIVITY_METHODS, type SensitivityMethod };

export interface TornadoBarSummary {
  readonly input: string;
  readonly unit: string;
  readonly low: number;
  readonly high: number;
  readonly nominal: number | null;
  /** Output with the input at its low / high value (NaN when that evaluation failed). */
  readonly outputAtLow: number;
  readonly outputAtHigh: number;
  readonly swing: number;
}

export interface TornadoOutput {
  readonly output: string;
  readonly unit: string;
  readonly nominalOutput: number;
  readonly bars: readonly TornadoBarSummary[];
}

export interface SobolSummaryIndex {
  readonly input: string;
  readonly first: number;
  readonly firstLow: number;
  readonly firstHigh: number;
  readonly total: number;
  readonly totalLow: number;
  readonly totalHigh: number;
}

export interface SobolOutput {
  readonly output: string;
  readonly unit: string;
  /** Row tuples used (tuples with a failed evaluation dropped). */
  readonly rows: number;
  readonly variance: number;
  /** Ranked by total index; empty with `note` when fewer than 2 tuples are usable. */
  readonly indices: readonly SobolSummaryIndex[];
  readonly note: string | null;
}

export interface SensitivityAnalysis {
  readonly model: FileModel;
  readonly method: SensitivityMethod;
  readonly seed: number;
  readonly samples: number;
  /** True when `samples` is the default of the file's kind (model.defaults), not a --samples value. */
  readonly samplesDefaulted: boolean;
  readonly workers: number;
  readonly inputs: readonly InputSummary[];
  readonly tornado: {
    readonly evaluations: number;
    readonly failed: number;
    readonly outputs: readonly TornadoOutput[];
  } | null;
  readonly sobol: {
    readonly n: number;
    readonly evaluations: number;
    readonly failed: number;
    readonly resamples: number;
    readonly confidence: number;
    readonly failureReasons: readonly { readonly reason: string; readonly count: number }[];
    readonly outputs: readonly SobolOutput[];
  } | null;
  readonly breakEven: readonly BreakEven[];
  /** Why there are no break-even thresholds (no terrestrial comparison), or null. */
  readonly breakEvenNote: string | null;
}

export interface SensitivityOptions extends AnalysisOptions {
  /** Default 'all' (tornado and Sobol'). */
  readonly method?: SensitivityMethod;
  /** Sobol' base rows N (default 512 for node designs, 32 for constellations: model.defaults). */
  readonly samples?: number;
}

const valueOf = (o: SampleOutcome | undefined, col: number): number => (o?.status === 'ok' ? o.y[col]! : NaN);

function tornadoOf(model: AnalysisModel, outcomes: readonly SampleOutcome[]): TornadoOutput[] {
  const inputs = model.inputs.map((x) =>
    tornadoInputFromDistribution({
      name: x.path,
      distribution: x.distribution,
      nominal: x.nominal ?? quantile(x.distribution, 0.5),
    }),
  );
  const design: TornadoDesign = { inputs, rows: outcomes.map(() => []) };
  return model.keyOutputs.map((output) => {
    const col = model.column(output);
    const r = tornadoAnalysis({ design, y: outcomes.map((o) => valueOf(o, col)) });
    return {
      output,
      unit: model.unitOf(output),
      nominalOutput: r.nominalOutput,
      bars: r.bars.map((b) => ({
        input: b.name,
        unit: model.inputs[b.index]!.unit,
        low: b.low,
        high: b.high,
        nominal: model.inputs[b.index]!.nominal ?? null,
        outputAtLow: b.outputAtLow,
        outputAtHigh: b.outputAtHigh,
        swing: b.swing,
      })),
    };
  });
}

function sobolOf(
  model: AnalysisModel,
  n: number,
  outcomes: readonly SampleOutcome[],
  rng: ReturnType<typeof createRng>,
): SobolOutput[] {
  return model.keyOutputs.map((output) => outputSobol(model, n, outcomes, rng, output));
}

/** Sobol' indices of one output over the row tuples in which every evaluation succeeded. */
function outputSobol(
  model: AnalysisModel,
  n: number,
  outcomes: readonly SampleOutcome[],
  rng: ReturnType<typeof createRng>,
  output: string,
): SobolOutput {
  const d = model.inputs.length;
  const unit = model.unitOf(output);
  const col = model.column(output);
  const y = outcomes.map((o) => valueOf(o, col));
  const keep = Array.from({ length: n }, (_, j) => j).filter((j) =>
    Array.from({ length: d + 2 }, (_, b) => y[b * n + j]!).every(Number.isFinite),
  );
  const pick = (block: number): number[] => keep.map((j) => y[block * n + j]!);
  if (keep.length < 2)
    return {
      output,
      unit,
      rows: keep.length,
      variance: NaN,
      indices: [],
      note: `only ${keep.length} of ${n} row tuples evaluated: no indices`,
    };
  if (isConstant(y, keep, n, d)) return constantSobol(model, output, unit, keep.length);
  const result = sobolIndices({
    yA: pick(0),
    yB: pick(1),
    yAB: Array.from({ length: d }, (_, i) => pick(2 + i)),
    rng,
  });
  return {
    output,
    unit,
    rows: keep.length,
    variance: result.variance,
    indices: rankByTotal({ result }).map((s) => ({
      input: model.inputs[s.input]!.path,
      first: s.first,
      firstLow: s.firstLow,
      firstHigh: s.firstHigh,
      total: s.total,
      totalLow: s.totalLow,
      totalHigh: s.totalHigh,
    })),
    note: keep.length < n ? `${n - keep.length} of ${n} row tuples dropped (a failed evaluation)` : null,
  };
}

/**
 * An output no input moves differs between rows by rounding only (~1e-16 relative): it is reported as constant, not as
 * indices of rounding noise.
 */
function isConstant(y: readonly number[], keep: readonly number[], n: number, d: number): boolean {
  let [lo, hi] = [Infinity, -Infinity];
  for (const j of keep)
    for (let b = 0; b < d + 2; b++) [lo, hi] = [Math.min(lo, y[b * n + j]!), Math.max(hi, y[b * n + j]!)];
  return hi - lo <= 1e-12 * Math.max(Math.abs(lo), Math.abs(hi));
}

/** A constant output: every index 0. */
function constantSobol(model: AnalysisModel, output: string, unit: string, rows: number): SobolOutput {
  const zero = model.inputs.map((x) => ({
    input: x.path,
    first: 0,
    firstLow: 0,
    firstHigh: 0,
    total: 0,
    totalLow: 0,
    totalHigh: 0,
  }));
  return { output, unit, rows, variance: 0, indices: zero, note: 'constant: no input changes it (all indices 0)' };
}

type Progress = (phase: string, total: number) => (done: number) => void;

/** Tornado: the design as written, then each input at its p5 and at its p95 with every other input as written. */
async function tornadoPhase(
  model: FileModel,
  runner: SampleRunner,
  progress: Progress,
): Promise<SensitivityAnalysis['tornado']> {
  // row 0: the design as written; then input i at its p5 and at its p95, every other input left as written (NaN)
  const at = (i: number, v: number): number[] => model.inputs.map((_, k) => (k === i ? v : NaN));
  const rows = [
    at(-1, NaN),
    ...model.inputs.flatMap((x, i) => [at(i, quantile(x.distribution, 0.05)), at(i, quantile(x.distribution, 0.95))]),
  ];
  const outcomes = await runner.run(rows, progress('tornado', rows.length));
  return {
    evaluations: rows.length,
    failed: outcomes.filter((o) => o.status === 'failed').length,
    outputs: tornadoOf(model, outcomes),
  };
}

/** Sobol': a Saltelli design of N(d + 2) rows (Latin hypercube), evaluated, then the indices per key output. */
async function sobolPhase(
  model: FileModel,
  runner: SampleRunner,
  samples: number,
  seed: number,
  progress: Progress,
): Promise<SensitivityAnalysis['sobol']> {
  const rng = createRng(seed);
  const design = saltelliDesign({ n: samples, d: model.inputs.length, rng, method: 'lhs' });
  const rows = toInputs({ unit: design.rows, distributions: model.inputs.map((x) => x.distribution) });
  const outcomes = await runner.run(rows, progress('sobol', rows.length));
  const failureReasons = failureSummary(outcomes);
  const failed = failureReasons.reduce((s, f) => s + f.count, 0);
  const outputs = sobolOf(model, samples, outcomes, rng);
  return { n: samples, evaluations: rows.length, failed, resamples: 1000, confidence: 0.95, failureReasons, outputs };
}

/** Break-even: every input's scan grid in one batch (vectors over the break-even inputs, NaN = as written). */
async function breakEvenPhase(model: FileModel, runner: SampleRunner, progress: Progress): Promise<BreakEven[]> {
  const be = model.breakEvenInputs();
  const grids = be.map((b) => breakEvenGrid(b.spec, model.defaults.breakEvenPoints));
  const rows = grids.flatMap((g, i) => g.map((x) => be.map((_, k) => (k === i ? x : NaN))));
  const scans = await runner.run(
    rows,
    progress('break-even', rows.length),
    be.map((b) => b.spec.path),
  );
  let offset = 0;
  return be.map((b, i) => {
    const scan = scans.slice(offset, offset + grids[i]!.length);
    offset += grids[i]!.length;
    return breakEven({ model, ...b, scan });
  });
}

/** The method asked for (default 'all'); StudyError for an unknown method or a bad sample count. */
function checkedMethod(opts: SensitivityOptions): SensitivityMethod {
  const method = opts.method ?? 'all';
  if (!(SENSITIVITY_METHODS as readonly string[]).includes(method))
    throw new StudyError('BAD_ARGUMENT', `--method must be one of ${SENSITIVITY_METHODS.join(', ')}, got ${method}`);
  if (opts.samples !== undefined) checkSampleCount('--samples', opts.samples, 2);
  return method;
}

/** Tornado and/or Sobol' indices and the break-even thresholds; writes nothing (see `runSensitivity`). */
export async function analyzeSensitivity(opts: SensitivityOptions): Promise<SensitivityAnalysis> {
  checkedMethod(opts); // bad options fail before the file is read
  return analyzeSensitivityModel(await modelWithInputs(opts.designPath, opts), opts);
}

/** `analyzeSensitivity` of a model already loaded (`opts.designPath` is not read). */
export async function analyzeSensitivityModel(
  model: FileModel,
  opts: SensitivityOptions,
): Promise<SensitivityAnalysis> {
  const method = checkedMethod(opts);
  const seed = opts.seed ?? DEFAULT_SEED;
  const workers = opts.workers ?? 0;
  const samples = opts.samples ?? model.defaults.sobolSamples;
  const progress = (phase: string, total: number) => (done: number) => opts.onProgress?.({ phase, done, total });
  const result = await withRunner(model, workers, async (runner) => {
    const tornado = method !== 'sobol' ? await tornadoPhase(model, runner, progress) : null;
    const sobol = method !== 'tornado' ? await sobolPhase(model, runner, samples, seed, progress) : null;
    if (model.comparison === null) return { tornado, sobol, breakEven: [] };
    return { tornado, sobol, breakEven: await breakEvenPhase(model, runner, progress) };
  });
  return {
    model,
    method,
    seed,
    samples,
    samplesDefaulted: opts.samples === undefined,
    workers,
    inputs: model.inputs.map(inputSummary),
    ...result,
    breakEvenNote:
      model.comparison === null ? 'the record has no terrestrial comparison: break-even thresholds skipped' : null,
  };
}
