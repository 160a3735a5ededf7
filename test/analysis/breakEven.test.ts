import { describe, expect, it } from 'vitest';
import type { AnalysisModel, SampleOutcome } from '../../src/analysis/analysisModel.js';
import {
  breakEven,
  breakEvenDomain,
  breakEvenGrid,
  scanGrid,
  breakEvenInputs,
  ratioAtZero,
} from '../../src/analysis/breakEven.js';
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
      // (x + 20)/10 is least at the range's lower end, x = 1: 21/10
      'no break-even in range [1, 9] u: the LCOC stays above the terrestrial LCOC (at least 2.1× it, at 1 u)',
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
      // x/20 is largest at x = 9: 0.45
      'no break-even in range [1, 9] u: the LCOC stays below the terrestrial LCOC (at most 0.45× it, at 9 u)',
    );
  });

  it('an input the costs are affine in (launch price): the ratio at 0, extrapolated, and the reason given', () => {
    // LCOC = 30 + 0.5x, terrestrial 10 on [2, 9]: no crossing; at x = 0 the line gives 30/10 = 3×, although the
    // scan starts at 2 (least ratio there: 31/10 = 3.1×)
    const above = curveModel(
      (x) => 30 + 0.5 * x,
      () => 10,
    );
    const r = breakEven({
      model: above,
      spec: spec(2, 9),
      label: 'x',
      affine: true,
      why: 'the hardware alone keeps it there',
    });
    expect(r.status).toBe('none');
    expect(r.message).toBe(
      'no break-even in range [2, 9] u: the LCOC stays above the terrestrial LCOC (at least 3.1× it, at 2 u); ' +
        "even at 0 u it would be 3× the terrestrial LCOC (the costs are affine in this input: the line through the scan's " +
        'two lowest points): the hardware alone keeps it there',
    );
    // a terrestrial LCOC moving with the input is extrapolated too: (30 + 0.5x)/(10 + x) at 0 is 3, not 30/12
    const both = breakEven({
      model: curveModel(
        (x) => 30 + 0.5 * x,
        (x) => 10 + x,
      ),
      spec: spec(2, 9),
      label: 'x',
      affine: true,
    });
    expect(both.message).toMatch(/even at 0 u it would be 3× the terrestrial LCOC \(the costs are affine .*points\)$/);
    expect(ratioAtZero(both.curve)).toBeCloseTo(3, 12);
    // not affine, or below the terrestrial LCOC: no extrapolation
    const plain = breakEven({ model: above, spec: spec(2, 9), label: 'x' });
    expect(plain.message).not.toContain('even at 0');
    const cheap = breakEven({
      model: curveModel(
        (x) => 1 + x,
        () => 20,
      ),
      spec: spec(2, 9),
      label: 'x',
      affine: true,
    });
    expect(cheap.message).not.toContain('even at 0');
    // a scan from 0 has nothing to extrapolate
    expect(
      ratioAtZero([
        { x: 0, lcoc: 3, terrestrial: 1 },
        { x: 1, lcoc: 4, terrestrial: 1 },
      ]),
    ).toBeNull();
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

describe('edges', () => {
  const ok = (lcoc: number, terrestrial: number): SampleOutcome => ({
    status: 'ok',
    y: Float64Array.from([lcoc, terrestrial]),
  });
  const failed: SampleOutcome = { status: 'failed', reason: 'not evaluable' };

  function curveModel(
    lcoc: (x: number) => number,
    terrestrial: (x: number) => number,
    p: { points?: number; fails?: (x: number) => boolean } = {},
  ): AnalysisModel {
    const columns = ['lcoc', 'terrestrial'];
    return {
      comparison: { lcoc: 'lcoc', terrestrial: 'terrestrial', description: 'analytic' },
      defaults: { uncertaintySamples: 10, sobolSamples: 8, breakEvenPoints: p.points ?? 64, why: 'test' },
      column: (path: string) => columns.indexOf(path),
      evaluate: (values: readonly number[], specs?: readonly InputSpec[]): SampleOutcome => {
        if (specs?.[0]?.path !== 'economics.x') return { status: 'failed', reason: 'which input is x?' };
        const x = values[0]!;
        if (p.fails?.(x) === true) return failed;
        return ok(lcoc(x), terrestrial(x));
      },
      breakEvenInputs: () => [{ spec: spec(1, 2), label: 'x' }],
    } as unknown as AnalysisModel;
  }

  describe('break-even scan grid: which spacing', () => {
    it('logarithmic from a ratio of 100, whatever the product of the ends', () => {
      // 0.01 … 10 spans 1000×: log-spaced (0.01, √0.1 ≈ 0.316, 10) although 0.01 × 10 < 100
      const g = scanGrid(0.01, 10, 3);
      expect(g[1]).toBeCloseTo(Math.sqrt(0.1), 14);
      // 10 … 20 spans 2×: linear although 10 × 20 ≥ 100
      expect(scanGrid(10, 20, 3)).toEqual([10, 15, 20]);
    });

    it('log steps from a lower end other than 1: 10 … 10⁵ in 5 points is each power of ten', () => {
      const g = scanGrid(10, 1e5, 5);
      [10, 100, 1e3, 1e4, 1e5].forEach((v, i) => expect(g[i]! / v).toBeCloseTo(1, 12));
      // from 0: 0, then hi·10⁻⁶ = 10⁻³ … 10³ in 4 log steps of 100×
      const z = scanGrid(0, 1e3, 5);
      expect(z[0]).toBe(0);
      [1e-3, 0.1, 10, 1e3].forEach((v, i) => expect(z[i + 1]! / v).toBeCloseTo(1, 12));
    });

    it('a one-point range [0, 0] is that point; the last linear point is the upper end exactly', () => {
      expect(scanGrid(0, 0, 3)).toEqual([0, 0, 0]);
      // 0.2 + 2·(0.9 − 0.2)/2 rounds to 0.8999999999999999; the grid ends on 0.9 itself
      expect(scanGrid(0.2, 0.9, 3)).toEqual([0.2, 0.55, 0.9]);
    });

    it('an exclusive end away from 0 moves in by 1e-9 of the range width, not of the ends’ sum', () => {
      // width 10: 1e-8 inside
      expect(breakEvenDomain(spec(2, 12, undefined, { lo: true }))).toEqual({ lo: 2 + 1e-8, hi: 12 });
      expect(breakEvenDomain(spec(2, 12, undefined, { hi: true }))).toEqual({ lo: 2, hi: 12 - 1e-8 });
    });
  });

  describe('break-even: points the scan cannot use', () => {
    it('non-finite LCOC values are skipped like failed points', () => {
      // LCOC = x − 5 against 0 on 1 … 9, infinite above 7
      const m = curveModel(
        (x) => (x > 7 ? Infinity : x - 5),
        () => 0,
        { points: 9 },
      );
      const r = breakEven({ model: m, spec: spec(1, 9), label: 'x' });
      expect(r.curve.map((c) => c.x)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      expect(r.roots).toEqual([5]);
    });

    it('a crossing inside a stretch the models cannot evaluate is the chord’s zero, and the message says so', () => {
      // LCOC − terrestrial = x − 4.5 on the grid 1 … 9, not evaluable on (4.2, 4.8): Brent's method would ask for
      // points there; the chord between the grid points 4 (g = −0.5) and 5 (g = 0.5) crosses at 4.5
      const m = curveModel(
        (x) => x - 4.5,
        () => 0,
        { points: 9, fails: (x) => x > 4.2 && x < 4.8 },
      );
      const r = breakEven({ model: m, spec: spec(1, 9), label: 'x' });
      expect(r.status).toBe('found');
      expect(r.root).toBeCloseTo(4.5, 12);
      expect([r.lcocAtRoot, r.terrestrialAtRoot, r.spaceCheaper]).toEqual([null, null, 'below']);
      expect(r.message).toBe(
        'LCOC = terrestrial LCOC at x 4.5 u; space is cheaper below it; 4.5 interpolated between grid points ' +
          '(the models cannot evaluate every point between them)',
      );
      // chord of an uneven pair: g(4) = −1, g(5) = 3 (LCOC = 4x − 17 on [4, 5]) crosses at 4 + 1/4
      const uneven = curveModel(
        (x) => 4 * x - 17,
        () => 0,
        { points: 9, fails: (x) => x > 4.1 && x < 4.9 },
      );
      expect(breakEven({ model: uneven, spec: spec(1, 9), label: 'x' }).root).toBeCloseTo(4.25, 12);
    });

    it('the chord over a wider grid step, and two interpolated crossings listed in the message', () => {
      // grid 1, 3, 5, 7, 9; LCOC − terrestrial = (x − 4)(x − 6.5), not evaluable on (3.5, 4.5) and (6, 7):
      // g(3) = 3.5, g(5) = −1.5, g(7) = 1.5: chords (3, 3.5)–(5, −1.5) → 3 + 2·3.5/5 = 4.4 and (5, −1.5)–(7, 1.5) → 6
      const m = curveModel(
        (x) => (x - 4) * (x - 6.5),
        () => 0,
        { points: 5, fails: (x) => (x > 3.5 && x < 4.5) || (x > 6 && x < 7) },
      );
      const r = breakEven({ model: m, spec: spec(1, 9, 4), label: 'x' });
      expect(r.roots.length).toBe(2);
      expect(r.roots[0]).toBeCloseTo(4.4, 12);
      expect(r.roots[1]).toBeCloseTo(6, 12);
      expect(r.message).toContain('; 4.4, 6 interpolated between grid points');
    });

    it('an error other than "cannot evaluate" inside a bracket is not hidden by the chord', () => {
      // LCOC − terrestrial piecewise linear with its root at 4.1 (g(4) = −1, g(5) = 1: the chord would say 4.5);
      // the model throws a programming error near the root only, so the chord's point itself is evaluable
      const m = curveModel(
        (x) => (x < 4.1 ? (x - 4.1) / 0.1 : (x - 4.1) / 0.9),
        () => 0,
        { points: 9 },
      );
      const broken = {
        ...m,
        evaluate: (values: readonly number[], specs?: readonly InputSpec[]): SampleOutcome => {
          if (values[0]! > 4.05 && values[0]! < 4.15) throw new TypeError('a programming error');
          return m.evaluate(values, specs);
        },
      } as AnalysisModel;
      expect(() => breakEven({ model: broken, spec: spec(1, 9), label: 'x' })).toThrow(TypeError);
      // without the error, Brent's method finds the root itself
      expect(breakEven({ model: m, spec: spec(1, 9), label: 'x' }).root).toBeCloseTo(4.1, 12);
    });

    it('the model is told which input the scanned value sets', () => {
      const m = curveModel(
        (x) => x,
        () => 3.5,
        { points: 5 },
      );
      const r = breakEven({ model: m, spec: spec(1, 5), label: 'x' });
      expect(r.root).toBeCloseTo(3.5, 12);
      expect(r.lcocAtRoot).toBeCloseTo(3.5, 12);
    });

    it('a pre-evaluated scan is used as given; missing and failed entries are skipped', () => {
      // grid 1 … 5; the scan (not the model, which fails everywhere) says LCOC − terrestrial = x − 3
      const m = curveModel(
        (x) => x,
        () => 0,
        { points: 5, fails: () => true },
      );
      const scan = [ok(1, 3), failed, ok(3, 3), ok(4, 3)];
      const r = breakEven({ model: m, spec: spec(1, 5), label: 'x', scan });
      expect(r.curve).toEqual([
        { x: 1, lcoc: 1, terrestrial: 3 },
        { x: 3, lcoc: 3, terrestrial: 3 },
        { x: 4, lcoc: 4, terrestrial: 3 },
      ]);
      // a root on a grid point needs no refinement; the model cannot evaluate it again, so no values there
      expect([r.status, r.root, r.lcocAtRoot, r.terrestrialAtRoot]).toEqual(['found', 3, null, null]);
      // no sign change was refined: the side is not stated
      expect(r.spaceCheaper).toBeNull();
      expect(r.message).toBe('LCOC = terrestrial LCOC at x 3 u');
    });
  });

  describe('break-even: the reported root and record', () => {
    // LCOC − terrestrial = (x − 2.05)(x − 7.05)
    const twoRoots = curveModel(
      (x) => (x - 2.05) * (x - 7.05) + 10,
      () => 10,
    );

    it('without a nominal value the reference is the middle of the range: (1 + 8)/2 = 4.5 → 2.05', () => {
      // |2.05 − 4.5| = 2.45 < |7.05 − 4.5| = 2.55
      const r = breakEven({ model: twoRoots, spec: spec(1, 8), label: 'x' });
      expect(r.root).toBeCloseTo(2.05, 9);
      expect(r.domain).toEqual({ lo: 1, hi: 8 });
    });

    it('two roots equally near the nominal value: the first (lower) one is reported', () => {
      // (x − 3)(x − 5) on the grid 1, 2, 3, 4, 5: roots 3 and 5 on grid points, nominal 4
      const m = curveModel(
        (x) => (x - 3) * (x - 5),
        () => 0,
        { points: 5 },
      );
      expect(breakEven({ model: m, spec: spec(1, 5, 4), label: 'x' }).root).toBe(3);
    });

    it('"none" records carry the scanned domain', () => {
      const m = curveModel(
        (x) => x + 20,
        () => 10,
      );
      expect(breakEven({ model: m, spec: spec(1, 9), label: 'x' }).domain).toEqual({ lo: 1, hi: 9 });
    });

    it('breakEvenInputs are the model’s', () => {
      const m = curveModel(
        (x) => x,
        () => 1,
      );
      expect(breakEvenInputs(m).map((b) => b.label)).toEqual(['x']);
    });
  });
});
