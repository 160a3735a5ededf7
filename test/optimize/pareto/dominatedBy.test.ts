import { describe, expect, it } from 'vitest';
import { dominatedByMask } from '../../../src/optimize/pareto/dominatedBy.js';
import { prng } from './points.js';

/**
 * The definition, pair by pair (written here): b dominates a when b is worse nowhere and better somewhere (for numbers,
 * b <= a everywhere and b < a somewhere; a NaN coordinate is neither, as in `dominates`).
 */
function bruteDominatedBy(A: Float64Array, nA: number, B: Float64Array, nB: number, m: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < nA; i++) {
    let hit = 0;
    for (let j = 0; j < nB && !hit; j++) {
      let le = true;
      let lt = false;
      for (let k = 0; k < m; k++) {
        const b = B[j * m + k]!;
        const a = A[i * m + k]!;
        if (b > a) le = false;
        if (b < a) lt = true;
      }
      if (le && lt) hit = 1;
    }
    out.push(hit);
  }
  return out;
}

/**
 * n points in m objectives: 'front' near the unit sphere (mostly mutually non-dominated, as a run's Pareto front),
 * 'grid' integers 0..3 (ties, duplicates, many fronts), 'uniform' in [0, 1)^m (many fronts).
 */
function points(kind: 'front' | 'grid' | 'uniform', n: number, m: number, r: () => number): Float64Array {
  const F = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    let norm = 0;
    for (let k = 0; k < m; k++) {
      const u = r();
      F[i * m + k] = kind === 'grid' ? Math.floor(u * 4) : u;
      norm += u * u;
    }
    if (kind === 'front')
      for (let k = 0; k < m; k++) F[i * m + k] = F[i * m + k]! / Math.sqrt(norm) + (r() < 0.1 ? 0.02 * r() : 0);
  }
  return F;
}

describe('dominatedByMask: rows of A that a row of B dominates', () => {
  it('equals the definition through the fronts (directPairs 0) and pair by pair, m = 2 to 6, fronts, grids and uniform sets', () => {
    const r = prng(7);
    const kinds = ['front', 'grid', 'uniform'] as const;
    for (let trial = 0; trial < 24; trial++) {
      const m = 2 + (trial % 5);
      const nA = 50 + Math.floor(r() * 400);
      const nB = 50 + Math.floor(r() * 400);
      const A = points(kinds[trial % 3]!, nA, m, r);
      const B = points(kinds[Math.floor(trial / 3) % 3]!, nB, m, r);
      // B holds copies of some rows of A (equal rows do not dominate each other)
      for (let t = 0; t < 20; t++) B.set(A.subarray(((t * 7) % nA) * m, ((t * 7) % nA) * m + m), ((t * 11) % nB) * m);
      const want = bruteDominatedBy(A, nA, B, nB, m);
      expect(Array.from(dominatedByMask(A, nA, B, nB, m, 0)), `trial ${trial} (m = ${m}), through the fronts`).toEqual(
        want,
      );
      expect(Array.from(dominatedByMask(A, nA, B, nB, m, Infinity)), `trial ${trial}, pair by pair`).toEqual(want);
    }
  });

  it('A not a front (several fronts of its own, peeled one by one), and fronts large enough for the dominator bitsets', () => {
    const r = prng(8);
    for (const [m, nA, nB] of [
      [4, 3000, 5000],
      [5, 6000, 2500],
      [3, 4000, 4000],
    ] as const) {
      // A: a front, every third row moved behind the row before it (dominated inside A, not always by B)
      const A = points('front', nA, m, r);
      for (let i = 1; i < nA; i += 3)
        for (let k = 0; k < m; k++) A[i * m + k] = A[(i - 1) * m + k]! * (1.001 + 0.3 * r());
      const B = points('front', nB, m, r);
      const want = bruteDominatedBy(A, nA, B, nB, m);
      expect(want.some((d) => d === 1) && want.some((d) => d === 0)).toBe(true);
      expect(Array.from(dominatedByMask(A, nA, B, nB, m, 0)), `m = ${m}`).toEqual(want);
      expect(Array.from(dominatedByMask(A, nA, B, nB, m)), `m = ${m}, default`).toEqual(want);
    }
  });

  it('a NaN coordinate: pair by pair, neither worse nor better there (as `dominates` reads it)', () => {
    const m = 4;
    const A = Float64Array.from([0.5, 0.5, 0.5, 0.5, 0.2, NaN, 0.9, 0.9, 1, 1, 1, 1]);
    const B = Float64Array.from([0.4, 0.4, 0.4, 0.4, 0.1, 0.1, 0.1, NaN]);
    expect(Array.from(dominatedByMask(A, 3, B, 2, m, 0))).toEqual(bruteDominatedBy(A, 3, B, 2, m));
    // row 1 (0.2, NaN, 0.9, 0.9): B's second row (0.1, 0.1, 0.1, NaN) is worse nowhere and better in f1
    expect(Array.from(dominatedByMask(A, 3, B, 2, m, 0))).toEqual([1, 1, 1]);
  });

  it('empty sets: nothing dominated', () => {
    expect(Array.from(dominatedByMask(new Float64Array(6), 2, new Float64Array(0), 0, 3))).toEqual([0, 0]);
    expect(dominatedByMask(new Float64Array(0), 0, new Float64Array(3), 1, 3)).toHaveLength(0);
  });
});
