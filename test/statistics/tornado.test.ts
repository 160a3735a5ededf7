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

describe('edges', () => {
  /**
   * The tornado's checks, ordering rules and distribution-based inputs, worked by hand from the one-at-a-time
   * definition (./tornado.test.ts has the analytic swings of a two-input model).
   */
  describe('tornado checks', () => {
    it('needs at least one input, and finite nominal, low and high, each checked', () => {
      expect(() => tornadoDesign({ inputs: [] })).toThrow('a tornado needs at least one input');
      const ok = { name: 'ok', nominal: 1, low: 0, high: 2 };
      for (const [bad, got] of [
        [{ name: 'c', nominal: Number.NaN, low: 0, high: 2 }, 'NaN, 0, 2'],
        [{ name: 'c', nominal: 1, low: -Infinity, high: 2 }, '1, -Infinity, 2'],
        [{ name: 'c', nominal: 1, low: 0, high: Infinity }, '1, 0, Infinity'],
      ] as const) {
        expect(() => tornadoDesign({ inputs: [ok, bad] })).toThrow(
          `tornado input c: nominal, low and high must be finite, got ${got}`,
        );
      }
    });

    it('the number of outputs must be 2d + 1, and the message says how many', () => {
      const design = tornadoDesign({ inputs: [{ name: 'a', nominal: 1, low: 0, high: 2 }] });
      expect(design.rows).toEqual([[1], [0], [2]]);
      expect(() => tornadoAnalysis({ design, y: [1, 2, 3, 4] })).toThrow('expected 3 outputs (2d + 1), got 4');
      expect(() => tornadoAnalysis({ design, y: [1, 2] })).toThrow('expected 3 outputs (2d + 1), got 2');
    });
  });

  describe('tornado bars', () => {
    it('a decreasing response still has a positive swing; each bar carries its input range and outputs', () => {
      // y = 10 − 4x, x ∈ [1, 2]: y(low) = 6, y(high) = 2, swing |2 − 6| = 4
      const r = tornado({ inputs: [{ name: 'x', nominal: 1.5, low: 1, high: 2 }], model: (x) => 10 - 4 * x[0]! });
      expect(r).toEqual({
        nominalOutput: 4,
        bars: [{ name: 'x', index: 0, low: 1, high: 2, outputAtLow: 6, outputAtHigh: 2, swing: 4 }],
      });
    });

    it('equal swings keep the input order; NaN bars sort after every finite one, in input order', () => {
      // y = x0 + x1 + x2 + 2 x3, every x ∈ [0, 1]: swings 1, 1, 1, 2 → x3 first, then x0, x1, x2 in input order
      const inputs = ['x0', 'x1', 'x2', 'x3'].map((name) => ({ name, nominal: 0.5, low: 0, high: 1 }));
      const model = (x: readonly number[]): number => x[0]! + x[1]! + x[2]! + 2 * x[3]!;
      expect(tornado({ inputs, model }).bars.map((b) => b.name)).toEqual(['x3', 'x0', 'x1', 'x2']);
      // now the runs of x0 and x2 fail (NaN): they go last, x0 before x2; x1 (swing 1) before them
      const design = tornadoDesign({ inputs });
      const y = design.rows.map((row, k) => (k === 1 || k === 6 ? Number.NaN : model(row)));
      const bars = tornadoAnalysis({ design, y }).bars;
      expect(bars.map((b) => b.name)).toEqual(['x3', 'x1', 'x0', 'x2']);
      expect(bars.map((b) => b.swing)).toEqual([2, 1, Number.NaN, Number.NaN]);
    });

    it('a negative output does not rank by sign: swings compare as magnitudes', () => {
      // y = −3 x0 + x1, x ∈ [0, 1]: swings 3 and 1, so x0 first whatever the sign of its effect
      const inputs = ['x0', 'x1'].map((name) => ({ name, nominal: 0, low: 0, high: 1 }));
      const r = tornado({ inputs, model: (x) => -3 * x[0]! + x[1]! });
      expect(r.bars.map((b) => [b.name, b.swing])).toEqual([
        ['x0', 3],
        ['x1', 1],
      ]);
    });
  });

  describe('tornadoInputFromDistribution', () => {
    const uniform = { kind: 'uniform', min: 0, max: 100 } as const;
    it('takes the given nominal and probabilities: uniform(0, 100) at 10 % and 80 % is 10 and 80', () => {
      expect(
        tornadoInputFromDistribution({
          name: 'c',
          distribution: uniform,
          nominal: 42,
          lowProbability: 0.1,
          highProbability: 0.8,
        }),
      ).toEqual({ name: 'c', nominal: 42, low: 10, high: 80 });
    });
    it('the median of triangular(0, 0, 1) is 1 − √½, not the mode or the mean', () => {
      // F(x) = 1 − (1 − x)² on [0, 1]: F(m) = ½ ⇒ m = 1 − √½; 5 % and 95 %: 1 − √0.95 and 1 − √0.05
      const x = tornadoInputFromDistribution({
        name: 't',
        distribution: { kind: 'triangular', min: 0, mode: 0, max: 1 },
      });
      expect(x.nominal).toBeCloseTo(1 - Math.SQRT1_2, 14);
      expect(x.low).toBeCloseTo(1 - Math.sqrt(0.95), 14);
      expect(x.high).toBeCloseTo(1 - Math.sqrt(0.05), 14);
    });
  });
});
