/**
 * Several served runs on one normalization, as `odc compare` does it (src/report/compare/compare.ts): each run's front
 * in
 * the minimized sense, the ideal and nadir of the union of the fronts mapped to 0 and 1, the hypervolume of each
 * normalized front (reference 1.1 in every objective; src/optimize/indicators/hypervolume.ts) and its IGD+ against the
 * non-dominated union of all fronts (src/optimize/indicators/igd.ts). A front too large for the exact hypervolume in 5+
 * objectives within a page load (more than EXACT_HV_MAX_POINTS points) gets the Monte Carlo estimate
 * (src/optimize/indicators/hypervolumeEstimate.ts, seeded, its standard error returned) and says so.
 */
import { nonDominatedIndices, toMatrix } from '../optimize/pareto/dominance.js';
import { hypervolume } from '../optimize/indicators/hypervolume.js';
import { hypervolumeEstimate } from '../optimize/indicators/hypervolumeEstimate.js';
import { igdPlus } from '../optimize/indicators/igd.js';
import { normalizationOf } from '../run/history.js';
import type { ServedRun } from './runData.js';

/** Largest front whose exact hypervolume is computed in 5+ objectives (larger: a seeded estimate). */
export const EXACT_HV_MAX_POINTS = 2000;
const ESTIMATE_SAMPLES = 200_000;

export interface RunIndicators {
  readonly run: number;
  readonly frontSize: number;
  readonly hypervolume: number;
  /** Standard error of an estimated hypervolume; 0 when exact. */
  readonly hypervolumeStandardError: number;
  readonly igdPlus: number;
  /** Designs of the non-dominated union that come from this run. */
  readonly unionShare: number;
}

export interface Comparison {
  readonly objectives: readonly string[];
  readonly normalization: {
    readonly ideal: readonly number[];
    readonly nadir: readonly number[];
    readonly reference: readonly number[];
  };
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

export function compareServed(runs: readonly ServedRun[]): Comparison {
  const sig = (r: ServedRun): string =>
    r.columns
      .filter((c) => c.role === 'objective')
      .map((c) => `${c.sense} ${c.name}`)
      .join(', ');
  const names = runs[0]!.columns.filter((c) => c.role === 'objective').map((c) => c.name);
  const m = names.length;
  if (runs.some((r) => sig(r) !== sig(runs[0]!))) {
    const note = 'the runs have different objectives: no common normalization';
    return { objectives: names, normalization: { ideal: [], nadir: [], reference: [] }, runs: [], union: [], note };
  }
  const fronts = runs.map(frontPoints);
  const norm = normalizationOf(
    fronts.flat().map((p) => p.f),
    m,
  );
  const scale = (f: readonly number[]): number[] =>
    f.map((v, j) => (v - norm.ideal[j]!) / (norm.nadir[j]! - norm.ideal[j]! || 1));
  const tagged = fronts.flatMap((F, r) => F.map((p) => ({ r, index: p.index, f: scale(p.f) })));
  const unionRows = nonDominatedIndices(
    toMatrix(
      tagged.map((t) => t.f),
      m,
    ),
    tagged.length,
    m,
  );
  const union = Array.from(unionRows, (i) => tagged[i]!);
  const Z = toMatrix(
    union.map((u) => u.f),
    m,
  );
  const indicators = runs.map((run, r): RunIndicators => {
    const F = toMatrix(
      tagged.filter((t) => t.r === r).map((t) => t.f),
      m,
    );
    const n = F.length / m;
    const exact = m < 5 || n <= EXACT_HV_MAX_POINTS;
    const est = exact ? null : hypervolumeEstimate(F, norm.reference, { samples: ESTIMATE_SAMPLES, seed: 1 });
    return {
      run: run.id,
      frontSize: n,
      hypervolume: n === 0 ? 0 : est !== null ? est.value : hypervolume(F, norm.reference),
      hypervolumeStandardError: est?.standardError ?? 0,
      igdPlus: n > 0 && union.length > 0 ? igdPlus(F, Z, m) : Infinity,
      unionShare: union.length ? union.filter((u) => u.r === r).length / union.length : 0,
    };
  });
  return {
    objectives: names,
    normalization: norm,
    runs: indicators,
    union: union.map((u) => [runs[u.r]!.id, u.index] as const),
  };
}
