import { describe, expect, it } from 'vitest';
import { brentRoot, expandBracket } from '../../src/statistics/rootFinding.js';

// Wallis' example (1836; used by Newton–Raphson texts and Brent 1973 ch. 4 test set): x³ − 2x − 5 = 0 has the real
// root 2.0945514815423265 (to double precision).
const wallis = (x: number): number => x ** 3 - 2 * x - 5;
const wallisRoot = 2.0945514815423265;
const fTolerance = 1e-6; // required residual

describe('brentRoot', () => {
  it("finds Wallis' root of x³ − 2x − 5 on [2, 3]", () => {
    const r = brentRoot({ f: wallis, lower: 2, upper: 3 });
    expect(r.converged).toBe(true);
    expect(Math.abs(r.root - wallisRoot)).toBeLessThan(1e-12);
    expect(Math.abs(r.f_at_root)).toBeLessThan(fTolerance);
    expect(r.iterations).toBeLessThan(15); // superlinear: bisection alone would need ~40 for 1e-12
  });
  it('finds the root of a monotone function, e^x − 10 = 0 at ln 10, to 1e-6 in f', () => {
    const r = brentRoot({ f: (x) => Math.exp(x) - 10, lower: -5, upper: 5 });
    expect(Math.abs(r.f_at_root)).toBeLessThan(fTolerance);
    expect(Math.abs(r.root - Math.LN10)).toBeLessThan(1e-9);
  });
  it('stops early on the f tolerance', () => {
    const r = brentRoot({ f: (x) => Math.exp(x) - 10, lower: -5, upper: 5, fTolerance: 1e-3, xTolerance: 0 });
    expect(r.converged).toBe(true);
    expect(Math.abs(r.f_at_root)).toBeLessThanOrEqual(1e-3);
  });
  it('an exact root at a bracket end is returned at once', () => {
    const r = brentRoot({ f: (x) => x - 1, lower: 1, upper: 4 });
    expect([r.root, r.f_at_root, r.converged]).toEqual([1, 0, true]);
  });
  it('reports converged = false when the iteration budget runs out', () => {
    const r = brentRoot({ f: wallis, lower: 2, upper: 3, maxIterations: 2 });
    expect(r.converged).toBe(false);
    expect(r.iterations).toBe(2);
  });
  it('throws RangeError without a sign change; expansion finds a bracket when asked', () => {
    expect(() => brentRoot({ f: (x) => Math.exp(x) - 10, lower: 0, upper: 1 })).toThrow(RangeError);
    const r = brentRoot({ f: (x) => Math.exp(x) - 10, lower: 0, upper: 1, expand: {} });
    expect(Math.abs(r.root - Math.LN10)).toBeLessThan(1e-9);
    expect(() => brentRoot({ f: (x) => x * x + 1, lower: -1, upper: 1, expand: { maxSteps: 20 } })).toThrow(
      /no sign change/,
    );
    expect(() => brentRoot({ f: () => Number.NaN, lower: 0, upper: 1 })).toThrow(/NaN/);
  });
});

describe('expandBracket', () => {
  it('widens toward the root and respects the domain limits', () => {
    const b = expandBracket({ f: (x) => x - 100, lower: 0, upper: 1 });
    expect(b.lower).toBeLessThanOrEqual(100);
    expect(b.upper).toBeGreaterThanOrEqual(100);
    expect(b.fLower * b.fUpper).toBeLessThanOrEqual(0);
    const limited = expandBracket({ f: (x) => Math.sqrt(x) - 3, lower: 1, upper: 2, domainMin: 0 });
    expect(limited.lower).toBeGreaterThanOrEqual(0);
    expect(limited.upper).toBeGreaterThanOrEqual(9);
    expect(() => expandBracket({ f: (x) => x - 100, lower: 0, upper: 1, domainMax: 50 })).toThrow(RangeError);
  });
});
