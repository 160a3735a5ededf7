/**
 * The evenly spaced sample of evaluated designs the report plots (objective space, convergence cloud). One rule
 * for both sources of the rows: the evaluation log read back (src/run/loadRun.ts) and the run's own light rows in
 * memory (src/run/log.ts), which hold the same numbers the file gives back, so a report drawn at the end of a run
 * and one drawn later by `odc report` are the same bytes.
 */
import type { LogStatus } from './logColumns.js';

export interface RunEvaluation {
  readonly index: number;
  readonly generation: number;
  readonly status: LogStatus;
  /** Objectives in the user's sense, in pareto.json order (NaN when failed). */
  readonly objectives: Float64Array;
  readonly violation: number;
}

export interface SampledEvaluations {
  /** Evaluated designs (not failed, finite objectives) in evaluation order, at most 2 × EVALUATION_SAMPLE. */
  readonly sample: readonly RunEvaluation[];
  /** How many evaluated designs there were (the sample's population). */
  readonly evaluated: number;
}

/** Evaluations kept for the plots: at most 2 × this many (and at least this many when there are more). */
export const EVALUATION_SAMPLE = 4000;

/**
 * Keeps every evaluated design while there are at most 2 × EVALUATION_SAMPLE, then every second, fourth, … (the
 * stride doubles whenever the kept rows reach 2 × EVALUATION_SAMPLE): bounded memory, a deterministic sample.
 * Failed designs and designs with a non-finite objective are counted out.
 */
export class EvaluationSampler {
  private sample: RunEvaluation[] = [];
  private stride = 1;
  private evaluated = 0;

  /** One row, in evaluation order (the record is built only when the row is kept). */
  offer(
    index: number,
    generation: number,
    status: RunEvaluation['status'],
    objectives: Float64Array,
    violation: number,
  ): void {
    if (status === 'failed' || !objectives.every(Number.isFinite)) return;
    if (this.evaluated++ % this.stride !== 0) return;
    this.sample.push({ index, generation, status, objectives, violation });
    if (this.sample.length >= 2 * EVALUATION_SAMPLE) {
      this.sample = this.sample.filter((_, k) => k % 2 === 0);
      this.stride *= 2;
    }
  }

  /**
   * Whether the next evaluated design offered will be kept; when not, `pass()` counts it instead of `offer` (so a
   * caller builds no record for the rows the stride skips).
   */
  keepsNext(): boolean {
    return this.evaluated % this.stride === 0;
  }

  /** Counts an evaluated design (not failed, finite objectives) that keepsNext() said is not kept. */
  pass(): void {
    this.evaluated++;
  }

  result(): SampledEvaluations {
    return { sample: this.sample, evaluated: this.evaluated };
  }
}

/**
 * The stride an EvaluationSampler ends with after `evaluated` designs (its rule replayed on counts alone): its sample
 * is then exactly the designs whose ordinal among the evaluated ones is a multiple of it (each halving keeps the
 * even positions, i.e. the multiples of the doubled stride). A caller that knows the count in advance picks those
 * rows directly, without building the rows the halvings drop.
 */
export function finalSampleStride(evaluated: number): number {
  let stride = 1;
  let kept = 0;
  for (let k = 0; k < evaluated; k++) {
    if (k % stride !== 0) continue;
    if (++kept >= 2 * EVALUATION_SAMPLE) {
      kept = Math.ceil(kept / 2);
      stride *= 2;
    }
  }
  return stride;
}
