/**
 * Hypervolume per generation, recomputed at the end of a run from the evaluation log with one fixed
 * normalization (the final front's ideal and nadir → [0, 1], reference point 1.1 in every objective), so
 * generations are comparable. During the run the progress display shows a live value on a normalization
 * fixed at the first feasible front (`liveNormalization`), so it only rises.
 * Benchmark studies also get IGD+ against the analytic front every generation.
 */
import { dominates } from '../core/dominance.js';
import { hypervolume } from '../indicators/hypervolume.js';
import { igdPlus } from '../indicators/igd.js';
import type { LoggedEvaluation } from './log.js';

export interface Normalization {
  readonly ideal: readonly number[];
  readonly nadir: readonly number[];
  readonly reference: readonly number[];
}

export interface GenerationStats {
  readonly generation: number;
  readonly evaluations: number;
  readonly feasibleShare: number;
  readonly failures: number;
  readonly frontSize: number;
  readonly hypervolume: number;
  /** IGD+ of the front against the analytic Pareto front (benchmark studies only; raw objectives). */
  readonly igdPlus?: number;
}

export function normalizationOf(front: readonly ArrayLike<number>[], m: number, identity = false): Normalization {
  const reference = new Array<number>(m).fill(1.1);
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

/**
 * Normalization for the live hypervolume on the progress display, fixed once per run at the first
 * generation with a feasible front. From that front's ideal and nadir (as `normalizationOf`, range r):
 * the ideal moves down by max(r, |ideal|) — room for later fronts to improve on a first front that is
 * often a point or two (a cost or a mass cannot fall below 0) — and the nadir up by r/2. The archive only
 * ever gains dominated volume, so on a fixed normalization the value never falls (on one taken from the
 * current front it did). Benchmarks keep the identity normalization, as everywhere else.
 */
export function liveNormalization(front: readonly ArrayLike<number>[], m: number, identity = false): Normalization {
  const n = normalizationOf(front, m, identity);
  if (identity) return n;
  const ideal = n.ideal.map((v, j) => v - Math.max(n.nadir[j]! - v, Math.abs(v)));
  const nadir = n.nadir.map((v, j) => v + 0.5 * (v - n.ideal[j]!));
  return { ideal, nadir, reference: n.reference };
}

export function normalizedHypervolume(front: readonly ArrayLike<number>[], norm: Normalization): number {
  const m = norm.ideal.length;
  const pts = front.map((p) => {
    const q = new Float64Array(m);
    for (let j = 0; j < m; j++) q[j] = (p[j]! - norm.ideal[j]!) / (norm.nadir[j]! - norm.ideal[j]!);
    return q;
  });
  return pts.length ? hypervolume(pts, norm.reference) : 0;
}

/** Per-generation statistics from the log, with the hypervolume of the feasible front seen so far. */
export function generationHistory(log: readonly LoggedEvaluation[], m: number, norm: Normalization, trueFront?: readonly Float64Array[]): GenerationStats[] {
  const out: GenerationStats[] = [];
  let front: Float64Array[] = [];
  let failures = 0;
  let evaluated = 0;
  let i = 0;
  while (i < log.length) {
    const gen = log[i]!.generation;
    let genFeasible = 0;
    let genCount = 0;
    for (; i < log.length && log[i]!.generation === gen; i++) {
      const e = log[i]!;
      genCount++;
      if (e.failure !== null) failures++;
      if (e.cv !== 0) continue;
      genFeasible++;
      if (front.some((p) => dominates(p, e.f) || p.every((v, j) => v === e.f[j]))) continue;
      front = front.filter((p) => !dominates(e.f, p));
      front.push(e.f);
    }
    evaluated += genCount;
    out.push({
      generation: gen, evaluations: evaluated, feasibleShare: genFeasible / genCount, failures, frontSize: front.length,
      hypervolume: normalizedHypervolume(front, norm), ...(trueFront && front.length ? { igdPlus: igdPlus(front, trueFront, m) } : {}),
    });
  }
  return out;
}
