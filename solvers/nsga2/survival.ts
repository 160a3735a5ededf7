/**
 * NSGA-II survival (Deb, Pratap, Agarwal, Meyarivan, IEEE TEVC 6(2), 2002) as pymoo 0.6.2
 * `RankAndCrowding` with `filter_infeasible`: feasible members are sorted into non-dominated
 * fronts and taken front by front; the front that does not fit is truncated by crowding distance
 * (descending, ties broken randomly as pymoo's `randomized_argsort`); remaining places go to the
 * infeasible members by increasing cv (failed points, cv = +Infinity, last; ties by position).
 */
import type { Rng } from '../../src/base/rng.js';
import { crowdingDistance, nonDominatedSort } from '../../src/optimize/pareto/dominance.js';
import type { Individual } from '../types.js';
import { randomPermutation } from '../operators/selection.js';

export interface SurvivalResult {
  /** Indices into the merged population, in survivor order. */
  readonly survivors: Int32Array;
  readonly rank: Int32Array;
  readonly crowding: Float64Array;
  /** Mask over the merged population: feasible and in the first front. */
  readonly firstFront: Uint8Array;
}

/** Splits indices into feasible (cv <= 0, in order) and infeasible sorted by cv (stable). */
export function splitByFeasibility(merged: readonly Individual[]): { feasible: Int32Array; infeasible: Int32Array } {
  let nf = 0;
  for (let i = 0; i < merged.length; i++) if (merged[i]!.cv <= 0) nf++;
  const feasible = new Int32Array(nf);
  const infeasible = new Int32Array(merged.length - nf);
  for (let i = 0, a = 0, b = 0; i < merged.length; i++) {
    if (merged[i]!.cv <= 0) feasible[a++] = i;
    else infeasible[b++] = i;
  }
  infeasible.sort((a, b) => {
    const ca = merged[a]!.cv;
    const cb = merged[b]!.cv;
    return ca < cb ? -1 : ca > cb ? 1 : a - b;
  });
  return { feasible, infeasible };
}

/** Flat objective matrix of the given members (into `into` when given: its first members.length m entries). */
export function objectiveMatrix(
  merged: readonly Individual[],
  members: ArrayLike<number>,
  m: number,
  into?: Float64Array,
): Float64Array {
  const F = into === undefined ? new Float64Array(members.length * m) : into.subarray(0, members.length * m);
  for (let t = 0; t < members.length; t++) {
    const f = merged[members[t]!]!.f;
    const o = t * m;
    for (let k = 0; k < m; k++) F[o + k] = f[k]!;
  }
  return F;
}

export function rankAndCrowdingSurvival(
  merged: readonly Individual[],
  nSurvive: number,
  m: number,
  rng: Rng,
): SurvivalResult {
  const { feasible, infeasible } = splitByFeasibility(merged);
  const nf = feasible.length;
  const total = Math.min(nSurvive, merged.length);
  const survivors = new Int32Array(total);
  const rank = new Int32Array(total);
  const crowding = new Float64Array(total);
  const firstFront = new Uint8Array(merged.length);
  let c = 0;
  if (nf > 0) {
    const F = objectiveMatrix(merged, feasible, m);
    const take = Math.min(nf, total);
    const { fronts } = nonDominatedSort(F, nf, m, Math.max(1, take));
    for (const i of fronts[0]!) firstFront[feasible[i]!] = 1;
    for (let k = 0; k < fronts.length && c < take; k++) {
      const front = fronts[k]!;
      const cd = crowdingDistance(F, m, front);
      if (c + front.length > take) {
        const need = take - c;
        const order = Array.from(randomPermutation(front.length, rng));
        // descending crowding; ties keep the random order (stable sort)
        order.sort((a, b) => (cd[a]! > cd[b]! ? -1 : cd[a]! < cd[b]! ? 1 : 0));
        for (let t = 0; t < need; t++) {
          const j = order[t]!;
          survivors[c] = feasible[front[j]!]!;
          rank[c] = k;
          crowding[c] = cd[j]!;
          c++;
        }
      } else {
        for (let j = 0; j < front.length; j++) {
          survivors[c] = feasible[front[j]!]!;
          rank[c] = k;
          crowding[c] = cd[j]!;
          c++;
        }
      }
    }
  }
  const infeasibleRank = 1 << 30;
  for (let t = 0; c < total && t < infeasible.length; t++) {
    survivors[c] = infeasible[t]!;
    rank[c] = infeasibleRank;
    crowding[c] = 0;
    c++;
  }
  return { survivors, rank, crowding, firstFront };
}
