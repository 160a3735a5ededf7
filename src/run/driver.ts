/**
 * The run driver: ask/tell loop over any Evaluator, the evaluation log, live progress, checkpoints every
 * few generations, resume after a kill (-9 included), and the result files — written atomically.
 * Same seed ⇒ byte-identical pareto.json whatever the worker count: evaluation is pure and results are
 * told in input order; nothing time-dependent goes into pareto.json (timings live in run.json).
 */
import { renameSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Algorithm, AlgorithmOptions, AlgorithmSnapshot, Individual } from '../problem/algorithm.js';
import type { Problem } from '../problem/types.js';
import { SerialEvaluator, type Evaluator, type RemoteStatus } from '../parallel/evaluator.js';
import {
  generationHistory,
  historyStride,
  type FixedNormalization,
  liveNormalization,
  normalizationOf,
  normalizedHypervolumeParallel,
  runHypervolume,
} from './history.js';
import { threadsPay } from '../indicators/hypervolumeParallel.js';
import { EvaluationLog, toLogged } from './log.js';
import type { LoadedStudy } from './problem.js';
import type { LpSolver } from '../problem/lp.js';
import { benchmarkNormalization, paretoFront } from '../problem/benchmarks.js';
import { largeArchiveNote } from './largeArchive.js';
import { reportedFront, writeResults, type RunCounts, type RunMeta, type WrittenResults } from './results.js';
import type { SampledEvaluations } from './evaluationSample.js';
import { CHECKPOINT, CHECKPOINT_PREVIOUS, writeCheckpoint } from './checkpoint.js';
import { LOG_FINAL, LOG_PARTIAL, openRunFolder, type OpenRun } from './runFolder.js';
import { diskWriteError } from './atomic.js';
import { ODC_VERSION } from './versions.js';
import { budgetRegimeText } from './budgetRegime.js';
import type { DecisionSummary } from './recommend.js';

export type AlgorithmFactoryByName = (
  name: string,
  problem: Problem,
  options: AlgorithmOptions,
  snapshot?: AlgorithmSnapshot,
) => Algorithm;

export interface ProgressInfo {
  readonly generation: number;
  readonly maxGenerations: number | null;
  readonly evaluations: number;
  readonly maxEvaluations: number | null;
  readonly feasibleShare: number;
  readonly failures: number;
  readonly frontSize: number;
  /**
   * Hypervolume of the current front on a normalization fixed at the first generation with a feasible front
   * (that front's ideal and nadir widened, see `liveNormalization` in history.ts; benchmarks: their true front's
   * extent, as in run.json) — it never falls, as the archive only grows in dominated volume. 0 until a feasible design
   * is found. Not comparable across runs (run.json's history uses the final front's normalization).
   */
  readonly hypervolume: number;
  readonly elapsed_s: number;
  /** Estimated seconds to go, or null when the run stops on stagnation only. */
  readonly eta_s: number | null;
  /** Distributed runs: connected `odc worker` processes and each worker's evaluations and rate so far. */
  readonly remote?: RemoteStatus;
}

/**
 * The steps after the last generation, told as each starts (and the hypervolume's as it goes): on a long run in 4+
 * objectives they take as long as the generations (60 generations of 6,400 in 5 objectives: ~10 s of generations,
 * then ~20 s of these), so a display shows them instead of going quiet.
 */
export interface FinishingProgress {
  /**
   * history: the log replayed into run.json's per-generation rows (`count` evaluations); hypervolume: the final front's
   * exact hypervolume (`count` designs of the archive); results: evaluations.csv, pareto.json, pareto.csv, run.json;
   * report: report.html and report.md (`count` Pareto designs for both).
   */
  readonly step: 'history' | 'hypervolume' | 'results' | 'report';
  readonly count: number;
  readonly objectives: number;
  /** Share of the step done where it can tell (the hypervolume's sweep of a large 4+-objective front), from 0 to 1. */
  readonly share?: number;
}

export interface RunOptions {
  readonly studyPath?: string;
  readonly resumeDir?: string;
  readonly outDir?: string;
  /** Replaces the study's `algorithm.seed` for this run (not with resumeDir: a resumed run keeps its seed). */
  readonly seed?: number;
  /** 0 = evaluate in this thread; N ≥ 1 = a pool of N worker threads. */
  readonly workers?: number;
  readonly onProgress?: (p: ProgressInfo) => void;
  /** Told at each step after the last generation (see FinishingProgress). */
  readonly onFinishing?: (f: FinishingProgress) => void;
  /**
   * Threads for the final front's exact hypervolume where they pay (src/indicators/hypervolumeParallel.ts; the value
   * is the same for any number). Default: the machine's available parallelism.
   */
  readonly hypervolumeThreads?: number;
  /**
   * With resumeDir: continue from checkpoint.prev.json, setting a damaged checkpoint.json aside
   * (--from-previous-checkpoint).
   */
  readonly fromPreviousCheckpoint?: boolean;
  /** Stop after this many generations in this process (used by tests to simulate an interruption). */
  readonly stopAfterGenerations?: number;
  /** Clock, injected so the library has no hidden time source (timestamps only go to run.json). */
  readonly now?: () => Date;
  /**
   * Evaluate on Redis workers (`odc worker`) instead of this machine: URL (its password never stored) and queue name.
   */
  readonly redis?: { readonly url: string; readonly queue: string; readonly reconnectTimeout_s?: number };
  /** LP solver for constellation studies (the library root passes the solvers/lp one). */
  readonly lpSolver?: LpSolver;
  /**
   * Hook called after the result files are written (e.g. to render reports), with the report's sample of
   * evaluations.csv when the run still holds its rows in memory (then the file need not be read back), and the
   * texts of run.json and pareto.json as written.
   */
  readonly afterResults?: (
    runDir: string,
    evaluations?: SampledEvaluations,
    written?: WrittenResults,
  ) => void | Promise<void>;
}

export interface RunSummary extends RunCounts {
  readonly runDir: string;
  readonly status: 'complete' | 'interrupted';
  readonly wall_s: number;
  /** Final hypervolume on the run's normalization (live value when interrupted). */
  readonly hypervolume: number;
  /** How the run folder was opened, when the user should know (a stale lock taken over, a stopped commit finished). */
  readonly notes?: readonly string[];
  /** Complete runs: the recommended designs and what binds them (as in run.json). */
  readonly decision?: DecisionSummary;
}

/** What the generation loop works on: the open run folder, the algorithm, where it evaluates and logs. */
interface RunContext {
  readonly opts: RunOptions;
  readonly run: OpenRun;
  readonly algorithm: Algorithm;
  readonly evaluator: Evaluator;
  readonly log: EvaluationLog;
  readonly now: () => Date;
  /** Wall-clock start of this process's share of the run [ms], and the seconds spent before a resume. */
  readonly t0: number;
  readonly elapsedBefore: number;
  /** Live hypervolume per generation on the current front's normalization (read by the stagnation rule). */
  readonly liveHv: number[];
  /**
   * The front after the generations that end a history row (the objective vectors of `algorithm.archive()`), for the
   * history, which would otherwise rebuild the same archive from the log: kept for unbounded archives of runs not
   * resumed, up to HISTORY_FRONT_POINTS points in all (then dropped: the history replays). `every`: the generations
   * recorded are those g with (g + 1) % every === 0 (see recordingStride), and the last one at the end of the run.
   */
  fronts: { readonly byGeneration: (readonly Float64Array[])[]; points: number; readonly every: number } | undefined;
}

/**
 * Generations between recorded fronts: the history's stride (one row per block of that many generations) when the
 * run's length in generations is known in advance (a generation budget without a stagnation rule), else 1. Reading the
 * archive costs a merge of its buffered candidates (3+ objectives), so it is read only where a row needs it.
 */
function recordingStride(settings: LoadedStudy['algorithm']): number {
  const max = maxGenerationsOf(settings);
  return max !== null && settings.evaluations === undefined && !settings.stagnation ? historyStride(max) : 1;
}

/**
 * Objective vectors the recorded fronts may hold in all (8 bytes per reference, the vectors themselves are shared with
 * the archive).
 */
export const HISTORY_FRONT_POINTS = 4_000_000;

interface LoopOutcome {
  readonly stopReason: string;
  readonly evalTime_s: number;
}

export async function runStudy(opts: RunOptions, createAlgorithm: AlgorithmFactoryByName): Promise<RunSummary> {
  const now = opts.now ?? (() => new Date());
  const t0 = now().getTime();
  const run = openRunFolder(opts, now);
  // The folder's lock is held until the run ends, whatever the end: complete, interrupted or an error.
  try {
    return await runOpened(opts, createAlgorithm, run, now, t0);
  } catch (e) {
    // A full disk (or a lost permission) while appending to the log: exit 2 naming the folder, not a stack trace.
    const path = (e as { path?: unknown } | null)?.path;
    throw diskWriteError(e, typeof path === 'string' ? path : join(run.runDir, LOG_PARTIAL)) ?? e;
  } finally {
    run.lock.release();
  }
}

async function runOpened(
  opts: RunOptions,
  createAlgorithm: AlgorithmFactoryByName,
  run: OpenRun,
  now: () => Date,
  t0: number,
): Promise<RunSummary> {
  const { loaded, checkpoint } = run;
  const settings = loaded.algorithm;
  // A warm start seeds a fresh run only (a resumed one continues from its snapshot): read when the folder was made.
  const initial = checkpoint === undefined ? run.initial : undefined;
  const evaluator = await createEvaluator(opts, run);
  const algOptions: AlgorithmOptions = {
    population: settings.population,
    seed: settings.seed,
    ...(settings.partitions !== undefined ? { partitions: settings.partitions } : {}),
    ...(settings.archiveLimit !== undefined ? { archiveLimit: settings.archiveLimit } : {}),
    ...(settings.evaluations !== undefined ? { evaluations: settings.evaluations } : {}),
    ...(settings.batch !== undefined ? { batch: settings.batch } : {}),
  };
  let log: EvaluationLog;
  let algorithm: Algorithm;
  try {
    algorithm = createAlgorithm(
      settings.name,
      loaded.problem,
      initial !== undefined ? { ...algOptions, initial } : algOptions,
      checkpoint?.snapshot,
    );
    // Checkpoints leave the archive out (it grows without bound); it is rebuilt from the log's feasible rows.
    const rebuildArchive = checkpoint !== undefined && checkpoint.snapshot['archive'] === null;
    const alg = algorithm;
    const verified = run.logHash !== undefined ? { verified: run.logHash } : {};
    const resume =
      checkpoint !== undefined ? { bytes: checkpoint.logBytes, sha256: checkpoint.logSha256, ...verified } : undefined;
    log = new EvaluationLog(
      join(run.runDir, LOG_PARTIAL),
      loaded.problem,
      resume,
      rebuildArchive
        ? (row) => {
            if (row.cv === 0 && row.f.every(Number.isFinite))
              alg.offerToArchive({ x: row.x, f: row.f, g: row.g, cv: row.cv, evalIndex: row.index });
          }
        : undefined,
    );
  } catch (e) {
    await evaluator.close();
    throw e;
  }
  const ctx: RunContext = {
    opts,
    run,
    algorithm,
    evaluator,
    log,
    now,
    t0,
    elapsedBefore: checkpoint?.elapsed_s ?? 0,
    liveHv: [...(checkpoint?.liveHypervolume ?? [])],
    fronts:
      checkpoint === undefined && settings.archiveLimit === undefined
        ? { byGeneration: [], points: 0, every: recordingStride(settings) }
        : undefined,
  };
  let outcome: LoopOutcome;
  let records: unknown[] | undefined;
  let reported: Individual[] | undefined;
  try {
    outcome = await generationLoop(ctx);
    if (outcome.stopReason !== 'interrupted') {
      reported = reportedFront(algorithm.archive());
      // Costly records (constellations) of the reported designs are computed by the pool, not serially here.
      if (evaluator.records !== undefined && loaded.record !== null)
        records = await evaluator.records(reported.map((ind) => ind.x));
    }
  } finally {
    log.close();
    await evaluator.close();
  }
  return finishRun(ctx, outcome, reported, records);
}

/** Redis workers, a worker-thread pool, or this thread (BullMQ and piscina are loaded only when used). */
async function createEvaluator(opts: RunOptions, run: OpenRun): Promise<Evaluator> {
  const { loaded, runDir } = run;
  const { problem } = loaded;
  const workers = opts.workers ?? 0;
  if (opts.redis !== undefined) {
    const { RedisEvaluator } = await import('../parallel/redisEvaluator.js');
    return new RedisEvaluator({
      ...opts.redis,
      studyText: loaded.studyText,
      studyHash: loaded.hash,
      odcVersion: ODC_VERSION,
      objectives: problem.objectives.length,
      constraints: problem.constraints.length,
    });
  }
  if (workers > 0) {
    const { PoolEvaluator } = await import('../parallel/pool.js');
    return new PoolEvaluator({
      studyPath: join(runDir, 'study.yaml'),
      studyHash: loaded.hash,
      workers,
      objectives: problem.objectives.length,
      constraints: problem.constraints.length,
    });
  }
  return new SerialEvaluator(problem);
}

/**
 * Benchmarks: HV on the true front's extent (the identity when it is [0, 1]^m), the same for every run of the problem.
 */
const fixedNormalizationOf = (loaded: LoadedStudy): FixedNormalization =>
  loaded.benchmark
    ? (benchmarkNormalization(loaded.benchmark.problem, loaded.problem.objectives.length) ?? true)
    : false;

const maxGenerationsOf = (s: LoadedStudy['algorithm']): number | null =>
  s.generations ?? (s.evaluations === undefined ? 100 : null);

/** Why the run stops before the next generation, or null to go on. */
function stopReasonBefore(ctx: RunContext, generationsThisProcess: number): string | null {
  const settings = ctx.run.loaded.algorithm;
  const { generation, evaluations } = ctx.algorithm.progress();
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

/** ask → evaluate → tell → log, one generation at a time, with checkpoints and progress reports. */
async function generationLoop(ctx: RunContext): Promise<LoopOutcome> {
  const { opts, run, algorithm, evaluator, log, liveHv } = ctx;
  const { loaded } = run;
  const { problem } = loaded;
  const m = problem.objectives.length;
  const benchmark = fixedNormalizationOf(loaded);
  let displayNorm = run.checkpoint?.liveNormalization;
  let evalTime_s = 0;
  let generationsThisProcess = 0;
  let lastCheckpointMs = ctx.now().getTime();
  for (;;) {
    // Let pending events run once per generation (Ctrl-C in a main-thread run); it changes no result.
    await new Promise((resolve) => setImmediate(resolve));
    const stopReason = stopReasonBefore(ctx, generationsThisProcess);
    if (stopReason !== null) return { stopReason, evalTime_s };
    const { generation, evaluations } = algorithm.progress();
    const batch = algorithm.ask();
    // process.hrtime: the performance global loads perf_hooks and its modules on first use (~3 ms of every run)
    const te = process.hrtime.bigint();
    const results = await evaluator.evaluate(batch);
    evalTime_s += Number(process.hrtime.bigint() - te) / 1e9;
    algorithm.tell(results);
    const rows = batch.map((x, i) => toLogged(problem, evaluations + i, generation, x, results[i]!));
    log.append(rows);
    generationsThisProcess++;

    // The archive is read only when this generation uses its front: a history row's recorded front, the stagnation
    // rule, the display's normalization (until the first feasible front), or a progress display that asks for it. A
    // bounded archive is read every generation, as its cut depends on when reads happen (the same front for a seed).
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
    if (displayNorm === undefined && (benchmark !== false || frontNow().length > 0))
      displayNorm = liveNormalization(frontNow(), m, benchmark);
    const p = algorithm.progress();
    // one clock reading per generation
    const nowMs = ctx.now().getTime();
    const elapsed_s = ctx.elapsedBefore + (nowMs - ctx.t0) / 1000;
    const every = loaded.algorithm.checkpointEvery;
    if (every !== undefined ? p.generation % every === 0 : nowMs - lastCheckpointMs >= CHECKPOINT_INTERVAL_MS) {
      lastCheckpointMs = nowMs;
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
    if (opts.onProgress) {
      const maxGenerations = maxGenerationsOf(loaded.algorithm);
      const maxEvaluations = loaded.algorithm.evaluations ?? null;
      const done = Math.max(
        maxGenerations !== null ? p.generation / maxGenerations : 0,
        maxEvaluations !== null ? p.evaluations / maxEvaluations : 0,
      );
      const norm = displayNorm;
      const info = {
        generation: p.generation,
        maxGenerations,
        evaluations: p.evaluations,
        maxEvaluations,
        feasibleShare: rows.filter((r) => r.cv === 0).length / rows.length,
        failures: log.counts.failures,
        elapsed_s,
        eta_s: done > 0 ? (elapsed_s * (1 - done)) / done : null,
        ...(evaluator.remoteStatus !== undefined ? { remote: await evaluator.remoteStatus() } : {}),
      };
      // computed when read, once (a --quiet run never shows them)
      let hv: number | undefined;
      Object.defineProperties(info, {
        frontSize: { enumerable: true, get: (): number => frontNow().length },
        hypervolume: {
          enumerable: true,
          get: (): number => (hv ??= norm !== undefined ? runHypervolume(frontNow(), norm).value : 0),
        },
      });
      opts.onProgress(info as typeof info & { readonly frontSize: number; readonly hypervolume: number });
    }
  }
}

/** Failure reasons, most frequent first (ties by reason). */
function failureReasonsOf(log: EvaluationLog): RunCounts['failureReasons'] {
  return [...log.counts.failureReasons]
    .map(([reason, count]) => ({ reason, count }))
    .sort((a, b) => b.count - a.count || (a.reason < b.reason ? -1 : 1));
}

const notesOf = (notes: readonly string[]): { notes?: readonly string[] } => (notes.length > 0 ? { notes } : {});

/** An interrupted run keeps its checkpoint; a finished one gets its history, result files and reports. */
/** `reported`: the archive's reported front (computed once, before the pool closed), absent when interrupted. */
async function finishRun(
  ctx: RunContext,
  outcome: LoopOutcome,
  reportedDesigns?: readonly Individual[],
  records?: readonly unknown[],
): Promise<RunSummary> {
  const { opts, run, algorithm, log, liveHv } = ctx;
  const { runDir, loaded } = run;
  const { problem } = loaded;
  const { stopReason } = outcome;
  const m = problem.objectives.length;
  const p = algorithm.progress();
  const wall_s = ctx.elapsedBefore + (ctx.now().getTime() - ctx.t0) / 1000;
  const failureReasons = failureReasonsOf(log);
  const archive = algorithm.archive();
  const { failures, feasible } = log.counts;

  if (stopReason === 'interrupted') {
    const front = archive.map((ind) => ind.f);
    return {
      runDir,
      status: 'interrupted',
      generations: p.generation,
      evaluations: p.evaluations,
      failures,
      feasible,
      paretoSize: archive.length,
      stopReason,
      wall_s,
      hypervolume:
        liveHv[liveHv.length - 1] ??
        runHypervolume(front, normalizationOf(front, m, fixedNormalizationOf(loaded))).value,
      leastInfeasible: [],
      failureReasons,
      ...notesOf(run.notes),
    };
  }

  const finalFront = archive.map((ind) => ind.f);
  const norm = normalizationOf(finalFront, m, fixedNormalizationOf(loaded));
  const trueFront = loaded.benchmark ? paretoFront(loaded.benchmark.problem, m) : undefined;
  // the recorded fronts serve the history when they hold every row's generation (the last one is the final front)
  const recordedEvery = ctx.fronts?.every;
  const fronts =
    recordedEvery === 1 || recordedEvery === historyStride(p.generation) ? ctx.fronts?.byGeneration : undefined;
  if (fronts !== undefined && p.generation > 0) fronts[p.generation - 1] ??= finalFront;
  const tell = opts.onFinishing;
  const hvProgress =
    (count: number) =>
    (share: number): void =>
      tell?.({ step: 'hypervolume', count, objectives: m, share });
  // The final front's exact hypervolume on several threads where they pay (large fronts in 5+ objectives), after the
  // replay: the run's recorded last front is the one the history's last row takes.
  const threads = opts.hypervolumeThreads ?? availableParallelism();
  const lastFront = fronts?.[fronts.length - 1];
  const parallelFront =
    lastFront !== undefined && threads > 1 && threadsPay(lastFront.length, m) ? lastFront : undefined;
  tell?.({ step: 'history', count: p.evaluations, objectives: m });
  const history = generationHistory((onRow, transient) => log.replay(onRow, true, transient), m, norm, {
    generations: p.generation,
    ...(tell !== undefined ? { onFinalHypervolume: (share: number, count: number) => hvProgress(count)(share) } : {}),
    ...(parallelFront !== undefined ? { deferFinalHypervolumeOf: parallelFront } : {}),
    ...(fronts !== undefined ? { frontAt: (generation: number) => fronts[generation] } : {}),
    ...(trueFront ? { trueFront } : {}),
    ...(loaded.algorithm.archiveLimit !== undefined ? { archiveLimit: loaded.algorithm.archiveLimit } : {}),
  });
  const lastRow = history[history.length - 1];
  if (parallelFront !== undefined && lastRow !== undefined && Number.isNaN(lastRow.hypervolume)) {
    hvProgress(parallelFront.length)(0);
    const value = await normalizedHypervolumeParallel(parallelFront, norm, threads, hvProgress(parallelFront.length));
    history[history.length - 1] = { ...lastRow, hypervolume: value };
  }
  // The commit: evaluations.csv, pareto.json, pareto.csv, then run.json "complete" last. A kill between two steps
  // leaves run.json "running", and --resume finishes the run (see reopenFinalLog in runFolder.ts).
  renameSync(join(runDir, LOG_PARTIAL), join(runDir, LOG_FINAL));
  const leastInfeasible =
    archive.length === 0
      ? algorithm.leastInfeasible(5).map((ind) => ({
          index: ind.evalIndex,
          violations: problem.constraints
            .map((c, i) => ({ name: c.name, g: ind.g[i] ?? NaN }))
            .filter((v) => !(v.g <= 0)),
        }))
      : [];
  const reported = reportedDesigns ?? reportedFront(archive);
  const finished: RunMeta = {
    ...run.meta,
    status: 'complete',
    finishedAt: ctx.now().toISOString(),
    workers: opts.workers ?? 0,
    result: {
      generations: p.generation,
      evaluations: p.evaluations,
      failures,
      feasible,
      paretoSize: reported.length,
      archiveSize: archive.length,
      stopReason,
      failureReasons,
      leastInfeasible,
    },
    timings: { wall_s, evaluate_s: outcome.evalTime_s },
    normalization: norm,
    history,
    historyStride: historyStride(p.generation),
  };
  tell?.({ step: 'results', count: reported.length, objectives: m });
  const written = writeResults(runDir, loaded, reported, archive.length, finished, records);
  rmSync(join(runDir, CHECKPOINT), { force: true });
  rmSync(join(runDir, CHECKPOINT_PREVIOUS), { force: true });
  if (opts.afterResults) {
    tell?.({ step: 'report', count: reported.length, objectives: m });
    await opts.afterResults(runDir, log.sample(), written);
  }
  const archiveNote = largeArchiveNote(m, archive.length, loaded.algorithm.archiveLimit);
  const notes = [
    ...run.notes,
    budgetRegimeText(loaded.algorithm.name, p.evaluations, m),
    ...(archiveNote !== undefined ? [archiveNote] : []),
  ];
  return {
    runDir,
    status: 'complete',
    generations: p.generation,
    evaluations: p.evaluations,
    failures,
    feasible,
    paretoSize: reported.length,
    archiveSize: archive.length,
    stopReason,
    wall_s,
    hypervolume: history[history.length - 1]?.hypervolume ?? 0,
    leastInfeasible,
    failureReasons,
    decision: written.decision,
    ...notesOf(notes),
  };
}
