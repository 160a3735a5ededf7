/**
 * The hypervolume rule of a run, apart from the run driver so that the explorer's page can run it too (no Node module
 * below it): a front's hypervolume on a normalization (objectives minimized, ideal → 0, nadir → 1, reference point
 * 1.1), exact (src/optimize/indicators/hypervolume.ts) or, for large fronts in 4+ objectives, the seeded Monte Carlo
 * estimate (hypervolumeEstimate.ts). src/run/history.ts (run.json's history, the progress display) and `odc serve`'s
 * optimization history (src/serve/app/historyCurve.ts) both measure with it.
 */
import { hypervolume } from '../optimize/indicators/hypervolume.js';
import { hypervolumeEstimate } from '../optimize/indicators/hypervolumeEstimate.js';
import type { Normalization } from './schemas.js';
export type { Normalization };

/**
 * A fixed normalization instead of one taken from the front: `true` is the identity (fronts in [0, 1]^m), an
 * {ideal, nadir} pair the true front's extent (benchmarks whose objectives span other ranges: BNH, OSY, WFG, …).
 */
export type FixedNormalization =
  boolean | { readonly ideal: readonly number[]; readonly nadir: readonly number[] } | null;

export function normalizationOf(
  front: readonly ArrayLike<number>[],
  m: number,
  identity: FixedNormalization = false,
): Normalization {
  const reference = new Array<number>(m).fill(1.1);
  if (identity !== null && typeof identity === 'object')
    return { ideal: [...identity.ideal], nadir: [...identity.nadir], reference };
  if (identity) return { ideal: new Array<number>(m).fill(0), nadir: new Array<number>(m).fill(1), reference };
  const ideal = new Array<number>(m).fill(Infinity);
  const nadir = new Array<number>(m).fill(-Infinity);
  for (const p of front) {
    for (let j = 0; j < m; j++) {
      ideal[j] = Math.min(ideal[j]!, p[j]!);
      nadir[j] = Math.max(nadir[j]!, p[j]!);
    }
  }
  for (let j = 0; j < m; j++) {
    if (!Number.isFinite(ideal[j]!)) {
      ideal[j] = 0;
      nadir[j] = 1;
    } else if (nadir[j]! - ideal[j]! <= 0) nadir[j] = ideal[j]! + Math.max(Math.abs(ideal[j]!), 1);
  }
  return { ideal, nadir, reference };
}

/** Normalized points as one flat matrix (not an array per point: archives reach 10^5 points, every generation). */
export function normalizedMatrix(front: readonly ArrayLike<number>[], norm: Normalization): Float64Array {
  const m = norm.ideal.length;
  const P = new Float64Array(front.length * m);
  for (let i = 0; i < front.length; i++) {
    const p = front[i]!;
    for (let j = 0; j < m; j++) P[i * m + j] = (p[j]! - norm.ideal[j]!) / (norm.nadir[j]! - norm.ideal[j]!);
  }
  return P;
}

/** Exact hypervolume of the front on a normalization (`onProgress`: see `hypervolume`). */
export function normalizedHypervolume(
  front: readonly ArrayLike<number>[],
  norm: Normalization,
  onProgress?: (share: number) => void,
): number {
  return front.length === 0 ? 0 : hypervolume(normalizedMatrix(front, norm), norm.reference, onProgress);
}

/**
 * Run-time hypervolume rule (progress display, stagnation, the history rows before the last): exact for up to
 * 3 objectives, and for 4+ objectives while the front has at most EXACT_HV_POINTS points; beyond that a Monte
 * Carlo estimate with HV_ESTIMATE_SAMPLES samples (standard error V_box·sqrt(p(1−p)/N) ≤ 0.5·V_box/√N, i.e.
 * ≤ 0.007 on the [ideal, 1.1]^m box at N = 10,000 — in practice well below 0.005), on the same samples every
 * time (fixed seed: common random numbers, so differences between generations carry less noise than the
 * values). The final front's hypervolume in run.json and the report is always exact.
 */
export const EXACT_HV_POINTS = 300;
export const HV_ESTIMATE_SAMPLES = 10_000;
export const HV_ESTIMATE_SEED = 0x0dc;

export function runHypervolume(
  front: readonly ArrayLike<number>[],
  norm: Normalization,
): { value: number; standardError?: number } {
  const m = norm.ideal.length;
  if (m <= 3 || front.length <= EXACT_HV_POINTS) return { value: normalizedHypervolume(front, norm) };
  const e = hypervolumeEstimate(normalizedMatrix(front, norm), norm.reference, {
    samples: HV_ESTIMATE_SAMPLES,
    seed: HV_ESTIMATE_SEED,
  });
  return { value: e.value, standardError: e.standardError };
}
