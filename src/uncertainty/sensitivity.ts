/**
 * Sensitivity of one node design's key outputs to its uncertain inputs (./inputs.ts), and its break-even
 * thresholds (./breakEven.ts).
 *
 * - Tornado (src/analysis/tornado.ts): each input at its 5th and then 95th percentile with every other input at
 *   the design's own value (row 0 is the design as written, not the inputs' medians), 2d + 1 evaluations; bars
 *   sorted by swing. A local, one-at-a-time view.
 * - Sobol' first-order and total indices (src/analysis/sobol.ts: Saltelli et al. 2010 design and estimators,
 *   Jansen total, percentile-bootstrap 95 % intervals, 1000 resamples) from N base rows, N(d + 2) evaluations.
 *   Row tuples (A_j, B_j, A_B^(i)_j) with a failed evaluation are dropped for that output (counted in the result);
 *   the estimators stay consistent if failures are independent of the inputs, otherwise the indices describe the
 *   evaluable region only.
 * One Rng seeded from `seed` draws the Saltelli design and then the bootstrap resamples.
 */
import { quantile } from '../analysis/distributions.js';
import { toInputs } from '../analysis/sampling.js';
import { rankByTotal, saltelliDesign, sobolIndices } from '../analysis/sobol.js';
import { tornadoAnalysis, tornadoInputFromDistribution, type TornadoDesign } from '../analysis/tornado.js';
import { createRng } from '../core/rng.js';
import { StudyError } from '../core/errors.js';
import { unitOf } from '../evaluate/metrics.js';
import { breakEven, breakEvenInputs, type BreakEven } from './breakEven.js';
import { KEY_OUTPUTS, metricColumn, type SampleModel, type SampleOutcome } from './model.js';
import { checkSampleCount, DEFAULT_SEED, failureSummary, inputSummary, modelWithInputs, type AnalysisProgress, type InputSummary } from './uncertainty.js';
import { withRunner } from './runner.js';

export const SENSITIVITY_METHODS = ['tornado', 'sobol', 'all'] as const;
export type SensitivityMethod = (typeof SENSITIVITY_METHODS)[number];
export const DEFAULT_SOBOL_SAMPLES = 512;

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
  readonly model: SampleModel;
  readonly method: SensitivityMethod;
  readonly seed: number;
  readonly samples: number;
  readonly workers: number;
  readonly inputs: readonly InputSummary[];
  readonly tornado: { readonly evaluations: number; readonly failed: number; readonly outputs: readonly TornadoOutput[] } | null;
  readonly sobol: {
    readonly n: number; readonly evaluations: number; readonly failed: number; readonly resamples: number; readonly confidence: number;
    readonly failureReasons: readonly { readonly reason: string; readonly count: number }[]; readonly outputs: readonly SobolOutput[];
  } | null;
  readonly breakEven: readonly BreakEven[];
}

export interface SensitivityOptions {
  readonly designPath: string;
  /** Default 'all' (tornado and Sobol'). */
  readonly method?: SensitivityMethod;
  /** Sobol' base rows N (default 512). */
  readonly samples?: number;
  readonly seed?: number;
  readonly workers?: number;
  readonly onProgress?: (p: AnalysisProgress) => void;
}

const valueOf = (o: SampleOutcome | undefined, col: number): number => (o?.status === 'ok' ? o.y[col]! : NaN);

function tornadoOf(model: SampleModel, outcomes: readonly SampleOutcome[]): TornadoOutput[] {
  const inputs = model.inputs.map((x) =>
    tornadoInputFromDistribution({ name: x.path, distribution: x.distribution, nominal: x.nominal ?? quantile(x.distribution, 0.5) }));
  const design: TornadoDesign = { inputs, rows: outcomes.map(() => []) };
  return KEY_OUTPUTS.map((output) => {
    const col = metricColumn(output);
    const r = tornadoAnalysis({ design, y: outcomes.map((o) => valueOf(o, col)) });
    return {
      output, unit: unitOf(output), nominalOutput: r.nominalOutput,
      bars: r.bars.map((b) => ({ input: b.name, unit: model.inputs[b.index]!.unit, low: b.low, high: b.high, nominal: model.inputs[b.index]!.nominal ?? null,
        outputAtLow: b.outputAtLow, outputAtHigh: b.outputAtHigh, swing: b.swing })),
    };
  });
}

function sobolOf(model: SampleModel, n: number, outcomes: readonly SampleOutcome[], rng: ReturnType<typeof createRng>): SobolOutput[] {
  const d = model.inputs.length;
  return KEY_OUTPUTS.map((output): SobolOutput => {
    const col = metricColumn(output);
    const y = outcomes.map((o) => valueOf(o, col));
    const keep = Array.from({ length: n }, (_, j) => j).filter((j) => Array.from({ length: d + 2 }, (_, b) => y[b * n + j]!).every(Number.isFinite));
    const pick = (block: number): number[] => keep.map((j) => y[block * n + j]!);
    if (keep.length < 2) return { output, unit: unitOf(output), rows: keep.length, variance: NaN, indices: [], note: `only ${keep.length} of ${n} row tuples evaluated: no indices` };
    // An output no input moves differs between rows by rounding only (~1e-16 relative): report it as constant,
    // not as indices of rounding noise.
    let [lo, hi] = [Infinity, -Infinity];
    for (const j of keep) for (let b = 0; b < d + 2; b++) [lo, hi] = [Math.min(lo, y[b * n + j]!), Math.max(hi, y[b * n + j]!)];
    if (hi - lo <= 1e-12 * Math.max(Math.abs(lo), Math.abs(hi))) {
      const zero = model.inputs.map((x) => ({ input: x.path, first: 0, firstLow: 0, firstHigh: 0, total: 0, totalLow: 0, totalHigh: 0 }));
      return { output, unit: unitOf(output), rows: keep.length, variance: 0, indices: zero, note: 'constant: no input changes it (all indices 0)' };
    }
    const result = sobolIndices({ yA: pick(0), yB: pick(1), yAB: Array.from({ length: d }, (_, i) => pick(2 + i)), rng });
    return {
      output, unit: unitOf(output), rows: keep.length, variance: result.variance,
      indices: rankByTotal({ result }).map((s) => ({ input: model.inputs[s.input]!.path, first: s.first, firstLow: s.firstLow, firstHigh: s.firstHigh,
        total: s.total, totalLow: s.totalLow, totalHigh: s.totalHigh })),
      note: keep.length < n ? `${n - keep.length} of ${n} row tuples dropped (a failed evaluation)` : null,
    };
  });
}

/** Tornado and/or Sobol' indices and the break-even thresholds; writes nothing (see `runSensitivity`). */
export async function analyzeSensitivity(opts: SensitivityOptions): Promise<SensitivityAnalysis> {
  const method = opts.method ?? 'all';
  if (!(SENSITIVITY_METHODS as readonly string[]).includes(method)) throw new StudyError('BAD_ARGUMENT', `--method must be one of ${SENSITIVITY_METHODS.join(', ')}, got ${method}`);
  const samples = opts.samples ?? DEFAULT_SOBOL_SAMPLES;
  const seed = opts.seed ?? DEFAULT_SEED;
  const workers = opts.workers ?? 0;
  checkSampleCount('--samples', samples, 2);
  const model = modelWithInputs(opts.designPath);
  const d = model.inputs.length;
  const progress = (phase: string, total: number) => (done: number) => opts.onProgress?.({ phase, done, total });
  const result = await withRunner(model, workers, async (runner) => {
    let tornado: SensitivityAnalysis['tornado'] = null;
    if (method !== 'sobol') {
      // row 0: the design as written; then input i at its p5 and at its p95, every other input left as written (NaN)
      const at = (i: number, v: number): number[] => model.inputs.map((_, k) => (k === i ? v : NaN));
      const rows = [at(-1, NaN), ...model.inputs.flatMap((x, i) => [at(i, quantile(x.distribution, 0.05)), at(i, quantile(x.distribution, 0.95))])];
      const outcomes = await runner.run(rows, progress('tornado', rows.length));
      tornado = { evaluations: rows.length, failed: outcomes.filter((o) => o.status === 'failed').length, outputs: tornadoOf(model, outcomes) };
    }
    let sobol: SensitivityAnalysis['sobol'] = null;
    if (method !== 'tornado') {
      const rng = createRng(seed);
      const design = saltelliDesign({ n: samples, d, rng, method: 'lhs' });
      const rows = toInputs({ unit: design.rows, distributions: model.inputs.map((x) => x.distribution) });
      const outcomes = await runner.run(rows, progress('sobol', rows.length));
      const failureReasons = failureSummary(outcomes);
      const failed = failureReasons.reduce((s, f) => s + f.count, 0);
      const outputs = sobolOf(model, samples, outcomes, rng);
      sobol = { n: samples, evaluations: rows.length, failed, resamples: 1000, confidence: 0.95, failureReasons, outputs };
    }
    return { tornado, sobol };
  });
  const be = breakEvenInputs(model);
  const breakEvens = be.map((b, i) => {
    progress('break-even', be.length)(i);
    return breakEven({ model, spec: b.spec, label: b.label });
  });
  progress('break-even', be.length)(be.length);
  return { model, method, seed, samples, workers, inputs: model.inputs.map(inputSummary), ...result, breakEven: breakEvens };
}
