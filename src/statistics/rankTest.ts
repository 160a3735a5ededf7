/**
 * Mann–Whitney U test (Wilcoxon rank-sum test) of two independent samples: is one sample's distribution shifted
 * against the other's? Two-sided.
 * U_x = R_x − n_x(n_x + 1)/2, R_x the sum of the ranks of x in the pooled sample (ties: mid-ranks); U_x counts the
 * pairs (x_i, y_j) with x_i > y_j, ties counting ½. U_x + U_y = n_x·n_y.
 * Mann, H. B. & Whitney, D. R. (1947), "On a test of whether one of two random variables is stochastically larger
 * than the other", Ann. Math. Statist. 18(1):50–60.
 * p-value (two-sided, p = min(1, 2·min(P(U ≤ u), P(U ≥ u)))): exact when there are no ties and n_x, n_y < 50
 * (R's wilcox.test rule), otherwise the normal approximation with continuity and tie corrections (Lehmann,
 * "Nonparametrics", 1975, §1.4); the result states which was used.
 * Assumptions: independent samples; finite values (RangeError otherwise); at least one value per sample.
 * Exact distribution and tie-corrected variance: docs/algorithms.md §"Mann–Whitney U test".
 */
import { erfc } from './normal.js';

export interface RankTest {
  /** U of the first sample: pairs with x > y, ties ½. */
  readonly u: number;
  /** Rank sum of the first sample (R's W = u). */
  readonly rankSum: number;
  readonly nx: number;
  readonly ny: number;
  /** Two-sided p-value. */
  readonly p: number;
  readonly method: 'exact' | 'normal approximation';
  /** The normal approximation's z (with continuity correction), or null when exact. */
  readonly z: number | null;
  readonly ties: boolean;
}

/** Samples below this size (both) and without ties get the exact distribution. */
export const EXACT_LIMIT = 50;

/** Number of rank assignments with U = u for sample sizes m, n, for u = 0 … m·n (Mann & Whitney 1947 recurrence). */
export function uCounts(m: number, n: number): Float64Array {
  // prev[nn][u] for the current mm, built up mm = 0 … m
  let prev: Float64Array[] = Array.from({ length: n + 1 }, () => Float64Array.of(1)); // c(0; 0, nn) = 1
  for (let mm = 1; mm <= m; mm++) {
    const next: Float64Array[] = [Float64Array.of(1)]; // c(u; mm, 0) = [u = 0]
    for (let nn = 1; nn <= n; nn++) {
      const row = new Float64Array(mm * nn + 1);
      const a = prev[nn]!; // c(·; mm − 1, nn): the largest value is one of x
      const b = next[nn - 1]!; // c(·; mm, nn − 1): the largest value is one of y
      for (let u = 0; u < row.length; u++)
        row[u] = (u - nn >= 0 && u - nn < a.length ? a[u - nn]! : 0) + (u < b.length ? b[u]! : 0);
      next.push(row);
    }
    prev = next;
  }
  return prev[n]!;
}

function midRanks(values: readonly number[]): { ranks: number[]; tieTerm: number } {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const ranks = new Array<number>(values.length);
  let tieTerm = 0;
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
    const t = j - i + 1;
    tieTerm += t * t * t - t;
    for (let k = i; k <= j; k++) ranks[order[k]![1]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return { ranks, tieTerm };
}

/** Two-sided Mann–Whitney U test of x against y (see the header for the p-value). */
export function mannWhitneyU(p: Readonly<{ x: readonly number[]; y: readonly number[] }>): RankTest {
  const { x, y } = p;
  const nx = x.length,
    ny = y.length;
  if (nx === 0 || ny === 0) throw new RangeError('mannWhitneyU needs at least one value in each sample');
  if ([...x, ...y].some((v) => !Number.isFinite(v))) throw new RangeError('mannWhitneyU needs finite values');
  const { ranks, tieTerm } = midRanks([...x, ...y]);
  const rankSum = ranks.slice(0, nx).reduce((s, r) => s + r, 0);
  const u = rankSum - (nx * (nx + 1)) / 2;
  const ties = tieTerm > 0;
  if (!ties && nx < EXACT_LIMIT && ny < EXACT_LIMIT) {
    const counts = uCounts(nx, ny);
    let total = 0,
      below = 0,
      above = 0;
    counts.forEach((c, k) => {
      total += c;
      if (k <= u) below += c;
      if (k >= u) above += c;
    });
    return { u, rankSum, nx, ny, p: Math.min(1, (2 * Math.min(below, above)) / total), method: 'exact', z: null, ties };
  }
  const N = nx + ny;
  const mean = (nx * ny) / 2;
  const variance = ((nx * ny) / 12) * (N + 1 - tieTerm / (N * (N - 1)));
  if (!(variance > 0)) return { u, rankSum, nx, ny, p: 1, method: 'normal approximation', z: 0, ties };
  const d = u - mean;
  const z = (d - Math.sign(d) * Math.min(0.5, Math.abs(d))) / Math.sqrt(variance);
  // two-sided: 2·(1 − Φ(|z|)) = erfc(|z|/√2)
  return {
    u,
    rankSum,
    nx,
    ny,
    p: Math.min(1, erfc(Math.abs(z) / Math.SQRT2)),
    method: 'normal approximation',
    z,
    ties,
  };
}
