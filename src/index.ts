/**
 * odc library API: what the CLI calls and what other tools import. Each function returns data; only
 * src/entries/cli writes to the terminal. This is also the composition root that wires the solvers/ registry
 * into the run driver (src/ otherwise never imports solvers/).
 */
import { maxOf, pushAll } from './base/arrays.js';
import { evaluateConstellationFileWith } from './constellation/evaluator.js';
import { evaluateNodeFile, withConstellationRequirements } from './study/requirements.js';
import { pickRunDesign, runDesignRecord } from './run/export/export.js';
import { runOperand } from './analysis/screen/screen.js';
import type { ConstellationSpec } from './constellation/design/compile.js';
import type { ConstellationRecord } from './constellation/record/record.js';
import { readInput, type YamlInput } from './base/yaml.js';
import { existsSync } from 'node:fs';
import type { EvaluatedRecord } from './report/compare/designDiff.js';
import { loadCatalogs } from './catalog/load.js';
import { CATALOG_KINDS, CATALOG_SPECS, type CatalogKind } from './catalog/schema.js';
import { StudyError, didYouMean } from './base/errors.js';
import { metricPaths, unitOf } from './node/record/metrics.js';
import { constellationMetricPaths } from './constellation/record/metrics.js';
import { ODC_VERSION } from './run/versions.js';
import { answerJsonSchema, constellationJsonSchema, designJsonSchema } from './report/export/jsonSchema.js';
import { constellationRecordJsonSchema, constellationRecordSchema } from './constellation/record/recordSchema.js';
import { designRecordJsonSchema, designRecordSchema } from './node/record/recordSchema.js';
import { numericLeaves } from './base/zodPaths.js';
import { catalogTable } from './report/export/catalogListing.js';
import { createLpSolver } from './entries/runStudy.js';
import { rowUncertaintyLines } from './statistics/uncertainValue.js';
import {
  analyzeUncertainty as analyzeUncertaintyWith,
  type UncertaintyAnalysis,
  type UncertaintyOptions,
} from './analysis/uncertainty.js';
import {
  analyzeSensitivity as analyzeSensitivityWith,
  type SensitivityAnalysis,
  type SensitivityOptions,
} from './analysis/sensitivity.js';
import {
  runSensitivity as runSensitivityWith,
  runUncertainty as runUncertaintyWith,
  type FolderOptions,
  type SensitivityRun,
  type UncertaintyRun,
} from './analysis/run.js';

export const VERSION = ODC_VERSION;
export { evaluateDesignFile, nodeEvaluator } from './node/evaluator.js';
export { evaluateNodeFile } from './study/requirements.js';
export {
  screenTarget,
  recordKneeScreen,
  checkScreenOutput,
  writeScreenOutput,
  type ScreenRequest,
  type ScreenResult,
} from './analysis/screen/screen.js';
export { formatScreen } from './analysis/screen/screenText.js';
export { evaluateNode } from './node/evaluate.js';
export { PHYSICAL_CONSTRAINTS } from './node/record/constraints.js';
export type { DesignRecord, ConstraintResult } from './node/record/record.js';
export { designRecordSchema, designRecordJsonSchema } from './node/record/recordSchema.js';
export { metricPaths, unitOf } from './node/record/metrics.js';
export { formatBudget, budgetSections } from './report/budget/budget.js';
export { formatRunSummary } from './report/decision/summary.js';
export { loadStudyProblem, type LoadedStudy } from './run/problem.js';
export { parseDesignFile, fileKind } from './node/design/load.js';
export { parseStudyFile } from './study/studyFile.js';
// Constellations (src/constellation/): files, evaluation, record.
export {
  constellationEvaluator,
  loadConstellationSpec,
  type ConstellationEvaluator,
} from './constellation/evaluator.js';
export { evaluateConstellation } from './constellation/evaluate.js';
export type { ConstellationSpec } from './constellation/design/compile.js';
export type { ConstellationRecord } from './constellation/record/record.js';
export { constellationRecordSchema, constellationRecordJsonSchema } from './constellation/record/recordSchema.js';
export { formatConstellationBudget } from './report/budget/constellationBudget.js';
export { constellationCostBreakdown } from './run/answer/constellationCost.js';
export { nodeCostBreakdown } from './run/answer/costBreakdown.js';
export type { NodeDesign } from './node/design/schema.js';
export type { NodeStudy, BenchmarkStudy } from './study/studySchema.js';
export { StudyError, isStudyError } from './base/errors.js';
export type { RunOptions, RunSummary, ProgressInfo, FinishingProgress } from './run/driver.js';
// Distributed evaluation on Redis (BullMQ): odc run --redis, odc worker.
export type { WorkerOptions, RunningWorker } from './entries/workers/redisWorker.js';
import type { WorkerOptions, RunningWorker } from './entries/workers/redisWorker.js';
/** Starts an `odc worker` on a Redis queue (BullMQ and ioredis are loaded here, not with the library). */
export async function startWorker(o: WorkerOptions): Promise<RunningWorker> {
  return (await import('./entries/workers/redisWorker.js')).startWorker(o);
}
export { checkRedisUrl, redactRedisUrl } from './run/evaluators/redisUrl.js';
export type { Problem, Evaluation, VariableSpec } from './optimize/types.js';

// The run's composition root (./runStudy.ts): the CLI loads it alone for odc run and odc report.
export { createLpSolver, renderReport, runStudy } from './entries/runStudy.js';

/** Evaluates a constellation file with the shipped catalogs and the built-in LP solvers. */
export async function evaluateConstellationFile(
  input: YamlInput,
): Promise<{ spec: ConstellationSpec; record: ConstellationRecord }> {
  return withConstellationRequirements(input, evaluateConstellationFileWith(input, await createLpSolver()));
}

// What-if and side by side: --set edits of a file, two designs' budgets line by line (odc evaluate --set, odc diff).
export { applySets, namingSets, parseSet } from './base/yamlSet.js';
export { diffDesigns, diffSummary, formatDiff, recordSections } from './report/compare/designDiff.js';
export type { DesignDiff, DiffLine, ConstraintDiff, EvaluatedRecord } from './report/compare/designDiff.js';
export { pickRunDesign } from './run/export/export.js';

/** The record of a design file (node, node study or constellation), as `odc evaluate` computes it. */
export async function evaluateFileRecord(input: YamlInput): Promise<EvaluatedRecord> {
  const file = readInput(input);
  return (file.raw as { kind?: unknown }).kind === 'constellation'
    ? (await evaluateConstellationFile(file)).record
    : evaluateNodeFile(file).record;
}

/**
 * One side of `odc diff`: a design file evaluated as `odc evaluate` does, or a run's Pareto design as
 * `RUNFOLDER:knee`, `RUNFOLDER:best:<objective>` or `RUNFOLDER:<index>` (its record in pareto.json).
 */
export async function evaluateOperand(operand: string): Promise<{ name: string; record: EvaluatedRecord }> {
  const run = runOperand(operand);
  if (run === null) {
    if (!existsSync(operand))
      throw new StudyError(
        'FILE_NOT_FOUND',
        `${operand}: no such design file, nor a run folder's design (RUNFOLDER:knee, RUNFOLDER:best:<objective>, RUNFOLDER:<index>)`,
        { file: operand },
      );
    return { name: operand, record: await evaluateFileRecord(operand) };
  }
  const pick = pickRunDesign(run.dir, run.design);
  const record = runDesignRecord(pick);
  if (record === null)
    throw new StudyError('BAD_ARGUMENT', `${operand}: a benchmark run's designs have no budget to compare`, {
      file: run.dir,
    });
  const named = pick.selector === String(pick.design.index) ? '' : ` (design ${pick.design.index})`;
  return { name: `${operand}${named}`, record };
}

/** Metric paths objectives and constraints may name: of the node record (default) or of the constellation record. */
export function formatMetrics(kind: 'node' | 'constellation' = 'node'): string {
  const paths = kind === 'constellation' ? constellationMetricPaths() : metricPaths();
  const record = kind === 'constellation' ? constellationRecordSchema() : designRecordSchema();
  const described = new Map(numericLeaves(record, '', true).map((l) => [l.path, l.description]));
  const pathWidth = maxOf(paths.map((p) => p.length));
  const units = paths.map((p) => `[${unitOf(p)}]`);
  const unitWidth = maxOf(units.map((u) => u.length));
  // The unit has its own column: a description's trailing '[km].' (or one that is only the unit) is dropped.
  const text = (p: string): string =>
    (described.get(p) ?? '').replace(/\s*\[[^\]]*\]/g, '').replace(/\s+([.,;])/g, '$1');
  return `${paths.map((p, i) => `${p.padEnd(pathWidth)}  ${units[i]!.padEnd(unitWidth)}  ${text(p)}`.trimEnd()).join('\n')}\n`;
}

const CATALOG_NAMES = CATALOG_KINDS.map((k) => CATALOG_SPECS[k].file.replace('.yaml', ''));

/**
 * `odc catalog`: without a name the list of catalogs (name, rows, file) and how to print one; `all` prints every
 * catalog's table, a name that one's.
 */
export function formatCatalog(name?: string): string {
  const catalogs = loadCatalogs();
  if (name === undefined) {
    const width = maxOf(CATALOG_NAMES.map((n) => n.length));
    const rows = CATALOG_KINDS.map(
      (k, i) =>
        `  ${CATALOG_NAMES[i]!.padEnd(width)}  ${String(catalogs[k].length).padStart(3)} rows  designs/catalogs/${CATALOG_SPECS[k].file}`,
    );
    return `Catalogs (odc catalog <name> prints one's rows, odc catalog all every one):\n${rows.join('\n')}\n`;
  }
  let kinds: readonly CatalogKind[] = CATALOG_KINDS;
  if (name !== 'all') {
    const i = CATALOG_NAMES.indexOf(name);
    if (i < 0) {
      const guess = didYouMean(name, CATALOG_NAMES);
      throw new StudyError(
        'BAD_ARGUMENT',
        `unknown catalog "${name}"${guess ? `: did you mean ${guess}?` : ''} (catalogs: ${CATALOG_NAMES.join(', ')}; all: every one)`,
      );
    }
    kinds = [CATALOG_KINDS[i]!];
  }
  const out: string[] = [];
  for (const k of kinds) {
    out.push(`${CATALOG_SPECS[k].file.replace('.yaml', '')} (designs/catalogs/${CATALOG_SPECS[k].file})`);
    const rows = catalogs[k] as unknown as Parameters<typeof catalogTable>[1];
    pushAll(
      out,
      catalogTable(k, rows, (row) => rowUncertaintyLines(row as { uncertainty?: Record<string, unknown> })),
    );
    out.push('');
  }
  return `${out.join('\n')}`;
}
export { designJsonSchema } from './report/export/jsonSchema.js';

/** The JSON Schema of a design/study file (`design`) or of the evaluated design record (`record`). */
export function jsonSchema(which: string): object {
  if (which === 'design') return designJsonSchema();
  if (which === 'record') return designRecordJsonSchema();
  if (which === 'constellation') return constellationJsonSchema();
  if (which === 'constellation-record') return constellationRecordJsonSchema();
  if (which === 'answer') return answerJsonSchema();
  throw new StudyError(
    'BAD_ARGUMENT',
    `unknown schema "${which}": choose design, record, constellation, constellation-record or answer`,
  );
}

// Reports, comparison and hand-off of sized designs (src/report/).
export type { ReportOptions, ReportPaths } from './report/document/render.js';

export {
  attainmentOf,
  csvFronts,
  formatAttainment,
  DEFAULT_ATTAINMENT_LEVELS,
  type AttainmentResult,
  type AttainmentOptions,
} from './analysis/attainment.js';
export {
  compareRuns,
  formatCompare,
  type CompareResult,
  type CompareRow,
  type CompareRegion,
  type CompareOptions,
  type CompareProgress,
} from './report/compare/compare.js';
export {
  DEFAULT_COMPARE_EPSILON,
  epsilonDominatedMask,
  type IndicatorComparison,
} from './report/compare/compareStats.js';
export { mannWhitneyU, type RankTest } from './statistics/rankTest.js';
export {
  exportDesign,
  flattenRecord,
  EXPORT_FORMATS,
  type ExportFormat,
  type ExportOptions,
  type ExportResult,
} from './run/export/export.js';
export { loadRun, type LoadedRun } from './run/loadRun.js';
export { exportLogCsv } from './run/logExport.js';
export { RUN_FORMAT_VERSION } from './run/schemas.js';
export type { RunEvaluation, SampledEvaluations } from './run/evaluationSample.js';
export {
  kneePosition,
  kneeAmong,
  bestPosition,
  decisionPicks,
  parseDesignSelector,
  selectDesign,
  KNEE_METHOD,
  type DesignSelector,
  type Pick,
} from './run/decision/decision.js';
export { robustPicks, selectedKnee, type RobustnessReport } from './run/answer/robustness.js';
export { designMargins, kneeStanding, type SelectOutcome } from './run/decision/select.js';
export type { KneeStanding } from './run/schemas.js';
export { jointProbability, wilsonInterval, type ProportionInterval } from './statistics/statistics.js';

// Uncertainty and sensitivity of node designs (src/analysis/): uncertain inputs, sampling, tornado, Sobol',
// break-even.
export {
  formatUncertainty,
  formatSensitivity,
  type UncertaintyRun,
  type SensitivityRun,
  type FolderOptions,
} from './analysis/run.js';
export {
  DEFAULT_UNCERTAINTY_SAMPLES,
  DEFAULT_SEED,
  type UncertaintyAnalysis,
  type UncertaintyOptions,
  type AnalysisProgress,
  type InputSummary,
  type OutputSummary,
  type MarginSummary,
} from './analysis/uncertainty.js';
export {
  SENSITIVITY_METHODS,
  DEFAULT_SOBOL_SAMPLES,
  type SensitivityAnalysis,
  type SensitivityOptions,
  type SensitivityMethod,
  type TornadoOutput,
  type SobolOutput,
} from './analysis/sensitivity.js';
// The analyses of a constellation get the library's LP solver unless the caller passes one.
export const analyzeUncertainty = (o: UncertaintyOptions): Promise<UncertaintyAnalysis> =>
  analyzeUncertaintyWith({ createLpSolver, ...o });
export const analyzeSensitivity = (o: SensitivityOptions): Promise<SensitivityAnalysis> =>
  analyzeSensitivityWith({ createLpSolver, ...o });
export const runUncertainty = (o: UncertaintyOptions & FolderOptions): Promise<UncertaintyRun> =>
  runUncertaintyWith({ createLpSolver, ...o });
export const runSensitivity = (o: SensitivityOptions & FolderOptions): Promise<SensitivityRun> =>
  runSensitivityWith({ createLpSolver, ...o });
export { breakEven, breakEvenInputs, type BreakEven } from './analysis/breakEven.js';
export { uncertainInputs, type UncertainInput } from './study/uncertainInputs.js';
export {
  loadDesign,
  sampleModel,
  KEY_OUTPUTS,
  type SampleModel,
  type SampleOutcome,
  type LoadedDesign,
} from './analysis/model.js';
export { resolveInput, applyInputs, type InputSpec } from './study/uncertainTargets.js';
export { parseUncertainValue, rowUncertaintyLines, type UncertainValue } from './statistics/uncertainValue.js';
// Fronts with their spread (src/optimize/indicators): attainment surfaces, EAF difference, Vorob'ev expectation.
export { attainmentLevel, attainmentSweep, type PointSet } from './optimize/indicators/attainment.js';
export { eafDifference, eafDifferenceAt, type EafRectangle } from './optimize/indicators/eafDifference.js';
export { eafBisection, vorobev, vorobevAt, type Vorobev } from './optimize/indicators/vorobev.js';
