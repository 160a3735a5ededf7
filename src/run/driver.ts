/**
 * The run driver: ask/tell loop over any Evaluator, the evaluation log, live progress, checkpoints every
 * few generations, resume after a kill (-9 included), and the result files — written atomically.
 * Same seed ⇒ byte-identical pareto.json whatever the worker count: evaluation is pure and results are
 * told in input order; nothing time-dependent goes into pareto.json (timings live in run.json).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { StudyError } from '../core/errors.js';
import type { Algorithm, AlgorithmOptions, AlgorithmSnapshot } from '../problem/algorithm.js';
import type { Problem } from '../problem/types.js';
import { PoolEvaluator } from '../parallel/pool.js';
import { SerialEvaluator, type Evaluator } from '../parallel/evaluator.js';
import { writeFileAtomic } from './atomic.js';
import { generationHistory, normalizationOf, normalizedHypervolume } from './history.js';
import { EvaluationLog, toLogged } from './log.js';
import { loadStudyProblem, type LoadedStudy } from './problem.js';
import type { LpSolver } from '../problem/lp.js';
import { RedisEvaluator, type WorkerRate } from '../parallel/redisEvaluator.js';
import { redactRedisUrl } from '../parallel/redisConnection.js';
import { paretoFront } from '../problem/benchmarks.js';
import { writeResults, type RunCounts, type RunMeta } from './results.js';
import { packageVersions, ODC_VERSION } from './versions.js';

export type AlgorithmFactoryByName = (name: string, problem: Problem, options: AlgorithmOptions, snapshot?: AlgorithmSnapshot) => Algorithm;

export interface ProgressInfo {
  readonly generation: number;
  readonly maxGenerations: number | null;
  readonly evaluations: number;
  readonly maxEvaluations: number | null;
  readonly feasibleShare: number;
  readonly failures: number;
  readonly frontSize: number;
  /** Hypervolume of the current front, normalized by the current front (live, not comparable across runs). */
  readonly hypervolume: number;
  readonly elapsed_s: number;
  /** Estimated seconds to go, or null when the run stops on stagnation only. */
  readonly eta_s: number | null;
  /** Distributed runs: connected `odc worker` processes and each worker's evaluations and rate so far. */
  readonly remote?: { readonly connected: number; readonly rates: readonly WorkerRate[] };
}

export interface RunOptions {
  readonly studyPath?: string;
  readonly resumeDir?: string;
  readonly outDir?: string;
  /** 0 = evaluate in this thread; N ≥ 1 = a pool of N worker threads. */
  readonly workers?: number;
  readonly onProgress?: (p: ProgressInfo) => void;
  /** Stop after this many generations in this process (used by tests to simulate an interruption). */
  readonly stopAfterGenerations?: number;
  /** Clock, injected so the library has no hidden time source (timestamps only go to run.json). */
  readonly now?: () => Date;
  /** Evaluate on Redis workers (`odc worker`) instead of this machine: URL (its password never stored) and queue name. */
  readonly redis?: { readonly url: string; readonly queue: string; readonly reconnectTimeout_s?: number };
  /** LP solver for constellation studies (the library root passes the solvers/lp one). */
  readonly lpSolver?: LpSolver;
  /** Hook called after the result files are written (e.g. to render reports). */
  readonly afterResults?: (runDir: string) => void | Promise<void>;
}

export interface RunSummary extends RunCounts {
  readonly runDir: string;
  readonly status: 'complete' | 'interrupted';
  readonly wall_s: number;
  /** Final hypervolume on the run's normalization (live value when interrupted). */
  readonly hypervolume: number;
}

interface Checkpoint {
  readonly formatVersion: 1;
  readonly studyHash: string;
  readonly generation: number;
  readonly evaluations: number;
  readonly logBytes: number;
  readonly liveHypervolume: readonly number[];
  readonly elapsed_s: number;
  readonly snapshot: AlgorithmSnapshot;
}

const CHECKPOINT = 'checkpoint.json';
const LOG_PARTIAL = 'evaluations.csv.partial';

function defaultRunDir(loaded: LoadedStudy, now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z').replace('T', '-');
  const base = join('results', loaded.name.replace(/[^A-Za-z0-9._-]+/g, '-'), `${stamp}-seed${loaded.algorithm.seed}`);
  let dir = base;
  for (let k = 2; existsSync(dir); k++) dir = `${base}-${k}`;
  return dir;
}

export async function runStudy(opts: RunOptions, createAlgorithm: AlgorithmFactoryByName): Promise<RunSummary> {
  const now = opts.now ?? (() => new Date());
  const t0 = now().getTime();
  let runDir: string;
  let loaded: LoadedStudy;
  let checkpoint: Checkpoint | undefined;
  let meta: RunMeta;

  if (opts.resumeDir !== undefined) {
    runDir = opts.resumeDir;
    const cpPath = join(runDir, CHECKPOINT);
    const metaPath = join(runDir, 'run.json');
    if (!existsSync(metaPath) || !existsSync(join(runDir, 'study.yaml'))) {
      throw new StudyError('BAD_RUN_DIR', `${runDir}: not a run folder (no run.json and study.yaml); pass the folder that odc run created, e.g. results/<study>/<run-id>`);
    }
    meta = JSON.parse(readFileSync(metaPath, 'utf8')) as RunMeta;
    if (meta.status === 'complete') throw new StudyError('BAD_RUN_DIR', `${runDir}: this run is already complete; nothing to resume (start a new run with odc run <study.yaml>)`);
    loaded = loadStudyProblem(join(runDir, 'study.yaml'), opts.lpSolver);
    if (existsSync(cpPath)) {
      checkpoint = JSON.parse(readFileSync(cpPath, 'utf8')) as Checkpoint;
      if (checkpoint.studyHash !== loaded.hash) throw new StudyError('INCOMPATIBLE_RUN', `${runDir}: study.yaml no longer matches its checkpoint (hash differs); start a new run`);
    }
  } else {
    if (opts.studyPath === undefined) throw new StudyError('BAD_ARGUMENT', 'odc run needs a study file, or --resume <run-dir>');
    loaded = loadStudyProblem(opts.studyPath, opts.lpSolver);
    runDir = opts.outDir ?? defaultRunDir(loaded, now());
    if (existsSync(join(runDir, 'run.json'))) throw new StudyError('BAD_RUN_DIR', `${runDir} already holds a run; choose another --out folder or resume it with --resume ${runDir}`);
    mkdirSync(runDir, { recursive: true });
    writeFileAtomic(join(runDir, 'study.yaml'), loaded.studyText);
    meta = {
      formatVersion: 1, odcVersion: ODC_VERSION, status: 'running', study: { name: loaded.name, kind: loaded.kind, file: opts.studyPath, hash: loaded.hash },
      algorithm: loaded.algorithm, workers: opts.workers ?? 0, startedAt: now().toISOString(), packageVersions: packageVersions(),
      ...(opts.redis !== undefined ? { distributed: { redis: redactRedisUrl(opts.redis.url), queue: opts.redis.queue } } : {}),
    };
    writeFileAtomic(join(runDir, 'run.json'), `${JSON.stringify(meta, null, 2)}\n`);
  }

  const { problem, algorithm: settings } = loaded;
  const workers = opts.workers ?? 0;
  const evaluator: Evaluator = opts.redis !== undefined
    ? new RedisEvaluator({
      ...opts.redis, studyText: loaded.studyText, studyHash: loaded.hash, odcVersion: ODC_VERSION,
      objectives: problem.objectives.length, constraints: problem.constraints.length,
    })
    : workers > 0
      ? new PoolEvaluator({ studyPath: join(runDir, 'study.yaml'), studyHash: loaded.hash, workers, objectives: problem.objectives.length, constraints: problem.constraints.length })
      : new SerialEvaluator(problem);
  const algOptions: AlgorithmOptions = {
    population: settings.population, seed: settings.seed, ...(settings.partitions !== undefined ? { partitions: settings.partitions } : {}),
  };
  const algorithm = createAlgorithm(settings.name, problem, algOptions, checkpoint?.snapshot);
  const log = new EvaluationLog(join(runDir, LOG_PARTIAL), problem, checkpoint?.logBytes);
  const liveHv: number[] = [...(checkpoint?.liveHypervolume ?? [])];
  const maxGenerations = settings.generations ?? (settings.evaluations === undefined ? 100 : null);
  const maxEvaluations = settings.evaluations ?? null;
  const elapsedBefore = checkpoint?.elapsed_s ?? 0;
  let stopReason = '';
  let evalTime_s = 0;
  let generationsThisProcess = 0;
  let failureCount = log.entries.filter((e) => e.failure !== null).length;
  const m = problem.objectives.length;

  try {
    for (;;) {
      const { generation, evaluations } = algorithm.progress();
      if (maxGenerations !== null && generation >= maxGenerations) { stopReason = `reached ${maxGenerations} generations`; break; }
      if (maxEvaluations !== null && evaluations >= maxEvaluations) { stopReason = `reached ${maxEvaluations} evaluations`; break; }
      const stag = settings.stagnation;
      if (stag && liveHv.length > stag.window && liveHv[liveHv.length - 1]! - liveHv[liveHv.length - 1 - stag.window]! < stag.tolerance) {
        stopReason = `hypervolume improved by less than ${stag.tolerance} over ${stag.window} generations`;
        break;
      }
      if (opts.stopAfterGenerations !== undefined && generationsThisProcess >= opts.stopAfterGenerations) { stopReason = 'interrupted'; break; }

      const batch = algorithm.ask();
      const te = performance.now();
      const results = await evaluator.evaluate(batch);
      evalTime_s += (performance.now() - te) / 1000;
      algorithm.tell(results);
      const rows = batch.map((x, i) => toLogged(problem, evaluations + i, generation, x, results[i]!));
      log.append(rows);
      for (const r of rows) if (r.failure !== null) failureCount++;
      generationsThisProcess++;

      const front = algorithm.archive().map((ind) => ind.f);
      const hv = normalizedHypervolume(front, normalizationOf(front, m, loaded.kind === 'benchmark'));
      liveHv.push(hv);
      const p = algorithm.progress();
      const elapsed_s = elapsedBefore + (now().getTime() - t0) / 1000;
      if (p.generation % settings.checkpointEvery === 0) {
        const cp: Checkpoint = {
          formatVersion: 1, studyHash: loaded.hash, generation: p.generation, evaluations: p.evaluations,
          logBytes: log.byteLength, liveHypervolume: liveHv, elapsed_s, snapshot: algorithm.snapshot(),
        };
        writeFileAtomic(join(runDir, CHECKPOINT), JSON.stringify(cp));
      }
      if (opts.onProgress) {
        const done = Math.max(maxGenerations !== null ? p.generation / maxGenerations : 0, maxEvaluations !== null ? p.evaluations / maxEvaluations : 0);
        opts.onProgress({
          generation: p.generation, maxGenerations, evaluations: p.evaluations, maxEvaluations,
          feasibleShare: rows.filter((r) => r.cv === 0).length / rows.length,
          failures: failureCount,
          frontSize: front.length, hypervolume: hv, elapsed_s,
          eta_s: done > 0 ? (elapsed_s * (1 - done)) / done : null,
          ...(evaluator instanceof RedisEvaluator ? { remote: { connected: await evaluator.connectedWorkers(), rates: evaluator.rates() } } : {}),
        });
      }
    }
  } finally {
    log.close();
    await evaluator.close();
  }

  const p = algorithm.progress();
  const wall_s = elapsedBefore + (now().getTime() - t0) / 1000;
  const failures = new Map<string, number>();
  for (const e of log.entries) if (e.failure !== null) failures.set(e.failure, (failures.get(e.failure) ?? 0) + 1);
  const failureReasons = [...failures].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count || (a.reason < b.reason ? -1 : 1));
  const archive = algorithm.archive();

  if (stopReason === 'interrupted') {
    return { runDir, status: 'interrupted', generations: p.generation, evaluations: p.evaluations, failures: log.entries.filter((e) => e.failure !== null).length, feasible: log.entries.filter((e) => e.cv === 0).length, paretoSize: archive.length, stopReason, wall_s, hypervolume: liveHv[liveHv.length - 1] ?? 0, leastInfeasible: [], failureReasons };
  }

  const finalFront = archive.map((ind) => ind.f);
  const norm = normalizationOf(finalFront, m, loaded.kind === 'benchmark');
  const trueFront = loaded.benchmark ? paretoFront(loaded.benchmark.problem, m) : undefined;
  const history = generationHistory(log.entries, m, norm, trueFront);
  renameSync(join(runDir, LOG_PARTIAL), join(runDir, 'evaluations.csv'));
  const leastInfeasible = archive.length === 0
    ? algorithm.leastInfeasible(5).map((ind) => ({
        index: ind.evalIndex,
        violations: problem.constraints.map((c, i) => ({ name: c.name, g: ind.g[i] ?? NaN })).filter((v) => !(v.g <= 0)),
      }))
    : [];
  const finished: RunMeta = {
    ...meta, status: 'complete', finishedAt: now().toISOString(), workers,
    result: {
      generations: p.generation, evaluations: p.evaluations, failures: log.entries.filter((e) => e.failure !== null).length,
      feasible: log.entries.filter((e) => e.cv === 0).length, paretoSize: archive.length, stopReason, failureReasons, leastInfeasible,
    },
    timings: { wall_s, evaluate_s: evalTime_s },
    normalization: norm,
    history,
  };
  writeResults(runDir, loaded, archive, finished);
  rmSync(join(runDir, CHECKPOINT), { force: true });
  if (opts.afterResults) await opts.afterResults(runDir);
  return {
    runDir, status: 'complete', generations: p.generation, evaluations: p.evaluations, failures: finished.result!.failures, feasible: finished.result!.feasible,
    paretoSize: archive.length, stopReason, wall_s, hypervolume: history[history.length - 1]?.hypervolume ?? 0, leastInfeasible, failureReasons,
  };
}
