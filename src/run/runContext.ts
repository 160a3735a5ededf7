/**
 * The run's shared shapes: what a caller passes (RunOptions) and gets back (RunSummary, progress reports), and the
 * context the driver's steps work on (RunContext: open run folder, algorithm, evaluator, log; LoopOutcome). In their
 * own module so the driver (driver.ts), its generation loop (generationLoop.ts) and its finish (finishRun.ts) import
 * them without importing one another.
 */
import type { Answer } from './answer/schema.js';
import type { Algorithm, AlgorithmSnapshot } from '../optimize/algorithm.js';
import type { AlgorithmOptions } from '../../solvers/index.js';
import type { Problem } from '../optimize/types.js';
import type { Evaluator, LocalStatus, RemoteStatus } from './evaluators/evaluator.js';
import type { FixedNormalization } from './history.js';
import type { EvaluationLog, LogFormat } from './log.js';
import type { LoadedStudy } from './problem.js';
import type { LpSolver } from '../optimize/lp.js';
import { benchmarkNormalization } from '../optimize/benchmarks/benchmarks.js';
import type { WrittenResults } from './results.js';
import type { SampledEvaluations } from './evaluationSample.js';
import type { OpenRun } from './runFolder.js';
import type { RunHypervolume } from './hypervolumeFigure.js';
import type { DecisionSummary, RunCounts } from './schemas.js';

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
  /** Runs on worker threads: workers and how many are useful on this machine at its load. */
  readonly local?: LocalStatus;
}

/**
 * The steps after the last generation, told as each starts (and the hypervolume's as it goes): on a long run in 4+
 * objectives they take as long as the generations (60 generations of 6,400 in 5 objectives: ~10 s of generations,
 * then ~20 s of these), so a display shows them instead of going quiet.
 */
export interface FinishingProgress {
  /**
   * history: the log replayed into run.json's per-generation rows (`count` evaluations); hypervolume: the final front's
   * exact hypervolume (`count` designs of the archive); results: the log, pareto.json, pareto.csv, run.json;
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
  /** `key=value` edits of the study (odc run --set; not with resumeDir): the run folder's study.yaml records them. */
  readonly sets?: readonly string[];
  /** 0 = evaluate in this thread; N ≥ 1 = a pool of N worker threads. */
  readonly workers?: number;
  readonly onProgress?: (p: ProgressInfo) => void;
  /** Told at each step after the last generation (see FinishingProgress). */
  readonly onFinishing?: (f: FinishingProgress) => void;
  /**
   * Threads for the final front's exact hypervolume where they pay (src/optimize/indicators/hypervolumeParallel.ts; the
   * value is the same for any number). Default: the machine's available parallelism.
   */
  readonly hypervolumeThreads?: number;
  /**
   * With resumeDir: continue from checkpoint.prev.json, setting a damaged checkpoint.json aside
   * (--from-previous-checkpoint).
   */
  readonly fromPreviousCheckpoint?: boolean;
  /** A new run's evaluation log: Parquet (evaluations.parquet, ./parquetLog.ts; default) or CSV (evaluations.csv). */
  readonly logFormat?: LogFormat;
  /**
   * false: no shadow prices for the knee (a multi-seed study prices its answer, the union front's knee, once:
   * src/run/multiSeed.ts). Default true.
   */
  readonly shadowPrices?: boolean;
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
    answer?: Answer,
  ) => void | Promise<void>;
}

export interface RunSummary extends RunCounts {
  readonly runDir: string;
  readonly status: 'complete' | 'interrupted';
  readonly wall_s: number;
  /** Final hypervolume on the run's normalization (live value when interrupted). */
  readonly hypervolume: number;
  /** Complete runs: that hypervolume with the normalization it is measured on (src/run/hypervolumeFigure.ts). */
  readonly hypervolumeFigure?: RunHypervolume;
  /** How the run folder was opened, when the user should know (a stale lock taken over, a stopped commit finished). */
  readonly notes?: readonly string[];
  /** Complete runs: the recommended designs and what binds them (as in run.json). */
  readonly decision?: DecisionSummary;
  /** Complete runs: the answer record (answer.json, src/run/answer/answer.ts). */
  readonly answer?: Answer;
}

/** What the generation loop works on: the open run folder, the algorithm, where it evaluates and logs. */
export interface RunContext {
  readonly opts: RunOptions;
  readonly run: OpenRun;
  readonly algorithm: Algorithm;
  /** Makes the run's algorithm (the shadow prices re-optimize with it). */
  readonly createAlgorithm: AlgorithmFactoryByName;
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
   * recorded are those g with (g + 1) % every === 0, and the last one at the end of the run (HISTORY_FRONT_POINTS and
   * recordingStride are in generationLoop.ts).
   */
  fronts: { readonly byGeneration: (readonly Float64Array[])[]; points: number; readonly every: number } | undefined;
}

export interface LoopOutcome {
  readonly stopReason: string;
  readonly evalTime_s: number;
  /** Designs evaluated in evalTime_s. */
  readonly evaluated: number;
  /** Time in ask() after the run's first batch (the start design), and the designs those asks proposed. */
  readonly proposeTime_s: number;
  readonly proposed: number;
}

/**
 * Benchmarks: HV on the true front's extent (the identity when it is [0, 1]^m), the same for every run of the problem.
 */
export const fixedNormalizationOf = (loaded: LoadedStudy): FixedNormalization =>
  loaded.benchmark
    ? (benchmarkNormalization(loaded.benchmark.problem, loaded.problem.objectives.length) ?? true)
    : false;

/**
 * What an inherited warm start (run.json `warmStart`, mode `inherited`) adds to the run's counts without spending its
 * budget: its evaluations, told as generation 0.
 */
export function inheritedOf(meta: OpenRun['meta']): { readonly evaluations: number; readonly generations: number } {
  const w = meta.warmStart;
  return w?.mode === 'inherited' && w.designs > 0
    ? { evaluations: w.designs, generations: 1 }
    : { evaluations: 0, generations: 0 };
}

/** The generation budget: `generations`, else 100 without an evaluation budget, else none (null). */
export const maxGenerationsOf = (s: LoadedStudy['algorithm']): number | null =>
  s.generations ?? (s.evaluations === undefined ? 100 : null);
