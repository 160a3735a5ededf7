// Where each side of `odc compare --vs` attains more often (src/report/compare/attainmentDifference.ts): against R
// eaf 2.4's eafdiff on two sides of fronts in 2 and 3 objectives (test/generate/eaf-reference.R, its `compare` cases:
// R's rectangles and the box shares the script sums from them), and a case worked by hand with a maximized objective.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PointSet } from '../../../src/optimize/indicators/attainment.js';
import {
  attainmentDifference,
  attainmentDifferenceLines,
  attainmentDifferencePlot,
  type DifferencePair,
} from '../../../src/report/compare/attainmentDifference.js';

interface Side {
  points: number[][];
  sets: number[];
}
interface CompareCase {
  name: string;
  objectives: number;
  perSide: number;
  a: Side;
  b: Side;
  ideal: number[];
  reference: number[];
  pairs: {
    objectives: number[];
    rectangles: (number | 'Inf')[][];
    aShare: number;
    bShare: number;
    aMax: number;
    bMax: number;
  }[];
}
const stored = JSON.parse(readFileSync(join(__dirname, '../../generate/eaf-reference.json'), 'utf8')) as {
  version: string;
  compare: CompareCase[];
};

const setsOf = (s: Side, n: number): PointSet[] =>
  Array.from({ length: n }, (_, k) => s.points.filter((_, i) => s.sets[i] === k + 1));
const num = (v: number | 'Inf'): number => (v === 'Inf' ? Infinity : v);
/** R prints 15 significant digits. */
const close = (a: number, b: number): void =>
  expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(b)));
const mid = (lo: number, hi: number): number => (lo + hi) / 2;
/** Our difference at z: the rectangle holding it (half-open, clipped to the box), else 0. */
const ours = (p: DifferencePair, z: readonly number[]): number =>
  p.rectangles.find((r) => r.x[0] <= z[0]! && z[0]! < r.x[1] && r.y[0] <= z[1]! && z[1]! < r.y[1])?.difference ?? 0;

describe('the EAF difference of two sides against R eaf', () => {
  it('is R eaf 2.4 output', () => expect(stored.version).toBe('2.4'));

  for (const c of stored.compare) {
    it(`${c.name}: shares of the box, largest differences and the function on every rectangle are R's`, () => {
      const m = c.objectives;
      const all = [...c.a.points, ...c.b.points];
      // the union's ideal and nadir, taken here from the points
      const ideal = Array.from({ length: m }, (_, j) => Math.min(...all.map((p) => p[j]!)));
      const nadir = Array.from({ length: m }, (_, j) => Math.max(...all.map((p) => p[j]!)));
      const names = Array.from({ length: m }, (_, j) => `f${j + 1}`);
      const d = attainmentDifference(
        setsOf(c.a, c.perSide),
        setsOf(c.b, c.perSide),
        names.map((name) => ({ name, sense: 'minimize', unit: '' })),
        { ideal, nadir, reference: new Array<number>(m).fill(1.1) },
      );
      expect(d.projected).toBe(m > 2);
      expect(d.pairs.map((p) => p.objectives)).toEqual(c.pairs.map((r) => r.objectives.map((j) => `f${j}`)));
      d.pairs.forEach((p, k) => {
        const r = c.pairs[k]!;
        const [i, j] = r.objectives.map((o) => o - 1) as [number, number];
        close(p.box[0][1], c.reference[i]!);
        close(p.box[1][1], c.reference[j]!);
        close(p.aShare, r.aShare);
        close(p.bShare, r.bShare);
        close(p.aMax, r.aMax);
        close(p.bMax, r.bMax);
        // R's value (in sets, intervals = sets per side) at the middle of each of its rectangles inside the box
        const theirs = r.rectangles.map((q) => q.map(num));
        for (const [x0, y0, x1, y1, diff] of theirs) {
          const z = [mid(x0!, Math.min(x1!, p.box[0][1])), mid(y0!, Math.min(y1!, p.box[1][1]))];
          expect(Math.round(ours(p, z) * c.perSide)).toBe(diff);
        }
        // and R's function at the middle of each of ours
        for (const q of p.rectangles) {
          const z = [mid(q.x[0], q.x[1]), mid(q.y[0], q.y[1])];
          const hit = theirs.find((t) => t[0]! <= z[0]! && z[0]! < t[2]! && t[1]! <= z[1]! && z[1]! < t[3]!);
          expect(hit?.[4] ?? 0).toBe(Math.round(q.difference * c.perSide));
        }
      });
    });
  }
});

describe('the EAF difference worked by hand', () => {
  // Side A: {(0, 1)} and {(1, 0)}; side B: {(0.5, 0.5)} twice (minimized). Ideal (0, 0), nadir (1, 1), box to 1.1.
  // EAF_B = 1 from (0.5, 0.5) on. EAF_A = ½ on [0, 1) × [1, ∞) and [1, ∞) × [0, 1), 1 from (1, 1).
  // A − B: +½ on [0, 0.5) × [1, 1.1] and [1, 1.1] × [0, 0.5): area 0.05 each, 0.1 in all;
  //        −1 on [0.5, 1)²: 0.25; −½ on [0.5, 1) × [1, 1.1] and [1, 1.1] × [0.5, 1): 0.05 each; 0.35 in all.
  // Box area 1.1² = 1.21. f2 is maximized: its own values are the negatives (A {(0, −1)}, {(1, 0)}; B (0.5, −0.5)).
  const objectives = [
    { name: 'cost', sense: 'minimize', unit: 'USD' },
    { name: 'power', sense: 'maximize', unit: 'kW' },
  ];
  const d = attainmentDifference([[[0, 1]], [[1, 0]]], [[[0.5, 0.5]], [[0.5, 0.5]]], objectives, {
    ideal: [0, 0],
    nadir: [1, 1],
    reference: [1.1, 1.1],
  });
  const p = d.pairs[0]!;
  it('shares of the box and largest differences', () => {
    expect(d.projected).toBe(false);
    expect(p.aShare).toBeCloseTo(0.1 / 1.21, 12);
    expect(p.bShare).toBeCloseTo(0.35 / 1.21, 12);
    expect([p.aMax, p.bMax]).toEqual([0.5, 1]);
  });
  it("in the objectives' own units and sense", () => {
    expect(p.box[0][0]).toBe(0);
    expect(p.box[0][1]).toBeCloseTo(1.1, 12);
    expect(p.box[1][0]).toBeCloseTo(-1.1, 12);
    expect(p.box[1][1]).toBeCloseTo(-0, 12);
    // B most ahead on cost 0.5–1, power −1 to −0.5 (own values of the minimized [0.5, 1))
    expect(p.bAt).toEqual({ x: [0.5, 1], y: [-1, -0.5], difference: -1 });
    expect(ours(p, [0.25, -1.05])).toBe(0.5); // A's first set alone: cost < 0.5, power below −1
    expect(ours(p, [0.75, -0.75])).toBe(-1);
    expect(ours(p, [1.05, -1.05])).toBe(0);
    expect(p.medianA).toEqual([
      [0, -1],
      [1, 0],
    ]);
    expect(p.medianB).toEqual([[0.5, -0.5]]);
  });
  it('the terminal names each side, its share and where it leads; the plot draws one panel per pair', () => {
    const lines = attainmentDifferenceLines(d, 2);
    expect(lines[0]).toContain('exact in 2 objectives');
    expect(lines.slice(1)).toEqual([
      '  cost × power',
      '    A: 8.3 % of the box, by up to 50 %, most at cost 0 to 0.5, power -1.1 to -1',
      '    B: 28.9 % of the box, by up to 100 %, most at cost 0.5 to 1, power -1 to -0.5',
    ]);
    expect(attainmentDifferencePlot(d, objectives).svg).toContain('<svg');
  });
  it('3 objectives: each pair of the projected fronts, stated', () => {
    // A {(0, 1, 0)}, B {(1, 0, 0)}: on (f1, f3) A leads, on (f2, f3) B leads, on (f1, f2) each somewhere
    const three = ['f1', 'f2', 'f3'].map((name) => ({ name, sense: 'minimize', unit: '' }));
    const t = attainmentDifference([[[0, 1, 0]]], [[[1, 0, 0]]], three, {
      ideal: [0, 0, 0],
      nadir: [1, 1, 1],
      reference: [1.1, 1.1, 1.1],
    });
    expect(t.projected).toBe(true);
    expect(t.pairs.map((q) => q.objectives.join(''))).toEqual(['f1f2', 'f1f3', 'f2f3']);
    // (f1, f3): A at (0, 0) attains [0, 1.1]², B at (1, 0) the part x ≥ 1: A alone on [0, 1) × [0, 1.1]
    expect(t.pairs[1]!.aShare).toBeCloseTo(1.1 / 1.21, 12);
    expect(t.pairs[1]!.bShare).toBe(0);
    expect(t.pairs[2]!.bShare).toBeCloseTo(1.1 / 1.21, 12);
    // (f1, f2): A alone on [0, 1) × [1, 1.1] (0.1), B alone on [1, 1.1] × [0, 1) (0.1)
    expect(t.pairs[0]!.aShare).toBeCloseTo(0.1 / 1.21, 12);
    expect(t.pairs[0]!.bShare).toBeCloseTo(0.1 / 1.21, 12);
    expect(attainmentDifferenceLines(t, 3)[0]).toContain('on each pair of objectives, the fronts projected');
  });
});
