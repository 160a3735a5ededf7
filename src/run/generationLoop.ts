/**
 * The run's generation loop: ask → evaluate → tell → log, one generation at a time, with the stop rules, the fronts
 * recorded for the history, checkpoints and progress reports. Nothing here changes a result with the clock: the clock
 * only decides when a checkpoint is written and what a progress report says.
 */
import type { AlgorithmProgress } from '../optimize/algorithm.js';
import type { Evaluation } from '../optimize/types.js';
import {
  historyStride,
  liveNormalization,
  normalizationOf,
  runHypervolume,
  type FixedNormalization,
  type Normalization,
} from './history.js';
import { toLogged, type LoggedEvaluation } from './log.js';
import type { LoadedStudy } from './problem.js';
import { writeCheckpoint } from './checkpoint.js';
import {
  fixedNormalizationOf,
  inheritedOf,
  maxGenerationsOf,
  type LoopOutcome,
  type RunContext,
} from './runContext.js';

/**
 * Generations between recorded fronts: the history's stride (one row per block of that many generations) when the
 * run's length in generations is known in advance (a generation budget without a stagnation rule), else 1. Reading the
 * archive costs a merge of its buffered candidates (3+ objectives), so it is read only where a row needs it.
 */
export function recordingStride(settings: LoadedStudy['algorithm']): number {
  const max = maxGenerationsOf(settings);
  return max !== null && settings.evaluations === undefined && !settings.stagnation ? historyStride(max) : 1;
}

/**
 * Objective vectors the recorded fronts may hold in all (8 bytes per reference, the vectors themselves are shared with
 * the archive).
 */
export const HISTORY_FRONT_POINTS = 4_000_000;

/**
 * The algorithm's progress less an inherited warm start (./runContext.ts inheritedOf): the generations and evaluations
 * spent from the budget.
 */
function spent(ctx: RunContext, p: AlgorithmProgress): AlgorithmProgress {
  const inherited = inheritedOf(ctx.run.meta);
  return {
    generation: Math.max(0, p.generation - inherited.generations),
    evaluations: Math.max(0, p.evaluations - inherited.evaluations),
  };
}

/** Why the run stops before the next generation, or null to go on. */
function stopReasonBefore(ctx: RunContext, generationsThisProcess: number): string | null {
  const settings = ctx.run.loaded.algorithm;
  const { generation, evaluations } = spent(ctx, ctx.algorithm.progress());
  const maxGenerations = maxGenerationsOf(settings);
  const maxEvaluations = settings.evaluations ?? null;
  if (maxGenerations !== null && generation >= maxGenerations) return `reached ${maxGenerations} generations`;
  if (maxEvaluations !== null && evaluations >= maxEvaluations) return `reached ${maxEvaluations} evaluations`;
  const stag = settings.stagnation;
  const hv = ctx.liveHv;
  if (stag && hv.length > stag.window && hv[hv.length - 1]! - hv[hv.length - 1 - stag.window]! < stag.tolerance) {
    return `hypervolume improved by less than ${stag.tolerance} over ${stag.window} generations`;
  }
  if (ctx.opts.stopAfterGenerations !== undefined && generationsThisProcess >= ctx.opts.stopAfterGenerations)
    return 'interrupted';
  return null;
}

/**
 * Without algorithm.checkpointEvery, a checkpoint is written at the first generation boundary this long after the
 * previous one (or after this process started the loop): how much work an interruption may cost, whatever a
 * generation costs. Each checkpoint is an fsynced file (ZDT1, 200 generations of 100: 20 checkpoints every 10
 * generations were ~7 % of the whole command's CPU).
 */
export const CHECKPOINT_INTERVAL_MS = 10_000;

/** What the loop carries from one generation to the next. */
interface LoopState {
  /** The progress display's hypervolume normalization, fixed at the first feasible front (benchmarks: at once). */
  displayNorm: Normalization | undefined;
  evalTime_s: number;
  evaluated: number;
  proposeTime_s: number;
  proposed: number;
  generationsThisProcess: number;
  lastCheckpointMs: number;
  /** The first progress report's elapsed time and completed share: where the ETA's measured rate starts. */
  etaBase: EtaPoint | null;
}

/** A progress report's elapsed time [s] and the share of the budget done [-]. */
export interface EtaPoint {
  readonly elapsed_s: number;
  readonly done: number;
}

/**
 * Time left [s] at the rate measured since the first report: none (null) until a second report, since the time before
 * the first one holds the start-up (loading, workers, the JIT's warm-up) and read as a rate made the first estimate
 * 20–40× too long on a short run.
 */
export function etaFromRate(base: EtaPoint | null, now: EtaPoint): number | null {
  if (base === null || !(now.done > base.done)) return null;
  return ((now.elapsed_s - base.elapsed_s) * (1 - now.done)) / (now.done - base.done);
}

/** ask → evaluate → tell → log, one generation at a time, with checkpoints and progress reports. */
export async function generationLoop(ctx: RunContext): Promise<LoopOutcome> {
  const benchmark = fixedNormalizationOf(ctx.run.loaded);
  const state: LoopState = {
    displayNorm: ctx.run.checkpoint?.liveNormalization,
    evalTime_s: 0,
    evaluated: 0,
    proposeTime_s: 0,
    proposed: 0,
    generationsThisProcess: 0,
    lastCheckpointMs: ctx.now().getTime(),
    etaBase: null,
  };
  for (;;) {
    // Let pending events run once per generation (Ctrl-C in a main-thread run); it changes no result.
    await new Promise((resolve) => setImmediate(resolve));
    const stopReason = stopReasonBefore(ctx, state.generationsThisProcess);
    if (stopReason !== null) {
      const { evalTime_s, evaluated, proposeTime_s, proposed } = state;
      return { stopReason, evalTime_s, evaluated, proposeTime_s, proposed };
    }
    await oneGeneration(ctx, state, benchmark);
  }
}

/** One generation: evaluated, told, logged; then the archive's reads, a checkpoint when due and a progress report. */
async function oneGeneration(ctx: RunContext, state: LoopState, benchmark: FixedNormalization): Promise<void> {
  const { opts, algorithm, evaluator, log } = ctx;
  const { problem } = ctx.run.loaded;
  const { generation, evaluations } = algorithm.progress();
  // process.hrtime: the performance global loads perf_hooks and its modules on first use (~3 ms of every run)
  const tp = process.hrtime.bigint();
  const batch = algorithm.ask();
  const te = process.hrtime.bigint();
  if (generation > 0) {
    // the first batch is the start design, drawn without a model: a surrogate's cost per proposal is the rest
    state.proposeTime_s += Number(te - tp) / 1e9;
    state.proposed += batch.length;
  }
  const inherited = generation === 0 ? ctx.run.initial?.inherited : undefined;
  let results: readonly Evaluation[];
  if (inherited !== undefined) {
    // an earlier run of this problem evaluated the first batch (its warm-start designs, exactly): answered from its log
    if (inherited.length !== batch.length)
      throw new Error(`${algorithm.name}: first batch of ${batch.length} designs for ${inherited.length} inherited`);
    results = inherited;
  } else {
    results = await evaluator.evaluate(batch);
    state.evalTime_s += Number(process.hrtime.bigint() - te) / 1e9;
    state.evaluated += batch.length;
  }
  algorithm.tell(results);
  const rows = batch.map((x, i) => toLogged(problem, evaluations + i, generation, x, results[i]!));
  log.append(rows);
  state.generationsThisProcess++;

  const frontNow = readArchiveWhereUsed(ctx, state, generation, benchmark);
  const p = algorithm.progress();
  // one clock reading per generation
  const nowMs = ctx.now().getTime();
  const elapsed_s = ctx.elapsedBefore + (nowMs - ctx.t0) / 1000;
  checkpointIfDue(ctx, state, p, nowMs, elapsed_s);
  if (opts.onProgress) await reportProgress(ctx, state, p, rows, elapsed_s, frontNow);
}

/**
 * The archive is read only when this generation uses its front: a history row's recorded front, the stagnation rule,
 * the display's normalization (until the first feasible front), or a progress display that asks for it (through the
 * function returned, which reads it at most once per generation). A bounded archive is read every generation, as its
 * cut depends on when reads happen (the same front for a seed).
 */
function readArchiveWhereUsed(
  ctx: RunContext,
  state: LoopState,
  generation: number,
  benchmark: FixedNormalization,
): () => Float64Array[] {
  const { algorithm, liveHv } = ctx;
  const { loaded } = ctx.run;
  const m = loaded.problem.objectives.length;
  let archiveFront: Float64Array[] | undefined;
  const frontNow = (): Float64Array[] => (archiveFront ??= algorithm.archive().map((ind) => ind.f));
  if (loaded.algorithm.archiveLimit !== undefined) frontNow();
  if (ctx.fronts !== undefined && (generation + 1) % ctx.fronts.every === 0) {
    const front = frontNow();
    ctx.fronts.byGeneration[generation] = front;
    ctx.fronts.points += front.length;
    if (ctx.fronts.points > HISTORY_FRONT_POINTS) ctx.fronts = undefined;
  }
  // Only the stagnation rule reads this series: without one, no hypervolume is computed per generation.
  if (loaded.algorithm.stagnation)
    liveHv.push(runHypervolume(frontNow(), normalizationOf(frontNow(), m, benchmark)).value);
  if (state.displayNorm === undefined && (benchmark !== false || frontNow().length > 0))
    state.displayNorm = liveNormalization(frontNow(), m, benchmark);
  return frontNow;
}

/**
 * A checkpoint every `checkpointEvery` generations, else at the first boundary CHECKPOINT_INTERVAL_MS after
 * the last one.
 */
function checkpointIfDue(
  ctx: RunContext,
  state: LoopState,
  p: AlgorithmProgress,
  nowMs: number,
  elapsed_s: number,
): void {
  const { run, algorithm, log, liveHv } = ctx;
  const { loaded } = run;
  const every = loaded.algorithm.checkpointEvery;
  if (every !== undefined ? p.generation % every === 0 : nowMs - state.lastCheckpointMs >= CHECKPOINT_INTERVAL_MS) {
    state.lastCheckpointMs = nowMs;
    // a Parquet log writes its buffered rows as a row group and footer: the checkpoint's length ends a whole file
    log.flush();
    const displayNorm = state.displayNorm;
    writeCheckpoint(run.runDir, {
      formatVersion: 1,
      studyHash: loaded.hash,
      generation: p.generation,
      evaluations: p.evaluations,
      logBytes: log.byteLength,
      liveHypervolume: liveHv,
      ...(displayNorm !== undefined ? { liveNormalization: displayNorm } : {}),
      elapsed_s,
      snapshot: algorithm.snapshot({ archive: false }),
      logSha256: log.sha256,
    });
  }
}

/** Tells opts.onProgress where the run stands; the front's size and hypervolume are computed only when read. */
async function reportProgress(
  ctx: RunContext,
  state: LoopState,
  p: AlgorithmProgress,
  rows: readonly LoggedEvaluation[],
  elapsed_s: number,
  frontNow: () => Float64Array[],
): Promise<void> {
  const norm = state.displayNorm;
  const { opts, evaluator, log } = ctx;
  const settings = ctx.run.loaded.algorithm;
  const own = spent(ctx, p);
  const maxGenerations = maxGenerationsOf(settings);
  const maxEvaluations = settings.evaluations ?? null;
  const done = Math.max(
    maxGenerations !== null ? own.generation / maxGenerations : 0,
    maxEvaluations !== null ? own.evaluations / maxEvaluations : 0,
  );
  const info = {
    generation: own.generation,
    maxGenerations,
    evaluations: own.evaluations,
    maxEvaluations,
    feasibleShare: rows.filter((r) => r.cv === 0).length / rows.length,
    failures: log.counts.failures,
    elapsed_s,
    eta_s: etaFromRate(state.etaBase, { elapsed_s, done }),
    ...(evaluator.remoteStatus !== undefined ? { remote: await evaluator.remoteStatus() } : {}),
    ...(evaluator.localStatus !== undefined ? { local: evaluator.localStatus() } : {}),
  };
  state.etaBase ??= { elapsed_s, done };
  // computed when read, once (a --quiet run never shows them)
  let hv: number | undefined;
  Object.defineProperties(info, {
    frontSize: { enumerable: true, get: (): number => frontNow().length },
    hypervolume: {
      enumerable: true,
      get: (): number => (hv ??= norm !== undefined ? runHypervolume(frontNow(), norm).value : 0),
    },
  });
  opts.onProgress?.(info as typeof info & { readonly frontSize: number; readonly hypervolume: number });
}
