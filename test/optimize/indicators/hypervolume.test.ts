import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  hypervolume,
  hypervolumeInChunks,
  insideRows,
  sweepChunkContributions,
  sweepOrder,
  sweepStartSets,
  volumeFromContributions,
} from '../../../src/optimize/indicators/hypervolume.js';
import { paretoFront } from '../../../src/optimize/benchmarks/benchmarks.js';
import { createRng, type Rng } from '../../../src/base/rng.js';
import { hypervolumeEstimate } from '../../../src/optimize/indicators/hypervolumeEstimate.js';

/** Exact brute force on integer points: count the unit cells [c, c+1)^m dominated by some point. */
function gridHypervolume(points: readonly number[][], ref: readonly number[]): number {
  const m = ref.length;
  const cell = new Array<number>(m).fill(0);
  let count = 0;
  const rec = (k: number): void => {
    if (k === m) {
      if (points.some((p) => p.every((v, j) => v <= cell[j]!))) count++;
      return;
    }
    for (let c = 0; c < ref[k]!; c++) {
      cell[k] = c;
      rec(k + 1);
    }
  };
  rec(0);
  return count;
}

/** Exact inclusion–exclusion over all non-empty subsets (tiny sets only). */
function inclusionExclusion(points: readonly number[][], ref: readonly number[]): number {
  const inside = points.filter((p) => p.every((v, k) => v < ref[k]!));
  const n = inside.length;
  let total = 0;
  for (let mask = 1; mask < 1 << n; mask++) {
    const corner = ref.map(() => -Infinity);
    let bits = 0;
    for (let i = 0; i < n; i++) {
      if (!(mask & (1 << i))) continue;
      bits++;
      inside[i]!.forEach((v, k) => (corner[k] = Math.max(corner[k]!, v)));
    }
    const vol = corner.reduce((acc, c, k) => acc * (ref[k]! - c), 1);
    total += bits % 2 === 1 ? vol : -vol;
  }
  return total;
}

const intPoints = (m: number, side: number, max: number): fc.Arbitrary<number[][]> =>
  fc.array(fc.array(fc.integer({ min: 0, max: side }), { minLength: m, maxLength: m }), {
    minLength: 0,
    maxLength: max,
  });

const realPoints = (m: number, max: number): fc.Arbitrary<number[][]> =>
  fc.array(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: m, maxLength: m }), {
    minLength: 1,
    maxLength: max,
  });

describe('hypervolume', () => {
  it.each([
    [2, 12],
    [3, 7],
    [4, 5],
    [5, 3],
  ])('agrees with a grid-cell count on integer points (m = %i)', (m, side) => {
    const ref = new Array<number>(m).fill(side);
    // coordinates up to `side` include points on the reference boundary (they contribute nothing)
    fc.assert(
      fc.property(intPoints(m, side, 12), (pts) => {
        expect(hypervolume(pts, ref)).toBe(gridHypervolume(pts, ref));
      }),
      { numRuns: 60 },
    );
  });

  it.each([2, 3, 4, 5])('agrees with inclusion–exclusion on real points (m = %i)', (m) => {
    const ref = new Array<number>(m).fill(1.1);
    fc.assert(
      fc.property(realPoints(m, 8), (pts) => {
        expect(hypervolume(pts, ref)).toBeCloseTo(inclusionExclusion(pts, ref), 12);
      }),
      { numRuns: 60 },
    );
  });

  it('2-D: rows already in lexicographic order (an archive front, which skips the sort), and that order with one swap, agree with the grid count', () => {
    const ref = [12, 12];
    const lex = (a: number[], b: number[]): number => a[0]! - b[0]! || a[1]! - b[1]!;
    fc.assert(
      fc.property(intPoints(2, 12, 12), fc.nat(), (pts, s) => {
        const sorted = [...pts].sort(lex);
        const swapped = [...sorted];
        if (swapped.length >= 2) {
          const i = s % (swapped.length - 1);
          [swapped[i], swapped[i + 1]] = [swapped[i + 1]!, swapped[i]!];
        }
        const want = gridHypervolume(pts, ref);
        expect(hypervolume(sorted, ref)).toBe(want);
        expect(hypervolume(swapped, ref)).toBe(want);
      }),
      { numRuns: 200 },
    );
    // lexicographic order with a repeated x and dominated rows; by hand: (1, 3) covers [1, 12) × [3, 12), 11 · 9 = 99
    // cells, (4, 1) adds [4, 12) × [1, 3), 8 · 2 = 16; (1, 5) and (2, 8) add nothing: 115
    expect(
      hypervolume(
        [
          [1, 3],
          [1, 5],
          [2, 8],
          [4, 1],
        ],
        ref,
      ),
    ).toBe(115);
  });

  it.each([2, 3, 4])('is unchanged by adding a dominated point (m = %i)', (m) => {
    const ref = new Array<number>(m).fill(1.1);
    fc.assert(
      fc.property(
        realPoints(m, 15),
        fc.nat(),
        fc.array(fc.double({ min: 0, max: 0.5, noNaN: true }), { minLength: m, maxLength: m }),
        (pts, pick, shift) => {
          const base = pts[pick % pts.length]!;
          const dominated = base.map((v, k) => v + shift[k]!);
          expect(hypervolume([...pts, dominated], ref)).toBeCloseTo(hypervolume(pts, ref), 12);
        },
      ),
      { numRuns: 50 },
    );
  });

  it.each([2, 3, 4])('is monotone: adding any point never decreases it (m = %i)', (m) => {
    const ref = new Array<number>(m).fill(1.1);
    fc.assert(
      fc.property(realPoints(m, 15), realPoints(m, 1), (pts, extra) => {
        expect(hypervolume([...pts, extra[0]!], ref)).toBeGreaterThanOrEqual(hypervolume(pts, ref) - 1e-12);
      }),
      { numRuns: 50 },
    );
  });

  it.each([2, 3, 4])('is invariant under permutation of the points (m = %i)', (m) => {
    const ref = new Array<number>(m).fill(1.1);
    fc.assert(
      fc.property(realPoints(m, 15), fc.array(fc.nat(), { minLength: 15, maxLength: 15 }), (pts, keys) => {
        const shuffled = pts
          .map((p, i) => ({ p, k: keys[i % keys.length]! * 31 + i }))
          .sort((a, b) => a.k - b.k)
          .map((e) => e.p);
        expect(hypervolume(shuffled, ref)).toBeCloseTo(hypervolume(pts, ref), 12);
      }),
      { numRuns: 50 },
    );
  });

  it('ignores points that do not strictly dominate the reference point', () => {
    expect(hypervolume([[1.1, 0.5]], [1.1, 1.1])).toBe(0);
    expect(hypervolume([[2, 0]], [1, 1])).toBe(0);
    expect(hypervolume([[NaN, 0]], [1, 1])).toBe(0);
    expect(hypervolume([], [1, 1])).toBe(0);
    expect(
      hypervolume(
        [
          [0.5, 0.5],
          [1, 0.2],
        ],
        [1, 1],
      ),
    ).toBeCloseTo(0.25, 15);
  });

  it('accepts a flat row-major matrix', () => {
    const pts = [
      [0.1, 0.9, 0.5],
      [0.5, 0.5, 0.5],
      [0.9, 0.1, 0.2],
    ];
    expect(hypervolume(Float64Array.from(pts.flat()), [1, 1, 1])).toBe(hypervolume(pts, [1, 1, 1]));
  });

  it('matches the baseline values of the analytic fronts (docs/sources.md §13)', () => {
    // 100 ZDT1 points evenly spaced in f1 (pymoo pareto_front()): 0.871409
    expect(hypervolume(paretoFront('zdt1', 2, 100), [1.1, 1.1])).toBeCloseTo(0.871409, 6);
    // 91 Das–Dennis directions (12 partitions) projected on the sphere: 0.744851
    expect(hypervolume(paretoFront('dtlz2', 3, 91), [1.1, 1.1, 1.1])).toBeCloseTo(0.744851, 6);
    // 1000 ZDT1 points approach the continuous 0.876667
    expect(hypervolume(paretoFront('zdt1', 2, 1000), [1.1, 1.1])).toBeCloseTo(0.876667, 2);
  });

  it("10^4 points in 3-D: within 0.01 below the continuous front's value", () => {
    const pts = paretoFront('dtlz2', 3, 10_000);
    expect(pts.length).toBeGreaterThan(9_000);
    const hv = hypervolume(pts, [1.1, 1.1, 1.1]);
    // converges to 1.1^3 - pi/6 from below
    expect(hv).toBeLessThan(1.331 - Math.PI / 6);
    expect(hv).toBeGreaterThan(1.331 - Math.PI / 6 - 0.01);
  });
});

describe('many objectives', () => {
  /**
   * The exact hypervolume for 4-6 objectives (dimension sweep, src/optimize/indicators/hypervolume.ts) and the
   * Monte Carlo estimate (src/optimize/indicators/hypervolumeEstimate.ts). Every expectation is independent of the
   * code:
   * volumes worked out by hand, the closed form of a lattice front, and a brute-force inclusion–exclusion written here.
   */
  /** Inclusion–exclusion over all non-empty subsets: Σ (-1)^{|T|+1} Π_k (r_k - max_{p in T} p_k). */
  function inclusionExclusion(points: readonly number[][], ref: readonly number[]): number {
    const inside = points.filter((p) => p.every((v, k) => v < ref[k]!));
    const n = inside.length;
    const m = ref.length;
    let total = 0;
    for (let mask = 1; mask < 1 << n; mask++) {
      const corner = new Array<number>(m).fill(-Infinity);
      let bits = 0;
      for (let i = 0; i < n; i++) {
        if (!(mask & (1 << i))) continue;
        bits++;
        for (let k = 0; k < m; k++) corner[k] = Math.max(corner[k]!, inside[i]![k]!);
      }
      let vol = 1;
      for (let k = 0; k < m; k++) vol *= ref[k]! - corner[k]!;
      total += bits % 2 === 1 ? vol : -vol;
    }
    return total;
  }

  function binomial(n: number, k: number): number {
    let r = 1;
    for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
    return Math.round(r);
  }

  /** All x >= 0 with x_1 + ... + x_m = 1 and x_i in {0, 1/k, ..., 1}. */
  function simplexLattice(m: number, k: number): number[][] {
    const out: number[][] = [];
    const cur: number[] = [];
    const rec = (j: number, left: number): void => {
      if (j === m - 1) {
        out.push([...cur, left / k]);
        return;
      }
      for (let v = 0; v <= left; v++) {
        cur.push(v / k);
        rec(j + 1, left - v);
        cur.pop();
      }
    };
    rec(0, k);
    return out;
  }

  /** n points on the positive orthant of the unit sphere (mutually non-dominated). */
  function spherePoints(rng: Rng, n: number, m: number): number[][] {
    return Array.from({ length: n }, () => {
      const p = Array.from({ length: m }, () => Math.abs(rng.normal()));
      const norm = Math.hypot(...p);
      return p.map((x) => x / norm);
    });
  }

  describe('exact hypervolume, 4-6 objectives', () => {
    it('matches hand-computed volumes of a few boxes', () => {
      // 4-D, reference 10: a = (2, 6, 4, 7) -> 8·4·6·3 = 576; b = (5, 3, 6, 2) -> 5·7·4·8 = 1120;
      // a ∨ b = (5, 6, 6, 7) -> 5·4·4·3 = 240; HV = 576 + 1120 - 240 = 1456
      expect(
        hypervolume(
          [
            [2, 6, 4, 7],
            [5, 3, 6, 2],
          ],
          [10, 10, 10, 10],
        ),
      ).toBe(1456);
      // 4-D, reference 1: three boxes 1·0.5^3 = 0.125 whose pairwise and triple intersections are all
      // (0.5, 0.5, 0.5, 0.5) -> 0.0625: HV = 3·0.125 - 3·0.0625 + 0.0625 = 0.25
      const three = [
        [0, 0.5, 0.5, 0.5],
        [0.5, 0, 0.5, 0.5],
        [0.5, 0.5, 0, 0.5],
      ];
      expect(hypervolume(three, [1, 1, 1, 1])).toBe(0.25);
      // ... unchanged by a duplicate, a dominated point and a point on the reference boundary
      expect(hypervolume([...three, [0.5, 0, 0.5, 0.5], [0.6, 0.7, 0.8, 0.9], [1, 0, 0, 0]], [1, 1, 1, 1])).toBeCloseTo(
        0.25,
        15,
      );
      // 5-D, reference 2: the five points with one coordinate 0 and the others 1. Boxes 2·1^4 = 2, every
      // intersection of two or more is [1, 2]^5 = 1: HV = 5·2 - 10 + 10 - 5 + 1 = 6 (directly: y >= 1
      // everywhere, 1, plus exactly one coordinate in [0, 1), 5·1)
      const unit5 = [0, 1, 2, 3, 4].map((j) => [0, 1, 2, 3, 4].map((k) => (k === j ? 0 : 1)));
      expect(hypervolume(unit5, [2, 2, 2, 2, 2])).toBe(6);
      // 5-D: a = (1, 2, 3, 4, 5) and b = (5, 4, 3, 2, 1), reference 6: 5·4·3·2·1 = 120 each,
      // a ∨ b = (5, 4, 3, 4, 5) -> 1·2·3·2·1 = 12: HV = 228
      expect(
        hypervolume(
          [
            [1, 2, 3, 4, 5],
            [5, 4, 3, 2, 1],
          ],
          [6, 6, 6, 6, 6],
        ),
      ).toBe(228);
      // 6-D single box: (0.5, 0.25, 0, 0.75, 0.5, 0.9) below reference 1 -> 0.5·0.75·1·0.25·0.5·0.1
      expect(hypervolume([[0.5, 0.25, 0, 0.75, 0.5, 0.9]], [1, 1, 1, 1, 1, 1])).toBeCloseTo(
        0.5 * 0.75 * 0.25 * 0.5 * 0.1,
        15,
      );
    });

    // The lattice {x_i in {0, 1/k, ..., 1}, Σ x_i = 1} against reference 1: the dominated region is the
    // union of the grid cells [c/k, (c+1)/k) with c in {0..k-1}^m and Σ c >= k (some lattice point x <= c
    // with Σ x = k exists iff Σ c >= k); the cells with Σ c <= k - 1 number C(k - 1 + m, m), so
    // HV = 1 - C(k - 1 + m, m) / k^m (-> 1 - 1/m!, the volume above the linear front, as k -> ∞).
    it.each([
      [4, 12],
      [4, 20], // 1771 points: the k-d tree path
      [5, 9],
      [5, 12], // 1820 points
      [6, 7],
    ])('equals the closed form on the linear front x1 + ... + xm = 1 (m = %i, k = %i)', (m, k) => {
      const pts = simplexLattice(m, k);
      expect(pts.length).toBe(binomial(k + m - 1, m - 1));
      const exact = 1 - binomial(k - 1 + m, m) / k ** m;
      expect(hypervolume(pts, new Array<number>(m).fill(1))).toBeCloseTo(exact, 12);
    });

    it.each([4, 5, 6])('agrees with inclusion–exclusion on random sets of up to 12 points (m = %i)', (m) => {
      const rng = createRng(100 + m);
      for (let trial = 0; trial < 60; trial++) {
        const n = 1 + rng.int(12);
        // continuous, grid-valued (ties, duplicates, dominated points) or sphere points; some beyond the reference
        const kind = trial % 3;
        const pts =
          kind === 2
            ? spherePoints(rng, n, m)
            : Array.from({ length: n }, () =>
                Array.from({ length: m }, () => (kind === 0 ? 1.15 * rng.next() : rng.int(6) / 5)),
              );
        const ref = Array.from({ length: m }, () => (kind === 1 ? 1 : 1.1));
        const want = inclusionExclusion(pts, ref);
        expect(Math.abs(hypervolume(pts, ref) - want)).toBeLessThanOrEqual(1e-12 * Math.max(1, want));
      }
    });

    it.each([4, 5, 6])(
      'agrees with inclusion–exclusion on 1200 points that reduce to at most 12 (m = %i, k-d tree path)',
      (m) => {
        const rng = createRng(200 + m);
        for (let trial = 0; trial < 3; trial++) {
          const base =
            trial === 2
              ? spherePoints(rng, 12, m)
              : Array.from({ length: 8 + trial * 4 }, () => Array.from({ length: m }, () => rng.next()));
          // copies of the base points, each shifted up in a random subset of the objectives (some not at all:
          // duplicates)
          const pts = Array.from({ length: 1200 }, (_, i) =>
            base[i % base.length]!.map((v) => (rng.next() < 0.5 ? v : v + 0.3 * rng.next())),
          );
          pts.push(...base);
          const ref = new Array<number>(m).fill(1.2);
          const want = inclusionExclusion(base, ref);
          expect(Math.abs(hypervolume(pts, ref) - want)).toBeLessThanOrEqual(1e-12 * Math.max(1, want));
        }
      },
    );

    it('is invariant under permuting the objectives and exact under a shift of one objective (k-d tree path)', () => {
      const rng = createRng(3);
      const m = 5;
      const pts = spherePoints(rng, 1500, m);
      const ref = [1.1, 1.2, 1.3, 1.4, 1.5];
      const hv = hypervolume(pts, ref);
      const perm = [3, 0, 4, 1, 2];
      expect(
        hypervolume(
          pts.map((p) => perm.map((k) => p[k]!)),
          perm.map((k) => ref[k]!),
        ),
      ).toBeCloseTo(hv, 11);
      // a constant fifth objective: HV_5 = HV_4 of the first four · (r5 - c)
      const flat4 = pts.map((p) => p.slice(0, 4));
      const hv4 = hypervolume(flat4, ref.slice(0, 4));
      expect(
        hypervolume(
          flat4.map((p) => [...p, 0.25]),
          ref,
        ),
      ).toBeCloseTo(hv4 * (1.5 - 0.25), 11);
    });

    it("3000 points in 5-D: below the continuous sphere front's value, by less than 0.2", () => {
      const pts = spherePoints(createRng(8), 3000, 5);
      const hv = hypervolume(pts, [1.1, 1.1, 1.1, 1.1, 1.1]);
      // below the continuous sphere front's 1.1^5 - (volume of the unit 5-ball) / 2^5 (3000 points fall
      // about 0.11 short of it)
      const continuous = 1.1 ** 5 - (8 * Math.PI ** 2) / 15 / 32;
      expect(hv).toBeLessThan(continuous);
      expect(hv).toBeGreaterThan(continuous - 0.2);
    });
  });

  describe('exact hypervolume, progress of the sweep', () => {
    it('tells the top-level sweep only: at points 0, 1,024, 2,048 of 3,000, and the value does not change', () => {
      const pts = spherePoints(createRng(21), 3000, 4);
      const ref = [1.1, 1.1, 1.1, 1.1];
      const shares: number[] = [];
      const withProgress = hypervolume(pts, ref, (share) => shares.push(share));
      expect(shares).toEqual([0, 1024 / 3000, 2048 / 3000]);
      expect(withProgress).toBe(hypervolume(pts, ref));
    });

    it('a sub-problem of 1,024 rows or more (itself an indexed sweep) does not tell', () => {
      // 2,000 points whose first 4 coordinates lie on a 4-D sphere front, f_5 < 0.5, then one point near the ideal in
      // f_1..f_4 with f_5 = 0.9: swept last, its limit set holds all 2,000 projections (each raised in all 4
      // coordinates), a 4-D sub-problem of 2,000 rows. Told to it too, the listener would also hear 0 and 1,024 /
      // 2,000.
      const rng = createRng(25);
      const pts = spherePoints(rng, 2000, 4).map((p) => [...p, 0.5 * rng.next()]);
      pts.push([1e-4, 1e-4, 1e-4, 1e-4, 0.9]);
      const shares: number[] = [];
      hypervolume(pts, [1.1, 1.1, 1.1, 1.1, 1.1], (share) => shares.push(share));
      expect(shares).toEqual([0, 1024 / 2001]);
    });

    it('counts only the points inside the box, and is not called below 1,024 points or in 3 objectives', () => {
      const pts = spherePoints(createRng(22), 2100, 5);
      // 100 points outside the box (f_1 = 2 > 1.1) are dropped before the sweep: 2,000 points, shares 0 and 1024 / 2000
      for (let i = 0; i < 100; i++) pts[i]![0] = 2;
      const shares: number[] = [];
      hypervolume(pts, [1.1, 1.1, 1.1, 1.1, 1.1], (share) => shares.push(share));
      expect(shares).toEqual([0, 1024 / 2000]);
      const none: number[] = [];
      hypervolume(spherePoints(createRng(23), 1000, 4), [1.1, 1.1, 1.1, 1.1], (share) => none.push(share));
      hypervolume(spherePoints(createRng(24), 5000, 3), [1.1, 1.1, 1.1], (share) => none.push(share));
      expect(none).toEqual([]);
    });
  });

  describe('exact hypervolume in chunks (the top-level sweep split for threads)', () => {
    /** Points near the unit sphere with coordinates rounded to 1/levels: ties and duplicate projections. */
    function roundedSphere(seed: number, n: number, m: number, levels: number): number[][] {
      return spherePoints(createRng(seed), n, m).map((p) => p.map((v) => Math.round(v * levels) / levels));
    }

    it.each([
      [5, 12, 150],
      [6, 8, 97],
    ])('equals the closed form on the linear front (m = %i, k = %i) in chunks of %i rows', (m, k, chunkRows) => {
      const pts = simplexLattice(m, k);
      expect(pts.length).toBeGreaterThan(1024); // the indexed sweep, where the chunks are
      const exact = 1 - binomial(k - 1 + m, m) / k ** m;
      expect(hypervolumeInChunks(pts, new Array<number>(m).fill(1), chunkRows)).toBeCloseTo(exact, 12);
    });

    it('each chunk computed alone, from the set S the start sets give, adds up to the one-thread value to the last bit', () => {
      // what a thread does: S at the chunk's start from sweepStartSets, then the chunk's rows; ties and duplicates
      // (coarse rounding) are where a wrong S (a duplicate kept twice, a dominated row kept) would change the value
      for (const [seed, n, m, levels, chunkRows] of [
        [31, 4000, 5, 6, 333],
        [32, 3000, 6, 20, 500],
        [33, 5000, 5, 200, 1024],
        [34, 2500, 4, 10, 300],
      ] as const) {
        const pts = roundedSphere(seed, n, m, levels);
        const ref = new Array<number>(m).fill(1.1);
        const oneThread = hypervolumeInChunks(pts, ref, chunkRows);
        const { P, n: inside } = insideRows(pts, ref);
        const R = Float64Array.from(ref);
        const idx = sweepOrder(P, inside, m);
        const starts = sweepStartSets(P, inside, m, idx, chunkRows);
        expect(starts).toHaveLength(Math.ceil(inside / chunkRows));
        const contributions = new Float64Array(inside);
        starts.forEach((S0, k) => {
          const a = k * chunkRows;
          contributions.set(sweepChunkContributions(P, inside, m, R, a, Math.min(inside, a + chunkRows), S0), a);
        });
        expect(Object.is(volumeFromContributions(P, inside, m, R, idx, contributions), oneThread), `seed ${seed}`).toBe(
          true,
        );
        // and the chunks change the value by rounding only
        expect(Math.abs(oneThread - hypervolumeInChunks(pts, ref, inside))).toBeLessThanOrEqual(1e-12 * oneThread);
      }
    });

    it('the start sets are the first front of the earlier rows in sweep order, the first of equal projections kept', () => {
      const m = 5;
      const pts = roundedSphere(35, 1500, m, 8);
      const { P, n } = insideRows(pts, new Array<number>(m).fill(1.1));
      // the sweep order, written here: by the last coordinate, ties by row
      const order = Array.from({ length: n }, (_, i) => i).sort(
        (a, b) => P[a * m + m - 1]! - P[b * m + m - 1]! || a - b,
      );
      const proj = (row: number): number[] => Array.from({ length: m - 1 }, (_, j) => P[row * m + j]!);
      const chunkRows = 400;
      const starts = sweepStartSets(P, n, m, Int32Array.from(order), chunkRows);
      starts.forEach((S0, k) => {
        const before = order.slice(0, k * chunkRows).map(proj);
        const want = order.slice(0, k * chunkRows).filter((_, t) => {
          const p = before[t]!;
          return !before.some((q, s) => q.every((v, j) => v <= p[j]!) && (q.some((v, j) => v < p[j]!) || s < t));
        });
        expect(Array.from(S0), `chunk ${k}`).toEqual(want);
      });
    });
  });

  describe('hypervolumeEstimate', () => {
    it.each([
      [4, 300, 1],
      [5, 200, 2],
      [6, 100, 3],
      [4, 40, 4],
    ])('lies within 4 standard errors of the exact value (m = %i, n = %i, seed %i)', (m, n, seed) => {
      const rng = createRng(seed);
      const pts = spherePoints(rng, n, m);
      const ref = new Array<number>(m).fill(1.1);
      const exact = hypervolume(pts, ref);
      // (a seed other than the points': one stream for both would correlate the samples with the points)
      const est = hypervolumeEstimate(pts, ref, { samples: 20_000, seed: seed + 1000 });
      expect(est.standardError).toBeGreaterThan(0);
      expect(Math.abs(est.value - exact)).toBeLessThan(4 * est.standardError);
      // the reported error is V_box · sqrt(p̂ (1 - p̂) / N) with V_box = Π (r_k - ideal_k)
      const vBox = ref.reduce((acc, r, k) => acc * (r - Math.min(...pts.map((p) => p[k]!))), 1);
      const p = est.value / vBox;
      expect(est.standardError).toBeCloseTo(vBox * Math.sqrt((p * (1 - p)) / 20_000), 12);
    });

    it('is a pure function of the seed', () => {
      const pts = spherePoints(createRng(11), 500, 5);
      const ref = new Array<number>(5).fill(1.1);
      const a = hypervolumeEstimate(pts, ref, { samples: 5000, seed: 7 });
      expect(hypervolumeEstimate(pts, ref, { samples: 5000, seed: 7 })).toEqual(a);
      expect(hypervolumeEstimate(Float64Array.from(pts.flat()), ref, { samples: 5000, seed: 7 })).toEqual(a);
      expect(hypervolumeEstimate(pts, ref, { samples: 5000, seed: 8 }).value).not.toBe(a.value);
    });

    it('is exact, with zero error, when the box is the dominated region (one point) and 0 without points', () => {
      const est = hypervolumeEstimate([[0.5, 0.25, 0, 0.75]], [1, 1, 1, 1], { samples: 1000, seed: 1 });
      expect(est.value).toBeCloseTo(0.5 * 0.75 * 1 * 0.25, 15);
      expect(est.standardError).toBe(0);
      expect(hypervolumeEstimate([[2, 0, 0, 0]], [1, 1, 1, 1], { samples: 10, seed: 1 })).toEqual({
        value: 0,
        standardError: 0,
      });
      expect(() => hypervolumeEstimate([[0, 0]], [1, 1], { samples: 0, seed: 1 })).toThrow(RangeError);
    });
  });
});
