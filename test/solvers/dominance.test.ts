import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  crowdingDistance,
  dominanceRelation,
  dominates,
  nonDominatedSort,
  toMatrix,
} from '../../src/core/dominance.js';

/** Reference ranks by repeated peeling with the O(N^2) definition. */
function bruteRanks(pts: readonly number[][]): number[] {
  const ranks = pts.map(() => -1);
  let r = 0;
  let left = pts.length;
  while (left > 0) {
    const front = pts
      .map((_p, i) => i)
      .filter((i) => ranks[i] === -1 && !pts.some((q, j) => ranks[j] === -1 && dominates(q, pts[i]!)));
    for (const i of front) ranks[i] = r;
    left -= front.length;
    r++;
  }
  return ranks;
}

describe('dominance', () => {
  it('dominates and dominanceRelation follow the definition', () => {
    expect(dominates([1, 2], [1, 3])).toBe(true);
    expect(dominates([1, 3], [1, 3])).toBe(false);
    expect(dominates([0, 4], [1, 3])).toBe(false);
    expect(dominanceRelation([1, 2], [2, 2])).toBe(1);
    expect(dominanceRelation([2, 2], [1, 2])).toBe(-1);
    expect(dominanceRelation([1, 3], [2, 2])).toBe(0);
  });

  it.each([2, 3, 4])('nonDominatedSort equals brute-force peeling on tie-heavy sets (m = %i)', (m) => {
    const pts = fc.array(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: m, maxLength: m }), { minLength: 0, maxLength: 40 });
    fc.assert(
      fc.property(pts, (p) => {
        const { ranks, fronts } = nonDominatedSort(toMatrix(p, m), p.length, m);
        expect(Array.from(ranks)).toEqual(bruteRanks(p));
        expect(fronts.reduce((s, f) => s + f.length, 0)).toBe(p.length);
      }),
      { numRuns: 100 },
    );
  });

  it('maxRanked stops the 3-objective peeling once enough rows are ranked', () => {
    const pts = [
      [0, 0, 0],
      [1, 1, 1],
      [2, 2, 2],
      [3, 3, 3],
    ];
    const { ranks, fronts } = nonDominatedSort(toMatrix(pts, 3), 4, 3, 2);
    expect(fronts.map((f) => Array.from(f))).toEqual([[0], [1]]);
    expect(Array.from(ranks)).toEqual([0, 1, 2, 2]);
  });

  it('crowdingDistance follows pymoo: boundaries infinite, duplicates zero, normalized sum / m', () => {
    const F = toMatrix([
      [0, 4],
      [1, 3],
      [1, 3],
      [3, 1],
      [4, 0],
    ]);
    const cd = crowdingDistance(F, 2, [0, 1, 2, 3, 4]);
    expect(cd[0]).toBe(Infinity);
    expect(cd[4]).toBe(Infinity);
    expect(cd[2]).toBe(0); // duplicate of row 1
    // row 1 between rows 0 and 3 in both objectives: ((3-0)/4 + (4-1)/4) / 2
    expect(cd[1]).toBeCloseTo(0.75, 15);
    expect(cd[3]).toBeCloseTo(0.75, 15);
    expect(Array.from(crowdingDistance(F, 2, [0, 1]))).toEqual([Infinity, Infinity]);
  });
});
