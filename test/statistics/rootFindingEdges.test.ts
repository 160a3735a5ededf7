/**
 * Bracket expansion step by step (Press et al. 2007, Numerical Recipes §9.1 `zbrac`: move the end with the smaller
 * |f| outward by factor·(width)), its limits and messages, and Brent's stopping rules. Every bracket below is
 * computed by hand from that rule with factor 1.6.
 */
import { describe, expect, it } from 'vitest';
import { brentRoot, expandBracket } from '../../src/statistics/rootFinding.js';

describe('expandBracket, step by step', () => {
  it('f = x − 10 on [0, 1]: |f(1)| < |f(0)|, so the upper end moves: 2.6, 6.76, 17.576', () => {
    // b ← b + 1.6·(b − a): 1 + 1.6 = 2.6; 2.6 + 1.6·2.6 = 6.76; 6.76 + 1.6·6.76 = 17.576 (f = 7.576 > 0: bracketed)
    const b = expandBracket({ f: (x) => x - 10, lower: 0, upper: 1 });
    expect(b.lower).toBe(0);
    expect(b.upper).toBeCloseTo(17.576, 12);
    expect(b.fLower).toBe(-10);
    expect(b.fUpper).toBe(b.upper - 10);
  });

  it('f = x + 10 on [0, 1]: |f(0)| < |f(1)|, so the lower end moves: −1.6, −5.76, −16.576', () => {
    // a ← a + 1.6·(a − b): 0 − 1.6 = −1.6; −1.6 + 1.6·(−2.6) = −5.76; −5.76 + 1.6·(−6.76) = −16.576
    const b = expandBracket({ f: (x) => x + 10, lower: 0, upper: 1 });
    expect(b.lower).toBeCloseTo(-16.576, 12);
    expect(b.upper).toBe(1);
    expect(b.fLower).toBeCloseTo(-6.576, 12);
    expect(b.fUpper).toBe(11);
  });

  it('a custom factor: f = x − 10 on [0, 1] with factor 2 → 3, 9, 27', () => {
    expect(expandBracket({ f: (x) => x - 10, lower: 0, upper: 1, factor: 2 }).upper).toBe(27);
  });

  it('a root already at an end needs no expansion (f·f = 0 is a bracket)', () => {
    expect(expandBracket({ f: (x) => x - 1, lower: 0, upper: 1 })).toEqual({
      lower: 0,
      upper: 1,
      fLower: -1,
      fUpper: 0,
    });
  });

  it('the lower end stops at domainMin, then the upper end moves; maxSteps counts every move', () => {
    // f = x + 10 > 0 on [−3, ∞): a → −1.6 → −3 (clamped), then b → 1 + 1.6·4 = 7.4 → 7.4 + 1.6·10.4 = 24.04 → …
    expect(() => expandBracket({ f: (x) => x + 10, lower: 0, upper: 1, domainMin: -3, maxSteps: 5 })).toThrow(
      /^no sign change of f in \[-3, [0-9.]+\] \(f = 7, [0-9.]+\) after 5 expansions/,
    );
    expect(() => expandBracket({ f: (x) => x + 10, lower: 0, upper: 1, domainMin: -3, maxSteps: 3 })).toThrow(
      /in \[-3, 7\.4\d*\] .* after 3 expansions/,
    );
  });

  it('the upper end stops at domainMax; the lower end takes over', () => {
    // f = x − 10 < 0 on (−∞, 2]: b → 2 (clamped), then a moves down and never finds a sign change
    const capped = () => expandBracket({ f: (x) => x - 10, lower: 0, upper: 1, domainMax: 2, maxSteps: 4 });
    expect(capped).toThrow(/^no sign change of f in \[-[0-9.]+, 2\]/);
    // f = x·x − 5 on [2.5, 3]: |f(2.5)| < |f(3)| with domainMax 3 → a moves down: 2.5 + 1.6·(−0.5) = 1.7
    const b = expandBracket({ f: (x) => x * x - 5, lower: 2.5, upper: 3, domainMax: 3 });
    expect(b.lower).toBeCloseTo(1.7, 12);
    expect(b.upper).toBe(3);
  });

  it('both ends at the domain limits: no move is possible, it says so at once', () => {
    expect(() => expandBracket({ f: (x) => x + 10, lower: 0, upper: 1, domainMin: 0, domainMax: 1 })).toThrow(
      /after 0 expansions/,
    );
  });

  it('at most 50 steps by default; a bracket needs lower < upper', () => {
    expect(() => expandBracket({ f: (x) => x * x + 1, lower: -1, upper: 1 })).toThrow(/after 50 expansions/);
    expect(() => expandBracket({ f: (x) => x, lower: 1, upper: 1 })).toThrow('bracket needs lower < upper, got [1, 1]');
    expect(() => expandBracket({ f: (x) => x, lower: 2, upper: 1 })).toThrow('bracket needs lower < upper, got [2, 1]');
  });
});

describe("brentRoot's stopping rules and checks", () => {
  it('a bracket needs lower < upper; no sign change suggests `expand`', () => {
    expect(() => brentRoot({ f: (x) => x, lower: 1, upper: 1 })).toThrow('bracket needs lower < upper, got [1, 1]');
    expect(() => brentRoot({ f: (x) => x * x + 1, lower: -1, upper: 2 })).toThrow(
      'no sign change of f in [-1, 2] (f = 2, 5) (pass `expand` to search wider): there may be no root, or an even number of roots, in it',
    );
  });

  it('a root at the upper end is returned at once; f changing sign at both ends of a tiny bracket converges', () => {
    expect(brentRoot({ f: (x) => x - 4, lower: 1, upper: 4 })).toMatchObject({
      root: 4,
      f_at_root: 0,
      converged: true,
      iterations: 0,
    });
    const r = brentRoot({ f: (x) => x - 0.5, lower: 0.5 - 1e-13, upper: 0.5 + 1e-13 });
    expect(r.converged).toBe(true);
    expect(Math.abs(r.root - 0.5)).toBeLessThan(1e-12);
  });

  it('the default f tolerance is 0: a flat but non-zero residual does not stop the search early', () => {
    // f = 1e-9·(x − π) is tiny everywhere on [0, 4]: only the x tolerance stops it, at π to 1e-12
    const r = brentRoot({ f: (x) => 1e-9 * (x - Math.PI), lower: 0, upper: 4 });
    expect(Math.abs(r.root - Math.PI)).toBeLessThan(1e-11);
    // with fTolerance 1e-9 the first point with |f| ≤ 1e-9 is accepted
    const loose = brentRoot({ f: (x) => 1e-9 * (x - Math.PI), lower: 0, upper: 4, fTolerance: 1e-9 });
    expect(Math.abs(loose.f_at_root)).toBeLessThanOrEqual(1e-9);
    expect(loose.iterations).toBeLessThanOrEqual(r.iterations);
  });

  it('roots of decreasing functions and of roots near the lower end are found to the tolerance', () => {
    for (const [f, lo, hi, root] of [
      [(x: number) => 10 - Math.exp(x), -5, 5, Math.LN10],
      [(x: number) => Math.cos(x) - x, 0, 1, 0.7390851332151607], // the Dottie number
      [(x: number) => x ** 3, -1, 8, 0], // triple root: slow for interpolation, bisection keeps it safe
      [(x: number) => Math.atan(x - 1e-3), 0, 100, 1e-3],
    ] as const) {
      const r = brentRoot({ f, lower: lo, upper: hi, maxIterations: 500 });
      expect(r.converged).toBe(true);
      expect(Math.abs(r.root - root)).toBeLessThan(1e-9);
    }
  });

  it('superlinear on smooth simple roots: far fewer evaluations than bisection (log₂(10/1e-12) ≈ 43)', () => {
    const cases: [(x: number) => number, number, number][] = [
      [(x) => Math.exp(x) - 10, 0, 10],
      [(x) => x ** 3 - 2 * x - 5, 0, 10],
      [(x) => Math.sin(x) - 0.5, 0, 1.5],
    ];
    for (const [f, lower, upper] of cases) {
      const r = brentRoot({ f, lower, upper, xTolerance: 1e-12, maxIterations: 200 });
      expect(r.converged).toBe(true);
      expect(r.iterations).toBeLessThan(22);
    }
  });
});
