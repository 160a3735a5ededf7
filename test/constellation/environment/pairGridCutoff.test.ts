/**
 * The cutoff of src/constellation/environment/pairGrid.ts is strict ("closer than"): a pair exactly at the
 * cutoff is not reported. A 3-4-5 triangle gives a distance that is exact in floating point.
 */
import { describe, expect, it } from 'vitest';
import { pairsWithin } from '../../../src/constellation/environment/pairGrid.js';

const pairs = (pos: number[], cutoff: number): [number, number, number][] => {
  const out: [number, number, number][] = [];
  pairsWithin(new Float64Array(pos), 1e7, cutoff, (a, b, d) => out.push([a, b, d]));
  return out;
};

describe('pairsWithin: the cutoff is strict', () => {
  it('points 5,000 m apart (3,000, 4,000, 0): not within 5,000 m, within 5,000.001 m', () => {
    const pos = [1e6, 2e6, 3e6, 1e6 + 3000, 2e6 + 4000, 3e6];
    expect(pairs(pos, 5000)).toEqual([]);
    expect(pairs(pos, 5000.001)).toEqual([[0, 1, 5000]]);
  });
});
