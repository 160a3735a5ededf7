/**
 * Hypervolume per generation, recomputed at the end of a run from the evaluation log with one fixed
 * normalization (the final front's ideal and nadir → [0, 1], reference point 1.1 in every objective), so
 * generations are comparable. During the run the progress display shows a live value on a normalization
 * fixed at the first feasible front (`liveNormalization`), so it only rises.
 * Benchmark studies also get IGD+ against the analytic front every generation.
 */
import { toMatrix } from '../optimize/pareto/dominance.js';
import { ParetoArchive } from '../optimize/pareto/paretoArchive.js';
import { hypervolumeParallel } from '../optimize/indicators/hypervolumeParallel.js';
import { igdPlus } from '../optimize/indicators/igd.js';
import type { LoggedEvaluation } from './log.js';
import { RunningHvEstimate, RunningIgdPlus } from './historyIncremental.js';
import {
  EXACT_HV_POINTS,
  HV_ESTIMATE_SAMPLES,
  HV_ESTIMATE_SEED,
  normalizationOf,
  normalizedHypervolume,
  normalizedMatrix,
  runHypervolume,
  type FixedNormalization,
  type Normalization,
} from './hypervolumeRule.js';
import type { GenerationStats } from './schemas.js';

export {
  normalizationOf,
  type FixedNormalization,
  EXACT_HV_POINTS,
  HV_ESTIMATE_SAMPLES,
  normalizedHypervolume,
  runHypervolume,
  type Normalization,
} from './hypervolumeRule.js';

/**
 * Normalization for the live hypervolume on the progress display, fixed once per run at the first
 * generation with a feasible front. From that front's ideal and nadir (as `normalizationOf`, range r):
 * the ideal moves down by max(r, |ideal|) — room for later fronts to improve on a first front that is
 * often a point or two (a cost or a mass cannot fall below 0) — and the nadir up by r/2. The archive only
 * ever gains dominated volume, so on a fixed normalization the value never falls (on one taken from the
 * current front it did). Benchmarks keep the identity normalization, as everywhere else.
 */
export function liveNormalization(
  front: readonly ArrayLike<number>[],
  m: number,
  identity: FixedNormalization = false,
): Normalization {
  const n = normalizationOf(front, m, identity);
  if (identity) return n;
  const ideal = n.ideal.map((v, j) => v - Math.max(n.nadir[j]! - v, Math.abs(v)));
  const nadir = n.nadir.map((v, j) => v + 0.5 * (v - n.ideal[j]!));
  return { ideal, nadir, reference: n.reference };
}

/**
 * `normalizedHypervolume` on up to `threads` threads (src/optimize/indicators/hypervolumeParallel.ts: the same value,
 * to the last bit).
 */
export function normalizedHypervolumeParallel(
  front: readonly ArrayLike<number>[],
  norm: Normalization,
  threads: number,
  onProgress?: (share: number) => void,
): Promise<number> {
  if (front.length === 0) return Promise.resolve(0);
  return hypervolumeParallel(normalizedMatrix(front, norm), norm.reference, {
    threads,
    ...(onProgress ? { onProgress } : {}),
  });
}

/**
 * IGD+ of history rows before the last. Unbounded archives: a running minimum per reference point over the designs
 * seen (historyIncremental.ts; exact for the archive), against the whole analytic front up to
 * RUNNING_IGD_FULL_FRONT points, else against IGD_REFERENCE_SAMPLE of its points, evenly spaced in its order (an
 * estimate of the mean distance over the whole front). Bounded archives: recomputed per row, against the whole
 * front while |front| · |reference| ≤ 10^6, else against the sample (a 5-objective archive of 7,700 designs
 * against 5,000 front points is 4·10^7 distances per row). The last row (the final front) always uses the whole front.
 */
export const RUNNING_IGD_FULL_FRONT = 1000;
export const IGD_REFERENCE_SAMPLE = 100;
function igdReference(trueFront: readonly Float64Array[], frontSize: number): readonly Float64Array[] {
  if (frontSize * trueFront.length <= 1e6 || trueFront.length <= IGD_REFERENCE_SAMPLE) return trueFront;
  return Array.from(
    { length: IGD_REFERENCE_SAMPLE },
    (_, i) => trueFront[Math.round((i * (trueFront.length - 1)) / (IGD_REFERENCE_SAMPLE - 1))]!,
  );
}

function allFinite(f: ArrayLike<number>): boolean {
  for (let k = 0; k < f.length; k++) if (!Number.isFinite(f[k]!)) return false;
  return true;
}

/**
 * At most this many history rows per run: longer runs summarize blocks of generations (see `historyStride`). The rows
 * are the points of the report's convergence plot (470 px wide: one point per ~10 px), and the hypervolume and IGD+
 * are computed at those generations only: at 3+ objectives each row costs an exact hypervolume or an estimate over
 * a front of thousands of designs, and reading the archive for it a merge of its buffered candidates.
 */
export const HISTORY_POINTS = 50;

/** Generations per history row: 1 up to HISTORY_POINTS generations, then ⌈generations / HISTORY_POINTS⌉. */
export const historyStride = (generations: number): number => Math.max(1, Math.ceil(generations / HISTORY_POINTS));

export interface HistoryOptions {
  readonly generations: number;
  readonly trueFront?: readonly Float64Array[];
  readonly archiveLimit?: number;
  /**
   * The run's own front after each generation (its archive's objective vectors in the archive's order), when the run
   * recorded every one: used instead of rebuilding the archive from the log (unbounded archives only, where the two
   * are equal).
   */
  readonly frontAt?: (generation: number) => readonly Float64Array[] | undefined;
  /**
   * Told when the replay is done and the final front's exact hypervolume starts (share 0, with the front's size),
   * then the share of its sweep as it goes (large fronts in 4+ objectives: see `hypervolume`).
   */
  readonly onFinalHypervolume?: (share: number, frontSize: number) => void;
  /**
   * When the last row's front is this very array (one of `frontAt`'s), its hypervolume is left NaN for the caller
   * to compute on several threads (normalizedHypervolumeParallel) after the replay.
   */
  readonly deferFinalHypervolumeOf?: readonly ArrayLike<number>[];
}

/**
 * Per-generation statistics replayed from the log (streamed: the rows are never all in memory), with the
 * hypervolume of the feasible front seen so far. The front is rebuilt with the optimizer's own archive
 * (src/optimize/pareto/paretoArchive.ts), so it is the archive the run had after each generation. Runs longer than
 * HISTORY_POINTS generations get one row per block of `stride` generations (the block's last generation,
 * feasible share over the block), so run.json and the convergence plot stay bounded and the indicators are
 * computed at those generations only; the last generation always has its row.
 */
export function generationHistory(
  /**
   * `transient` true: the history keeps no row nor f (with the run's recorded fronts), so the replay may reuse them.
   */
  replay: (onRow: (row: LoggedEvaluation) => void, transient: boolean) => void,
  m: number,
  norm: Normalization,
  opts: HistoryOptions,
): GenerationStats[] {
  const history = new HistoryReplay(m, norm, opts);
  replay((e) => history.row(e), history.recorded !== undefined);
  return history.finish();
}

/** The replay's state: the archive or the recorded fronts, the running indicators and the current block's counts. */
class HistoryReplay {
  /** The run's own front after each generation, when it recorded every one (unbounded archives only). */
  readonly recorded: HistoryOptions['frontAt'];
  private readonly stride: number;
  private readonly out: GenerationStats[] = [];
  private readonly archive: ParetoArchive;
  private readonly runningHv: RunningHvEstimate | undefined;
  private readonly staircaseIgd: Float64Array | undefined;
  private readonly runningIgd: RunningIgdPlus | undefined;
  private readonly scale: number[];
  private readonly y: Float64Array;
  private failures = 0;
  private evaluated = 0;
  private blockCount = 0;
  private blockFeasible = 0;
  private blockGenerations = 0;
  private gen = -1;
  private lastIndex = -1;
  private readonly deferredRows: { row: number; maxIndex: number }[] = [];
  private previousFront: readonly ArrayLike<number>[] = [];

  constructor(
    private readonly m: number,
    private readonly norm: Normalization,
    private readonly opts: HistoryOptions,
  ) {
    this.stride = historyStride(opts.generations);
    // A bounded run replays through an archive with the same bound (it sees every feasible row, the run only its
    // first fronts, so the two bounded archives can differ slightly; unbounded, they are equal).
    this.archive = new ParetoArchive(m, opts.archiveLimit);
    this.recorded = opts.archiveLimit === undefined ? opts.frontAt : undefined;
    // Unbounded: the rows before the last take running indicators (historyIncremental.ts), updated per design
    // instead of recomputed per generation; the estimate only matters where runHypervolume would estimate (4+).
    const unbounded = opts.archiveLimit === undefined;
    this.runningHv =
      unbounded && m >= 4 ? new RunningHvEstimate(m, norm.reference, HV_ESTIMATE_SAMPLES, HV_ESTIMATE_SEED) : undefined;
    // the running IGD+ costs |designs| × |reference|: the whole front up to RUNNING_IGD_FULL_FRONT points, else
    // the sample
    const runningReference =
      opts.trueFront === undefined
        ? undefined
        : opts.trueFront.length <= RUNNING_IGD_FULL_FRONT
          ? opts.trueFront
          : igdReference(opts.trueFront, Infinity);
    // With the run's recorded fronts in 2-D, each row's IGD+ against the same reference on the front's staircase
    // (src/optimize/indicators/igd.ts) is the running value to the last bit (the same d+² expressions, minimized
    // over the front, which holds the minimum: see feedRunning()), at a fraction of the per-entrant cost.
    // (flattened once: igdPlus would copy the reference into a flat matrix on every row)
    this.staircaseIgd =
      this.recorded !== undefined && m === 2 && runningReference !== undefined
        ? toMatrix(runningReference, m)
        : undefined;
    this.runningIgd =
      unbounded && runningReference !== undefined && this.staircaseIgd === undefined
        ? new RunningIgdPlus(m, runningReference)
        : undefined;
    this.scale = norm.ideal.map((v, k) => 1 / (norm.nadir[k]! - v));
    this.y = new Float64Array(m);
  }

  /** One logged evaluation, in log order. */
  row(e: LoggedEvaluation): void {
    if (e.generation !== this.gen) {
      if (this.gen >= 0 && ++this.blockGenerations >= this.stride) this.close(false);
      // a bounded archive's cut depends on when it is read: read at every generation's end, as the run reads its own
      else if (this.gen >= 0 && this.opts.archiveLimit !== undefined) this.archive.items();
      this.gen = e.generation;
    }
    this.evaluated++;
    this.blockCount++;
    this.lastIndex = Math.max(this.lastIndex, e.index);
    if (e.failure !== null) this.failures++;
    if (e.cv !== 0) return;
    this.blockFeasible++;
    if (!e.f.every(Number.isFinite)) return;
    if (this.recorded === undefined) {
      this.archive.add({ f: e.f, cv: 0, evalIndex: e.index });
      this.runningIgd?.add(e.f);
    }
    if (this.runningHv !== undefined && this.recorded === undefined) this.addToRunningHv(e.f, e.index);
    // with recorded fronts neither the row nor e.f is kept (the archive above is the unrecorded path)
  }

  /** The rows: the earlier rows' estimates first, so the final front's exact hypervolume is the last step. */
  finish(): GenerationStats[] {
    for (const { row, maxIndex } of this.deferredRows) {
      const e = this.runningHv!.estimate(maxIndex);
      this.out[row] = { ...this.out[row]!, hypervolume: e.value, hypervolumeStandardError: e.standardError };
    }
    if (this.blockCount > 0) this.close(true);
    return this.out;
  }

  private addToRunningHv(f: ArrayLike<number>, index: number): void {
    const { m, norm, scale, y } = this;
    for (let k = 0; k < m; k++) y[k] = (f[k]! - norm.ideal[k]!) * scale[k]!;
    this.runningHv!.add(y, index);
  }

  /** The row of the block ending at this generation. */
  private close(last: boolean): void {
    const gen = this.gen;
    const front = this.recorded !== undefined ? this.recorded(gen) : this.archive.items().map((a) => a.f);
    if (front === undefined) throw new Error(`history: the run recorded no front for generation ${gen}`);
    if (this.recorded !== undefined && (this.runningIgd !== undefined || this.runningHv !== undefined))
      this.feedRunning(front);
    const hv = this.rowHypervolume(front, last);
    const igd = this.rowIgd(front, last);
    this.out.push({
      generation: gen,
      evaluations: this.evaluated,
      feasibleShare: this.blockFeasible / this.blockCount,
      failures: this.failures,
      frontSize: front.length,
      hypervolume: hv.value,
      ...(hv.standardError !== undefined ? { hypervolumeStandardError: hv.standardError } : {}),
      ...(igd !== undefined ? { igdPlus: igd } : {}),
    });
    this.blockCount = 0;
    this.blockFeasible = 0;
    this.blockGenerations = 0;
  }

  /**
   * Only designs on the front can lower a running IGD+ minimum: d+ is monotone under dominance, to the last bit
   * (a ≥ b componentwise gives max(a − z, 0)² ≥ max(b − z, 0)² in floating point), so the minimum over every
   * design seen equals the minimum over the front's entrants since the last row.
   * Likewise a sample is dominated by some design evaluated up to this row exactly when it is dominated by one on
   * this row's front (the unbounded archive keeps a dominator of every design seen), so the running estimate
   * takes the entrants with this row's last evaluation index: its earliest-dominator search then runs over
   * the designs that ever reached a row's front (241,671 of the 384,000 evaluated in a 60-generation
   * 5-objective run) instead of all, and it only ever asks about rows' last indices, where the counts agree.
   */
  private feedRunning(front: readonly ArrayLike<number>[]): void {
    const entered = new Set<ArrayLike<number>>(front);
    for (const f of this.previousFront) entered.delete(f);
    for (const f of entered) {
      this.runningIgd?.add(f);
      if (this.runningHv !== undefined && allFinite(f)) this.addToRunningHv(f, this.lastIndex);
    }
    this.previousFront = front;
  }

  /**
   * The last row is the final front's: exact; earlier rows follow the run-time rule (an estimate for 4+ objectives).
   * A running estimate is filled in after the replay (it needs every design: see historyIncremental.ts).
   */
  private rowHypervolume(
    front: readonly ArrayLike<number>[],
    last: boolean,
  ): { value: number; standardError?: number } {
    const deferred = !last && this.runningHv !== undefined && front.length > EXACT_HV_POINTS;
    if (deferred) this.deferredRows.push({ row: this.out.length, maxIndex: this.lastIndex });
    const leftToCaller = last && front === this.opts.deferFinalHypervolumeOf;
    const onFinal = last && !leftToCaller ? this.opts.onFinalHypervolume : undefined;
    onFinal?.(0, front.length);
    const exactProgress = onFinal && ((share: number): void => onFinal(share, front.length));
    return leftToCaller || deferred
      ? { value: NaN }
      : last
        ? { value: normalizedHypervolume(front, this.norm, exactProgress) }
        : runHypervolume(front, this.norm);
  }

  private rowIgd(front: readonly ArrayLike<number>[], last: boolean): number | undefined {
    const { opts, m } = this;
    if (!opts.trueFront || front.length === 0) return undefined;
    if (last) return igdPlus(front, opts.trueFront, m);
    if (this.staircaseIgd !== undefined) return igdPlus(front, this.staircaseIgd, m);
    if (this.runningIgd !== undefined) return this.runningIgd.value();
    return igdPlus(front, igdReference(opts.trueFront, front.length), m);
  }
}
