/**
 * Does a design of a node study still meet its constraints when its compliance inputs vary (./inputKinds.ts: the
 * economics inputs stay at their nominal values, as P(all hold) is defined)? Each design is evaluated
 * on the study's common sample set (./commonSamples.ts `commonSampler`: one unit matrix, Latin hypercube by default,
 * mapped through each input's distribution — the catalog rows' `uncertainty:` and the study's `uncertainty:` section),
 * and in every sample each constraint the optimizer enforces is checked:
 * - the physical constraints the study does not relax (record.constraints, `satisfied`), on the design with its design
 *   margins spent (src/node/record/marginPolicy.ts: the sampled quantities against the allocations the design fixed);
 * - the study's constraints without a statistic, with the same comparison as the optimizer (g ≤ 0, scaled by |limit|).
 * Constraints that name a statistic or prob(...) are statements about the whole sample set, not about one sample, and
 * are left out (listed as such). A variable of the study that is also an uncertain input is held at the design's value
 * (the design fixes it). Failed samples (outside a field's range, or not evaluable) count as not holding.
 * Each sample is evaluated on the lean path when one is given (./reading.ts: the metrics the constraints name and the
 * physical checks' values and limits, `satisfied` decided by the record's own constraintResult), else as a record.
 * Deterministic: a pure function of the study, the design and (samples, method, seed).
 */
import type { SamplingMethod } from '../statistics/sampling.js';
import type { Catalogs } from '../catalog/schema.js';
import type { DesignRecord } from '../node/record/record.js';
import { evaluateExpr, type ParsedConstraint } from './expression.js';
import { commonSampler, inputColumns, type CommonSampler } from './commonSamples.js';
import { withReading, type LeanEvaluatorFactory, type Reading } from './reading.js';
import type { NodeDesign } from '../node/design/schema.js';
import { spendMargins } from '../node/record/marginPolicy.js';

export interface ConstraintSampleSettings {
  readonly samples: number;
  readonly method: SamplingMethod;
  readonly seed: number;
  /** Metrics also read in every sample (`values`): e.g. the objectives, for the front under the inputs. */
  readonly metrics?: readonly string[];
  /** False: the samples' `metrics` alone, each sample's `holds` empty (no constraint checked). Default true. */
  readonly checks?: boolean;
}

export interface ConstraintSamples {
  /** Constraints checked per sample, in order. */
  readonly names: readonly string[];
  /** Study constraints with a statistic, not checked per sample. */
  readonly skipped: readonly string[];
  /** Per sample: each constraint of `names` holds, or null for a failed sample. */
  readonly holds: readonly (readonly boolean[] | null)[];
  /** Uncertain inputs of this design. */
  readonly inputs: number;
  /** Their paths (`catalogs.chips.gb300.mass_kg`, `section.key`). */
  readonly inputNames?: readonly string[];
  /** Failed samples and the first reason. */
  readonly failed: number;
  readonly firstFailure: string | null;
  /** Per sample: the settings' `metrics`, or null for a failed sample (absent without `metrics`). */
  readonly values?: readonly (readonly number[] | null)[];
}

export interface ConstraintSamplerParams {
  readonly base: NodeDesign;
  readonly rows: Catalogs;
  readonly variableNames: readonly string[];
  readonly physicalConstraints: readonly string[];
  readonly constraints: readonly ParsedConstraint[];
  readonly evaluate: (design: NodeDesign) => DesignRecord;
  /** The lean evaluation (./reading.ts); the samples build records without it. */
  readonly lean?: LeanEvaluatorFactory | undefined;
  readonly scaledViolation: (value: number, sense: '<=' | '>=', limit: number) => number;
  readonly settings: ConstraintSampleSettings;
}

/** Samples per design as a function of the design; null when no input of the study is uncertain. */
export function constraintSampler(p: ConstraintSamplerParams): ((d: NodeDesign) => ConstraintSamples) | null {
  // the design fixes its variables: an uncertain input that is also a variable is held ('fixed')
  const section = { ...(p.base.uncertainty ?? {}) } as Record<string, unknown>;
  const uncertain = new Set(inputColumns(p.base, p.rows));
  for (const name of p.variableNames) if (uncertain.has(name)) section[name] = 'fixed';
  const base = { ...p.base, uncertainty: section } as NodeDesign;
  // P(all hold) samples the compliance inputs, the economics inputs at nominal (./inputKinds.ts)
  const { metrics = [], checks = true, ...settings } = p.settings;
  const sampler = commonSampler({ base, rows: p.rows, ...settings, evaluate: p.evaluate, complianceOnly: true });
  if (sampler.columns.length === 0) return null;
  const needs = {
    metrics: [...new Set([...p.constraints.filter((c) => !c.statistics).flatMap((c) => c.refs), ...metrics])],
    physicalConstraints: p.physicalConstraints,
  };
  return withReading(p.lean, p.evaluate, needs, (reading) => perDesign(p, sampler, section, reading, metrics, checks));
}

/** The per-sample checks of a design, evaluated and read through `reading`. */
function perDesign<R>(
  p: ConstraintSamplerParams,
  sampler: CommonSampler,
  section: Record<string, unknown>,
  reading: Reading<R>,
  metrics: readonly string[],
  checks: boolean,
): (d: NodeDesign) => ConstraintSamples {
  const read = metrics.map((m) => reading.getter(m));
  const perSample = p.constraints.filter((c) => !c.statistics);
  const skipped = p.constraints.filter((c) => c.statistics).map((c) => c.text);
  const names = [...p.physicalConstraints, ...perSample.map((c) => c.text)];
  // without checks a sample calls a function of its own: the checking one (the record's reading and the constraints'
  // expressions inlined) is not made hot by thousands of check-free samples (attainment.json's draws) and compiled
  const check = !checks
    ? (): boolean[] => []
    : (rec: R): boolean[] => {
        // the nominal evaluation when the design has no uncertain input, a sample's otherwise: both carry the checks
        const physical = p.physicalConstraints.map((_, k) => reading.satisfied(rec, k));
        const lookup = (path: string): number => reading.getter(path)(rec);
        const study = perSample.map(
          (c) => p.scaledViolation(evaluateExpr(c.lhs, lookup), c.sense, evaluateExpr(c.rhs, lookup)) <= 0,
        );
        return [...physical, ...study];
      };
  return (d) => {
    // each sample spends the design's margins (the margin policy: src/node/record/marginPolicy.ts)
    const design = spendMargins({ ...d, uncertainty: section } as NodeDesign);
    const nominal = reading.nominal(design);
    const plan = sampler.planFor(design);
    const inputNames = plan.inputs.map((x) => x.path);
    return tally(
      { names, skipped, inputs: plan.inputs.length, inputNames },
      plan.values.length,
      read.length > 0,
      (i) => {
        const rec = sampler.sampleOf(design, nominal, plan, i, reading.nominal);
        return typeof rec === 'string' ? rec : { holds: check(rec), values: read.map((g) => g(rec)) };
      },
    );
  };
}

/**
 * One design's samples checked, for a node and a constellation study alike: sample i's checks (and `metrics` values)
 * from `at(i)`, or why it failed, which counts as not holding.
 */
export function tally(
  head: Pick<ConstraintSamples, 'names' | 'skipped' | 'inputs' | 'inputNames'>,
  samples: number,
  withValues: boolean,
  at: (i: number) => { holds: boolean[]; values?: number[] } | string,
): ConstraintSamples {
  const all = Array.from({ length: samples }, (_, i) => at(i));
  const failures = all.filter((s): s is string => typeof s === 'string');
  const ok = (s: (typeof all)[number]) => (typeof s === 'string' ? undefined : s);
  return {
    names: head.names,
    skipped: head.skipped,
    holds: all.map((s) => ok(s)?.holds ?? null),
    inputs: head.inputs,
    ...(head.inputNames !== undefined ? { inputNames: head.inputNames } : {}),
    failed: failures.length,
    firstFailure: failures[0] ?? null,
    ...(withValues ? { values: all.map((s) => ok(s)?.values ?? null) } : {}),
  };
}
