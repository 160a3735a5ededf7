/**
 * Scalar root finding: Brent's method and a bracket-expansion helper.
 *
 * - `brentRoot`: Brent, R. P. (1973), "Algorithms for Minimization without Derivatives", Prentice-Hall, ch. 4
 *   (procedure `zero`, §4.6): bisection safeguarding secant / inverse quadratic interpolation. On a bracket
 *   [a, b] with f(a)·f(b) ≤ 0 and f continuous it always converges, in at most about (log₂((b − a)/δ))² evaluations,
 *   usually superlinearly. Stops when the bracket half-width ≤ δ = 2ε|x| + xTolerance (Brent's tolerance, ε the
 *   machine epsilon), when |f(x)| ≤ fTolerance, or when f(x) = 0 exactly.
 * - `expandBracket`: geometric outward expansion of the side with the smaller |f| (Press, Teukolsky, Vetterling
 *   & Flannery (2007), "Numerical Recipes", 3rd ed., §9.1, `zbrac`, factor 1.6), optionally kept inside
 *   [domainMin, domainMax].
 *
 * Assumptions: f is continuous on the bracket and returns a number; NaN from f throws RangeError. A bracket
 * without a sign change (after expansion, when requested) throws RangeError: a programming or modelling error,
 * not a user error, so not a StudyError. Units: x and f keep the caller's units; tolerances are in those units.
 */

export interface BracketExpansion {
  /** Growth factor of the moved side per step (default 1.6). */
  readonly factor?: number;
  /** Maximum number of expansion steps (default 50). */
  readonly maxSteps?: number;
  /** The bracket never goes below this (default −∞). */
  readonly domainMin?: number;
  /** The bracket never goes above this (default +∞). */
  readonly domainMax?: number;
}

export interface Bracket {
  readonly lower: number;
  readonly upper: number;
  readonly fLower: number;
  readonly fUpper: number;
}

const evaluate = (f: (x: number) => number, x: number): number => {
  const y = f(x);
  if (Number.isNaN(y)) throw new RangeError(`f returned NaN at x = ${x}`);
  return y;
};

const noSignChange = (lo: number, hi: number, flo: number, fhi: number, extra: string): RangeError =>
  new RangeError(
    `no sign change of f in [${lo}, ${hi}] (f = ${flo}, ${fhi})${extra}: there may be no root, or an even number of roots, in it`,
  );

/** Widens [lower, upper] until f changes sign on it; throws RangeError if it does not within `maxSteps`. */
export function expandBracket(
  p: Readonly<{ f: (x: number) => number; lower: number; upper: number } & BracketExpansion>,
): Bracket {
  const factor = p.factor ?? 1.6;
  const maxSteps = p.maxSteps ?? 50;
  const dMin = p.domainMin ?? -Infinity;
  const dMax = p.domainMax ?? Infinity;
  if (!(p.lower < p.upper)) throw new RangeError(`bracket needs lower < upper, got [${p.lower}, ${p.upper}]`);
  let [a, b] = [Math.max(dMin, p.lower), Math.min(dMax, p.upper)];
  let [fa, fb] = [evaluate(p.f, a), evaluate(p.f, b)];
  for (let step = 0; fa * fb > 0; step++) {
    const canLower = a > dMin;
    const canUpper = b < dMax;
    if (step >= maxSteps || (!canLower && !canUpper)) throw noSignChange(a, b, fa, fb, ` after ${step} expansions`);
    if ((Math.abs(fa) < Math.abs(fb) && canLower) || !canUpper) {
      a = Math.max(dMin, a + factor * (a - b));
      fa = evaluate(p.f, a);
    } else {
      b = Math.min(dMax, b + factor * (b - a));
      fb = evaluate(p.f, b);
    }
  }
  return { lower: a, upper: b, fLower: fa, fUpper: fb };
}

export interface RootResult {
  readonly root: number;
  /** Function evaluations after the two at the bracket ends. */
  readonly iterations: number;
  /** False when `maxIterations` ran out first; `root` is then the best point so far. */
  readonly converged: boolean;
  readonly f_at_root: number;
}

export interface BrentParams {
  readonly f: (x: number) => number;
  readonly lower: number;
  readonly upper: number;
  /** Absolute tolerance on x, in x's unit (default 1e-12); Brent's δ adds 2ε|x|. */
  readonly xTolerance?: number;
  /** Stop as soon as |f(x)| ≤ this, in f's unit (default 0: only the x tolerance or an exact zero). */
  readonly fTolerance?: number;
  /** Default 100. */
  readonly maxIterations?: number;
  /** When given, the bracket is widened by `expandBracket` if f does not change sign on it. */
  readonly expand?: BracketExpansion;
}

/** The bracket Brent's method starts from: [lower, upper], widened when `expand` is given; f must change sign on it. */
function startBracket(p: Readonly<BrentParams>): { lower: number; upper: number; fLower: number; fUpper: number } {
  if (p.expand !== undefined) return expandBracket({ f: p.f, lower: p.lower, upper: p.upper, ...p.expand });
  const [a, b, fa, fb] = [p.lower, p.upper, evaluate(p.f, p.lower), evaluate(p.f, p.upper)];
  if (fa * fb > 0) throw noSignChange(a, b, fa, fb, ' (pass `expand` to search wider)');
  return { lower: a, upper: b, fLower: fa, fUpper: fb };
}

/** Root of f on [lower, upper] by Brent's method (Brent 1973, ch. 4). */
export function brentRoot(p: Readonly<BrentParams>): RootResult {
  const t = p.xTolerance ?? 1e-12;
  const fTol = p.fTolerance ?? 0;
  const maxIterations = p.maxIterations ?? 100;
  if (!(p.lower < p.upper)) throw new RangeError(`bracket needs lower < upper, got [${p.lower}, ${p.upper}]`);
  let { lower: a, upper: b, fLower: fa, fUpper: fb } = startBracket(p);
  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  for (let iterations = 0; ; iterations++) {
    if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
      [c, fc] = [a, fa];
      d = e = b - a;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      [a, b, c] = [b, c, b];
      [fa, fb, fc] = [fb, fc, fb];
    }
    const tol = 2 * Number.EPSILON * Math.abs(b) + t;
    const m = 0.5 * (c - b);
    if (Math.abs(m) <= tol || fb === 0 || Math.abs(fb) <= fTol)
      return { root: b, iterations, converged: true, f_at_root: fb };
    if (iterations >= maxIterations) return { root: b, iterations, converged: false, f_at_root: fb };
    if (Math.abs(e) < tol || Math.abs(fa) <= Math.abs(fb)) {
      d = e = m; // bisection
    } else {
      let s = fb / fa;
      let pp: number;
      let q: number;
      if (a === c) {
        pp = 2 * m * s; // secant
        q = 1 - s;
      } else {
        const qq = fa / fc; // inverse quadratic interpolation
        const r = fb / fc;
        pp = s * (2 * m * qq * (qq - r) - (b - a) * (r - 1));
        q = (qq - 1) * (r - 1) * (s - 1);
      }
      if (pp > 0) q = -q;
      else pp = -pp;
      s = e;
      e = d;
      if (2 * pp < 3 * m * q - Math.abs(tol * q) && pp < Math.abs(0.5 * s * q)) {
        d = pp / q;
      } else {
        d = e = m;
      }
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol ? d : m > 0 ? tol : -tol;
    fb = evaluate(p.f, b);
  }
}
