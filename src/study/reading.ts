/**
 * How a node study reads an evaluated design: the metrics it names and the physical constraints it enforces, either
 * from the complete design record or from the lean evaluation (src/node/evaluate.ts nodeMetricsEvaluator), which runs
 * the same sizing stages and reads each number with the record's own field function but builds no record section,
 * constraint description, note or warning. Both give the same numbers bit for bit (test/node/evaluate.test.ts, lean;
 * test/study/robust.test.ts for the robust study's samples), the lean one in a fraction of the time (npm run
 * bench:node). Robust studies (./robust.ts) evaluate the nominal design and each of its N samples through a Reading.
 */
import type { DesignRecord } from '../node/record/record.js';
import { metricGetter } from '../node/record/metrics.js';
import { constraintResult } from '../node/record/constraints.js';
import type { NodeDesign } from '../node/design/schema.js';

/**
 * The lean evaluation of the metrics and physical constraints a study reads (node/evaluate.ts nodeMetricsEvaluator):
 * design → the metrics' values, then each constraint's value and limit, equal to the full record's; null if
 * unavailable. The array is overwritten by the next call of the same `run`.
 */
export type LeanEvaluatorFactory = (out: {
  readonly metrics: readonly string[];
  readonly constraints: readonly string[];
}) => { readonly run: (design: NodeDesign) => Float64Array; readonly senses: readonly ('<=' | '>=')[] } | null;

/** One evaluated design as a study reads it; R is a complete record or the lean path's numbers. */
export interface Reading<R> {
  /** The nominal design evaluated, with its physical constraints (throws when the models cannot evaluate it). */
  readonly nominal: (d: NodeDesign) => R;
  /**
   * A sampled design evaluated (throws when the models cannot evaluate it). Its value may be overwritten by the
   * next sample: read it before evaluating another.
   */
  readonly sample: (d: NodeDesign) => R;
  /** Reads metric `path` (one of the paths the reading was made for) of an evaluation; NaN when it is null. */
  readonly getter: (path: string) => (r: R) => number;
  /**
   * Physical constraint k (of the names the reading was made for) of a nominal evaluation as g ≤ 0, through
   * `scaled`; a string when the evaluation does not have it.
   */
  readonly physical: (
    r: R,
    k: number,
    scaled: (value: number, sense: '<=' | '>=', limit: number) => number,
  ) => number | string;
  /** Whether physical constraint k of a nominal evaluation holds (margin ≥ 0); false when it does not have it. */
  readonly satisfied: (r: R, k: number) => boolean;
}

/** What a reading is made for: metric paths and the names of the physical constraints, in g order. */
export interface ReadingNeeds {
  readonly metrics: readonly string[];
  readonly physicalConstraints: readonly string[];
}

/** The complete design record of every evaluation (`evaluate`), read with metricGetter. */
export function recordReading(evaluate: (d: NodeDesign) => DesignRecord, needs: ReadingNeeds): Reading<DesignRecord> {
  const getters = new Map<string, (r: unknown) => number>();
  return {
    nominal: evaluate,
    sample: evaluate,
    getter: (path) => {
      let g = getters.get(path);
      if (g === undefined) getters.set(path, (g = metricGetter(path)));
      return g;
    },
    physical: (rec, k, scaled) => {
      const name = needs.physicalConstraints[k]!;
      const c = rec.constraints.find((r) => r.name === name);
      return c ? scaled(c.value, c.sense, c.limit) : `physical constraint ${name} missing from the record`;
    },
    satisfied: (rec, k) => rec.constraints.find((r) => r.name === needs.physicalConstraints[k])?.satisfied ?? false,
  };
}

/**
 * The lean evaluation of `needs`: the nominal design with its physical constraints, each sample with the metrics only
 * (its own array, so a sample never overwrites the nominal numbers). Metric `needs.metrics[i]` is at index i of both.
 * Null when the lean path cannot give every need. `samples` false: the nominal evaluation only.
 */
export function leanReading(
  lean: LeanEvaluatorFactory | undefined,
  needs: ReadingNeeds,
  samples = true,
): Reading<Float64Array> | null {
  if (lean === undefined) return null;
  const nominal = lean({ metrics: needs.metrics, constraints: needs.physicalConstraints });
  // without samples (a study's own evaluation), `sample` is never called: no second evaluator is built
  const sample = samples ? lean({ metrics: needs.metrics, constraints: [] }) : nominal;
  if (nominal === null || sample === null) return null;
  const m = needs.metrics.length;
  const getters = new Map(needs.metrics.map((p, i) => [p, (v: Float64Array): number => v[i]!] as const));
  const { senses } = nominal;
  return {
    nominal: nominal.run,
    sample: sample.run,
    getter: (path) => {
      const g = getters.get(path);
      if (g === undefined) throw new Error(`lean reading: metric ${path} was not asked for`);
      return g;
    },
    physical: (v, k, scaled) => scaled(v[m + 2 * k]!, senses[k]!, v[m + 2 * k + 1]!),
    // the record's own rule, on the record's value and limit
    satisfied: (v, k) => constraintResult('', v[m + 2 * k]!, senses[k]!, v[m + 2 * k + 1]!, '', true, '').satisfied,
  };
}

/**
 * `use` over the lean reading when the factory can serve `needs`, else over full records: the one choice every
 * sampling study makes (the lean path is the fast one; records are the fallback and the oracle in tests).
 */
export function withReading<T>(
  lean: LeanEvaluatorFactory | undefined,
  evaluate: (d: NodeDesign) => DesignRecord,
  needs: ReadingNeeds,
  use: <R>(reading: Reading<R>) => T,
): T {
  const fast = leanReading(lean, needs);
  return fast !== null ? use(fast) : use(recordReading(evaluate, needs));
}
