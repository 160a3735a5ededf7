import { describe, expect, it } from 'vitest';
import { lexicographicOrder } from '../../../src/optimize/pareto/lexicographicOrder.js';
import { dominatorBitsetRanks, snapshotBlock } from '../../../src/optimize/pareto/dominatorBitsets.js';
import { bruteRanks, forRandomSets, prng } from './points.js';

describe("dominator bitsets give the peeling's ranks", () => {
  it('coarser snapshot blocks (what large inputs get) give the same ranks: blocks of 32 to 4,096 points, m = 4 to 7', () => {
    const shape = (trial: number, r: () => number) =>
      [4 + (trial % 4), 1 + Math.floor(r() * 500), trial % 3 === 0 ? 3 : undefined] as const;
    forRandomSets(12, 40, shape, (F, m, n, want) => {
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
    });
    expect(() =>
      dominatorBitsetRanks(Float64Array.of(1, 2, 3, 4), 1, 4, Int32Array.of(0), new Int32Array(1), false, 48),
    ).toThrow(/multiple of 32/);
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
});
