/**
 * The run's end: an interrupted run keeps its checkpoint and reports where it stands; a finished one gets its history
 * (the log replayed, the final front's exact hypervolume), its result files committed in order (the log,
 * pareto.json, pareto.csv, then run.json "complete"), its reports, and its summary.
 */
import { renameSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { AlgorithmProgress, Individual } from '../optimize/algorithm.js';
import {
  generationHistory,
  historyStride,
  normalizationOf,
  normalizedHypervolumeParallel,
  runHypervolume,
  type Normalization,
} from './history.js';
import { threadsPay } from '../optimize/indicators/hypervolumeParallel.js';
import { runHypervolumeFigure } from './hypervolumeFigure.js';
import type { EvaluationLog } from './log.js';
import { paretoFront } from '../optimize/benchmarks/benchmarks.js';
import { largeArchiveNote } from './largeArchive.js';
import { reportedFront, writeResults, type WrittenDecision, type WrittenResults } from './results.js';
import { CHECKPOINT, CHECKPOINT_PREVIOUS } from './checkpoint.js';
import { logFiles } from './runFolder.js';
import { budgetRegimeText, proposalCostText, type ProposalTimings } from './budgetRegime.js';
import { fixedNormalizationOf, inheritedOf, type LoopOutcome, type RunContext, type RunSummary } from './runContext.js';
import { algorithmEntry } from '../../solvers/index.js';
import { algorithmOptions } from '../study/algorithmSettings.js';
import type { ReoptimizeSource } from './decision/relaxation.js';
import { logInfeasibility } from './decision/infeasible.js';
import { buildAnswer, writeAnswer } from './answer/answer.js';
import type { Answer } from './answer/schema.js';
import { loadRun } from './loadRun.js';
import type { GenerationStats, RunCounts, RunMeta } from './schemas.js';

/** Failure reasons, most frequent first (ties by reason). */
function failureReasonsOf(log: EvaluationLog): RunCounts['failureReasons'] {
  return [...log.counts.failureReasons]
    .map(([reason, count]) => ({ reason, count }))
    .sort((a, b) => b.count - a.count || (a.reason < b.reason ? -1 : 1));
}

const notesOf = (notes: readonly string[]): { notes?: readonly string[] } => (notes.length > 0 ? { notes } : {});

/** Where the run stands when the loop ends, read once for every step of the finish. */
interface RunEnd {
  readonly p: AlgorithmProgress;
  readonly wall_s: number;
  readonly stopReason: string;
  readonly failureReasons: RunCounts['failureReasons'];
  readonly archive: readonly Individual[];
  readonly failures: number;
  readonly feasible: number;
  readonly m: number;
}

/**
 * An interrupted run keeps its checkpoint; a finished one gets its history, result files and reports.
 * `reportedDesigns`: the archive's reported front (computed once, before the pool closed), absent when interrupted.
 */
export async function finishRun(
  ctx: RunContext,
  outcome: LoopOutcome,
  reportedDesigns?: readonly Individual[],
  records?: readonly unknown[],
): Promise<RunSummary> {
  const { algorithm, log } = ctx;
  const end: RunEnd = {
    p: algorithm.progress(),
    wall_s: ctx.elapsedBefore + (ctx.now().getTime() - ctx.t0) / 1000,
    stopReason: outcome.stopReason,
    failureReasons: failureReasonsOf(log),
    archive: algorithm.archive(),
    failures: log.counts.failures,
    feasible: log.counts.feasible,
    m: ctx.run.loaded.problem.objectives.length,
  };
  if (end.stopReason === 'interrupted') return interruptedSummary(ctx, end);
  const { history, norm } = await finalHistory(ctx, end);
  const committed = await commitResults(ctx, end, outcome, history, norm, reportedDesigns, records);
  return { ...completeSummary(ctx, end, outcome, history, committed), ...hypervolumeFigureOf(history, norm) };
}

/** The run's one hypervolume with its normalization (src/run/hypervolumeFigure.ts), as run.json gives it. */
function hypervolumeFigureOf(
  history: readonly GenerationStats[],
  normalization: Normalization,
): Pick<RunSummary, 'hypervolumeFigure'> {
  const figure = runHypervolumeFigure({ history, normalization });
  return figure === null ? {} : { hypervolumeFigure: figure };
}

/** An interrupted run's summary: its hypervolume is the last live value (else the current front's). */
function interruptedSummary(ctx: RunContext, end: RunEnd): RunSummary {
  const { run, liveHv } = ctx;
  const { p, archive, m, failures, feasible } = end;
  const front = archive.map((ind) => ind.f);
  return {
    runDir: run.runDir,
    status: 'interrupted',
    generations: p.generation,
    evaluations: p.evaluations,
    failures,
    feasible,
    paretoSize: archive.length,
    stopReason: end.stopReason,
    wall_s: end.wall_s,
    hypervolume:
      liveHv[liveHv.length - 1] ??
      runHypervolume(front, normalizationOf(front, m, fixedNormalizationOf(run.loaded))).value,
    leastInfeasible: [],
    failureReasons: end.failureReasons,
    ...notesOf(run.notes),
  };
}

/**
 * run.json's per-generation rows, on the final front's normalization: the log replayed (or the fronts recorded during
 * the loop where they hold every row's generation), and the final front's exact hypervolume.
 */
async function finalHistory(
  ctx: RunContext,
  end: RunEnd,
): Promise<{ history: GenerationStats[]; norm: Normalization }> {
  const { opts, log } = ctx;
  const { loaded } = ctx.run;
  const { p, m } = end;
  const finalFront = end.archive.map((ind) => ind.f);
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
  return { history, norm };
}

/** What the commit wrote: the reported designs, the run's counts (run.json `result`) and the files' texts. */
interface Committed {
  readonly reported: readonly Individual[];
  readonly counts: RunCounts;
  readonly written: WrittenResults & WrittenDecision;
  readonly answer: Answer;
}

/**
 * The commit: the log (evaluations.parquet or .csv), pareto.json, pareto.csv, then run.json "complete" last. A kill
 * between two steps leaves run.json "running", and --resume finishes the run (see reopenFinalLog in runFolder.ts).
 * Then the checkpoints go and the reports are rendered (opts.afterResults).
 */
async function commitResults(
  ctx: RunContext,
  end: RunEnd,
  outcome: LoopOutcome,
  history: GenerationStats[],
  norm: Normalization,
  reportedDesigns?: readonly Individual[],
  records?: readonly unknown[],
): Promise<Committed> {
  const { opts, run, log } = ctx;
  const { runDir, loaded } = run;
  const { p, archive, m, failures, feasible } = end;
  const tell = opts.onFinishing;
  const logNames = logFiles(run.logFormat);
  renameSync(join(runDir, logNames.partial), join(runDir, logNames.final));
  const leastInfeasible = archive.length === 0 ? leastInfeasibleOf(ctx) : [];
  const infeasibility = archive.length === 0 ? logInfeasibility(join(runDir, logNames.final)) : null;
  const reported = reportedDesigns ?? reportedFront(archive);
  const inherited = inheritedOf(run.meta).evaluations;
  const counts: RunCounts = {
    generations: p.generation,
    evaluations: p.evaluations,
    failures,
    feasible,
    paretoSize: reported.length,
    archiveSize: archive.length,
    ...(inherited > 0 ? { inherited } : {}),
    stopReason: end.stopReason,
    failureReasons: end.failureReasons,
    leastInfeasible,
    ...(infeasibility !== null ? { infeasibility } : {}),
  };
  const finished: RunMeta = {
    ...run.meta,
    status: 'complete',
    finishedAt: ctx.now().toISOString(),
    workers: opts.workers ?? 0,
    result: counts,
    timings: { wall_s: end.wall_s, ...proposalTimingsOf(outcome) },
    normalization: norm,
    history,
    historyStride: historyStride(p.generation),
  };
  tell?.({ step: 'results', count: reported.length, objectives: m });
  const reoptimize = opts.shadowPrices === false ? null : reoptimizeSource(ctx);
  const written = writeResults(runDir, loaded, reported, archive.length, finished, reoptimize, records);
  rmSync(join(runDir, CHECKPOINT), { force: true });
  rmSync(join(runDir, CHECKPOINT_PREVIOUS), { force: true });
  // the run decides once: answer.json, which the reports, the explorer, diff and export read, takes run.json's decision
  // as writeResults made it (the front's, its knee's standing, the shadow prices), not decided again from the front
  const answer = buildAnswer(
    loadRun(runDir, { evaluations: false, written }),
    { study: { loaded, joint: written.joint } },
    written.meta.decision,
  );
  writeAnswer(runDir, answer);
  if (opts.afterResults) {
    tell?.({ step: 'report', count: reported.length, objectives: m });
    await opts.afterResults(runDir, log.sample(), written, answer);
  }
  return { reported, counts, written, answer };
}

/**
 * The run's algorithm, settings and seed on another problem, from its final population (shadow prices); null for a
 * surrogate-assisted run, whose few hundred evaluations leave no budget for re-optimizing.
 */
function reoptimizeSource(ctx: RunContext): ReoptimizeSource | null {
  const { loaded } = ctx.run;
  if (algorithmEntry(loaded.algorithm.name)?.surrogate !== false) return null;
  const options = algorithmOptions(loaded.algorithm);
  return {
    problem: loaded.problem,
    create: (problem, initial) => ctx.createAlgorithm(loaded.algorithm.name, problem, { ...options, initial }),
    population: ctx.algorithm.population().map((ind) => ind.x),
    runEvaluations: ctx.algorithm.progress().evaluations,
  };
}

/** No feasible design: the five least infeasible, each with the constraints it violates (g > 0). */
function leastInfeasibleOf(ctx: RunContext): RunCounts['leastInfeasible'] {
  const { problem } = ctx.run.loaded;
  return ctx.algorithm.leastInfeasible(5).map((ind) => ({
    index: ind.evalIndex,
    violations: problem.constraints.map((c, i) => ({ name: c.name, g: ind.g[i] ?? NaN })).filter((v) => !(v.g <= 0)),
  }));
}

/** A complete run's summary, with its notes: how the folder was opened, the budget's regime, a large archive. */
function completeSummary(
  ctx: RunContext,
  end: RunEnd,
  outcome: LoopOutcome,
  history: readonly GenerationStats[],
  committed: Committed,
): RunSummary {
  const { run } = ctx;
  const { loaded } = run;
  const { p, archive, m } = end;
  const { counts, written } = committed;
  const archiveNote = largeArchiveNote(m, archive.length, loaded.algorithm.archiveLimit);
  const cost = proposalCostText(loaded.algorithm.name, m, proposalTimingsOf(outcome));
  const notes = [
    ...run.notes,
    budgetRegimeText(loaded.algorithm.name, p.evaluations, m),
    ...(cost !== undefined ? [cost] : []),
    ...(archiveNote !== undefined ? [archiveNote] : []),
  ];
  return {
    runDir: run.runDir,
    status: 'complete',
    ...counts,
    wall_s: end.wall_s,
    hypervolume: history[history.length - 1]?.hypervolume ?? 0,
    decision: written.decision,
    answer: committed.answer,
    ...notesOf(notes),
  };
}

/** The loop's timings as run.json and the cost sentence name them. */
function proposalTimingsOf(outcome: LoopOutcome): ProposalTimings {
  return {
    evaluate_s: outcome.evalTime_s,
    evaluated: outcome.evaluated,
    propose_s: outcome.proposeTime_s,
    proposed: outcome.proposed,
  };
}
