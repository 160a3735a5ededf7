import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/base/rng.js';
import { HyperplaneNormalization } from '../../../solvers/nsga3/normalization.js';

/**
 * The definition of the extreme points (Deb & Jain 2014; pymoo's `get_extreme_points_c`), written out: for axis j,
 * the first candidate (previous extremes, then the front) with the least max_k (f_k - z*_k) w_k, w_j = 1 and 1e6
 * elsewhere, differences below 1e-3 read as 0.
 */
function extremeByDefinition(candidates: number[][], ideal: ArrayLike<number>, m: number): number[][] {
  const out: number[][] = [];
  for (let j = 0; j < m; j++) {
    let best = Infinity;
    let arg = 0;
    candidates.forEach((c, i) => {
      let asf = -Infinity;
      for (let k = 0; k < m; k++) {
        let d = c[k]! - ideal[k]!;
        if (d < 1e-3) d = 0;
        asf = Math.max(asf, d * (k === j ? 1 : 1e6));
      }
      if (asf < best) {
        best = asf;
        arg = i;
      }
    });
    out.push(candidates[arg]!);
  }
  return out;
}

function rows(F: Float64Array, m: number): number[][] {
  return Array.from({ length: F.length / m }, (_, i) => Array.from(F.subarray(i * m, i * m + m)));
}

describe('HyperplaneNormalization', () => {
  it('the unit simplex: extremes on the axes, nadir (1, 1, 1) (hand calculation: the plane x + y + z = 1)', () => {
    const m = 3;
    const F = Float64Array.of(1, 0, 0, 0, 1, 0, 0, 0, 1, 0.3, 0.3, 0.4, 0.5, 0.5, 0);
    const norm = new HyperplaneNormalization(m);
    norm.update(F, 5, [0, 1, 2, 3, 4]);
    expect(Array.from(norm.ideal)).toEqual([0, 0, 0]);
    expect(rows(norm.extreme!, m)).toEqual([
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ]);
    expect(Array.from(norm.nadir)).toEqual([1, 1, 1]);
  });

  it('a singular plane falls back to the worst of the front, and a zero range to the worst of the population', () => {
    // ideal (2, 0), worst (4, 5); the front is (2, 0) twice, so both extremes are (2, 0): M = extremes - ideal = 0 is
    // singular, the nadir falls back to the front's worst (2, 0), whose range from the ideal is 0 on both axes, so
    // each axis takes the population's worst: (4, 5)
    const m = 2;
    const F = Float64Array.of(2, 0, 2, 0, 4, 5);
    const norm = new HyperplaneNormalization(m);
    norm.update(F, 3, [0, 1]);
    expect(rows(norm.extreme!, m)).toEqual([
      [2, 0],
      [2, 0],
    ]);
    expect(Array.from(norm.nadir)).toEqual([4, 5]);
  });

  it.each([3, 5, 8])(
    'picks the extreme points of the definition on random fronts with ties, previous extremes and sub-1e-3 differences (m = %i)',
    (m) => {
      const rng = createRng(40 + m);
      const norm = new HyperplaneNormalization(m);
      let previous: number[][] = [];
      for (let generation = 0; generation < 6; generation++) {
        const n = 300;
        const F = new Float64Array(n * m);
        for (let i = 0; i < n * m; i++) {
          const r = rng.next();
          // coarse values (ties between candidates and between coordinates), values within 1e-3 of the ideal,
          // continuous
          F[i] = r < 0.3 ? Math.floor(rng.next() * 4) / 4 : r < 0.4 ? 1e-4 * rng.next() : rng.next();
        }
        const front = Array.from({ length: n }, (_, i) => i).filter((i) => i % 3 !== 0);
        const columnMin = (k: number): number => Math.min(...Array.from({ length: n }, (_, i) => F[i * m + k]!));
        const idealBefore = Array.from({ length: m }, (_, k) =>
          Math.min(columnMin(k), generation === 0 ? Infinity : norm.ideal[k]!),
        );
        norm.update(F, n, front);
        expect(Array.from(norm.ideal)).toEqual(idealBefore);
        const candidates = [...previous, ...front.map((i) => Array.from(F.subarray(i * m, i * m + m)))];
        const want = extremeByDefinition(candidates, norm.ideal, m);
        expect(rows(norm.extreme!, m)).toEqual(want);
        previous = want;
      }
    },
  );
});
