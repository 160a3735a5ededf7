/**
 * /api/compare: the served runs compared by `odc compare`'s own computation (src/report/compare/frontComparison.ts:
 * one normalization over the union of the fronts, exact hypervolume, IGD+, dominance shares), so the explorer and
 * `odc compare` give the same figures for the same runs. A run's front is what the explorer shows (pareto.json's
 * designs for a finished run, the log's non-dominated feasible rows while running), its objectives read from the log
 * (the same doubles pareto.json holds). Kept per version of the runs: a reload does not compute it again.
 */
import { availableParallelism } from 'node:os';
import { compareFronts, type FrontIndicators } from '../report/compare/frontComparison.js';
import { DEFAULT_COMPARE_EPSILON } from '../report/compare/compareStats.js';
import type { ServedRun } from './runData.js';

export interface RunIndicators extends FrontIndicators {
  readonly run: number;
}

export interface Comparison {
  readonly objectives: readonly string[];
  readonly normalization: {
    readonly ideal: readonly number[];
    readonly nadir: readonly number[];
    readonly reference: readonly number[];
  };
  /** Dominance tolerance of `nonDominatedShare`, as `odc compare`'s default. */
  readonly epsilon: number;
  readonly runs: readonly RunIndicators[];
  /** The union front: [run, evaluation index] of each design. */
  readonly union: readonly (readonly [number, number])[];
  /** Why no comparison was made (runs of different objectives), when so. */
  readonly note?: string;
}

/** Minimized objective vectors of a run's front, with their evaluation indices. */
function frontPoints(run: ServedRun): { index: number; f: number[] }[] {
  const objs = run.columns.map((c, k) => ({ c, k })).filter(({ c }) => c.role === 'objective');
  return Array.from(run.front(), (index) => {
    const row = run.rowOf(index);
    return { index, f: objs.map(({ c, k }) => (c.sense === 'maximize' ? -run.column(k)[row]! : run.column(k)[row]!)) };
  }).filter((p) => p.f.every(Number.isFinite));
}

async function compareNow(runs: readonly ServedRun[]): Promise<Comparison> {
  const sig = (r: ServedRun): string =>
    r.columns
      .filter((c) => c.role === 'objective')
      .map((c) => `${c.sense} ${c.name}`)
      .join(', ');
  const names = runs[0]!.columns.filter((c) => c.role === 'objective').map((c) => c.name);
  const epsilon = DEFAULT_COMPARE_EPSILON;
  if (runs.some((r) => sig(r) !== sig(runs[0]!))) {
    const note = 'the runs have different objectives: no common normalization';
    const normalization = { ideal: [], nadir: [], reference: [] };
    return { objectives: names, normalization, epsilon, runs: [], union: [], note };
  }
  const fronts = runs.map(frontPoints);
  const c = await compareFronts(
    fronts.map((F) => F.map((p) => p.f)),
    names.length,
    { epsilon, threads: availableParallelism() },
  );
  return {
    objectives: names,
    normalization: c.normalization,
    epsilon,
    runs: c.runs.map((x, r) => ({ run: runs[r]!.id, ...x })),
    union: c.union.map((u) => [runs[u.r]!.id, fronts[u.r]![u.row]!.index] as const),
  };
}

const kept = new WeakMap<readonly ServedRun[], { key: string; comparison: Promise<Comparison> }>();

/** The comparison of the runs as they are now (computed once per version of their logs and checkpoints). */
export function compareServed(runs: readonly ServedRun[]): Promise<Comparison> {
  for (const r of runs) r.refresh();
  const key = runs.map((r) => r.version()).join('|');
  const k = kept.get(runs);
  if (k?.key === key) return k.comparison;
  const comparison = compareNow(runs);
  kept.set(runs, { key, comparison });
  // a failed comparison is not kept: the next request tries again
  comparison.catch(() => kept.delete(runs));
  return comparison;
}
