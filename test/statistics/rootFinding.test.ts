import { describe, expect, it } from 'vitest';
import { brentRoot, expandBracket, type BrentParams } from '../../src/statistics/rootFinding.js';

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

describe('Brent steps', () => {
  /**
   * Brent's method step by step. Every expectation comes from the method's definition (Brent 1973, "Algorithms for
   * Minimization without Derivatives", ch. 4, procedure `zero`), not from today's output of `brentRoot`:
   * - hand-worked first steps, checked against the x's `brentRoot` asks f for (a wrapping f records them); each
   *   interpolation point is recomputed here from its own formula (the secant through two points, the inverse
   *   quadratic through three in Lagrange form), not from Brent's p/q arithmetic;
   * - analytic limits: on a linear f the first secant step lands on the root, so only 1 evaluation follows the two at
   *   the bracket ends; on a smooth simple root the count stays well under bisection's ⌈log₂(width/tol)⌉;
   * - a transcription of Brent's ALGOL 60 procedure `zero` (1973, §4.6), written here from the book, whose sequence of
   *   evaluated x's must match `brentRoot`'s point for point on functions that take every branch (secant, inverse
   *   quadratic, rejected interpolation, bisection, the minimal step of δ when the step is below the tolerance).
   */
  /** Runs brentRoot with f wrapped so that every x it evaluates is recorded, in order. */
  function traced(p: Omit<BrentParams, 'f'> & { f: (x: number) => number }): { xs: number[]; root: number; n: number } {
    const xs: number[] = [];
    const r = brentRoot({
      ...p,
      f: (x) => {
        xs.push(x);
        return p.f(x);
      },
    });
    return { xs, root: r.root, n: r.iterations };
  }

  /** x where the secant through (x1, y1), (x2, y2) crosses y = 0. */
  const secant = (x1: number, y1: number, x2: number, y2: number): number => x1 - (y1 * (x2 - x1)) / (y2 - y1);

  /** x at y = 0 of the inverse quadratic x(y) through three points (Lagrange form). */
  function inverseQuadratic(pts: readonly (readonly [number, number])[]): number {
    let x = 0;
    for (let i = 0; i < 3; i++) {
      let w = pts[i]![0];
      for (let j = 0; j < 3; j++) if (j !== i) w *= (0 - pts[j]![1]) / (pts[i]![1] - pts[j]![1]);
      x += w;
    }
    return x;
  }

  /**
   * Brent's `zero` (1973, §4.6), ALGOL 60 transcribed line by line: returns the evaluated x's. macheps is the
   * relative machine precision 2⁻⁵², t the absolute tolerance; `limit` caps the evaluations after the two ends.
   * `fTol` adds the documented early stop of brentRoot (|f(b)| ≤ fTol) to the convergence test; 0 is Brent's own.
   */
  function brentZeroReference(
    f: (x: number) => number,
    a0: number,
    b0: number,
    t: number,
    limit: number,
    fTol = 0,
  ): { xs: number[]; zero: number } {
    const xs: number[] = [];
    const F = (x: number): number => (xs.push(x), f(x));
    const macheps = 2 ** -52;
    let [a, b] = [a0, b0];
    let fa = F(a);
    let fb = F(b);
    let [c, fc, d, e] = [a, fa, b - a, b - a]; // label int (entered first)
    for (let k = 0; k <= limit; k++) {
      // ext:
      if (Math.abs(fc) < Math.abs(fb)) {
        [a, b, c] = [b, c, b];
        [fa, fb, fc] = [fb, fc, fb];
      }
      const tol = 2 * macheps * Math.abs(b) + t;
      const m = 0.5 * (c - b);
      if (!(Math.abs(m) > tol && fb !== 0 && Math.abs(fb) > fTol)) return { xs, zero: b };
      if (Math.abs(e) < tol || Math.abs(fa) <= Math.abs(fb)) {
        d = e = m;
      } else {
        let s = fb / fa;
        let p: number;
        let q: number;
        if (a === c) {
          p = 2 * m * s;
          q = 1 - s;
        } else {
          q = fa / fc;
          const r = fb / fc;
          p = s * (2 * m * q * (q - r) - (b - a) * (r - 1));
          q = (q - 1) * (r - 1) * (s - 1);
        }
        if (p > 0) q = -q;
        else p = -p;
        s = e;
        e = d;
        if (2 * p < 3 * m * q - Math.abs(tol * q) && p < Math.abs(0.5 * s * q)) d = p / q;
        else d = e = m;
      }
      a = b;
      fa = fb;
      b = b + (Math.abs(d) > tol ? d : m > 0 ? tol : -tol);
      fb = F(b);
      if (fb > 0 === fc > 0) [c, fc, d, e] = [a, fa, b - a, b - a]; // go to int
    }
    return { xs, zero: b };
  }

  describe("Brent's method, hand-worked steps", () => {
    it('a linear f: the first secant step is the root, one evaluation after the two ends', () => {
      // f = x − 1 on [0, 4]: f(0) = −1, f(4) = 3; |f(0)| < |f(4)| so b = 0, and the secant through (4, 3), (0, −1)
      // crosses at 0 − (−1)·(4 − 0)/(3 − (−1)) = 1, where f = 0 exactly (every quotient here is exact in binary)
      const t = traced({ f: (x) => x - 1, lower: 0, upper: 4 });
      expect(t.xs).toEqual([0, 4, 1]);
      expect([t.root, t.n]).toEqual([1, 1]);
      // a decreasing line: f = 3 − x on [−1, 4]: f(−1) = 4, f(4) = −1, so b = 4; 4 − (−1)·(−1 − 4)/(4 + 1) = 3
      const down = traced({ f: (x) => 3 - x, lower: -1, upper: 4 });
      expect(down.xs).toEqual([-1, 4, 3]);
      expect([down.root, down.n]).toEqual([3, 1]);
    });

    it('x³ − 2 on [0, 2]: secant 0.5, the inverse-quadratic point falls outside so it bisects to 1.25, then IQI', () => {
      const f = (x: number): number => x ** 3 - 2;
      const t = traced({ f, lower: 0, upper: 2, xTolerance: 1e-12 });
      // ends: f(0) = −2, f(2) = 6; |f(0)| < |f(2)| so the best point b = 0, the contrapoint c = 2
      expect(t.xs.slice(0, 2)).toEqual([0, 2]);
      // step 1, two points only → secant through (2, 6), (0, −2): 0 − (−2)·(2 − 0)/(6 + 2) = 0.5 (f = −1.875)
      expect(secant(0, -2, 2, 6)).toBe(0.5);
      expect(t.xs[2]).toBe(0.5);
      // step 2: three distinct points (0, −2), (0.5, −1.875), (2, 6): the inverse quadratic at y = 0 is
      // 0.5·(−2·6)/((−1.875 + 2)(−1.875 − 6)) + 2·((−2)(−1.875))/((6 + 2)(6 + 1.875)) = 6.0952… + 0.1190… = 6.214…,
      // beyond the contrapoint 2: Brent accepts a step only inside 3/4 of [b, c], so it bisects: (0.5 + 2)/2 = 1.25
      const iqi2 = inverseQuadratic([
        [0, -2],
        [0.5, -1.875],
        [2, 6],
      ]);
      expect(iqi2).toBeCloseTo(6.0952381 + 0.1190476, 6);
      expect(t.xs[3]).toBe(1.25);
      // step 3: (0.5, −1.875), (1.25, −0.046875), (2, 6); the IQI point lies inside [1.25, 2] close to b, accepted
      const iqi3 = inverseQuadratic([
        [0.5, -1.875],
        [1.25, 1.25 ** 3 - 2],
        [2, 6],
      ]);
      expect(iqi3).toBeGreaterThan(1.25);
      expect(iqi3).toBeLessThan(1.27);
      expect(t.xs[4]).toBeCloseTo(iqi3, 14);
      // and it converges on the cube root of 2, superlinearly: bisection would need ⌈log₂(2/1e-12)⌉ = 41
      expect(Math.abs(t.root - Math.cbrt(2))).toBeLessThan(1e-12);
      expect(t.n).toBeLessThan(15);
    });

    it('the first step with three points is inverse quadratic when it falls well inside the bracket', () => {
      // f = x² − 2 on [1, 2]: f(1) = −1, f(2) = 2; b = 1, c = 2; secant through (2, 2), (1, −1): 1 + 1/3 = 4/3
      const f = (x: number): number => x * x - 2;
      const t = traced({ f, lower: 1, upper: 2 });
      expect(t.xs[2]).toBeCloseTo(4 / 3, 15);
      // f(4/3) = 16/9 − 2 = −2/9; the three points (1, −1), (4/3, −2/9), (2, 2) give the IQI point
      const iqi = inverseQuadratic([
        [1, -1],
        [4 / 3, -2 / 9],
        [2, 2],
      ]);
      expect(Math.abs(iqi - Math.SQRT2)).toBeLessThan(0.01); // inside [4/3, 2] and near √2 = 1.41421…
      expect(t.xs[3]).toBeCloseTo(iqi, 14);
      expect(Math.abs(t.root - Math.SQRT2)).toBeLessThan(1e-12);
    });

    it('a step smaller than the tolerance becomes a step of exactly δ toward the contrapoint', () => {
      // f = x − 1e-13 on [0, 1] with xTolerance 1e-6: the secant step from b = 0 lands on 1e-13, below δ = 1e-6, so
      // Brent moves by δ instead: x = 0 + 1e-6 (f > 0). The bracket is then [0, 1e-6], |m| = 5e-7 ≤ δ: done, and the
      // answer is the end with the smaller |f|: 0 (|f| = 1e-13), not 1e-6 (|f| ≈ 1e-6).
      const t = traced({ f: (x) => x - 1e-13, lower: 0, upper: 1, xTolerance: 1e-6 });
      expect(t.xs).toEqual([0, 1, 1e-6]);
      expect([t.root, t.n]).toEqual([0, 1]);
      // mirrored: f = −(x + 1e-13) on [−1, 0]: the step of δ goes down, to −1e-6
      const m = traced({ f: (x) => -(x + 1e-13), lower: -1, upper: 0, xTolerance: 1e-6 });
      expect(m.xs).toEqual([-1, 0, -1e-6]);
    });
  });

  describe('a root exactly at a bracket end, whatever the sign of the other end', () => {
    it('f(upper) = 0 with f(lower) > 0 is a bracket (f(lower)·f(upper) = 0, not a sign test by division)', () => {
      expect(brentRoot({ f: (x) => 4 - x, lower: 1, upper: 4 })).toMatchObject({ root: 4, iterations: 0 });
      expect(expandBracket({ f: (x) => 1 - x, lower: 0, upper: 1 })).toEqual({
        lower: 0,
        upper: 1,
        fLower: 1,
        fUpper: 0,
      });
    });
  });

  describe("Brent's method against a transcription of Brent's ALGOL 60 procedure zero", () => {
    const cases: [string, (x: number) => number, number, number, number][] = [
      ['x³ − 2', (x) => x ** 3 - 2, 0, 2, 1e-12],
      ["Wallis' x³ − 2x − 5", (x) => x ** 3 - 2 * x - 5, 2, 3, 1e-12],
      ['e^x − 10', (x) => Math.exp(x) - 10, -5, 5, 1e-12],
      ['10 − e^x (decreasing)', (x) => 10 - Math.exp(x), -5, 5, 1e-12],
      ['cos x − x', (x) => Math.cos(x) - x, 0, 1, 1e-14],
      ['x³ (triple root)', (x) => x ** 3, -1, 8, 1e-12],
      ['atan(x − 1e-3), flat far from the root', (x) => Math.atan(x - 1e-3), 0, 100, 1e-12],
      ['steep step tanh(50(x − 0.3))', (x) => Math.tanh(50 * (x - 0.3)), -1, 1, 1e-10],
      ['x⁹ − 1e-9, flat near its root', (x) => x ** 9 - 1e-9, -1, 4, 1e-12],
      ['sign-like (x − 1/3)^(1/3)', (x) => Math.cbrt(x - 1 / 3), -2, 2, 1e-12],
      ['a loose tolerance, (x − 0.7)(x + 3)', (x) => (x - 0.7) * (x + 3), 0, 5, 1e-3],
      ['log(x) on [0.1, 40]', (x) => Math.log(x), 0.1, 40, 1e-12],
      ['a jump from −1 to 1 at 0.3 (|f| ties at every step)', (x) => (x < 0.3 ? -1 : 1), 0, 1, 1e-12],
      [
        'x² − 1/3, a loose tolerance 0.01 (the acceptance test with its −|δq| margin)',
        (x) => x * x - 1 / 3,
        0,
        1,
        1e-2,
      ],
      ['x² − 1/3 to the last bit (xTolerance 0)', (x) => x * x - 1 / 3, 0, 1, 0],
      ['(x − 0.1)⁵ + 1e-3 (x − 0.1), tolerance 1e-3', (x) => (x - 0.1) ** 5 + 1e-3 * (x - 0.1), 0, 1, 1e-3],
    ];
    it.each(cases)('%s: the same x is evaluated at every step', (_name, f, lower, upper, xTolerance) => {
      const t = traced({ f, lower, upper, xTolerance, maxIterations: 500 });
      const reference = brentZeroReference(f, lower, upper, xTolerance, 500);
      expect(t.xs).toEqual(reference.xs);
      expect(t.n).toBe(reference.xs.length - 2);
      expect(t.root).toBe(reference.zero);
    });

    it('fTolerance stops at the first best point with |f| ≤ fTolerance, earlier than the x tolerance', () => {
      const f = (x: number): number => Math.exp(x) - 10;
      for (const fTolerance of [1e-1, 1e-3, 1e-6]) {
        const t = traced({ f, lower: -5, upper: 5, fTolerance, xTolerance: 0 });
        const reference = brentZeroReference(f, -5, 5, 0, 500, fTolerance);
        expect(t.xs).toEqual(reference.xs);
        expect(Math.abs(f(t.root))).toBeLessThanOrEqual(fTolerance);
        expect(t.xs.length).toBeLessThan(brentZeroReference(f, -5, 5, 0, 500).xs.length);
      }
    });

    it('a half-width equal to δ stops (|m| ≤ δ): f = x + 0.5 on [−1, 0] with xTolerance 0.5', () => {
      // b = 0 (|f(0)| = |f(−1)| = 0.5: no swap), c = −1; δ = 2ε·|0| + 0.5 = 0.5 and m = (c − b)/2 = −0.5: done at once
      expect(brentRoot({ f: (x) => x + 0.5, lower: -1, upper: 0, xTolerance: 0.5 })).toEqual({
        root: 0,
        iterations: 0,
        converged: true,
        f_at_root: 0.5,
      });
    });

    it('|f| equal to fTolerance is accepted (≤), at once when it is a bracket end', () => {
      // f = x − 1 on [0, 4]: |f(0)| = 1 ≤ 1, and 0 is the end with the smaller |f|: returned with no evaluation
      expect(brentRoot({ f: (x) => x - 1, lower: 0, upper: 4, fTolerance: 1 })).toEqual({
        root: 0,
        iterations: 0,
        converged: true,
        f_at_root: -1,
      });
    });

    it('the default budget is 100 evaluations: x⁹ on [−1, 8] needs more, so it stops unconverged at 100', () => {
      // x⁹ is very flat around its root: interpolation creeps, and Brent's procedure needs > 100 steps to 1e-12
      const f = (x: number): number => x ** 9;
      const full = brentZeroReference(f, -1, 8, 1e-12, 500);
      expect(full.xs.length - 2).toBeGreaterThan(100);
      const capped = brentRoot({ f, lower: -1, upper: 8 });
      expect([capped.converged, capped.iterations]).toEqual([false, 100]);
      expect(traced({ f, lower: -1, upper: 8 }).xs).toEqual(full.xs.slice(0, 102));
    });

    it('an iteration budget stops after that many evaluations beyond the ends, at the last best point', () => {
      const f = (x: number): number => Math.exp(x) - 10;
      for (const budget of [1, 2, 3, 4]) {
        const t = traced({ f, lower: -5, upper: 5, maxIterations: budget });
        expect(t.xs).toEqual(brentZeroReference(f, -5, 5, 1e-12, budget - 1).xs);
        expect(t.n).toBe(budget);
      }
    });
  });
});

describe('edges', () => {
  /**
   * Bracket expansion step by step (Press et al. 2007, Numerical Recipes §9.1 `zbrac`: move the end with the smaller
   * |f| outward by factor·(width)), its limits and messages, and Brent's stopping rules. Every bracket below is
   * computed by hand from that rule with factor 1.6.
   */
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

    it('a tie in |f| moves the upper end (zbrac moves the lower end only when its |f| is strictly smaller)', () => {
      // f = x² − 1 on [−0.5, 0.5]: f = −0.75 at both ends; b ← 0.5 + 1.6·(0.5 + 0.5) = 2.1, f(2.1) = 3.41 > 0
      const b = expandBracket({ f: (x) => x * x - 1, lower: -0.5, upper: 0.5 });
      expect(b.lower).toBe(-0.5);
      expect(b.upper).toBeCloseTo(2.1, 14);
    });

    it('both ends at the domain limits: no move is possible, it says so at once', () => {
      expect(() => expandBracket({ f: (x) => x + 10, lower: 0, upper: 1, domainMin: 0, domainMax: 1 })).toThrow(
        /after 0 expansions/,
      );
    });

    it('at most 50 steps by default; a bracket needs lower < upper', () => {
      expect(() => expandBracket({ f: (x) => x * x + 1, lower: -1, upper: 1 })).toThrow(/after 50 expansions/);
      expect(() => expandBracket({ f: (x) => x, lower: 1, upper: 1 })).toThrow(
        'bracket needs lower < upper, got [1, 1]',
      );
      expect(() => expandBracket({ f: (x) => x, lower: 2, upper: 1 })).toThrow(
        'bracket needs lower < upper, got [2, 1]',
      );
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
});
