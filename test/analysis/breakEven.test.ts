import { describe, expect, it } from 'vitest';
import type { AnalysisModel, SampleOutcome } from '../../src/analysis/analysisModel.js';
import { breakEven, breakEvenDomain, breakEvenGrid, scanGrid } from '../../src/analysis/breakEven.js';
import type { InputSpec } from '../../src/study/uncertainTargets.js';

/**
 * The break-even search on analytic LCOC curves: a stand-in model whose output vector is [LCOC(x), terrestrial(x)],
 * so every root is known in closed form.
 */
function curveModel(lcoc: (x: number) => number, terrestrial: (x: number) => number, points = 64): AnalysisModel {
  const columns = ['lcoc', 'terrestrial'];
  return {
    comparison: { lcoc: 'lcoc', terrestrial: 'terrestrial', description: 'analytic' },
    defaults: { uncertaintySamples: 10, sobolSamples: 8, breakEvenPoints: points, why: 'test' },
    column: (path: string) => columns.indexOf(path),
    evaluate: (values: readonly number[]): SampleOutcome => {
      const x = values[0]!;
      if (x > 9.5) return { status: 'failed', reason: 'beyond the model' };
      return { status: 'ok', y: Float64Array.from([lcoc(x), terrestrial(x)]) };
    },
  } as unknown as AnalysisModel;
}

/** An input with range [lo, hi]; `open` ends are refused by `check` (an exclusive schema bound). */
function spec(lo: number, hi: number, nominal?: number, open: { lo?: boolean; hi?: boolean } = {}): InputSpec {
  return {
    path: 'economics.x',
    nominal,
    unit: 'u',
    integer: false,
    domain: { lo, hi },
    check: (v) => ((open.lo === true && v <= lo) || (open.hi === true && v >= hi) ? 'out of range' : undefined),
  } as InputSpec;
}

// LCOC − terrestrial = (x − 2.05)(x − 7.05): two crossings, neither on a grid point of [1, 10]
const twoRoots = curveModel(
  (x) => (x - 2.05) * (x - 7.05) + 10,
  () => 10,
);

describe('break-even: root choice with two crossings', () => {
  it('finds both roots of (x − 2.05)(x − 7.05) and reports the one nearest the nominal value', () => {
    const near7 = breakEven({ model: twoRoots, spec: spec(1, 10, 6), label: 'x' });
    expect(near7.status).toBe('found');
    expect(near7.roots).toHaveLength(2);
    expect(near7.roots[0]).toBeCloseTo(2.05, 9);
    expect(near7.roots[1]).toBeCloseTo(7.05, 9);
    expect(near7.root).toBeCloseTo(7.05, 9); // |7.05 − 6| < |2.05 − 6|
    expect(near7.message).toContain('2 crossings in range: 2.05, 7.05');
    expect(near7.lcocAtRoot).toBeCloseTo(10, 9);
    expect(near7.terrestrialAtRoot).toBe(10);

    const near2 = breakEven({ model: twoRoots, spec: spec(1, 10, 4.4), label: 'x' });
    expect(near2.root).toBeCloseTo(2.05, 9); // |2.05 − 4.4| = 2.35 < |7.05 − 4.4| = 2.65
    // an explicit nominal (the model default the design uses) wins over the spec's
    expect(breakEven({ model: twoRoots, spec: spec(1, 10, 6), label: 'x', nominal: 3 }).root).toBeCloseTo(2.05, 9);
  });

  it('without a nominal value the reference is the middle of the range: (1 + 10)/2 = 5.5 → 7.05', () => {
    const r = breakEven({ model: twoRoots, spec: spec(1, 10), label: 'x' });
    expect(r.nominal).toBeNull();
    expect(r.root).toBeCloseTo(7.05, 9); // |7.05 − 5.5| = 1.55 < |2.05 − 5.5| = 3.45
  });

  it('space is cheaper on the side where LCOC < terrestrial at the first crossing', () => {
    // g > 0 below 2.05: space costs more there, less just above it
    expect(breakEven({ model: twoRoots, spec: spec(1, 10, 6), label: 'x' }).spaceCheaper).toBe('above');
    const falling = curveModel(
      (x) => 20 - x,
      () => 15,
    );
    const r = breakEven({ model: falling, spec: spec(1, 9), label: 'x' });
    expect(r.root).toBeCloseTo(5, 9);
    expect(r.spaceCheaper).toBe('above');
    const rising = curveModel(
      (x) => 10 + x,
      () => 15,
    );
    expect(breakEven({ model: rising, spec: spec(1, 9), label: 'x' }).spaceCheaper).toBe('below');
    const message = breakEven({ model: rising, spec: spec(1, 9), label: 'x' }).message;
    expect(message).toBe('LCOC = terrestrial LCOC at x 5 u; space is cheaper below it');
  });

  it('a root on a grid point, and at the last grid point, is found without Brent', () => {
    // linear grid of 5 points over [1, 5]: 1, 2, 3, 4, 5; crossings at 3 and at the end 5
    const grid = curveModel(
      (x) => (x - 3) * (x - 5),
      () => 0,
      5,
    );
    const r = breakEven({ model: grid, spec: spec(1, 5, 4.9), label: 'x' });
    expect(r.roots).toEqual([3, 5]);
    expect(r.root).toBe(5);
  });

  it('no crossing: "no break-even", saying on which side and by how much (LCOC/terrestrial ratio)', () => {
    const above = breakEven({
      model: curveModel(
        (x) => x + 20,
        () => 10,
      ),
      spec: spec(1, 9),
      label: 'x',
    });
    expect([above.status, above.root, above.spaceCheaper]).toEqual(['none', null, null]);
    expect(above.message).toBe(
      'no break-even in range [1, 9] u: the LCOC stays above the terrestrial LCOC (at least 2.1× it)',
    );
    const below = breakEven({
      model: curveModel(
        (x) => x,
        () => 20,
      ),
      spec: spec(1, 9),
      label: 'x',
    });
    expect(below.message).toBe(
      'no break-even in range [1, 9] u: the LCOC stays below the terrestrial LCOC (at most 0.45× it)',
    );
  });

  it('grid points the model cannot evaluate are skipped (x > 9.5 here); nowhere evaluable is said so', () => {
    const r = breakEven({
      model: curveModel(
        (x) => x,
        () => 20,
      ),
      spec: spec(1, 20),
      label: 'x',
    });
    expect(r.curve.every((c) => c.x <= 9.5)).toBe(true);
    expect(r.curve.length).toBeGreaterThan(0);
    const nowhere = breakEven({
      model: curveModel(
        (x) => x,
        () => 20,
      ),
      spec: spec(10, 20),
      label: 'x',
    });
    expect(nowhere.curve).toEqual([]);
    expect(nowhere.message).toBe(
      'no break-even in range [10, 20] u: the models cannot evaluate the design anywhere in the range',
    );
  });

  it('a model without a terrestrial comparison has no break-even', () => {
    const none = { ...twoRoots, comparison: null } as AnalysisModel;
    expect(() => breakEven({ model: none, spec: spec(1, 10), label: 'x' })).toThrow(/no terrestrial comparison/);
  });
});

describe('break-even scan grid', () => {
  it('linear when the range spans less than 100×: equal steps, both ends exact', () => {
    expect(scanGrid(1, 5, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(scanGrid(2, 199, 2)).toEqual([2, 199]);
  });

  it('log-spaced from ≥ 100×: 1 … 10⁴ in 5 points is each power of ten', () => {
    const g = scanGrid(1, 1e4, 5);
    [1, 10, 100, 1000, 1e4].forEach((v, i) => expect(g[i]! / v).toBeCloseTo(1, 12));
    expect(g[0]).toBe(1);
    expect(g[4]).toBe(1e4);
    // exactly 100×: logarithmic (1, 10, 100)
    expect(scanGrid(1, 100, 3)[1]).toBeCloseTo(10, 12);
  });

  it('a range from 0 keeps 0 and log-spaces the rest from hi·10⁻⁶', () => {
    const g = scanGrid(0, 1e6, 5);
    expect(g).toHaveLength(5);
    expect(g[0]).toBe(0);
    [1, 100, 1e4, 1e6].forEach((v, i) => expect(g[i + 1]! / v).toBeCloseTo(1, 12));
  });

  it('a range with a negative end is linear', () => {
    expect(scanGrid(-2, 2, 5)).toEqual([-2, -1, 0, 1, 2]);
  });

  it('exclusive ends are moved inside by 1e-9 of the range (at least 1e-9)', () => {
    expect(breakEvenDomain(spec(0, 10, undefined, { lo: true }))).toEqual({ lo: 1e-8, hi: 10 });
    expect(breakEvenDomain(spec(0, 10, undefined, { hi: true }))).toEqual({ lo: 0, hi: 10 - 1e-8 });
    expect(breakEvenDomain(spec(0, 0.5, undefined, { lo: true, hi: true }))).toEqual({ lo: 1e-9, hi: 0.5 - 1e-9 });
    expect(breakEvenGrid(spec(1, 5), 5)).toEqual([1, 2, 3, 4, 5]);
  });
});
