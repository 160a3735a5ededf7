/**
 * odc library API: what the CLI calls and what other tools import. Each function returns data; only
 * src/cli writes to the terminal. This is also the composition root that wires the solvers/ registry
 * into the run driver (src/ otherwise never imports solvers/).
 */
import { evaluateConstellationFileWith } from './constellation/evaluator.js';
import type { ConstellationSpec } from './constellation/compile.js';
import type { ConstellationRecord } from './constellation/record.js';
import { loadCatalogs } from './catalog/load.js';
import { CATALOG_KINDS, CATALOG_SPECS, type CatalogKind } from './catalog/schema.js';
import { StudyError, didYouMean } from './core/errors.js';
import { METRIC_PATHS, unitOf } from './node/metrics.js';
import { constellationMetricPaths } from './constellation/metrics.js';
import { ODC_VERSION } from './run/versions.js';
import { constellationJsonSchema, designJsonSchema } from './report/jsonSchema.js';
import { constellationRecordJsonSchema, constellationRecordSchema } from './constellation/recordSchema.js';
import { designRecordJsonSchema, designRecordSchema } from './node/recordSchema.js';
import { numericLeaves } from './core/zodPaths.js';
import { catalogTable } from './report/catalogListing.js';
import { createLpSolver } from './runStudy.js';
import { rowUncertaintyLines } from './statistics/uncertainValue.js';
import {
  analyzeUncertainty as analyzeUncertaintyWith,
  type UncertaintyAnalysis,
  type UncertaintyOptions,
} from './uncertainty/uncertainty.js';
import {
  analyzeSensitivity as analyzeSensitivityWith,
  type SensitivityAnalysis,
  type SensitivityOptions,
} from './uncertainty/sensitivity.js';
import {
  runSensitivity as runSensitivityWith,
  runUncertainty as runUncertaintyWith,
  type FolderOptions,
  type SensitivityRun,
  type UncertaintyRun,
} from './uncertainty/run.js';

export const VERSION = ODC_VERSION;
export { evaluateDesignFile, nodeEvaluator } from './node/evaluator.js';
export { evaluateNode, PHYSICAL_CONSTRAINTS } from './node/node.js';
export type { DesignRecord, ConstraintResult } from './node/record.js';
export { designRecordSchema, designRecordJsonSchema } from './node/recordSchema.js';
export { METRIC_PATHS, unitOf } from './node/metrics.js';
export { formatBudget, budgetSections } from './report/budget.js';
export { formatRunSummary } from './report/summary.js';
export { loadStudyProblem, type LoadedStudy } from './run/problem.js';
export { parseDesignFile, fileKind } from './design/load.js';
// Constellations (src/constellation/): files, evaluation, record.
export {
  constellationEvaluator,
  loadConstellationSpec,
  type ConstellationEvaluator,
} from './constellation/evaluator.js';
export { evaluateConstellation } from './constellation/evaluate.js';
export type { ConstellationSpec } from './constellation/compile.js';
export type { ConstellationRecord } from './constellation/record.js';
export { constellationRecordSchema, constellationRecordJsonSchema } from './constellation/recordSchema.js';
export { formatConstellationBudget } from './report/constellationBudget.js';
export type { NodeDesign, NodeStudy, BenchmarkStudy } from './design/schema.js';
export { StudyError, isStudyError } from './core/errors.js';
export type { RunOptions, RunSummary, ProgressInfo, FinishingProgress } from './run/driver.js';
// Distributed evaluation on Redis (BullMQ): odc run --redis, odc worker.
export type { WorkerOptions, RunningWorker } from './parallel/redisWorker.js';
import type { WorkerOptions, RunningWorker } from './parallel/redisWorker.js';
/** Starts an `odc worker` on a Redis queue (BullMQ and ioredis are loaded here, not with the library). */
export async function startWorker(o: WorkerOptions): Promise<RunningWorker> {
  return (await import('./parallel/redisWorker.js')).startWorker(o);
}
export { checkRedisUrl, redactRedisUrl } from './parallel/redisUrl.js';
export type { Problem, Evaluation, VariableSpec } from './problem/types.js';

// The run's composition root (./runStudy.ts): the CLI loads it alone for odc run and odc report.
export { createLpSolver, renderReport, runStudy } from './runStudy.js';

/** Evaluates a constellation file with the shipped catalogs and the built-in LP solvers. */
export async function evaluateConstellationFile(
  path: string,
): Promise<{ spec: ConstellationSpec; record: ConstellationRecord }> {
  return evaluateConstellationFileWith(path, await createLpSolver());
}

/** Metric paths objectives and constraints may name: of the node record (default) or of the constellation record. */
export function formatMetrics(kind: 'node' | 'constellation' = 'node'): string {
  const paths = kind === 'constellation' ? constellationMetricPaths() : METRIC_PATHS;
  const record = kind === 'constellation' ? constellationRecordSchema() : designRecordSchema();
  const described = new Map(numericLeaves(record, '', true).map((l) => [l.path, l.description]));
  const pathWidth = Math.max(...paths.map((p) => p.length));
  const units = paths.map((p) => `[${unitOf(p)}]`);
  const unitWidth = Math.max(...units.map((u) => u.length));
  // The unit has its own column: a description's trailing '[km].' (or one that is only the unit) is dropped.
  const text = (p: string): string =>
    (described.get(p) ?? '').replace(/\s*\[[^\]]*\]/g, '').replace(/\s+([.,;])/g, '$1');
  return `${paths.map((p, i) => `${p.padEnd(pathWidth)}  ${units[i]!.padEnd(unitWidth)}  ${text(p)}`.trimEnd()).join('\n')}\n`;
}

const CATALOG_NAMES = CATALOG_KINDS.map((k) => CATALOG_SPECS[k].file.replace('.yaml', ''));

export function formatCatalog(name?: string): string {
  const catalogs = loadCatalogs();
  let kinds: readonly CatalogKind[] = CATALOG_KINDS;
  if (name !== undefined) {
    const i = CATALOG_NAMES.indexOf(name);
    if (i < 0) {
      const guess = didYouMean(name, CATALOG_NAMES);
      throw new StudyError(
        'BAD_ARGUMENT',
        `unknown catalog "${name}"${guess ? `: did you mean ${guess}?` : ''} (catalogs: ${CATALOG_NAMES.join(', ')})`,
      );
    }
    kinds = [CATALOG_KINDS[i]!];
  }
  const out: string[] = [];
  for (const k of kinds) {
    out.push(`${CATALOG_SPECS[k].file.replace('.yaml', '')} (designs/catalogs/${CATALOG_SPECS[k].file})`);
    const rows = catalogs[k] as unknown as Parameters<typeof catalogTable>[1];
    out.push(...catalogTable(k, rows, (row) => rowUncertaintyLines(row as { uncertainty?: Record<string, unknown> })));
    out.push('');
  }
  return `${out.join('\n')}`;
}
export { designJsonSchema } from './report/jsonSchema.js';

/** The JSON Schema of a design/study file (`design`) or of the evaluated design record (`record`). */
export function jsonSchema(which: string): object {
  if (which === 'design') return designJsonSchema();
  if (which === 'record') return designRecordJsonSchema();
  if (which === 'constellation') return constellationJsonSchema();
  if (which === 'constellation-record') return constellationRecordJsonSchema();
  throw new StudyError(
    'BAD_ARGUMENT',
    `unknown schema "${which}": choose design, record, constellation or constellation-record`,
  );
}

// Reports, comparison and hand-off of sized designs (src/report/).
export type { ReportOptions, ReportPaths } from './report/render.js';

export {
  compareRuns,
  formatCompare,
  type CompareResult,
  type CompareRow,
  type CompareRegion,
  type CompareOptions,
  type CompareProgress,
} from './report/compare.js';
export { DEFAULT_COMPARE_EPSILON, epsilonDominatedMask, type IndicatorComparison } from './report/compareStats.js';
export { mannWhitneyU, type RankTest } from './statistics/rankTest.js';
export {
  exportDesign,
  flattenRecord,
  EXPORT_FORMATS,
  type ExportFormat,
  type ExportOptions,
  type ExportResult,
} from './report/export.js';
export {
  loadRun,
  RUN_FORMAT_VERSION,
  type LoadedRun,
  type RunEvaluation,
  type SampledEvaluations,
} from './report/load.js';
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
} from './run/decision.js';
export {
  designMargins,
  robustPicks,
  selectedKnee,
  type RobustnessReport,
  type SelectOutcome,
} from './report/robustness.js';
export { jointProbability, wilsonInterval, type ProportionInterval } from './statistics/statistics.js';

// Uncertainty and sensitivity of node designs (src/uncertainty/): uncertain inputs, sampling, tornado, Sobol',
// break-even.
export {
  formatUncertainty,
  formatSensitivity,
  type UncertaintyRun,
  type SensitivityRun,
  type FolderOptions,
} from './uncertainty/run.js';
export {
  DEFAULT_UNCERTAINTY_SAMPLES,
  DEFAULT_SEED,
  type UncertaintyAnalysis,
  type UncertaintyOptions,
  type AnalysisProgress,
  type InputSummary,
  type OutputSummary,
  type MarginSummary,
} from './uncertainty/uncertainty.js';
export {
  SENSITIVITY_METHODS,
  DEFAULT_SOBOL_SAMPLES,
  type SensitivityAnalysis,
  type SensitivityOptions,
  type SensitivityMethod,
  type TornadoOutput,
  type SobolOutput,
} from './uncertainty/sensitivity.js';
// The analyses of a constellation get the library's LP solver unless the caller passes one.
export const analyzeUncertainty = (o: UncertaintyOptions): Promise<UncertaintyAnalysis> =>
  analyzeUncertaintyWith({ createLpSolver, ...o });
export const analyzeSensitivity = (o: SensitivityOptions): Promise<SensitivityAnalysis> =>
  analyzeSensitivityWith({ createLpSolver, ...o });
export const runUncertainty = (o: UncertaintyOptions & FolderOptions): Promise<UncertaintyRun> =>
  runUncertaintyWith({ createLpSolver, ...o });
export const runSensitivity = (o: SensitivityOptions & FolderOptions): Promise<SensitivityRun> =>
  runSensitivityWith({ createLpSolver, ...o });
export { breakEven, breakEvenInputs, type BreakEven } from './uncertainty/breakEven.js';
export { uncertainInputs, type UncertainInput } from './uncertainty/inputs.js';
export {
  loadDesign,
  sampleModel,
  KEY_OUTPUTS,
  type SampleModel,
  type SampleOutcome,
  type LoadedDesign,
} from './uncertainty/model.js';
export { resolveInput, applyInputs, type InputSpec } from './uncertainty/targets.js';
export { parseUncertainValue, rowUncertaintyLines, type UncertainValue } from './statistics/uncertainValue.js';
