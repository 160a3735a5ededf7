/**
 * NSGA-II crowding with three objectives. With two objectives the point with the largest f1 is also the one
 * with the smallest f2, so a crowding distance that forgets to mark the UPPER boundary of an objective is still
 * +∞ there through the other objective's lower boundary; with three or more objectives the extremes no longer
 * pair up, and such a bug silently drops extreme solutions from the front (Deb et al., IEEE TEVC 6(2), 2002,
 * §III-B: "the boundary solutions (solutions with smallest and largest function values) are assigned an
 * infinite distance value").
 */
import { describe, expect, it } from 'vitest';
import { crowdingDistance, nonDominatedSort, toMatrix } from '../../../src/optimize/pareto/dominance.js';
import { createRng } from '../../../src/base/rng.js';
import { rankAndCrowdingSurvival } from '../../../solvers/nsga2/survival.js';
import type { Individual } from '../../../solvers/types.js';

// Five mutually non-dominated points. p3 holds the LARGEST f1 but is interior in f2 and f3; p0 holds the
// smallest f1; p1 and p2 are the extremes of f2 and f3. p4 is the only interior point of every objective.
const FRONT = [
  [0, 3, 3], // p0: min f1
  [1, 0, 4], // p1: min f2, max f3
  [2, 4, 0], // p2: max f2, min f3
  [4, 1, 1], // p3: max f1 only
  [3, 2, 2], // p4: interior everywhere
];

describe('crowding distance, 3 objectives', () => {
  it('upper boundary: the point with the largest value of one objective gets +∞ even when interior in the others', () => {
    const F = toMatrix(FRONT, 3);
    expect(nonDominatedSort(F, 5, 3).fronts).toHaveLength(1);
    const cd = crowdingDistance(F, 3, [0, 1, 2, 3, 4]);
    expect(Array.from(cd.subarray(0, 4))).toEqual([Infinity, Infinity, Infinity, Infinity]);
    // p4, hand calculation: neighbours in f1 are 2 and 4, in f2 1 and 3, in f3 1 and 3; every range is 4:
    // ((4−2)/4 + (3−1)/4 + (3−1)/4) / 3 = 0.5
    expect(cd[4]).toBeCloseTo(0.5, 15);
  });

  it('NSGA-II survival truncating a 3-objective front keeps the extreme point of every objective, max f1 included', () => {
    const merged: Individual[] = FRONT.map((f, i) => ({
      x: Float64Array.of(i),
      f: Float64Array.from(f),
      g: new Float64Array(0),
      cv: 0,
      evalIndex: i,
    }));
    // Four places for five equally ranked points: the interior point p4 is the one to go, whatever the random tie
    // order.
    for (let seed = 1; seed <= 20; seed++) {
      const { survivors, crowding } = rankAndCrowdingSurvival(merged, 4, 3, createRng(seed));
      expect(Array.from(survivors).sort()).toEqual([0, 1, 2, 3]);
      expect(Array.from(crowding)).toEqual([Infinity, Infinity, Infinity, Infinity]);
    }
  });
});
