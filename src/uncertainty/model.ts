/**
 * The sampled model: one node design file with its uncertain inputs, evaluated at input vectors. An evaluation is
 * a pure function of the vector (no clock, no randomness), so results do not depend on which thread evaluates a
 * vector or in what order (src/uncertainty/pool.ts).
 *
 * Output of one evaluation, one Float64Array: every metric of METRIC_PATHS (src/evaluate/metrics.ts), then the
 * relative margin of each record constraint, then 1/0 for "satisfied" of each. The constraint list is the nominal
 * design's (the record's constraints[]), or PHYSICAL_CONSTRAINTS when the nominal design cannot be evaluated.
 * A vector whose value lies outside a field's schema range, or a design the models cannot evaluate (a RangeError
 * or any other error from the models), is a failed sample `{ status: 'failed', reason }`.
 */
import { nodeEvaluator, type NodeEvaluator } from '../evaluate/evaluator.js';
import { METRIC_PATHS, metricGetter } from '../evaluate/metrics.js';
import { PHYSICAL_CONSTRAINTS } from '../evaluate/node.js';
import type { DesignRecord } from '../evaluate/record.js';
import { StudyError } from '../core/errors.js';
import type { SourceMap } from '../study/issues.js';
import { checkCatalogIds, parseDesignFile } from '../study/load.js';
import type { NodeDesign } from '../study/schema.js';
import { uncertainInputs, type UncertainInput } from './inputs.js';
import { applyInputs, type InputSpec } from './targets.js';

/** The outputs every report summarises. */
export const KEY_OUTPUTS = ['mass.launch_kg', 'cost.total_USD', 'cost.lcoc_USD_per_PFLOP_day', 'compute.deliveredPFLOPS', 'mass.kW_per_t'] as const;
export type KeyOutput = (typeof KEY_OUTPUTS)[number];

export interface ConstraintInfo {
  readonly name: string;
  readonly unit: string;
  readonly sense: '<=' | '>=';
  readonly enforced: boolean;
  readonly description: string;
}

export type SampleOutcome = { readonly status: 'ok'; readonly y: Float64Array } | { readonly status: 'failed'; readonly reason: string };

export interface LoadedDesign {
  readonly file: string;
  readonly name: string;
  /** sha256 of the file bytes. */
  readonly hash: string;
  readonly design: NodeDesign;
  readonly src: SourceMap;
  readonly evaluator: NodeEvaluator;
}

/** Reads a node design or node study file (its base design) with its catalog rows; StudyError for bad input. */
export function loadDesign(path: string): LoadedDesign {
  const loaded = parseDesignFile(path);
  if (loaded.kind === 'benchmark-study') {
    throw new StudyError('WRONG_TYPE', `${path}: a benchmark study has no node design; odc uncertainty and odc sensitivity take a node design or node study`, { file: path });
  }
  const evaluator = nodeEvaluator(undefined, loaded.design.catalogs);
  checkCatalogIds(loaded.design, evaluator.catalogs, loaded.file.src);
  return { file: path, name: loaded.design.name, hash: loaded.file.hash, design: loaded.design, src: loaded.file.src, evaluator };
}

export interface SampleModel {
  readonly loaded: LoadedDesign;
  readonly inputs: readonly UncertainInput[];
  readonly constraints: readonly ConstraintInfo[];
  /** Length of one output vector: metrics, margins, satisfied flags. */
  readonly width: number;
  /** The design as written (no input changed). */
  readonly nominal: SampleOutcome;
  readonly nominalRecord: DesignRecord | undefined;
  /** Evaluates the design with `values[i]` at `specs[i]` (default: the uncertain inputs; NaN = nominal). */
  evaluate(values: readonly number[], specs?: readonly InputSpec[]): SampleOutcome;
  /** The record itself (reports, break-even), or the failure reason. */
  record(values: readonly number[], specs?: readonly InputSpec[]): DesignRecord | string;
}

const reasonOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export function sampleModel(loaded: LoadedDesign): SampleModel {
  const { design, evaluator } = loaded;
  const rows = evaluator.rows;
  const inputs = uncertainInputs({ design, rows, src: loaded.src });
  const getters = METRIC_PATHS.map((p) => metricGetter(p));
  const record = (values: readonly number[], specs: readonly InputSpec[] = inputs): DesignRecord | string => {
    for (let i = 0; i < specs.length; i++) {
      const v = values[i]!;
      if (Number.isNaN(v)) continue;
      const bad = specs[i]!.check(specs[i]!.integer ? Math.round(v) : v);
      if (bad !== undefined) return bad;
    }
    try {
      return evaluator.evaluate(applyInputs({ base: design, specs, values, rows }));
    } catch (e) {
      return `the models cannot evaluate this sample: ${reasonOf(e)}`;
    }
  };
  const nominalRecord = record([], []);
  const constraints: ConstraintInfo[] = typeof nominalRecord === 'string'
    ? PHYSICAL_CONSTRAINTS.map((name) => ({ name, unit: '', sense: '<=' as const, enforced: true, description: '' }))
    : nominalRecord.constraints.map((c) => ({ name: c.name, unit: c.unit, sense: c.sense, enforced: c.enforced, description: c.description }));
  const m = METRIC_PATHS.length;
  const k = constraints.length;
  const width = m + 2 * k;
  const outcome = (r: DesignRecord | string): SampleOutcome => {
    if (typeof r === 'string') return { status: 'failed', reason: r };
    const y = new Float64Array(width);
    for (let i = 0; i < m; i++) y[i] = getters[i]!(r);
    constraints.forEach((c, j) => {
      const found = r.constraints.find((x) => x.name === c.name);
      y[m + j] = found?.margin ?? NaN;
      y[m + k + j] = found === undefined ? NaN : found.satisfied ? 1 : 0;
    });
    return { status: 'ok', y };
  };
  return {
    loaded, inputs, constraints, width,
    nominal: outcome(nominalRecord),
    nominalRecord: typeof nominalRecord === 'string' ? undefined : nominalRecord,
    evaluate: (values, specs) => outcome(record(values, specs)),
    record,
  };
}

/** Column of a metric in an output vector. */
export const metricColumn = (path: string): number => {
  const i = (METRIC_PATHS as readonly string[]).indexOf(path);
  if (i < 0) throw new RangeError(`unknown metric ${path}`);
  return i;
};
