/**
 * The composition root of a run: `runStudy` with the built-in algorithms (solvers/), the LP solver and the report,
 * and the LP solver itself. src/index.ts re-exports all three; the CLI imports this module alone for `odc run` and
 * `odc report`, so those commands load the run, its algorithms and the report, not the rest of the library
 * (constellation evaluation, uncertainty analyses, comparisons, exports, JSON Schemas): their modules' top-level
 * work (schemas, tables, Node built-ins) is never done in a process that does not use them.
 */
import { createAlgorithm } from '../../solvers/index.js';
import { join } from 'node:path';
import type { LpSolver } from '../optimize/lp.js';
import { runStudy as runStudyWith, type RunOptions, type RunSummary } from '../run/driver.js';
import type { SampledEvaluations } from '../run/evaluationSample.js';
import type { WrittenResults } from '../run/results.js';
import { renderReport as renderRunReport, type ReportOptions, type ReportPaths } from '../report/document/render.js';
import { fileKind } from '../node/design/load.js';
import { buildAnswer, writeAnswer, type AnswerOptions } from '../run/answer/answer.js';
import { readAnswer } from '../run/answer/read.js';
import type { Answer } from '../run/answer/schema.js';
import { loadRun } from '../run/loadRun.js';
import { constellationKnee } from '../run/answer/constellationKnee.js';
import { finishedSeeds, SEEDS_FILE, writeSeedsAnswer } from '../run/multiSeed.js';
import { writeSeedsReport } from '../report/decision/seedsReport.js';
import { existsSync } from 'node:fs';
import { pushAll } from '../base/arrays.js';

/**
 * The LP solver the constellation models use: javascript-lp-solver for small models, HiGHS (WASM, loaded once) for
 * large ones. Both are loaded on the first call: node and benchmark studies never solve an LP.
 */
export async function createLpSolver(): Promise<LpSolver> {
  return (await import('../../solvers/lp/index.js')).createLpSolver();
}

/**
 * The LP solver for a study file (or the study.yaml of a run folder to resume), created only for constellation studies.
 */
async function lpSolverFor(studyFile: string | undefined): Promise<LpSolver | undefined> {
  let kind = 'constellation';
  try {
    if (studyFile !== undefined) kind = fileKind(studyFile);
  } catch {
    // unreadable: the run's own loading reports why; create the solver as for any study
  }
  return kind === 'constellation' ? createLpSolver() : undefined;
}

/**
 * Runs (or resumes) a study with the built-in algorithms (nsga2, nsga3, parego, smsego); writes report.html/report.md
 * at the end (unless `afterResults` replaces it).
 */
export async function runStudy(opts: RunOptions): Promise<RunSummary> {
  const lpSolver =
    opts.lpSolver ??
    (await lpSolverFor(opts.resumeDir !== undefined ? join(opts.resumeDir, 'study.yaml') : opts.studyPath));
  return runStudyWith(
    {
      afterResults: async (dir: string, evaluations?: SampledEvaluations, written?: WrittenResults, answer?: Answer) =>
        void (await renderRunReport(dir, {
          constellationKnee,
          ...(answer !== undefined ? { answer } : {}),
          ...(lpSolver !== undefined ? { lpSolver } : {}),
          ...(evaluations !== undefined ? { evaluations } : {}),
          ...(written !== undefined ? { written } : {}),
        })),
      ...(lpSolver !== undefined ? { lpSolver } : {}),
      ...opts,
    },
    createAlgorithm,
  );
}

/**
 * Writes report.html / report.md with their SVG plots into a run folder (constellation studies get their plots too).
 */
export async function renderReport(runDir: string, opts: ReportOptions & AnswerOptions = {}): Promise<ReportPaths> {
  const { referenceDesigns, ...rest } = opts;
  // the answer is decided again (and answer.json rewritten) only when the folder has none or other references are asked
  const answer =
    opts.answer ??
    (referenceDesigns === undefined ? readAnswer(runDir) : null) ??
    answerOf(runDir, referenceDesigns !== undefined ? { referenceDesigns } : {});
  return renderRunReport(runDir, { createLpSolver, constellationKnee, ...rest, answer });
}

/** Decides a finished run's answer from its folder and writes answer.json (a run of an older odc has none). */
function answerOf(runDir: string, opts: AnswerOptions): Answer {
  const answer = buildAnswer(loadRun(runDir, { evaluations: false }), opts);
  writeAnswer(runDir, answer);
  return answer;
}

/**
 * The seeds' reports of a multi-seed run, held back until the run's answer exists so that each points to it: the
 * seeds' runs take `afterResults` (which keeps what the report needs from memory), then `render` writes every seed's
 * report (a seed run by an earlier, stopped command from its folder).
 */
export function heldSeedReports() {
  const held = new Map<string, ReportOptions>();
  return {
    afterResults: async (dir: string, evaluations?: SampledEvaluations, written?: WrittenResults, answer?: Answer) =>
      void held.set(dir, {
        ...(answer !== undefined ? { answer } : {}),
        ...(evaluations !== undefined ? { evaluations } : {}),
        ...(written !== undefined ? { written } : {}),
      }),
    render: (outDir: string, seeds: readonly number[], runAnswer: Answer) =>
      renderSeedReports(outDir, seeds, runAnswer, held),
    /**
     * A seed's result files and answer as its run in this process wrote them (the union's decision and answer read
     * them, not the files).
     */
    written: (dir: string): (WrittenResults & { readonly answer?: Answer }) | undefined => {
      const h = held.get(dir);
      return h?.written === undefined
        ? undefined
        : { ...h.written, ...(h.answer !== undefined ? { answer: h.answer } : {}) };
    },
  };
}

/** Each seed's report of a multi-seed folder, pointing to the folder's answer (`held`: from a run's memory). */
async function renderSeedReports(
  dir: string,
  seeds: readonly number[],
  runAnswer: Answer,
  held: ReadonlyMap<string, ReportOptions> = new Map(),
): Promise<{ notes: string[]; svgPaths: string[] }> {
  const notes: string[] = [];
  const svgPaths: string[] = [];
  for (const seed of seeds) {
    const seedDir = join(dir, `seed-${seed}`);
    const r = await renderReport(seedDir, { ...held.get(seedDir), runAnswer });
    pushAll(
      notes,
      r.notes.map((n) => `seed ${seed}: ${n}`),
    );
    pushAll(svgPaths, r.svgPaths);
  }
  return { notes, svgPaths };
}

/**
 * `odc report <folder>`: a run folder's report, or for a multi-seed folder (seeds.json, no run.json of its own) every
 * seed's report written again, then the folder's report of their union front, decided from the seeds' folders as
 * the run's finishing step decided it, with the folder's answer.json (decided and written when it has none), to
 * which every seed's report points.
 */
export async function renderFolderReport(dir: string): Promise<ReportPaths> {
  if (existsSync(join(dir, 'run.json')) || !existsSync(join(dir, SEEDS_FILE))) return renderReport(dir);
  const { seeds, agreement, union, read, loaded } = finishedSeeds(dir);
  const answer = readAnswer(dir) ?? writeSeedsAnswer(dir, agreement, union, read, loaded);
  const { notes, svgPaths } = await renderSeedReports(dir, seeds, answer);
  const htmlPath = writeSeedsReport(dir, agreement, union, answer);
  return { htmlPath, mdPath: join(dir, 'report.md'), svgPaths, notes };
}
