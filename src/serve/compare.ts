/**
 * /api/compare: the served runs compared by `odc compare`'s own computation (src/report/compare/frontComparison.ts:
 * one normalization over the union of the fronts, exact hypervolume, IGD+, dominance shares), so the explorer and
 * `odc compare` give the same figures for the same runs. A run's front is what the explorer shows (pareto.json's
 * designs for a finished run, the log's non-dominated feasible rows while running), its objectives read from the log
 * (the same doubles pareto.json holds). With `?vs=<ids>` the runs named are side B and the others side A, as in
 * `odc compare a… --vs b…`: the dominance shares are against the other side's runs, and the EAF difference
 * (src/report/compare/attainmentDifference.ts) says where each side attains with the higher probability. Kept per
 * version of the runs and sides: a reload does not compute it again.
 */
import { availableParallelism } from 'node:os';
import { attainmentDifference, type AttainmentDifference } from '../report/compare/attainmentDifference.js';
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
  /** With `vs`: each run's side (A, or B for the runs named), as `odc compare --vs` assigns them. */
  readonly sides?: readonly ('A' | 'B')[];
  /** With `vs`: where each side attains with the higher probability, as `odc compare --vs --json` prints it. */
  readonly attainmentDifference?: AttainmentDifference;
}

/** Minimized objective vectors of a run's front, with their evaluation indices. */
function frontPoints(run: ServedRun): { index: number; f: number[] }[] {
  const objs = run.columns.map((c, k) => ({ c, k })).filter(({ c }) => c.role === 'objective');
  return Array.from(run.front(), (index) => {
    const row = run.rowOf(index);
    return { index, f: objs.map(({ c, k }) => (c.sense === 'maximize' ? -run.column(k)[row]! : run.column(k)[row]!)) };
  }).filter((p) => p.f.every(Number.isFinite));
}

async function compareNow(runs: readonly ServedRun[], vs: readonly number[] | null): Promise<Comparison> {
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
  const sides = vs === null ? null : runs.map((r) => (vs.includes(r.id) ? ('B' as const) : ('A' as const)));
  const F = fronts.map((P) => P.map((p) => p.f));
  const threads = availableParallelism();
  const c = await compareFronts(F, names.length, { epsilon, threads, ...(sides ? { sides } : {}) });
  const base = {
    objectives: names,
    normalization: c.normalization,
    epsilon,
    runs: c.runs.map((x, r) => ({ run: runs[r]!.id, ...x })),
    union: c.union.map((u) => [runs[u.r]!.id, fronts[u.r]![u.row]!.index] as const),
  };
  if (sides === null) return base;
  const objectives = runs[0]!.columns
    .filter((col) => col.role === 'objective')
    .map((col) => ({ name: col.name, sense: col.sense ?? 'minimize', unit: col.unit }));
  const side = (s: 'A' | 'B'): number[][][] => F.filter((_, r) => sides[r] === s);
  const difference = attainmentDifference(side('A'), side('B'), objectives, c.normalization);
  return { ...base, sides, attainmentDifference: difference };
}

/**
 * The ids of `?vs=` (comma-separated served run ids), null without it; a message when they are not served runs'
 * ids or leave a side empty.
 */
export function parseVs(text: string | null, runs: readonly ServedRun[]): number[] | null | string {
  if (text === null) return null;
  const ids = text.split(',').map((t) => (/^\d{1,4}$/.test(t.trim()) ? Number(t) : NaN));
  if (ids.some((id) => !runs.some((r) => r.id === id)))
    return `vs=${text}: name served runs by their ids (0 to ${runs.length - 1}), comma-separated, e.g. vs=2,3`;
  if (runs.every((r) => ids.includes(r.id))) return `vs=${text}: side A would be empty; leave some runs out of vs`;
  return [...new Set(ids)].sort((a, b) => a - b);
}

const kept = new WeakMap<readonly ServedRun[], { key: string; comparison: Promise<Comparison> }>();

/**
 * The comparison of the runs as they are now, side B the runs of `vs` (null: no sides); computed once per version
 * of their logs and checkpoints and per sides.
 */
export function compareServed(runs: readonly ServedRun[], vs: readonly number[] | null = null): Promise<Comparison> {
  for (const r of runs) r.refresh();
  const key = `${runs.map((r) => r.version()).join('|')} vs ${vs?.join(',') ?? '-'}`;
  const k = kept.get(runs);
  if (k?.key === key) return k.comparison;
  const comparison = compareNow(runs, vs);
  kept.set(runs, { key, comparison });
  // a failed comparison is not kept: the next request tries again
  comparison.catch(() => kept.delete(runs));
  return comparison;
}
