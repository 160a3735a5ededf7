import { describe, expect, it } from 'vitest';
import { ascendingOrder, lexicographicOrder } from '../../../src/optimize/pareto/lexicographicOrder.js';
import { comparatorOrder, prng } from './points.js';

/** Values of the kinds a radix sort on bit patterns can get wrong. */
function values(kind: number, count: number, r: () => number): Float64Array {
  const special = [-0, 0, -Infinity, Infinity, 5e-324, -5e-324, Number.MAX_VALUE, -Number.MIN_VALUE];
  const v = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    if (kind === 0)
      v[i] = Math.floor(r() * 3) - 1; // ties
    else if (kind === 1)
      v[i] = (r() - 0.5) * 10 ** Math.floor(r() * 40 - 20); // wide range, both signs
    else if (kind === 2)
      v[i] = r() < 0.01 ? 1e300 : 1 + r() * 1e-12; // clustered, one far away
    else if (kind === 3) v[i] = special[Math.floor(r() * special.length)]!;
    else v[i] = r();
  }
  return v;
}

describe('lexicographicOrder and ascendingOrder (radix and merge sorts) equal the comparator sort', () => {
  it('for ties, -0 and +0, infinities, subnormals, clustered and wide-ranging values, m = 1 to 4', () => {
    const r = prng(3);
    for (let trial = 0; trial < 120; trial++) {
      const m = 1 + (trial % 4);
      const n = Math.floor(r() * (trial % 3 === 0 ? 3000 : 300));
      const F = values(trial % 5, n * m, r);
      expect(Array.from(lexicographicOrder(F, n, m))).toEqual(comparatorOrder(F, n, m));
      if (m === 1) expect(Array.from(ascendingOrder(F, n))).toEqual(comparatorOrder(F, n, 1));
    }
  });

  it('with a NaN, falls back to the comparator sort', () => {
    const F = Float64Array.of(2, NaN, 1, 0, 3, -1);
    expect(Array.from(lexicographicOrder(F, 3, 2))).toEqual(comparatorOrder(F, 3, 2));
  });
});
