/**
 * Variance-based global sensitivity: Sobol' first-order and total indices.
 * Method: Sobol' (1993), "Sensitivity estimates for nonlinear mathematical models", Math. Modelling Comput.
 * Experiment 1:407–414: S_i = V(E[Y|X_i])/V(Y) (first order), S_Ti = E(V(Y|X_~i))/V(Y) (total). Scheme and
 * estimators from Saltelli, Annoni, Azzini, Campolongo, Ratto & Tarantola (2010), "Variance based sensitivity
 * analysis of model output. Design and estimator for the total sensitivity index", Comput. Phys. Commun.
 * 181:259–270, §3 and Table 2: A, B two n × d samples, A_B^(i) = A with column i from B, N = n(d + 2) model runs;
 * V_i = (1/n) Σ_j f(B)_j (f(A_B^(i))_j − f(A)_j) (Table 2 (b)); V_Ti = (1/2n) Σ_j (f(A)_j − f(A_B^(i))_j)² (Table
 * 2 (f), Jansen 1999). Confidence intervals: percentile bootstrap over the n row-tuples (Efron & Tibshirani 1993).
 * Validity: independent inputs; finite output variance. Sampling error ∝ 1/√n.
 * Two-step API, so the caller can evaluate the rows in parallel: `saltelliDesign` → evaluate every row →
 * `splitSaltelliOutputs` → `sobolIndices`. `sobolFromModel` does all of it serially.
 * Estimator details, bootstrap and accuracy: docs/algorithms.md §"Sobol' indices".
 */
import type { Rng } from '../base/rng.js';
import type { Distribution } from './distributions.js';
import { toInputs, unitSample, type SamplingMethod } from './sampling.js';
import { sortedQuantile } from './statistics.js';

export interface SaltelliDesign {
  readonly n: number;
  readonly d: number;
  /** n(d + 2) unit rows in (0, 1)^d, in the order A (n rows), B (n rows), A_B^(1) … A_B^(d) (n rows each). */
  readonly rows: readonly (readonly number[])[];
}

/** The Saltelli (2010) design in unit space; map it with `toInputs` and evaluate every row. */
export function saltelliDesign(
  p: Readonly<{ n: number; d: number; rng: Rng; method?: SamplingMethod }>,
): SaltelliDesign {
  const method = p.method ?? 'lhs';
  const a = unitSample({ n: p.n, d: p.d, rng: p.rng, method });
  const b = unitSample({ n: p.n, d: p.d, rng: p.rng, method });
  const ab: number[][] = [];
  for (let i = 0; i < p.d; i++) for (let j = 0; j < p.n; j++) ab.push(a[j]!.map((x, k) => (k === i ? b[j]![k]! : x)));
  return { n: p.n, d: p.d, rows: [...a, ...b, ...ab] };
}

export interface SaltelliOutputs {
  readonly yA: readonly number[];
  readonly yB: readonly number[];
  /** yAB[i][j] = f(A_B^(i))_j. */
  readonly yAB: readonly (readonly number[])[];
}

/** Splits outputs y (one per design row, in design order) into f(A), f(B), f(A_B^(i)). */
export function splitSaltelliOutputs(p: Readonly<{ n: number; d: number; y: readonly number[] }>): SaltelliOutputs {
  const { n, d, y } = p;
  if (y.length !== n * (d + 2)) throw new RangeError(`expected n(d + 2) = ${n * (d + 2)} outputs, got ${y.length}`);
  return {
    yA: y.slice(0, n),
    yB: y.slice(n, 2 * n),
    yAB: Array.from({ length: d }, (_, i) => y.slice((2 + i) * n, (3 + i) * n)),
  };
}

export interface SobolIndex {
  /** Column of the input in the design. */
  readonly input: number;
  readonly first: number;
  readonly firstLow: number;
  readonly firstHigh: number;
  readonly total: number;
  readonly totalLow: number;
  readonly totalHigh: number;
}

export interface SobolResult {
  readonly n: number;
  /** V(Y) in the output's unit squared. */
  readonly variance: number;
  readonly confidence: number;
  readonly resamples: number;
  readonly indices: readonly SobolIndex[];
}

/** Point estimates of S_i and S_Ti over the rows `idx` (the identity or a bootstrap resample). */
function estimate(
  o: SaltelliOutputs,
  idx: Int32Array,
  first: Float64Array,
  total: Float64Array,
  offset: number,
): number {
  const n = idx.length;
  let sum = 0;
  for (let k = 0; k < n; k++) sum += o.yA[idx[k]!]! + o.yB[idx[k]!]!;
  const m = sum / (2 * n);
  let ss = 0;
  for (let k = 0; k < n; k++) ss += (o.yA[idx[k]!]! - m) ** 2 + (o.yB[idx[k]!]! - m) ** 2;
  const v = ss / (2 * n);
  o.yAB.forEach((yi, i) => {
    let sf = 0;
    let st = 0;
    for (let k = 0; k < n; k++) {
      const j = idx[k]!;
      const diff = yi[j]! - o.yA[j]!;
      sf += (o.yB[j]! - m) * diff;
      st += diff * diff;
    }
    first[offset + i] = v > 0 ? sf / n / v : 0;
    total[offset + i] = v > 0 ? st / (2 * n) / v : 0;
  });
  return v;
}

/**
 * First-order and total Sobol' indices with percentile-bootstrap intervals (default 1000 resamples, 95 %).
 * A constant output (V(Y) = 0) gives all indices 0.
 */
export function sobolIndices(
  p: Readonly<SaltelliOutputs & { rng: Rng; resamples?: number; confidence?: number }>,
): SobolResult {
  const n = p.yA.length;
  const d = p.yAB.length;
  const resamples = p.resamples ?? 1000;
  const confidence = p.confidence ?? 0.95;
  if (n < 2 || d < 1) throw new RangeError(`need n >= 2 rows and d >= 1 inputs, got n = ${n}, d = ${d}`);
  if (!Number.isInteger(resamples) || resamples < 1)
    throw new RangeError(`resamples must be an integer >= 1, got ${resamples}`);
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be in (0, 1), got ${confidence}`);
  for (const [name, ys] of [['yA', p.yA], ['yB', p.yB], ...p.yAB.map((y, i) => [`yAB[${i}]`, y] as const)] as const) {
    if (ys.length !== n) throw new RangeError(`${name} has ${ys.length} outputs, expected n = ${n}`);
    const bad = ys.findIndex((y) => !Number.isFinite(y));
    if (bad >= 0)
      throw new RangeError(`${name}[${bad}] is ${ys[bad]}: Sobol' indices need a finite output for every row`);
  }
  const idx = Int32Array.from({ length: n }, (_, k) => k);
  const first = new Float64Array(d);
  const total = new Float64Array(d);
  const variance = estimate(p, idx, first, total, 0);
  const bootFirst = new Float64Array(resamples * d);
  const bootTotal = new Float64Array(resamples * d);
  for (let r = 0; r < resamples; r++) {
    for (let k = 0; k < n; k++) idx[k] = p.rng.int(n);
    estimate(p, idx, bootFirst, bootTotal, r * d);
  }
  const interval = (boot: Float64Array, i: number): [number, number] => {
    const s = Float64Array.from({ length: resamples }, (_, r) => boot[r * d + i]!).sort();
    return [sortedQuantile(s, (1 - confidence) / 2), sortedQuantile(s, (1 + confidence) / 2)];
  };
  const indices = Array.from({ length: d }, (_, i): SobolIndex => {
    const [firstLow, firstHigh] = interval(bootFirst, i);
    const [totalLow, totalHigh] = interval(bootTotal, i);
    return { input: i, first: first[i]!, firstLow, firstHigh, total: total[i]!, totalLow, totalHigh };
  });
  return { n, variance, confidence, resamples, indices };
}

/** Design, serial evaluation of `model` on inputs drawn from `distributions`, and indices, in one call. */
export function sobolFromModel(
  p: Readonly<{
    model: (inputs: readonly number[]) => number;
    distributions: readonly Distribution[];
    n: number;
    rng: Rng;
    method?: SamplingMethod;
    resamples?: number;
    confidence?: number;
  }>,
): SobolResult {
  const d = p.distributions.length;
  const design = saltelliDesign({ n: p.n, d, rng: p.rng, ...(p.method === undefined ? {} : { method: p.method }) });
  const y = toInputs({ unit: design.rows, distributions: p.distributions }).map((x) => p.model(x));
  return sobolIndices({
    ...splitSaltelliOutputs({ n: p.n, d, y }),
    rng: p.rng,
    ...(p.resamples === undefined ? {} : { resamples: p.resamples }),
    ...(p.confidence === undefined ? {} : { confidence: p.confidence }),
  });
}

/** Indices sorted by total index, most influential first (ties keep input order). */
export const rankByTotal = (p: Readonly<{ result: SobolResult }>): SobolIndex[] =>
  [...p.result.indices].sort((a, b) => b.total - a.total || a.input - b.input);
