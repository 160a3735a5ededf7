/**
 * A run's optimization history over its evaluations, from its log's columns (the explorer's history view, computed in
 * the page's analysis worker): for each objective the best feasible value among the first k evaluations (in the
 * user's sense: the lowest of a minimized objective, the highest of a maximized one), at every k; and the hypervolume
 * of the feasible non-dominated set of the first k evaluations at HISTORY_CHECKPOINTS evenly spaced k.
 * The non-dominated set is the optimizer's own archive (src/optimize/pareto/paretoArchive.ts, unbounded) fed the rows
 * in log order; its hypervolume is the run's rule (src/run/hypervolumeRule.ts: exact up to 3 objectives or 300 points,
 * else the seeded Monte Carlo estimate with its standard error) on one normalization for every k: the run's own from
 * run.json when it has one (a finished run: the final front's ideal and nadir, a benchmark's fixed ones), else that of
 * the last checkpoint's set (a running run), so the curve ends at the figure `odc run` prints for a finished run of an
 * unbounded archive. Pure: columns in, curves out.
 */
import { ParetoArchive, type ArchiveMember } from '../optimize/pareto/paretoArchive.js';
import { normalizationOf, runHypervolume, type Normalization } from '../run/hypervolumeRule.js';

/** Hypervolume points per run: one per ~6 px of the view's 600 px plot. */
export const HISTORY_CHECKPOINTS = 100;

export interface HistoryInput {
  /** Per objective, its value in the user's sense, one per evaluation in log order. */
  readonly objectives: readonly Float64Array[];
  readonly senses: readonly ('minimize' | 'maximize')[];
  /** 1 for a feasible evaluation. */
  readonly feasible: Uint8Array;
  /** The run's normalization (objectives minimized, maximized ones negated), or null: taken from the log. */
  readonly normalization: Normalization | null;
}

export interface OptimizationHistory {
  readonly evaluations: number;
  /** Per objective, per evaluation k (0-based): best feasible value of evaluations 0..k, NaN before the first. */
  readonly best: readonly Float64Array[];
  /** Evaluations counted at each hypervolume point (the first `checkpoints[j]` of the log). */
  readonly checkpoints: Int32Array;
  readonly hypervolume: Float64Array;
  /** Standard error of an estimated point, NaN for an exact one. */
  readonly standardError: Float64Array;
  readonly normalization: Normalization;
  readonly normalizationSource: 'run' | 'log';
}

/** Running best of each objective over the feasible evaluations. */
function bestSoFar(input: HistoryInput, n: number): Float64Array[] {
  return input.objectives.map((col, j) => {
    const sign = input.senses[j] === 'maximize' ? -1 : 1;
    const out = new Float64Array(n);
    let best = Infinity;
    for (let i = 0; i < n; i++) {
      const v = sign * col[i]!;
      if (input.feasible[i] === 1 && v < best) best = v;
      out[i] = best === Infinity ? NaN : sign * best;
    }
    return out;
  });
}

/** k = ⌈j·n / points⌉ for j = 1..points, without repeats. */
export function checkpointsOf(n: number, points = HISTORY_CHECKPOINTS): Int32Array {
  const ks = new Set<number>();
  for (let j = 1; j <= points; j++) ks.add(Math.ceil((j * n) / points));
  ks.delete(0);
  return Int32Array.from(ks);
}

export function optimizationHistory(input: HistoryInput): OptimizationHistory {
  const m = input.objectives.length;
  const n = input.feasible.length;
  const checkpoints = checkpointsOf(n);
  const archive = new ParetoArchive<ArchiveMember>(m);
  const fronts: Float64Array[][] = [];
  let next = 0;
  for (const k of checkpoints) {
    for (; next < k; next++) {
      if (input.feasible[next] !== 1) continue;
      const f = Float64Array.from(input.objectives, (col, j) =>
        input.senses[j] === 'maximize' ? -col[next]! : col[next]!,
      );
      archive.add({ f, cv: 0, evalIndex: next });
    }
    fronts.push(archive.items().map((a) => a.f));
  }
  const last = fronts[fronts.length - 1] ?? [];
  const normalization = input.normalization ?? normalizationOf(last, m);
  const hypervolume = new Float64Array(checkpoints.length);
  const standardError = new Float64Array(checkpoints.length).fill(NaN);
  fronts.forEach((front, j) => {
    const h = runHypervolume(front, normalization);
    hypervolume[j] = h.value;
    if (h.standardError !== undefined) standardError[j] = h.standardError;
  });
  return {
    evaluations: n,
    best: bestSoFar(input, n),
    checkpoints,
    hypervolume,
    standardError,
    normalization,
    normalizationSource: input.normalization === null ? 'log' : 'run',
  };
}
