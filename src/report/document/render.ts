/**
 * `renderReport(runDir)`: writes report.html (self-contained), report.md and the plots as .svg files
 * into the run folder. Everything is computed in memory first; each file is then written atomically
 * (temporary file + rename) and report.html last, so a report is either complete or absent.
 */
import { join } from 'node:path';
import { writeFilesAtomic } from '../../run/atomic.js';
import { documentHtml } from './html.js';
import { loadRun } from './load.js';
import type { SampledEvaluations } from '../../run/evaluationSample.js';
import { documentMarkdown } from './markdown.js';
import { runReportDocument } from '../sections/runReport.js';
import type { ReportDocument, ReportPlot } from './blocks.js';
import { buildReportModel } from './model.js';
import { defaultReferencePaths, evaluateReferences } from '../decision/references.js';
import { constellationReportPlots } from '../constellation/constellationReport.js';
import type { LpSolver } from '../../optimize/lp.js';
import type { WrittenResults } from '../../run/results.js';

export interface ReportOptions {
  /** Design files drawn as labelled reference points in node studies (default: the shipped designs). */
  readonly referenceDesigns?: readonly string[];
  /**
   * LP solver for the constellation plots of constellation studies (without it or `createLpSolver` they are skipped,
   * with a note).
   */
  readonly lpSolver?: LpSolver;
  /** Creates the LP solver when `lpSolver` is not given; called only for a constellation run. */
  readonly createLpSolver?: () => Promise<LpSolver>;
  /**
   * The run's sample of evaluations.csv from memory (what `odc run` has at its end), instead of reading the file back.
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

/** The run report's document, its plots and its notes, computed in memory. */
export async function runReport(
  runDir: string,
  opts: ReportOptions = {},
): Promise<{ doc: ReportDocument; plots: readonly ReportPlot[]; notes: readonly string[] }> {
  const run = loadRun(runDir, {
    ...(opts.evaluations !== undefined ? { sampledEvaluations: opts.evaluations } : {}),
    ...(opts.written !== undefined ? { written: opts.written } : {}),
  });
  // Reference designs are evaluated nominally: in a robust study's objective space (statistics over samples) they are
  // not comparable.
  const refs =
    run.pareto.kind === 'node' && run.pareto.robust === undefined
      ? evaluateReferences(
          opts.referenceDesigns ?? defaultReferencePaths(),
          run.pareto.objectives.map((o) => o.name),
        )
      : run.pareto.robust !== undefined
        ? {
            designs: [],
            notes: [
              'robust study: the reference designs are evaluated nominally, not over the uncertainty samples, so they are not drawn in its objective space',
            ],
          }
        : { designs: [], notes: [] };
  const base = await buildReportModel(run, refs.designs, refs.notes);
  let model = base;
  if (run.pareto.kind === 'constellation') {
    const lpSolver = opts.lpSolver ?? (await opts.createLpSolver?.());
    const c =
      lpSolver === undefined
        ? {
            plots: [],
            notes: ['constellation plots need the LP solver (render through the library root or odc report)'],
          }
        : await constellationReportPlots(run, lpSolver);
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
