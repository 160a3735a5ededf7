import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hypervolume } from '../../../src/optimize/indicators/hypervolume.js';
import { paretoFront } from '../../../src/optimize/benchmarks/benchmarks.js';

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
