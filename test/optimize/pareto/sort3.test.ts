import { describe, expect, it } from 'vitest';
import { lexicographicOrder } from '../../../src/optimize/pareto/lexicographicOrder.js';
import { peel3, sort3 } from '../../../src/optimize/pareto/sort3.js';
import { prng, randomRows } from './points.js';

describe('sort3 equals peel3', () => {
  it("m = 3: the per-front staircases give the peeling's ranks and fronts, whatever maxRanked", () => {
    const r = prng(5);
    for (let trial = 0; trial < 80; trial++) {
      const n = Math.floor(r() * 500);
      const F = randomRows(r, n, 3, trial % 2 ? 5 : undefined);
      const order = lexicographicOrder(F, n, 3);
      const maxRanked = Math.floor(r() * (n + 2));
      const a = new Int32Array(n);
      const b = new Int32Array(n);
      const fa = sort3(F, n, order, a, maxRanked);
      const fb = peel3(F, n, order, b, maxRanked);
      expect(Array.from(a)).toEqual(Array.from(b));
      expect(fa.map((f) => Array.from(f))).toEqual(fb.map((f) => Array.from(f)));
    }
  });
});
