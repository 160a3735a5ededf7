/**
 * `renderReport(runDir)`: writes report.html (self-contained), report.md and the plots as .svg files
 * into the run folder. Everything is computed in memory first; each file is then written atomically
 * (temporary file + rename) and report.html last, so a report is either complete or absent.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { SEEDS_FILE } from '../../run/runFolder.js';
import { writeFilesAtomic } from '../../run/atomic.js';
import { documentHtml } from './html.js';
import { loadRun } from '../../run/loadRun.js';
import type { SampledEvaluations } from '../../run/evaluationSample.js';
import { documentMarkdown } from './markdown.js';
import { runReportDocument } from '../sections/runReport.js';
import type { ReportDocument, ReportPlot } from './blocks.js';
import { buildReportModel } from './model.js';
import { readAnswer } from '../../run/answer/read.js';
import type { Answer } from '../../run/answer/schema.js';
import { StudyError } from '../../base/errors.js';
import type { ConstellationKnee } from '../constellation/constellationReport.js';
import { constellationReportPlots } from '../plots/catalogue.js';
import type { LoadedRun } from '../../run/loadRun.js';
import type { LpSolver } from '../../optimize/lp.js';
import type { WrittenResults } from '../../run/results.js';

export interface ReportOptions {
  /** The run's answer record (src/run/answer/answer.ts) when the caller has it; else the folder's answer.json. */
  readonly answer?: Answer;
  /**
   * The answer of the multi-seed run this run is a seed of (its folder's answer.json), which the report points to;
   * else read from the parent folder when that holds seeds.json (null: none).
   */
  readonly runAnswer?: Answer | null;
  /**
   * LP solver for the constellation plots of constellation studies (without it or `createLpSolver` they are skipped,
   * with a note).
   */
  readonly lpSolver?: LpSolver;
  /**
   * The constellation knee the plots draw, evaluated again with its details (src/run/answer/constellationKnee.ts, which
   * the composition root passes: the report evaluates nothing); null without a Pareto design.
   */
  readonly constellationKnee?: (run: LoadedRun, lp: LpSolver) => ConstellationKnee | null;
  /** Creates the LP solver when `lpSolver` is not given; called only for a constellation run. */
  readonly createLpSolver?: () => Promise<LpSolver>;
  /**
   * The run's sample of its evaluation log from memory (what `odc run` has at its end), instead of reading the file
   * back.
   */
  readonly evaluations?: SampledEvaluations;
  /**
   * The texts of run.json and pareto.json that `odc run` has just written, instead of reading and validating the files
   * again.
   */
  readonly written?: WrittenResults;
}

export interface ReportPaths {
  readonly htmlPath: string;
  readonly mdPath: string;
  readonly svgPaths: readonly string[];
  /** Notes about what was skipped (missing reference designs, sampling). */
  readonly notes: readonly string[];
}

/** The answer.json of the multi-seed folder whose seed `runDir` is (`<out>/seed-<s>/`), or null. */
function multiSeedAnswer(runDir: string): Answer | null {
  const parent = dirname(runDir);
  return /^seed-\d+$/.test(basename(runDir)) && existsSync(join(parent, SEEDS_FILE)) ? readAnswer(parent) : null;
}

/** The run report's document, its plots and its notes, computed in memory. */
export async function runReport(
  runDir: string,
  opts: ReportOptions = {},
): Promise<{ doc: ReportDocument; plots: readonly ReportPlot[]; notes: readonly string[] }> {
  const run = loadRun(runDir, {
    ...(opts.evaluations !== undefined ? { sampledEvaluations: opts.evaluations } : {}),
    ...(opts.written !== undefined ? { written: opts.written } : {}),
  });
  const answer = opts.answer ?? readAnswer(runDir);
  if (answer === null)
    throw new StudyError(
      'BAD_RUN_DIR',
      `${runDir}: no answer.json (a run of an older odc); render it with \`odc report ${runDir}\`, which writes it first`,
      { file: runDir },
    );
  const runAnswer = opts.runAnswer !== undefined ? opts.runAnswer : multiSeedAnswer(runDir);
  const base = { ...(await buildReportModel(run, answer)), runAnswer };
  let model = base;
  if (run.pareto.kind === 'constellation') {
    const lpSolver = opts.lpSolver ?? (await opts.createLpSolver?.());
    const knee = lpSolver === undefined ? undefined : opts.constellationKnee?.(run, lpSolver);
    const c =
      knee === undefined
        ? {
            plots: [],
            notes: ['constellation plots need the LP solver (render through the library root or odc report)'],
          }
        : knee === null
          ? { plots: [], notes: ['no Pareto design: no constellation plots'] }
          : constellationReportPlots(run, knee, answer.constellation?.lifeBasis ?? null);
    model = { ...base, plots: [...base.plots, ...c.plots], notes: [...base.notes, ...c.notes] };
  }
  return { doc: runReportDocument(model), plots: model.plots, notes: model.notes };
}

export async function renderReport(runDir: string, opts: ReportOptions = {}): Promise<ReportPaths> {
  const { doc, plots, notes } = await runReport(runDir, opts);
  const html = documentHtml(doc);
  const md = documentMarkdown(doc);
  const svgPaths = plots.map((p) => join(runDir, p.file));
  const mdPath = join(runDir, 'report.md');
  const htmlPath = join(runDir, 'report.html');
  // one folder fsync for the batch (see writeFilesAtomic): 6 instead of 12 fsyncs for a node run's report
  writeFilesAtomic([
    ...plots.map((p, i) => ({ path: svgPaths[i]!, data: `<?xml version="1.0" encoding="UTF-8"?>\n${p.svg}\n` })),
    { path: mdPath, data: md },
    { path: htmlPath, data: html },
  ]);
  return { htmlPath, mdPath, svgPaths, notes };
}
