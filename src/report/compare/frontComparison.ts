/**
 * `compareFronts(fronts)`: the one run comparison, called by `odc compare` (./compare.ts) and the explorer's
 * /api/compare (src/serve/compare.ts), so both print the same figures for the same runs. The fronts (minimized sense)
 * go on ONE normalization: the ideal and nadir of their union map to 0 and 1 (src/run/hypervolumeRule.ts), reference
 * 1.1. Per front: the exact hypervolume (src/optimize/indicators/hypervolumeParallel.ts: large 5+-objective fronts
 * on threads, the value of one thread to the last bit), IGD+ against the non-dominated union, the share of the front
 * no design of another run (of the other side, with sides) dominates, with the tolerance ε and plainly
 * (./compareStats.ts), and its share of the union. One policy for both: exact for up to 3 objectives and for fronts of
 * up to COMPARE_EXACT_HV_POINTS designs (2,000 points in 6 objectives ~0.5 s: docs/performance.md, "Hypervolume");
 * above, the exact sweep grows past minutes (a 97,809-design 6-objective front did not finish in 12 minutes), so the
 * figure is the seeded Monte Carlo estimate (src/optimize/indicators/hypervolumeEstimate.ts, COMPARE_HV_SAMPLES
 * samples, standard error ≤ 0.5·V_box/√N ≈ 0.0011·V_box) with its standard error, printed "estimated x ± se".
 */
import { nonDominatedIndices, toMatrix } from '../../optimize/pareto/dominance.js';
import { dominatedByMask } from '../../optimize/pareto/dominatedBy.js';
import { hypervolumeParallel } from '../../optimize/indicators/hypervolumeParallel.js';
import { hypervolumeEstimate } from '../../optimize/indicators/hypervolumeEstimate.js';
import { igdPlus } from '../../optimize/indicators/igd.js';
import { HV_ESTIMATE_SEED, normalizationOf, type Normalization } from '../../run/hypervolumeRule.js';
import { epsilonDominatedMask } from './compareStats.js';

/** A step of a comparison (`odc compare` adds 'load' and 'files' around `compareFronts`'s own). */
export interface CompareProgress {
  readonly step: 'load' | 'union' | 'dominance' | 'hypervolume' | 'igd' | 'files';
  /** The run's label (e.g. "A: s1") in the steps done per run. */
  readonly run?: string;
  /**
   * Run folders (load), designs of all fronts (union), of the run's front (dominance, hypervolume) or of the
   * non-dominated union (igd; files: the regions, plot and files).
   */
  readonly count: number;
  /** Objectives of the fronts (from the union step on). */
  readonly objectives?: number;
  /** Share of the step done (hypervolume). */
  readonly share?: number;
}

export interface FrontComparisonOptions {
  /** Dominance tolerance in normalized units (a fraction of each objective's range over the union). */
  readonly epsilon: number;
  /** Each front's side with `odc compare --vs` (dominance then counts the other side's runs only); default none. */
  readonly sides?: readonly ('A' | 'B' | null)[];
  /** Each front's name in progress reports (default its position). */
  readonly labels?: readonly string[];
  /** Threads for the exact hypervolume of large fronts (the value is the same for any number). */
  readonly threads: number;
  readonly onProgress?: (p: CompareProgress) => void;
}

/** Fronts of more designs than this in 4+ objectives get the estimated hypervolume (COMPARE_HV_SAMPLES samples). */
export const COMPARE_EXACT_HV_POINTS = 5000;
export const COMPARE_HV_SAMPLES = 200_000;

/** One front's figures on the common normalization. */
export interface FrontIndicators {
  readonly frontSize: number;
  /** Hypervolume of the normalized front, reference 1.1 in every objective: exact, or estimated (see below). */
  readonly hypervolume: number;
  /** The estimate's standard error above COMPARE_EXACT_HV_POINTS designs in 4+ objectives; null when exact. */
  readonly hypervolumeStandardError: number | null;
  /** IGD+ against the non-dominated union (0: the front holds all of it; ∞ for an empty front). */
  readonly igdPlus: number;
  /** Share of the front that no design of another run dominates by at least ε. */
  readonly nonDominatedShare: number;
  /** The same with plain Pareto dominance (ε = 0). */
  readonly paretoNonDominatedShare: number;
  /** Share of the non-dominated union from this front. */
  readonly unionShare: number;
}

export interface FrontComparison {
  readonly normalization: Normalization;
  /** The non-dominated union: each design's front, its row in that front and its normalized objectives. */
  readonly union: readonly { readonly r: number; readonly row: number; readonly f: number[] }[];
  readonly runs: readonly FrontIndicators[];
}

/** The rows of the matrices one after the other, in one matrix. */
function stacked(matrices: readonly Float64Array[]): Float64Array {
  const out = new Float64Array(matrices.reduce((s, M) => s + M.length, 0));
  let at = 0;
  for (const M of matrices) {
    out.set(M, at);
    at += M.length;
  }
  return out;
}

/** Whether a front of n designs in m objectives gets the estimated hypervolume rather than the exact one. */
export const hypervolumeEstimated = (n: number, m: number): boolean => m >= 4 && n > COMPARE_EXACT_HV_POINTS;

/** A normalized front's hypervolume by the comparison's rule: exact, or above the stated size the seeded estimate. */
async function frontHypervolume(
  P: Float64Array,
  n: number,
  m: number,
  reference: readonly number[],
  threads: number,
  onProgress: (share: number) => void,
): Promise<{ value: number; standardError: number | null }> {
  if (n === 0) return { value: 0, standardError: null };
  if (hypervolumeEstimated(n, m)) {
    const e = hypervolumeEstimate(P, reference, { samples: COMPARE_HV_SAMPLES, seed: HV_ESTIMATE_SEED });
    onProgress(1);
    return { value: e.value, standardError: e.standardError };
  }
  return { value: await hypervolumeParallel(P, reference, { threads, onProgress }), standardError: null };
}

/** "0.6032", or an estimate's "estimated 0.6032 ± 0.0011": how every comparison prints a front's hypervolume. */
export function comparisonHypervolumeText(
  x: Pick<FrontIndicators, 'hypervolume' | 'hypervolumeStandardError'>,
): string {
  const v = Number.isFinite(x.hypervolume) ? x.hypervolume.toFixed(4) : '∞';
  return x.hypervolumeStandardError === null ? v : `estimated ${v} ± ${x.hypervolumeStandardError.toPrecision(2)}`;
}

/** The fronts of runs of the same m objectives, each design's objectives in the minimized sense. */
export async function compareFronts(
  fronts: readonly (readonly (readonly number[])[])[],
  m: number,
  opts: FrontComparisonOptions,
): Promise<FrontComparison> {
  const say = opts.onProgress ?? ((): void => undefined);
  const sides = opts.sides ?? fronts.map(() => null);
  const label = (i: number): string => opts.labels?.[i] ?? String(i);
  const norm = normalizationOf(fronts.flat(), m);
  const scale = (f: readonly number[]): number[] =>
    f.map((v, j) => (v - norm.ideal[j]!) / (norm.nadir[j]! - norm.ideal[j]!));
  const normFronts = fronts.map((F) => F.map(scale));
  // the non-dominated union, remembering which run and row each point came from
  const tagged = normFronts.flatMap((F, r) => F.map((f, row) => ({ r, row, f })));
  say({ step: 'union', count: tagged.length, objectives: m });
  const matrices = normFronts.map((F) => toMatrix(F, m));
  const union = Array.from(nonDominatedIndices(stacked(matrices), tagged.length, m), (i) => tagged[i]!);
  const Z = union.map((p) => p.f);
  const runs: FrontIndicators[] = [];
  for (const [i, F] of normFronts.entries()) {
    const step = { run: label(i), count: F.length, objectives: m } as const;
    say({ step: 'dominance', ...step });
    // the others: every other run, or with sides the other side's runs
    const O = stacked(matrices.filter((_, k) => k !== i && (sides[i] === null || sides[k] !== sides[i])));
    const nO = O.length / m;
    const free = F.length - dominatedByMask(matrices[i]!, F.length, O, nO, m).reduce((s, d) => s + d, 0);
    const freeEps =
      F.length - epsilonDominatedMask(matrices[i]!, F.length, O, nO, m, opts.epsilon).reduce((s, d) => s + d, 0);
    say({ step: 'hypervolume', ...step, share: 0 });
    const hv = await frontHypervolume(matrices[i]!, F.length, m, norm.reference, opts.threads, (share) =>
      say({ step: 'hypervolume', ...step, share }),
    );
    say({ step: 'igd', run: label(i), count: Z.length, objectives: m });
    runs.push({
      frontSize: F.length,
      hypervolume: hv.value,
      hypervolumeStandardError: hv.standardError,
      igdPlus: F.length && Z.length ? igdPlus(F, Z, m) : Z.length ? Infinity : 0,
      nonDominatedShare: F.length ? freeEps / F.length : 0,
      paretoNonDominatedShare: F.length ? free / F.length : 0,
      unionShare: Z.length ? union.filter((p) => p.r === i).length / Z.length : 0,
    });
  }
  return { normalization: norm, union, runs };
}
