/**
 * Parameter importance from given data: the first-order variance share of each input, estimated from the evaluations
 * a run already made (no new model runs), by partitioning each input into bins.
 * Method: S_i = Var(E[Y | X_i]) / Var(Y) (Sobol' 1993; Saltelli et al., "Global Sensitivity Analysis: The Primer",
 * Wiley 2008, §4.1), given-data estimator of Plischke, Borgonovo, Smith, "Global sensitivity measures from given
 * data", Eur. J. Oper. Res. 226(3), 536-550, 2013, §3: rows sorted by X_i, cut into B = min(MAX_BINS, ⌈√n⌉) bins of
 * equal count; the index is Kelley's ε² = 1 − (SS_within / (n − B)) / (SS_total / (n − 1)) (T. L. Kelley, "An
 * unbiased correlation ratio measure", PNAS 21(9), 554-559, 1935), floored at 0. (docs/sources.md §17.)
 * Validity: first order only; the indices describe the designs the run evaluated, not the whole design space;
 * effects faster than a bin width are underestimated.
 * Correlated inputs (an optimizer's designs couple them) each take credit for the same variance, so the indices can sum
 * past 1 (2.97 in a flagship run): an index is not a share of the variance. `relativeImportance` gives each input's
 * part of their sum instead (sums to 1), which ranks them the same and cannot be read as a variance share.
 * Pure: columns in, indices out; rows whose output or input is not finite are left out of that input's index. The
 * outputs are divided by their largest magnitude before any sum (the indices are ratios of sums of squares, so they do
 * not change): outputs near the largest double (1e308) give indices, not Infinity − Infinity = NaN.
 * Estimator and what it does not measure: docs/algorithms.md §"Parameter importance".
 */

/** Most bins per input (n rows: ⌈√n⌉ up to this). */
export const MAX_BINS = 50;

export interface ImportanceIndex {
  /** Position of the input in the columns given. */
  readonly input: number;
  /** Kelley's ε² (≥ 0): the first-order index (a variance share only for independent inputs), debiased. */
  readonly index: number;
  /** Pearson's η², not debiased. */
  readonly eta2: number;
  /** Bins used (distinct values when there are few). */
  readonly bins: number;
  /** Rows used (finite input and output). */
  readonly rows: number;
}

/** Bin of each row (indexed by row) for equal-count bins of the rows' sorted values, equal values in one bin. */
function equalCountBins(x: Float64Array, rows: Int32Array, bins: number): { bin: Int32Array; count: number } {
  const order = Int32Array.from(rows).sort((a, b) => x[a]! - x[b]! || a - b);
  const n = order.length;
  const bin = new Int32Array(x.length);
  let current = -1;
  let last = NaN;
  let used = 0;
  for (let k = 0; k < n; k++) {
    const r = order[k]!;
    const v = x[r]!;
    // a new bin starts at the first row of its quantile, never inside a run of equal values
    const target = Math.floor((k * bins) / n);
    if (v !== last && target > current) {
      current = target;
      used++;
    }
    last = v;
    bin[r] = used - 1;
  }
  return { bin, count: used };
}

/** First-order index of one input: ε² and η² from the between-bin sum of squares. */
function inputIndex(x: Float64Array, y: Float64Array, input: number): ImportanceIndex {
  const rows: number[] = [];
  for (let i = 0; i < y.length; i++) if (Number.isFinite(y[i]!) && Number.isFinite(x[i]!)) rows.push(i);
  const n = rows.length;
  const none = { input, index: 0, eta2: 0, bins: 0, rows: n };
  if (n < 3) return none;
  const rowIdx = Int32Array.from(rows);
  const { bin, count: B } = equalCountBins(x, rowIdx, Math.min(MAX_BINS, Math.ceil(Math.sqrt(n))));
  let scale = 0;
  for (const r of rows) scale = Math.max(scale, Math.abs(y[r]!));
  if (!(scale > 0)) return { ...none, bins: B };
  // y / scale in [−1, 1]: no sum below passes n (header)
  let mean = 0;
  for (const r of rows) mean += y[r]! / scale;
  mean /= n;
  const sum = new Float64Array(B);
  const cnt = new Float64Array(B);
  let ssTotal = 0;
  for (const r of rows) {
    const b = bin[r]!;
    const v = y[r]! / scale;
    sum[b] = sum[b]! + v;
    cnt[b] = cnt[b]! + 1;
    ssTotal += (v - mean) ** 2;
  }
  if (!(ssTotal > 0) || B < 2) return { ...none, bins: B };
  let ssBetween = 0;
  for (let b = 0; b < B; b++) if (cnt[b]! > 0) ssBetween += cnt[b]! * (sum[b]! / cnt[b]! - mean) ** 2;
  const eta2 = Math.min(1, ssBetween / ssTotal);
  const eps2 = n > B ? 1 - (ssTotal - ssBetween) / (n - B) / (ssTotal / (n - 1)) : eta2;
  return { input, index: Math.max(0, Math.min(1, eps2)), eta2, bins: B, rows: n };
}

/** Every input's first-order index on the output, ranked (largest first; ties by input position). */
export function firstOrderImportance(inputs: readonly Float64Array[], output: Float64Array): ImportanceIndex[] {
  return inputs.map((x, k) => inputIndex(x, output, k)).sort((a, b) => b.index - a.index || a.input - b.input);
}

/** Each index's part of their sum (sums to 1; all 0 when all are 0): relative importance, not a variance share. */
export function relativeImportance(indices: readonly number[]): number[] {
  const sum = indices.reduce((a, b) => a + b, 0);
  return indices.map((v) => (sum > 0 ? v / sum : 0));
}
