/**
 * Sampling of the unit hypercube and mapping to input values.
 * - Latin hypercube sampling: McKay, Beckman & Conover (1979), "A comparison of three methods for selecting values
 *   of input variables in the analysis of output from a computer code", Technometrics 21(2):239–245, §2.3:
 *   x_ij = (π_j(i) + U_ij)/n, π_j an independent uniformly random permutation (Fisher–Yates, Knuth TAOCP vol. 2
 *   §3.4.2 algorithm P), U_ij uniform jitter. Unbiased for the mean; variance never worse than plain Monte Carlo
 *   for outputs monotone in each input (McKay et al. 1979, theorem 1).
 * - Plain Monte Carlo: independent uniforms.
 * - Inverse-transform mapping x = F⁻¹(u) through `quantile` (./distributions.ts); inputs are independent.
 * Unit values lie in [2⁻⁵³, 1 − 2⁻⁵³] ⊂ (0, 1), so every quantile is finite. The output is a pure function of
 * (n, d, the Rng state); rows are `number[][]`, one per sample.
 * Representation and draw order: docs/algorithms.md §"Sampling".
 */
import type { Rng } from '../base/rng.js';
import { quantile, type Distribution } from './distributions.js';

const EPS = 2 ** -53;
const open = (u: number): number => Math.min(1 - EPS, Math.max(EPS, u));

/** Sample size n (rows) and dimension d (columns), drawn from `rng`. */
export interface UnitSampleParams {
  readonly n: number;
  readonly d: number;
  readonly rng: Rng;
}

function checkSize(n: number, d: number): void {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`sample size n must be an integer >= 1, got ${n}`);
  if (!Number.isInteger(d) || d < 1) throw new RangeError(`dimension d must be an integer >= 1, got ${d}`);
}

/** Latin hypercube sample: n rows × d columns in (0, 1), one sample per stratum [k/n, (k+1)/n) in every column. */
export function latinHypercube(p: Readonly<UnitSampleParams>): number[][] {
  const { n, d, rng } = p;
  checkSize(n, d);
  const rows = Array.from({ length: n }, () => new Array<number>(d).fill(0));
  const perm = new Int32Array(n);
  for (let j = 0; j < d; j++) {
    for (let i = 0; i < n; i++) perm[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const k = rng.int(i + 1);
      const t = perm[i]!;
      perm[i] = perm[k]!;
      perm[k] = t;
    }
    for (let i = 0; i < n; i++) rows[i]![j] = open((perm[i]! + rng.next()) / n);
  }
  return rows;
}

/** Plain Monte Carlo sample: n rows × d columns of independent uniforms in (0, 1). */
export function monteCarlo(p: Readonly<UnitSampleParams>): number[][] {
  const { n, d, rng } = p;
  checkSize(n, d);
  return Array.from({ length: n }, () => Array.from({ length: d }, () => open(rng.next())));
}

export type SamplingMethod = 'lhs' | 'mc';

/** Unit sample by `method` ('lhs' = Latin hypercube, 'mc' = plain Monte Carlo). */
export function unitSample(p: Readonly<UnitSampleParams & { method: SamplingMethod }>): number[][] {
  return p.method === 'lhs' ? latinHypercube(p) : monteCarlo(p);
}

/** Maps unit rows to input values, column j through `quantile(distributions[j], ·)`. */
export function toInputs(
  p: Readonly<{ unit: readonly (readonly number[])[]; distributions: readonly Distribution[] }>,
): number[][] {
  const { unit, distributions } = p;
  return unit.map((row, i) => {
    if (row.length !== distributions.length) {
      throw new RangeError(
        `unit row ${i} has ${row.length} columns but there are ${distributions.length} distributions`,
      );
    }
    return row.map((u, j) => quantile(distributions[j]!, u));
  });
}

/** n input vectors drawn from independent `distributions` (default Latin hypercube). */
export function sampleInputs(
  p: Readonly<{ n: number; distributions: readonly Distribution[]; rng: Rng; method?: SamplingMethod }>,
): number[][] {
  const unit = unitSample({ n: p.n, d: p.distributions.length, rng: p.rng, method: p.method ?? 'lhs' });
  return toInputs({ unit, distributions: p.distributions });
}
