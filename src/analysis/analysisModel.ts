/**
 * What odc uncertainty and odc sensitivity need of the file they analyse, whatever its kind: a node design
 * (./model.ts) or a constellation (./constellationModel.ts). An evaluation is a pure function of the input
 * vector (no clock, no randomness), so results do not depend on which thread evaluates a vector or in what order.
 *
 * Output of one evaluation, one Float64Array: every metric of `metricPaths`, then the relative margin of each
 * constraint of the nominal record, then 1/0 for "satisfied" of each. A vector whose value lies outside a field's
 * schema range, or a design the models cannot evaluate, is a failed sample `{ status: 'failed', reason }`.
 */
import type { UncertainInput } from '../study/uncertainInputs.js';
import type { InputSpec } from '../study/uncertainTargets.js';

export interface ConstraintInfo {
  readonly name: string;
  readonly unit: string;
  readonly sense: '<=' | '>=';
  readonly enforced: boolean;
  readonly description: string;
}

export type SampleOutcome =
  { readonly status: 'ok'; readonly y: Float64Array } | { readonly status: 'failed'; readonly reason: string };

/** One input of the break-even analysis (./breakEven.ts). */
export interface BreakEvenInput {
  readonly spec: InputSpec;
  readonly label: string;
  /** Value the design effectively uses when the file leaves the field to a model default (else spec.nominal). */
  readonly nominal?: number | null;
  /**
   * The LCOC and the terrestrial LCOC are affine in this input (the launch price: launch cost = price × mass, the
   * operations a share of hardware + launch): a scan without a crossing then states the ratio at 0, extrapolated.
   */
  readonly affine?: boolean;
  /** Why the LCOC stays above the terrestrial one whatever this input, from the nominal record (or absent). */
  readonly why?: string;
}

/** Default sample counts and scan size of one kind of file. */
export interface AnalysisDefaults {
  /** odc uncertainty --samples. */
  readonly uncertaintySamples: number;
  /** odc sensitivity: Sobol' base rows N. */
  readonly sobolSamples: number;
  /** Grid points of the break-even scan. */
  readonly breakEvenPoints: number;
  /** Why these defaults (stated in the reports). */
  readonly why: string;
}

export interface AnalysisModel {
  readonly kind: 'node' | 'constellation';
  readonly loaded: { readonly file: string; readonly name: string; readonly hash: string };
  readonly inputs: readonly UncertainInput[];
  readonly constraints: readonly ConstraintInfo[];
  /** Metric columns of the output vector, in order. */
  readonly metricPaths: readonly string[];
  /** Outputs the reports summarise. */
  readonly keyOutputs: readonly string[];
  /** Outputs the terminal summary of odc sensitivity shows. */
  readonly headlineOutputs: readonly string[];
  /** Length of one output vector: metrics, margins, satisfied flags. */
  readonly width: number;
  /** The design as written (no input changed). */
  readonly nominal: SampleOutcome;
  /** Metric paths of the LCOC and of the terrestrial LCOC it is compared with, or null when there is no comparison. */
  readonly comparison: { readonly lcoc: string; readonly terrestrial: string; readonly description: string } | null;
  readonly defaults: AnalysisDefaults;
  /** Statements about the model the reports repeat (approximations, derived figures). */
  readonly notes: readonly string[];
  /** Column of a metric path in the output vector (RangeError for an unknown path). */
  column(path: string): number;
  unitOf(path: string): string;
  /** Evaluates with `values[i]` at `specs[i]` (default: the uncertain inputs; NaN = nominal). */
  evaluate(values: readonly number[], specs?: readonly InputSpec[]): SampleOutcome;
  breakEvenInputs(): readonly BreakEvenInput[];
  /** The uncertain or break-even input at `path` (worker threads receive paths). */
  specFor(path: string): InputSpec;
  /** What a worker thread needs to rebuild this model (./worker.ts). */
  readonly workerData: {
    readonly kind: 'node' | 'constellation';
    readonly designPath: string;
    readonly designHash: string;
  };
}

/** Column lookup over a fixed list of metric paths. */
export function columnLookup(paths: readonly string[]): (path: string) => number {
  const index = new Map(paths.map((p, i) => [p, i]));
  return (path) => {
    const i = index.get(path);
    if (i === undefined) throw new RangeError(`unknown metric ${path}`);
    return i;
  };
}

/** `specFor` over the uncertain inputs and the break-even inputs. */
export function specLookup(
  inputs: readonly InputSpec[],
  breakEven: () => readonly BreakEvenInput[],
): (path: string) => InputSpec {
  return (path) => {
    const found = inputs.find((x) => x.path === path) ?? breakEven().find((b) => b.spec.path === path)?.spec;
    if (found === undefined) throw new RangeError(`no uncertain or break-even input ${path}`);
    return found;
  };
}

/** Output vector of a record: metrics by getter, then each constraint's margin, then 1/0 for satisfied. */
export function outcomeOf<
  R extends { readonly constraints: readonly { name: string; margin: number; satisfied: boolean }[] },
>(
  r: R | string,
  getters: readonly ((r: R) => number)[],
  constraints: readonly ConstraintInfo[],
  checked: R | string = r,
): SampleOutcome {
  if (typeof r === 'string') return { status: 'failed', reason: r };
  if (typeof checked === 'string') return { status: 'failed', reason: checked };
  const m = getters.length;
  const k = constraints.length;
  const y = new Float64Array(m + 2 * k);
  for (let i = 0; i < m; i++) y[i] = getters[i]!(r);
  constraints.forEach((c, j) => {
    const found = checked.constraints.find((x) => x.name === c.name);
    y[m + j] = found?.margin ?? NaN;
    y[m + k + j] = found === undefined ? NaN : found.satisfied ? 1 : 0;
  });
  return { status: 'ok', y };
}

/** The first invalid value of `values` at `specs` (NaN or missing: nominal, skipped), or undefined. */
export function firstInvalid(values: readonly number[], specs: readonly InputSpec[]): string | undefined {
  for (let i = 0; i < specs.length; i++) {
    const v = values[i] ?? NaN;
    if (Number.isNaN(v)) continue;
    const bad = specs[i]!.check(specs[i]!.integer ? Math.round(v) : v);
    if (bad !== undefined) return bad;
  }
  return undefined;
}

export const reasonOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));
