/**
 * The run driver: ask/tell loop over any Evaluator, the evaluation log, live progress, checkpoints every
 * few generations, resume after a kill (-9 included), and the result files — written atomically.
 * Same seed ⇒ byte-identical pareto.json whatever the worker count: evaluation is pure and results are
 * told in input order; nothing time-dependent goes into pareto.json (timings live in run.json).
 * Here: the run folder opened, the algorithm, evaluator and log set up; the loop is in generationLoop.ts, the end of
 * the run (history, result files, reports, summary) in finishRun.ts, the shapes they share in runContext.ts.
 */
import { join } from 'node:path';
import type { Algorithm, Individual } from '../optimize/algorithm.js';
import { algorithmOptions } from '../study/algorithmSettings.js';
import { SerialEvaluator, type Evaluator } from './evaluators/evaluator.js';
import { EvaluationLog, type LoggedEvaluation } from './log.js';
import { reportedFront } from './results.js';
import { logFiles, openRunFolder, type OpenRun } from './runFolder.js';
import { diskWriteError } from './atomic.js';
import { ODC_VERSION } from './versions.js';
import { generationLoop, recordingStride } from './generationLoop.js';
import { finishRun } from './finishRun.js';
import {
  inheritedOf,
  type AlgorithmFactoryByName,
  type LoopOutcome,
  type RunContext,
  type RunOptions,
  type RunSummary,
} from './runContext.js';

export type { AlgorithmFactoryByName, FinishingProgress, ProgressInfo, RunOptions, RunSummary } from './runContext.js';
export { CHECKPOINT_INTERVAL_MS, HISTORY_FRONT_POINTS } from './generationLoop.js';

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
    throw diskWriteError(e, typeof path === 'string' ? path : join(run.runDir, logFiles(run.logFormat).partial)) ?? e;
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
  const ctx = await openContext(opts, createAlgorithm, run, now, t0);
  const { algorithm, evaluator, log } = ctx;
  let outcome: LoopOutcome;
  let records: unknown[] | undefined;
  let reported: Individual[] | undefined;
  try {
    outcome = await generationLoop(ctx);
    if (outcome.stopReason !== 'interrupted') {
      reported = reportedFront(algorithm.archive());
      // Costly records (constellations) of the reported designs: by the pool where it runs threads, else here.
      if (evaluator.records !== undefined && run.loaded.record !== null)
        records = await evaluator.records(reported.map((ind) => ind.x));
    }
  } finally {
    log.close();
    await evaluator.close();
  }
  return finishRun(ctx, outcome, reported, records);
}

/** The generation loop's context: the evaluator, the algorithm (fresh, warm-started or resumed) and its log. */
async function openContext(
  opts: RunOptions,
  createAlgorithm: AlgorithmFactoryByName,
  run: OpenRun,
  now: () => Date,
  t0: number,
): Promise<RunContext> {
  const { loaded, checkpoint } = run;
  const settings = loaded.algorithm;
  // A warm start seeds a fresh run only (a resumed one continues from its snapshot): read when the folder was made.
  const initial = checkpoint === undefined ? run.initial : undefined;
  const evaluator = await createEvaluator(opts, run);
  const inherited = inheritedOf(run.meta).evaluations;
  const own = algorithmOptions(settings);
  // an evaluation budget the algorithm reads (a surrogate sizes its batches by what is left) excludes inherited ones
  const algOptions =
    inherited > 0 && own.evaluations !== undefined ? { ...own, evaluations: own.evaluations + inherited } : own;
  let log: EvaluationLog;
  let algorithm: Algorithm;
  try {
    algorithm = createAlgorithm(
      settings.name,
      loaded.problem,
      initial !== undefined ? { ...algOptions, initial } : algOptions,
      checkpoint?.snapshot,
    );
    log = await openLog(run, algorithm);
  } catch (e) {
    await evaluator.close();
    throw e;
  }
  return {
    opts,
    run,
    algorithm,
    createAlgorithm,
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
}

/** The evaluation log, new or resumed at the checkpoint's byte length (its hash checked). */
async function openLog(run: OpenRun, algorithm: Algorithm): Promise<EvaluationLog> {
  const { loaded, checkpoint } = run;
  // Checkpoints leave the archive out (it grows without bound); it is rebuilt from the log's feasible rows.
  const rebuildArchive = checkpoint !== undefined && checkpoint.snapshot['archive'] === null;
  const verified = run.logHash !== undefined ? { verified: run.logHash } : {};
  const resume =
    checkpoint !== undefined ? { bytes: checkpoint.logBytes, sha256: checkpoint.logSha256, ...verified } : undefined;
  const onResumedRow = rebuildArchive
    ? (row: LoggedEvaluation): void => {
        if (row.cv === 0 && row.f.every(Number.isFinite))
          algorithm.offerToArchive({ x: row.x, f: row.f, g: row.g, cv: row.cv, evalIndex: row.index });
      }
    : undefined;
  return new EvaluationLog(
    join(run.runDir, logFiles(run.logFormat).partial),
    loaded.problem,
    resume,
    onResumedRow,
    undefined,
    run.logFormat,
  );
}

/** Redis workers, a worker-thread pool, or this thread (BullMQ and piscina are loaded only when used). */
async function createEvaluator(opts: RunOptions, run: OpenRun): Promise<Evaluator> {
  const { loaded, runDir } = run;
  const { problem } = loaded;
  const workers = opts.workers ?? 0;
  if (opts.redis !== undefined) {
    const { RedisEvaluator } = await import('./evaluators/redisEvaluator.js');
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
    const { PoolEvaluator } = await import('./evaluators/pool.js');
    return new PoolEvaluator({
      studyPath: join(runDir, 'study.yaml'),
      studyHash: loaded.hash,
      workers,
      objectives: problem.objectives.length,
      constraints: problem.constraints.length,
      here: problem,
    });
  }
  return new SerialEvaluator(problem);
}
