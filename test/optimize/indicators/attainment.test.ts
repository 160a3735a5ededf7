// Attainment surfaces, Vorob'ev quantities and the EAF difference against R's eaf package (the outputs of
// test/generate/eaf-reference.R, stored with its inputs and the package version in eaf-reference.json; the script runs
// again here when Rscript and the eaf package are installed) and against cases worked by hand.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attainmentLevel, attainmentSweep, type PointSet } from '../../../src/optimize/indicators/attainment.js';
import { eafBisection, vorobev, vorobevAt } from '../../../src/optimize/indicators/vorobev.js';
import { eafDifference, eafDifferenceAt } from '../../../src/optimize/indicators/eafDifference.js';

interface RCase {
  name: string;
  objectives: number;
  reference: number[];
  points: number[][];
  sets: number[];
  surfaces: number[][];
  vorobev: { threshold: number; expectation: number[][]; avgHypervolume: number; deviation: number };
  difference?: { groupA: number[]; intervals: number; rectangles: (number | 'Inf')[][] };
}
const script = join(__dirname, '../../generate/eaf-reference.R');
const stored = JSON.parse(readFileSync(join(__dirname, '../../generate/eaf-reference.json'), 'utf8')) as {
  version: string;
  cases: RCase[];
};

const setsOf = (c: RCase): PointSet[] => {
  const n = Math.max(...c.sets);
  return Array.from({ length: n }, (_, s) => c.points.filter((_, i) => c.sets[i] === s + 1));
};
const byCoordinates = (a: readonly number[], b: readonly number[]): number => a.reduce((d, v, k) => d || v - b[k]!, 0);
const sortedPoints = (ps: readonly (readonly number[])[]): number[][] => ps.map((p) => [...p]).sort(byCoordinates);
/** R prints 7 significant digits; its JSON carries 15: equal to 12 of them. */
const close = (a: number, b: number): void =>
  expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(b)));

describe('attainment against R eaf', () => {
  it('is R eaf 2.4 output', () => expect(stored.version).toBe('2.4'));

  for (const c of stored.cases) {
    const sets = setsOf(c);
    const n = sets.length;
    const m = c.objectives;
    it(`${c.name}: every level's surface is R's eafs points`, () => {
      const percents = [...new Set(c.surfaces.map((r) => r[m]!))];
      const levels = percents.map((p) => attainmentLevel(p, n));
      expect(levels).toEqual(Array.from({ length: n }, (_, k) => k + 1));
      const ours = attainmentSweep(sets, levels).surfaces;
      percents.forEach((p, l) => {
        const theirs = c.surfaces.filter((r) => r[m] === p).map((r) => r.slice(0, m));
        expect(sortedPoints(ours[l]!)).toEqual(sortedPoints(theirs));
      });
    });
    it(`${c.name}: Vorob'ev threshold, expectation and deviation are R's vorobT and vorobDev`, () => {
      const volumes = attainmentSweep(sets, [], c.reference).volumes;
      const r = eafBisection(volumes);
      close(r.threshold_pct, c.vorobev.threshold);
      const at = vorobevAt(sets, volumes, r.level);
      close(at.meanHypervolume, c.vorobev.avgHypervolume);
      close(at.deviation, c.vorobev.deviation);
      expect(sortedPoints(at.expectation)).toEqual(sortedPoints(c.vorobev.expectation));
      // the definition's level is R's or the one below it (R's bisection may stop a level high: vorobev.ts)
      expect([r.level, r.level - 1]).toContain(vorobev(sets, c.reference).level);
    });
    if (c.difference !== undefined) {
      const d = c.difference;
      it(`${c.name}: the EAF difference equals R's eafdiff on every rectangle, and ours on R's`, () => {
        const a = sets.filter((_, s) => d.groupA.includes(s + 1));
        const b = sets.filter((_, s) => !d.groupA.includes(s + 1));
        const ours = eafDifference(a, b);
        const num = (v: number | 'Inf'): number => (v === 'Inf' ? Infinity : v);
        const inside = (lo: number, hi: number): number => (hi === Infinity ? lo + 1 : (lo + hi) / 2);
        for (const [x0, y0, x1, y1, diff] of d.rectangles.map((r) => r.map(num))) {
          expect(Math.round(eafDifferenceAt(ours, [inside(x0!, x1!), inside(y0!, y1!)]) * d.intervals)).toBe(diff);
        }
        // each of our rectangles lies where R's function has the same value (R leaves zeros out too)
        const theirs = d.rectangles.map((r) => r.map(num));
        for (const q of ours) {
          const z = [inside(q.xmin, q.xmax), inside(q.ymin, q.ymax)];
          const hit = theirs.find((r) => r[0]! <= z[0]! && z[0]! < r[2]! && r[1]! <= z[1]! && z[1]! < r[3]!);
          expect(hit?.[4] ?? 0).toBe(Math.round(q.difference * d.intervals));
        }
      });
    }
  }

  let rscript = false;
  try {
    execFileSync('Rscript', ['-e', 'library(eaf); library(jsonlite)'], { stdio: 'ignore' });
    rscript = true;
  } catch {
    rscript = false;
  }
  it.runIf(rscript)('the stored reference is what the script prints with the installed R eaf', () => {
    const fresh = JSON.parse(execFileSync('Rscript', [script], { encoding: 'utf8' })) as typeof stored;
    expect(fresh.cases).toEqual(stored.cases);
  });
});

describe('attainment worked by hand', () => {
  // Three two-point fronts. Each set's attainment boundary, the smallest y it reaches at or left of x:
  //   A {(1,4),(3,2)}: 4 on [1,3), 2 from 3;  B {(2,3),(4,1)}: 3 on [2,4), 1 from 4;
  //   C {(2,5),(5,2)}: 5 on [2,5), 2 from 5.
  // The 50 % level of 3 sets is 2 of them (⌈1.5⌉); the second smallest boundary per strip: [1,2) none, [2,3) 4,
  // [3,4) 3, [4,5) 2, from 5 still 2. The surface's corners: (2,4), (3,3), (4,2).
  const fronts: PointSet[] = [
    [
      [1, 4],
      [3, 2],
    ],
    [
      [2, 3],
      [4, 1],
    ],
    [
      [2, 5],
      [5, 2],
    ],
  ];
  it('draws the 50 % surface of three two-point fronts', () => {
    expect(attainmentLevel(50, 3)).toBe(2);
    expect(attainmentSweep(fronts, [2]).surfaces[0]).toEqual([
      [2, 4],
      [3, 3],
      [4, 2],
    ]);
  });
  it('gives the best (0 %) and worst (100 %) surfaces', () => {
    const [best, worst] = attainmentSweep(fronts, [attainmentLevel(0, 3), attainmentLevel(100, 3)]).surfaces;
    // best: the non-dominated points of the union; worst: corners of the largest boundary (∞ until every set starts)
    expect(best).toEqual([
      [1, 4],
      [2, 3],
      [3, 2],
      [4, 1],
    ]);
    // largest boundary: [2,3) 5, [3,4) 5, [4,5) 5, from 5: max(2,1,2) = 2
    expect(worst).toEqual([
      [2, 5],
      [5, 2],
    ]);
  });
  it("finds the Vorob'ev threshold where the mean hypervolume is known in closed form", () => {
    // n single-point sets p_i = (i, i), i = 1..4, reference (5, 5): vol(A_i) = (5 − i)² = 16, 9, 4, 1, mean 7.5.
    // The points are nested, so Q_k = [k, 5]², vol 16, 9, 4, 1: the largest k with vol(Q_k) ≥ 7.5 is 2, β = 50 %.
    // Deviation: vol(A_i Δ Q_2) = |(5 − i)² − 9| = 7, 0, 5, 8: mean 5.
    const sets: PointSet[] = [1, 2, 3, 4].map((i) => [[i, i]]);
    const v = vorobev(sets, [5, 5]);
    expect(v.levelVolumes).toEqual([16, 9, 4, 1]);
    expect(v.meanHypervolume).toBe(7.5);
    expect(v.threshold_pct).toBe(50);
    expect(v.expectation).toEqual([[2, 2]]);
    expect(v.deviation).toBe(5);
    // R eaf 2.4's bisection: 50 % (level 2, 9 > 7.5) → 75 % (level 3, 4) → 62.5 % (level 3 again): stops there
    expect(eafBisection(v.levelVolumes)).toEqual({ threshold_pct: 62.5, level: 3 });
  });
  it('integrates volumes in 3 objectives: a unit cube per set', () => {
    // two sets, one point each, (0,0,0) and (1,1,1), reference (2,2,2): vol(Q_1) = 8, vol(Q_2) = 1
    const v = attainmentSweep([[[0, 0, 0]], [[1, 1, 1]]], [1, 2], [2, 2, 2]);
    expect(v.volumes).toEqual([8, 1]);
    expect(v.surfaces).toEqual([[[0, 0, 0]], [[1, 1, 1]]]);
  });
  it('refuses 4 objectives and levels outside 1..n', () => {
    expect(() => attainmentSweep([[[1, 2, 3, 4]]], [1])).toThrow(/2 or 3 objectives/);
    expect(() => attainmentSweep(fronts, [4])).toThrow(/1\.\.3/);
    expect(() => attainmentLevel(120, 3)).toThrow(/outside/);
  });
  it('differs where one side attains more often', () => {
    // a = {(1,1)}, b = {(2,2)}: a alone attains [1,2) × [1,∞) and [2,∞) × [1,2): difference +1 there, 0 beyond (2,2)
    const d = eafDifference([[[1, 1]]], [[[2, 2]]]);
    expect(eafDifferenceAt(d, [1.5, 5])).toBe(1);
    expect(eafDifferenceAt(d, [5, 1.5])).toBe(1);
    expect(eafDifferenceAt(d, [3, 3])).toBe(0);
    expect(eafDifferenceAt(d, [0.5, 0.5])).toBe(0);
  });
});
