import { describe, expect, it } from 'vitest';
import { tornado, tornadoAnalysis, tornadoDesign, tornadoInputFromDistribution } from '../../src/statistics/tornado.js';

// y = x0² + 3 x1 over the columns [unused, x1, x0]. Analytic swings: x0 ∈ [1, 3] → 9 − 1 = 8; x1 ∈ [0, 1] → 3;
// the unused input → exactly 0.
const model = (x: readonly number[]): number => x[2]! ** 2 + 3 * x[1]!;
const inputs = [
  { name: 'unused', nominal: 5, low: 0, high: 10 },
  { name: 'x1', nominal: 0.5, low: 0, high: 1 },
  { name: 'x0', nominal: 2, low: 1, high: 3 },
];

describe('tornado (one at a time)', () => {
  it('an input the output does not depend on has exactly zero swing, and bars are sorted by swing', () => {
    const r = tornado({ inputs, model });
    expect(r.nominalOutput).toBe(4 + 1.5);
    expect(r.bars.map((b) => b.name)).toEqual(['x0', 'x1', 'unused']);
    expect(r.bars.map((b) => b.swing)).toEqual([8, 3, 0]);
    const x0 = r.bars[0]!;
    expect([x0.outputAtLow, x0.outputAtHigh, x0.index]).toEqual([1 + 1.5, 9 + 1.5, 2]);
  });
  it('the design is 2d + 1 rows: nominal, then low/high of one input with the others nominal', () => {
    const design = tornadoDesign({ inputs });
    expect(design.rows).toEqual([
      [5, 0.5, 2],
      [0, 0.5, 2],
      [10, 0.5, 2],
      [5, 0, 2],
      [5, 1, 2],
      [5, 0.5, 1],
      [5, 0.5, 3],
    ]);
    expect(() => tornadoAnalysis({ design, y: [1, 2] })).toThrow(RangeError);
  });
  it('a failed run (NaN) sorts last instead of corrupting the order', () => {
    const design = tornadoDesign({ inputs });
    const y = design.rows.map((x) => (x[1] === 1 ? Number.NaN : model(x)));
    expect(tornadoAnalysis({ design, y }).bars.map((b) => b.name)).toEqual(['x0', 'unused', 'x1']);
  });
  it('inputs from a distribution use its 5th/95th percentiles and median', () => {
    const x = tornadoInputFromDistribution({ name: 'cost', distribution: { kind: 'uniform', min: 0, max: 100 } });
    expect(x).toEqual({ name: 'cost', nominal: 50, low: 5, high: 95 });
  });
});
