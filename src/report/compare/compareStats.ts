/**
 * What lets `odc compare` tell a real difference between fronts from noise:
 *
 * - Dominance with a tolerance ε (normalized units: a fraction of each objective's range over the union of the
 *   fronts). A design b counts as dominated by another run's design a when a is no worse in every objective and
 *   better by at least ε in one: a ≤ b and a_j ≤ b_j − ε for some j. With ε = 0 this is Pareto dominance. Two fronts
 *   equal to within a few 0.01 % then both read ~100 % "not dominated", where plain dominance gives 0 % to whichever
 *   is a hair behind. Computed as plain dominance of m shifted copies of b (b − ε·e_j, j = 1…m) through first fronts
 *   (src/optimize/pareto/dominatedBy.ts), so large fronts stay fast.
 * - Groups of runs (e.g. seeds of two settings): each indicator's mean, sample standard deviation (divisor n − 1),
 *   min and max per side, and a two-sided Mann–Whitney U test between the sides (src/statistics/rankTest.ts: exact
 *   without ties below 50 runs per side, else the normal approximation, stated). A rank test on n runs per side
 *   cannot reach any p below 2/C(2n, n) (n = 3: 0.1), which the output states, so "no significant difference" is
 *   not mistaken for "equal" when too few seeds were run.
 */
import { maxOf, minOf } from '../../base/arrays.js';
import { mannWhitneyU, type RankTest } from '../../statistics/rankTest.js';
import { StudyError } from '../../base/errors.js';
import { dominatedByMask } from '../../optimize/pareto/dominatedBy.js';

/** Default dominance tolerance: 0.1 % of each objective's normalized range. */
export const DEFAULT_COMPARE_EPSILON = 1e-3;
/** Largest tolerance accepted (10 % of the range would hide real differences). */
export const MAX_COMPARE_EPSILON = 0.1;
/** Significance level of the verdicts. */
export const COMPARE_ALPHA = 0.05;

/** The tolerance, or BAD_ARGUMENT naming --epsilon and the fix. */
export function checkEpsilon(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > MAX_COMPARE_EPSILON) {
    throw new StudyError(
      'BAD_ARGUMENT',
      `--epsilon ${String(value)}: must be a number from 0 to ${MAX_COMPARE_EPSILON} ` +
        "(a fraction of each objective's normalized range; " +
        `default ${DEFAULT_COMPARE_EPSILON}, 0 for plain Pareto dominance), e.g. --epsilon 1e-3`,
      { field: 'epsilon' },
    );
  }
  return value;
}

/** result[i] = 1 when some row of B dominates row i of A by at least `eps` in one objective (see the header). */
export function epsilonDominatedMask(
  A: Float64Array,
  nA: number,
  B: Float64Array,
  nB: number,
  m: number,
  eps: number,
): Uint8Array {
  if (eps === 0) return dominatedByMask(A, nA, B, nB, m);
  const shifted = new Float64Array(nA * m * m);
  for (let j = 0; j < m; j++) {
    for (let i = 0; i < nA; i++) {
      const at = (j * nA + i) * m;
      for (let k = 0; k < m; k++) shifted[at + k] = A[i * m + k]!;
      shifted[at + j] = A[i * m + j]! - eps;
    }
  }
  const hits = dominatedByMask(shifted, nA * m, B, nB, m);
  const out = new Uint8Array(nA);
  for (let r = 0; r < nA * m; r++) if (hits[r] === 1) out[r % nA] = 1;
  return out;
}

export interface Spread {
  readonly n: number;
  readonly mean: number;
  /** Sample standard deviation (n − 1); 0 for one run. */
  readonly sd: number;
  readonly min: number;
  readonly max: number;
}

export function spread(values: readonly number[]): Spread {
  const n = values.length;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const sd = n > 1 ? Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1)) : 0;
  return { n, mean, sd, min: minOf(values), max: maxOf(values) };
}

export interface IndicatorComparison {
  readonly indicator: string;
  /** Which direction is better, for the verdict. */
  readonly better: 'higher' | 'lower';
  readonly a: Spread;
  readonly b: Spread;
  readonly test: RankTest;
  /** Smallest two-sided p any outcome could give with these sample sizes (exact test): 2/C(nA + nB, nA). */
  readonly minimumP: number;
  readonly verdict: string;
}

/** 2/C(n1 + n2, n1), capped at 1. */
export function minimumTwoSidedP(n1: number, n2: number): number {
  let c = 1;
  for (let k = 1; k <= n1; k++) c = (c * (n2 + k)) / k;
  return Math.min(1, 2 / c);
}

/** One indicator's spread per side and the rank test between them, with a verdict in words. */
export function compareIndicator(
  indicator: string,
  better: 'higher' | 'lower',
  a: readonly number[],
  b: readonly number[],
): IndicatorComparison {
  const finiteA = a.filter(Number.isFinite),
    finiteB = b.filter(Number.isFinite);
  const test = mannWhitneyU({ x: finiteA.length ? finiteA : [0], y: finiteB.length ? finiteB : [0] });
  const minimumP = minimumTwoSidedP(finiteA.length, finiteB.length);
  const [sa, sb] = [spread(a), spread(b)];
  let verdict: string;
  if (test.p < COMPARE_ALPHA) {
    // U of A counts pairs with a > b: above half the pairs, A's values tend to be higher
    const aHigher = test.u > (test.nx * test.ny) / 2;
    const winner = (better === 'higher') === aHigher ? 'A' : 'B';
    verdict = `${winner} better (p = ${fmtP(test.p)} < ${COMPARE_ALPHA})`;
  } else if (minimumP >= COMPARE_ALPHA) {
    verdict =
      `cannot tell: with ${finiteA.length} and ${finiteB.length} runs no outcome reaches p < ${COMPARE_ALPHA} ` +
      `(smallest possible p = ${fmtP(minimumP)}); run more seeds per side`;
  } else {
    verdict = `no significant difference (p = ${fmtP(test.p)})`;
  }
  return { indicator, better, a: sa, b: sb, test, minimumP, verdict };
}

export const fmtP = (p: number): string => (p >= 0.001 ? p.toFixed(3) : p.toExponential(1));

const num = (x: number): string => (Number.isFinite(x) ? x.toFixed(4) : '∞');

/** Table of the group comparison (headers, rows) for the HTML and Markdown writers. */
export function groupTable(rows: readonly IndicatorComparison[]): { headers: string[]; rows: string[][] } {
  return {
    headers: [
      'indicator',
      'better',
      'A mean ± sd',
      'A min – max',
      'B mean ± sd',
      'B min – max',
      'U [-]',
      'p (two-sided)',
      'test',
      'verdict',
    ],
    rows: rows.map((c) => [
      c.indicator,
      c.better,
      `${num(c.a.mean)} ± ${num(c.a.sd)}`,
      `${num(c.a.min)} – ${num(c.a.max)}`,
      `${num(c.b.mean)} ± ${num(c.b.sd)}`,
      `${num(c.b.min)} – ${num(c.b.max)}`,
      String(c.test.u),
      fmtP(c.test.p),
      c.test.method === 'exact' ? 'exact' : 'normal approx. (ties or ≥ 50 runs)',
      c.verdict,
    ]),
  };
}

export const GROUP_METHOD =
  'Runs before --vs are side A, runs after it side B (e.g. seeds of two settings), all on the one normalization above. ' +
  'Per indicator: mean ± sample standard deviation, min – max per side, and the two-sided Mann–Whitney U test (Mann & Whitney 1947; ' +
  'exact null distribution without ties below 50 runs per side, else the normal approximation with tie and continuity corrections; ' +
  `Hollander & Wolfe 1973, §4.1). U counts the pairs in which A's value is the higher. Verdicts at α = ${COMPARE_ALPHA}; ` +
  '"no significant difference" is not proof of equality, and with few runs per side no outcome can be significant (stated).';
