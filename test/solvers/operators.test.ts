import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRng } from '../../src/base/rng.js';
import { compileLayout, randomDesign } from '../../solvers/operators/layout.js';
import { sbxCrossover } from '../../solvers/operators/sbx.js';
import { polynomialMutation } from '../../solvers/operators/mutation.js';
import { DuplicateFilter } from '../../solvers/operators/duplicates.js';
import { randomPermutations, shuffledRange } from '../../solvers/operators/selection.js';
import type { VariableSpec } from '../../src/optimize/types.js';

const mixed: VariableSpec[] = [
  { kind: 'real', name: 'a', lower: -2, upper: 3 },
  { kind: 'int', name: 'b', lower: 1, upper: 6 },
  { kind: 'choice', name: 'c', options: ['x', 'y', 'z'] },
  { kind: 'real', name: 'd', lower: 0, upper: 1e-3 },
  { kind: 'int', name: 'e', lower: 4, upper: 4 },
];
const layout = compileLayout(mixed);

function valid(x: Float64Array): boolean {
  return (
    x[0]! >= -2 &&
    x[0]! <= 3 &&
    Number.isInteger(x[1]!) &&
    x[1]! >= 1 &&
    x[1]! <= 6 &&
    [0, 1, 2].includes(x[2]!) &&
    x[3]! >= 0 &&
    x[3]! <= 1e-3 &&
    x[4] === 4
  );
}

describe('variation operators', () => {
  it('SBX and polynomial mutation keep every variable within its domain (ints integral, choices valid)', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const rng = createRng(seed);
        const p1 = randomDesign(layout, rng);
        const p2 = randomDesign(layout, rng);
        expect(valid(p1) && valid(p2)).toBe(true);
        const c1 = new Float64Array(layout.n);
        const c2 = new Float64Array(layout.n);
        sbxCrossover(layout, p1, p2, c1, c2, { eta: 15, probVar: 1, probBin: 0.5 }, rng);
        polynomialMutation(layout, c1, { eta: 20, probVar: 1 }, rng);
        polynomialMutation(layout, c2, { eta: 20, probVar: 0.5 }, rng);
        expect(valid(c1)).toBe(true);
        expect(valid(c2)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('SBX with identical parents returns copies of them', () => {
    const rng = createRng(3);
    const p = Float64Array.of(0.5, 3, 1, 0.0005, 4);
    const c1 = new Float64Array(5);
    const c2 = new Float64Array(5);
    sbxCrossover(layout, p, p, c1, c2, { eta: 15, probVar: 1, probBin: 0.5 }, rng);
    expect(Array.from(c1)).toEqual(Array.from(p));
    expect(Array.from(c2)).toEqual(Array.from(p));
  });

  it('SBX children are symmetric around the parents mean (before clipping)', () => {
    const real = compileLayout([{ kind: 'real', name: 'x', lower: -100, upper: 100 }]);
    const rng = createRng(11);
    for (let t = 0; t < 200; t++) {
      const c1 = new Float64Array(1);
      const c2 = new Float64Array(1);
      sbxCrossover(
        real,
        Float64Array.of(0.2),
        Float64Array.of(0.6),
        c1,
        c2,
        { eta: 15, probVar: 1, probBin: 0.5 },
        rng,
      );
      expect(c1[0]! + c2[0]!).toBeCloseTo(0.8, 6);
    }
  });

  it('polynomial mutation with probVar 1/n changes about one variable per call', () => {
    const n = 50;
    const real = compileLayout(
      Array.from({ length: n }, (_, i): VariableSpec => ({ kind: 'real', name: `x${i}`, lower: 0, upper: 1 })),
    );
    const rng = createRng(5);
    let changed = 0;
    const trials = 2000;
    for (let t = 0; t < trials; t++) {
      const x = new Float64Array(n).fill(0.5);
      polynomialMutation(real, x, { eta: 20, probVar: 1 / n }, rng);
      for (const v of x) if (v !== 0.5) changed++;
    }
    expect(changed / trials).toBeGreaterThan(0.9);
    expect(changed / trials).toBeLessThan(1.1);
  });

  it('DuplicateFilter detects exact duplicates only (and folds -0 into 0)', () => {
    const f = new DuplicateFilter();
    expect(f.add(Float64Array.of(1, 2))).toBe(true);
    expect(f.add(Float64Array.of(1, 2))).toBe(false);
    expect(f.add(Float64Array.of(1, 2 + 1e-15))).toBe(true);
    expect(f.add(Float64Array.of(0, 1))).toBe(true);
    expect(f.has(Float64Array.of(-0, 1))).toBe(true);
  });

  it('DuplicateFilter: growth keeps every vector, clear() forgets them all', () => {
    const f = new DuplicateFilter();
    const vs = Array.from({ length: 5000 }, (_, i) => Float64Array.of(i % 71, Math.floor(i / 71), i === 0 ? -0 : 0.5));
    for (const v of vs) expect(f.add(v)).toBe(true);
    for (const v of vs) expect(f.add(Float64Array.from(v))).toBe(false);
    expect(f.add(Float64Array.of(0, 0, 0))).toBe(false); // -0 equals 0
    f.clear();
    for (const v of vs.slice(0, 100)) expect(f.has(v)).toBe(false);
    expect(f.add(vs[0]!)).toBe(true);
  });

  it('DuplicateFilter.indexOf: the order an equal vector was added in, −1 for one never added', () => {
    const f = new DuplicateFilter();
    const vs = Array.from({ length: 300 }, (_, i) => Float64Array.of(i % 17, Math.floor(i / 17)));
    for (const v of vs) f.add(v);
    f.add(Float64Array.of(3, 0)); // equal to vs[3]: not added again, keeps index 3
    for (const i of [0, 3, 17, 150, 299]) expect(f.indexOf(Float64Array.from(vs[i]!))).toBe(i);
    expect(f.indexOf(Float64Array.of(-0, 0))).toBe(0);
    expect(f.indexOf(Float64Array.of(0.5, 0))).toBe(-1);
  });

  it('shuffledRange draws the permutation randomPermutations draws', () => {
    const a = createRng(9);
    const b = createRng(9);
    const buf = new Int32Array(40);
    for (const n of [0, 1, 2, 17, 40]) {
      shuffledRange(buf, n, a);
      expect(Array.from(buf.subarray(0, n))).toEqual(Array.from(randomPermutations(n, n, b)));
    }
    expect(a.next()).toBe(b.next());
  });

  it('randomPermutations concatenates permutations', () => {
    const p = randomPermutations(5, 12, createRng(1));
    expect(Array.from(p.subarray(0, 5)).sort()).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(p.subarray(5, 10)).sort()).toEqual([0, 1, 2, 3, 4]);
  });
});
