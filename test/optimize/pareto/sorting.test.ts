import { describe, expect, it } from 'vitest';
import { ascendingOrder, lexicographicOrder } from '../../../src/optimize/pareto/lexicographicOrder.js';
import { nonDominatedIndices, nonDominatedMask, nonDominatedSort } from '../../../src/optimize/pareto/dominance.js';
import { peel3, sort3 } from '../../../src/optimize/pareto/sort3.js';
import { dominatorBitsetRanks, snapshotBlock } from '../../../src/optimize/pareto/dominatorBitsets.js';
import { bruteRanks, prng, sphereSet } from './points.js';

/** The definition: a comparator sort of row indices, ties by index. */
function comparatorOrder(F: Float64Array, n: number, m: number): number[] {
  return Array.from({ length: n }, (_, i) => i).sort((a, b) => {
    for (let k = 0; k < m; k++) {
      if (F[a * m + k]! < F[b * m + k]!) return -1;
      if (F[a * m + k]! > F[b * m + k]!) return 1;
    }
    return a - b;
  });
}

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

describe('non-dominated sorting equals peeling by the definition', () => {
  it('m = 4, 5, 6 (dominator bitsets): tie-heavy and continuous sets, ranks and fronts', () => {
    const r = prng(11);
    for (let trial = 0; trial < 60; trial++) {
      const m = 4 + (trial % 3);
      const n = Math.floor(r() * (trial % 2 ? 60 : 400));
      const F = new Float64Array(n * m);
      for (let i = 0; i < n * m; i++) F[i] = trial % 4 < 2 ? Math.floor(r() * 4) : r();
      const { ranks, fronts } = nonDominatedSort(F, n, m);
      const want = bruteRanks(F, n, m);
      expect(Array.from(ranks)).toEqual(want);
      const order = comparatorOrder(F, n, m);
      fronts.forEach((front, k) => expect(Array.from(front)).toEqual(order.filter((i) => want[i] === k)));
      const mask = nonDominatedMask(F, n, m);
      expect(Array.from(mask)).toEqual(want.map((k) => (k === 0 ? 1 : 0)));
      expect(Array.from(nonDominatedIndices(F, n, m))).toEqual(want.flatMap((k, i) => (k === 0 ? [i] : [])));
    }
  });

  it('coarser snapshot blocks (what large inputs get) give the same ranks: blocks of 32 to 4,096 points, m = 4 to 7', () => {
    const r = prng(12);
    for (let trial = 0; trial < 40; trial++) {
      const m = 4 + (trial % 4);
      const n = 1 + Math.floor(r() * 500);
      const F = new Float64Array(n * m);
      for (let i = 0; i < n * m; i++) F[i] = trial % 3 === 0 ? Math.floor(r() * 3) : r();
      const want = bruteRanks(F, n, m);
      const order = lexicographicOrder(F, n, m);
      for (const block of [32, 64, 96, 256, 4096]) {
        const ranks = new Int32Array(n);
        const fronts = dominatorBitsetRanks(F, n, m, order, ranks, false, block);
        expect(Array.from(ranks), `m ${m}, n ${n}, block ${block}`).toEqual(want);
        expect(fronts).toBe(Math.max(...want) + 1);
        const first = new Int32Array(n);
        dominatorBitsetRanks(F, n, m, order, first, true, block);
        expect(Array.from(first)).toEqual(want.map((k) => (k === 0 ? 0 : 1)));
      }
    }
    expect(() =>
      dominatorBitsetRanks(Float64Array.of(1, 2, 3, 4), 1, 4, Int32Array.of(0), new Int32Array(1), false, 48),
    ).toThrow(/multiple of 32/);
  });

  it("the ranks are the peeling's: 4,500 points in 5 objectives near a sphere, some pushed out (a few fronts, most points in the first)", () => {
    const n = 4500;
    const m = 5;
    const F = sphereSet(n, m, 13);
    const want = bruteRanks(F, n, m);
    expect(Math.max(...want)).toBeGreaterThan(2);
    expect(Array.from(nonDominatedSort(F, n, m).ranks)).toEqual(want);
    expect(Array.from(nonDominatedMask(F, n, m))).toEqual(want.map((k) => (k === 0 ? 1 : 0)));
  });

  it('maxRanked (m >= 4): the first fronts holding at least that many rows, as peeling stopping there; the rest ranked fronts.length', () => {
    const r = prng(15);
    for (let trial = 0; trial < 30; trial++) {
      const m = 4 + (trial % 3);
      const n = 20 + Math.floor(r() * 400);
      const F = new Float64Array(n * m);
      // continuous rows (many fronts) and coarse ones (ties, duplicates)
      for (let i = 0; i < n * m; i++) F[i] = trial % 3 === 0 ? Math.floor(r() * 4) : r();
      const full = bruteRanks(F, n, m);
      const sizes: number[] = [];
      for (const k of full) sizes[k] = (sizes[k] ?? 0) + 1;
      for (const maxRanked of [1, Math.ceil(n / 3), Math.ceil(n / 2), n - 1, n]) {
        let K = 0;
        for (let ranked = 0; ranked < maxRanked; K++) ranked += sizes[K]!;
        const want = full.map((k) => Math.min(k, K));
        const { ranks, fronts } = nonDominatedSort(F, n, m, maxRanked);
        expect(fronts.length, `m ${m}, n ${n}, maxRanked ${maxRanked}`).toBe(K);
        expect(Array.from(ranks)).toEqual(want);
        const order = comparatorOrder(F, n, m);
        fronts.forEach((front, k) => expect(Array.from(front)).toEqual(order.filter((i) => want[i] === k)));
        const direct = new Int32Array(n);
        expect(dominatorBitsetRanks(F, n, m, lexicographicOrder(F, n, m), direct, false, 32, maxRanked)).toBe(K);
        expect(Array.from(direct)).toEqual(want);
      }
    }
  });

  it("columns with values 1e-9 apart, negatives, a far outlier, infinities or a constant give the peeling's ranks", () => {
    const r = prng(14);
    for (let trial = 0; trial < 24; trial++) {
      const m = 4 + (trial % 2);
      const n = 200 + Math.floor(r() * 400);
      const F = new Float64Array(n * m);
      for (let i = 0; i < n; i++) {
        for (let k = 0; k < m; k++) {
          const u = r();
          // column 1: pairs of values 1e-9 apart (distinct values, either order) around a coarse grid
          F[i * m + k] = k === 1 ? Math.floor(u * 40) / 40 + (r() < 0.5 ? 1e-9 : 0) : k === 2 ? u - 0.5 : u;
        }
      }
      // column 3 of some trials: one far outlier, infinities, or a constant
      const kind = trial % 4;
      if (kind === 1) F[3] = 1e9;
      if (kind === 2) for (let i = 0; i < n; i += 17) F[i * m + 3] = i % 2 ? Infinity : -Infinity;
      if (kind === 3) for (let i = 0; i < n; i++) F[i * m + 3] = 0.5;
      const want = bruteRanks(F, n, m);
      const order = lexicographicOrder(F, n, m);
      const ranks = new Int32Array(n);
      dominatorBitsetRanks(F, n, m, order, ranks, false, 32);
      expect(Array.from(ranks), `trial ${trial}`).toEqual(want);
    }
  });

  it('the default block: 32 points below 4,096, 128 from there while the snapshots fit the 16 MB bound, then the smallest multiple of 32 that fits', () => {
    expect(snapshotBlock(4095, 5)).toBe(32);
    expect(snapshotBlock(4096, 5)).toBe(128);
    // 4 objectives, 3 snapshot sets of W = n / 32 words each, at most floor(2^22 / (3 W)) snapshots per set.
    // 131,072 points (the most the bitsets take): W = 4,096, floor(4,194,304 / 12,288) = 341 snapshots,
    // ceil(4096 / 341) = 13 words = 416 points
    expect(snapshotBlock(131_072, 4)).toBe(416);
    // 5 objectives, 65,536 points: W = 2048, floor(2^22 / (4 * 2048)) = 512 snapshots, ceil(2048 / 512) = 4 words = 128
    // points
    expect(snapshotBlock(65_536, 5)).toBe(128);
    // 5 objectives, 100,000 points: W = 3125, floor(2^22 / 12,500) = 335 snapshots, ceil(3125 / 335) = 10 words = 320
    // points
    expect(snapshotBlock(100_000, 5)).toBe(320);
  });

  it("m = 3: the per-front staircases give the peeling's ranks and fronts, whatever maxRanked", () => {
    const r = prng(5);
    for (let trial = 0; trial < 80; trial++) {
      const n = Math.floor(r() * 500);
      const F = new Float64Array(n * 3);
      for (let i = 0; i < n * 3; i++) F[i] = trial % 2 ? Math.floor(r() * 5) : r();
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
