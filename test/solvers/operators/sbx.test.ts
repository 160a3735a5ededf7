/** SBX crossover (Deb & Agrawal 1995) on a mixed layout, with polynomial mutation where both keep the domain. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRng } from '../../../src/base/rng.js';
import { compileLayout, randomDesign } from '../../../solvers/operators/layout.js';
import { sbxCrossover } from '../../../solvers/operators/sbx.js';
import { polynomialMutation } from '../../../solvers/operators/mutation.js';
import type { VariableSpec } from '../../../src/optimize/types.js';

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

describe('SBX crossover', () => {
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
});
