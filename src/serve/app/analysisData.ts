/**
 * What the explorer's analysis views show of one run, computed from its served columns (the binary of
 * /api/runs/<r>/columns) in the page's analysis worker (analysisWorker.ts), so the page stays responsive:
 * - optimization history (src/serve/optimizationHistory.ts): each objective's best feasible value so far, kept as
 *   the evaluations where it changed, and the hypervolume over evaluations;
 * - parameter importance (src/statistics/importance.ts): each variable's first-order index on each objective over the
 *   run's evaluations that did not fail (feasible and infeasible: both have objective values), ranked, with its part
 *   of the indices' sum (relative importance).
 */
import { firstOrderImportance, relativeImportance } from '../../statistics/importance.js';
import type { Normalization } from '../../run/hypervolumeRule.js';
import { optimizationHistory } from '../optimizationHistory.js';
import type { RunInfo } from '../runData.js';

export interface BestSteps {
  readonly objective: string;
  readonly unit: string;
  readonly sense: 'minimize' | 'maximize';
  /** Evaluations counted (1-based) where the best value changed, and the value from there on. */
  readonly at: Int32Array;
  readonly value: Float64Array;
}

export interface RankedInput {
  readonly variable: string;
  readonly index: number;
  /** Its part of the objective's indices' sum (sums to 1 over the variables). */
  readonly relative: number;
  readonly eta2: number;
  readonly bins: number;
  readonly rows: number;
}

export interface RunAnalysis {
  readonly run: number;
  readonly evaluations: number;
  readonly best: readonly BestSteps[];
  readonly checkpoints: Int32Array;
  readonly hypervolume: Float64Array;
  readonly standardError: Float64Array;
  readonly normalization: Normalization;
  readonly normalizationSource: 'run' | 'log';
  /** Per objective, the variables ranked by first-order index, and the indices' sum (past 1: correlated inputs). */
  readonly importance: readonly {
    readonly objective: string;
    readonly sum: number;
    readonly ranked: readonly RankedInput[];
  }[];
}

/** The change points of a running best (NaN before the first feasible evaluation is left out). */
function steps(best: Float64Array): { at: Int32Array; value: Float64Array } {
  const at: number[] = [];
  const value: number[] = [];
  for (let i = 0; i < best.length; i++) {
    const v = best[i]!;
    if (Number.isNaN(v) || v === value[value.length - 1]) continue;
    at.push(i + 1);
    value.push(v);
  }
  return { at: Int32Array.from(at), value: Float64Array.from(value) };
}

export function analyseRun(info: RunInfo, data: Float64Array): RunAnalysis {
  const cols = info.columns;
  const rows = data.length / cols.length;
  const column = (k: number): Float64Array => data.subarray(k * rows, (k + 1) * rows);
  const of = (role: string): number[] => cols.flatMap((c, k) => (c.role === role ? [k] : []));
  const status = column(cols.findIndex((c) => c.role === 'status'));
  const objectives = of('objective');
  const variables = of('variable');
  const feasible = Uint8Array.from(status, (s) => (s === 0 ? 1 : 0));
  const h = optimizationHistory({
    objectives: objectives.map(column),
    senses: objectives.map((k) => cols[k]!.sense ?? 'minimize'),
    feasible,
    normalization: info.normalization,
  });
  const inputs = variables.map(column);
  return {
    run: info.id,
    evaluations: rows,
    best: objectives.map((k, j) => ({
      objective: cols[k]!.name,
      unit: cols[k]!.unit,
      sense: cols[k]!.sense ?? 'minimize',
      ...steps(h.best[j]!),
    })),
    checkpoints: h.checkpoints,
    hypervolume: h.hypervolume,
    standardError: h.standardError,
    normalization: h.normalization,
    normalizationSource: h.normalizationSource,
    importance: objectives.map((k) => {
      const ranked = firstOrderImportance(inputs, column(k));
      const relative = relativeImportance(ranked.map((r) => r.index));
      return {
        objective: cols[k]!.name,
        sum: ranked.reduce((a, r) => a + r.index, 0),
        ranked: ranked.map((r, j) => ({
          variable: cols[variables[r.input]!]!.name,
          index: r.index,
          relative: relative[j]!,
          eta2: r.eta2,
          bins: r.bins,
          rows: r.rows,
        })),
      };
    }),
  };
}
