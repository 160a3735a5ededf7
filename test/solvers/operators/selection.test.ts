import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/base/rng.js';
import { randomPermutations, shuffledRange } from '../../../solvers/operators/selection.js';

describe('random permutations', () => {
  it('shuffledRange draws the permutation randomPermutations draws', () => {
    const a = createRng(9);
    const b = createRng(9);
    const buf = new Int32Array(40);
    for (const n of [0, 1, 2, 17, 40]) {
      shuffledRange(buf, n, a);
      expect(Array.from(buf.subarray(0, n))).toEqual(Array.from(randomPermutations(n, n, b)));
    }
    expect(a.next()).toBe(b.next());
  });

  it('randomPermutations concatenates permutations', () => {
    const p = randomPermutations(5, 12, createRng(1));
    expect(Array.from(p.subarray(0, 5)).sort()).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(p.subarray(5, 10)).sort()).toEqual([0, 1, 2, 3, 4]);
  });
});
