/**
 * compareFronts on fronts small enough to work out by hand in two objectives: the normalization over the union, the
 * hypervolume (areas of rectangles, reference 1.1), IGD+ (Ishibuchi et al. 2015: mean over the union of the distance
 * to the nearest point, counting only where the front is worse), the union and each run's share of it, and the
 * dominance shares with and without a tolerance and with sides.
 */
import { describe, expect, it } from 'vitest';
import {
  compareFronts,
  comparisonHypervolumeText,
  COMPARE_EXACT_HV_POINTS,
  COMPARE_HV_SAMPLES,
  type CompareProgress,
} from '../../../src/report/compare/frontComparison.js';

// normalized: R0 = (0, 1), (1, 0), (0.7, 0.7); R1 = (0.5, 0.5); R2 = (0.8, 0.8). Raw: f1 = 5 + 100 · normalized.
const raw = (f: readonly [number, number][]): number[][] => f.map(([a, b]) => [5 + 100 * a, b]);
const R0 = raw([
  [0, 1],
  [1, 0],
  [0.7, 0.7],
]);
const R1 = raw([[0.5, 0.5]]);
const R2 = raw([[0.8, 0.8]]);

describe('compareFronts', () => {
  it('normalizes over the union and gives hypervolume, IGD+ and union shares as worked out by hand', async () => {
    const c = await compareFronts([R0, R1, R2], 2, { epsilon: 0, threads: 1 });
    expect(c.normalization).toEqual({ ideal: [5, 0], nadir: [105, 1], reference: [1.1, 1.1] });
    // R0: two 1.1 × 0.1 strips overlapping in 0.1 × 0.1, plus (0.7, 0.7)'s 0.4 × 0.4 square less the 0.07 of it the
    // strips already cover: 0.21 + 0.09; R1: 0.6²; R2: 0.3²
    expect(c.runs.map((r) => r.hypervolume)).toEqual([
      expect.closeTo(0.3, 12),
      expect.closeTo(0.36, 12),
      expect.closeTo(0.09, 12),
    ]);
    // union (0, 1), (1, 0), (0.5, 0.5); R0 reaches (0.5, 0.5) from (0.7, 0.7): √(0.2² + 0.2²)
    expect(c.runs[0]!.igdPlus).toBeCloseTo(Math.sqrt(0.08) / 3, 12);
    expect(c.runs[1]!.igdPlus).toBeCloseTo((0.5 + 0.5 + 0) / 3, 12);
    expect(c.runs[2]!.igdPlus).toBeCloseTo((Math.sqrt(0.64) + Math.sqrt(0.64) + Math.sqrt(0.18)) / 3, 12);
    expect(c.union.map((u) => [u.r, u.row]).sort()).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
    ]);
    expect(c.runs.map((r) => r.unionShare)).toEqual([2 / 3, 1 / 3, 0]);
    expect(c.runs.map((r) => r.frontSize)).toEqual([3, 1, 1]);
  });

  it("counts a design dominated by another run's, by at least ε with a tolerance, by the other side's with sides", async () => {
    const plain = await compareFronts([R0, R1, R2], 2, { epsilon: 0, threads: 1 });
    // (0.7, 0.7) is dominated by R1's (0.5, 0.5); (0.8, 0.8) by both other runs
    expect(plain.runs.map((r) => r.paretoNonDominatedShare)).toEqual([2 / 3, 1, 0]);
    // 0.5 is better than 0.7 by 0.2: dominated with ε = 0.1, not with ε = 0.25; than 0.8 by 0.3: dominated with both
    const eps = (e: number): Promise<number[]> =>
      compareFronts([R0, R1, R2], 2, { epsilon: e, threads: 1 }).then((c) => c.runs.map((r) => r.nonDominatedShare));
    expect(await eps(0.1)).toEqual([2 / 3, 1, 0]);
    expect(await eps(0.25)).toEqual([1, 1, 0]);
    // R0 and R1 on one side: only R2 counts against R0, and it dominates none of R0's designs
    const sided = await compareFronts([R0, R1, R2], 2, { epsilon: 0, threads: 1, sides: ['A', 'A', 'B'] });
    expect(sided.runs.map((r) => r.paretoNonDominatedShare)).toEqual([1, 1, 0]);
  });

  it('gives an empty front no hypervolume and an infinite IGD+', async () => {
    const c = await compareFronts([R1, []], 2, { epsilon: 0, threads: 1 });
    expect(c.runs[1]).toEqual({
      frontSize: 0,
      hypervolume: 0,
      hypervolumeStandardError: null,
      igdPlus: Infinity,
      nonDominatedShare: 0,
      paretoNonDominatedShare: 0,
      unionShare: 0,
    });
  });

  it('estimates the hypervolume of a front above COMPARE_EXACT_HV_POINTS designs in 4 objectives, with its error', async () => {
    // n points (t, 1 − t, 0, 0), t = i/(n − 1): normalized they stay so (the constant objectives map to 0). Their
    // hypervolume against 1.1 is 1.1² (the two constant objectives) times a staircase's area: from each t to the
    // next (to 1.1 after the last) a column of height 1.1 − (1 − t).
    const line = (n: number): number[][] => Array.from({ length: n }, (_, i) => [i / (n - 1), 1 - i / (n - 1), 0, 0]);
    const staircase = (n: number): number => {
      let a = 0;
      for (let i = 0; i < n; i++) {
        const t = i / (n - 1);
        a += ((i + 1 < n ? (i + 1) / (n - 1) : 1.1) - t) * (1.1 - (1 - t));
      }
      return a * 1.1 * 1.1;
    };
    const atLimit = await compareFronts([line(COMPARE_EXACT_HV_POINTS)], 4, { epsilon: 0, threads: 1 });
    expect(atLimit.runs[0]!.hypervolumeStandardError).toBeNull();
    expect(atLimit.runs[0]!.hypervolume).toBeCloseTo(staircase(COMPARE_EXACT_HV_POINTS), 9);
    const n = COMPARE_EXACT_HV_POINTS + 1;
    const above = (await compareFronts([line(n)], 4, { epsilon: 0, threads: 1 })).runs[0]!;
    const se = above.hypervolumeStandardError!;
    // the box [0, 1.1]^4 of volume 1.1⁴: se ≤ 0.5 · V_box / √N
    expect(se).toBeGreaterThan(0);
    expect(se).toBeLessThanOrEqual((0.5 * 1.1 ** 4) / Math.sqrt(COMPARE_HV_SAMPLES));
    expect(Math.abs(above.hypervolume - staircase(n))).toBeLessThan(4 * se);
    expect(comparisonHypervolumeText(above)).toBe(`estimated ${above.hypervolume.toFixed(4)} ± ${se.toPrecision(2)}`);
    expect(comparisonHypervolumeText(atLimit.runs[0]!)).toBe(atLimit.runs[0]!.hypervolume.toFixed(4));
  });

  it('reports its steps per run under the labels given', async () => {
    const steps: CompareProgress[] = [];
    await compareFronts([R0, R1], 2, {
      epsilon: 0,
      threads: 1,
      labels: ['A: x', 'B: y'],
      onProgress: (p) => steps.push(p),
    });
    const seen = steps.filter((p) => p.share === undefined || p.share === 0).map((p) => `${p.step} ${p.run ?? ''}`);
    expect(seen).toEqual([
      'union ',
      'dominance A: x',
      'hypervolume A: x',
      'igd A: x',
      'dominance B: y',
      'hypervolume B: y',
      'igd B: y',
    ]);
    expect(steps[0]).toEqual({ step: 'union', count: 4, objectives: 2 });
  });
});
