/**
 * Tournament selection as pymoo `TournamentSelection` (pressure 2): competitors come from
 * concatenated random permutations of the population, so every individual enters about equally
 * often; a comparison function picks each winner. Comparators:
 * - NSGA-II `binary_tournament` ('comp_by_dom_and_crowding'): if either is infeasible, lower cv
 *   wins (random on a tie); else Pareto dominance; else larger crowding distance (random on a tie).
 * - NSGA-III `comp_by_cv_then_random`: if either is infeasible, lower cv wins (random on a tie);
 *   else a random one.
 * A failed point (cv = +Infinity) thus never wins against an evaluated one.
 */
import type { Rng } from '../../src/base/rng.js';
import { dominanceRelation } from '../../src/optimize/pareto/dominance.js';

/** Fisher–Yates permutations of 0..n-1 concatenated until `count` entries are drawn. */
export function randomPermutations(n: number, count: number, rng: Rng): Int32Array {
  const out = new Int32Array(count);
  const perm = new Int32Array(n);
  let filled = 0;
  while (filled < count) {
    shuffledRange(perm, n, rng);
    const take = Math.min(n, count - filled);
    out.set(perm.subarray(0, take), filled);
    filled += take;
  }
  return out;
}

/** perm[0..n) = a Fisher–Yates permutation of 0..n-1 (n - 1 draws; the buffer is reused, nothing allocated). */
export function shuffledRange(perm: Int32Array, n: number, rng: Rng): void {
  for (let i = 0; i < n; i++) perm[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = perm[i]!;
    perm[i] = perm[j]!;
    perm[j] = t;
  }
}

/** Random permutation of 0..n-1. */
export function randomPermutation(n: number, rng: Rng): Int32Array {
  return randomPermutations(n, n, rng);
}

/** pymoo `compare(..., return_random_if_equal=True)`. */
function compareSmaller(a: number, va: number, b: number, vb: number, rng: Rng): number {
  if (va < vb) return a;
  if (vb < va) return b;
  return rng.next() < 0.5 ? a : b;
}

export interface TournamentPopulation {
  readonly size: number;
  readonly cv: Float64Array;
  /** Objectives of member i (only read for feasible members). */
  objectives(i: number): Float64Array;
  /** Crowding distance (NSGA-II) of member i. */
  readonly crowding: Float64Array;
}

/** NSGA-II binary tournament: returns the index of the winner of a against b. */
export function nsga2Compare(pop: TournamentPopulation, a: number, b: number, rng: Rng): number {
  const ca = pop.cv[a]!;
  const cb = pop.cv[b]!;
  if (ca > 0 || cb > 0) return compareSmaller(a, ca, b, cb, rng);
  const rel = dominanceRelation(pop.objectives(a), pop.objectives(b));
  if (rel === 1) return a;
  if (rel === -1) return b;
  // larger crowding is better
  return compareSmaller(a, -pop.crowding[a]!, b, -pop.crowding[b]!, rng);
}

/** NSGA-III comparison: feasibility / cv first, otherwise a random pick. */
export function nsga3Compare(pop: TournamentPopulation, a: number, b: number, rng: Rng): number {
  const ca = pop.cv[a]!;
  const cb = pop.cv[b]!;
  if (ca > 0 || cb > 0) return compareSmaller(a, ca, b, cb, rng);
  return rng.next() < 0.5 ? a : b;
}

/**
 * Selects `matings` pairs of parents by binary tournaments; returns 2*matings indices
 * (parents of mating t at 2t and 2t+1).
 */
export function tournamentSelection(
  pop: TournamentPopulation,
  matings: number,
  compare: (pop: TournamentPopulation, a: number, b: number, rng: Rng) => number,
  rng: Rng,
): Int32Array {
  const nParents = 2 * matings;
  const P = randomPermutations(pop.size, nParents * 2, rng);
  const out = new Int32Array(nParents);
  for (let t = 0; t < nParents; t++) out[t] = compare(pop, P[2 * t]!, P[2 * t + 1]!, rng);
  return out;
}
