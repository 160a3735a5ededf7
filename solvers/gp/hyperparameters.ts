/**
 * GP hyperparameters by maximum marginal likelihood (Rasmussen & Williams 2006, §5.4.1): θ = (log ℓ_1 … log ℓ_d,
 * log σ², log σn²) maximizes log p(y | X, θ), whose gradient is
 *   ∂/∂θ_j log p = ½ tr((ααᵀ − K⁻¹) ∂K/∂θ_j)   (R&W eq. 5.9),
 * with ∂K/∂log σ² = K_signal, ∂K/∂log σn² = σn² I and ∂K/∂log ℓ_j from kernel.ts. The search: projected gradient
 * ascent on the log-parameters inside fixed bounds (Armijo backtracking line search, step halved until the likelihood
 * rises by 1e-4 × the step times the squared gradient norm, at most 60 iterations or until the step falls below
 * 1e-6), from several starts: the previous optimum when one is given (else the centre of the bounds), and points drawn
 * uniformly in the bounds by the seeded Rng. The best optimum found is returned. Targets are standardized before.
 * Bounds (inputs in [0, 1], standardized targets): ℓ ∈ [0.01, 20], σ² ∈ [0.05, 20], σn² ∈ [1e-6, 0.1] (a noise-free
 * problem gets the floor 1e-6, which also keeps the kernel matrix well conditioned).
 * The likelihood's Cholesky factorization, solve and K⁻¹ are typed-array kernels here, not ml-matrix's (measured
 * there): the factorization in ml-matrix's operation order, so the likelihood's factor equals the GP's (gp.ts) to the
 * last bit.
 */
import type { Rng } from '../../src/base/rng.js';
import { meanSd, withJitter, type GpHyperparameters } from './gp.js';
import { inverseSquares, scaledDistance2, SQRT5 } from './kernel.js';

export const LOG_BOUNDS = {
  lengthScale: [Math.log(0.01), Math.log(20)],
  signalVariance: [Math.log(0.05), Math.log(20)],
  noiseVariance: [Math.log(1e-6), Math.log(0.1)],
} as const;

const MAX_ITERATIONS = 60;
const MIN_STEP = 1e-6;
const ARMIJO = 1e-4;

export interface FitOptions {
  /** Random starts besides the bounds' centre and the previous optimum. */
  readonly randomStarts: number;
  /** Previous optimum (warm start), in the same dimension. */
  readonly previous?: GpHyperparameters;
  /** Iteration cap per start (default 60). */
  readonly iterations?: number;
}

function bounds(d: number): { lo: Float64Array; hi: Float64Array } {
  const lo = new Float64Array(d + 2);
  const hi = new Float64Array(d + 2);
  for (let j = 0; j < d; j++) {
    lo[j] = LOG_BOUNDS.lengthScale[0];
    hi[j] = LOG_BOUNDS.lengthScale[1];
  }
  [lo[d], hi[d]] = LOG_BOUNDS.signalVariance;
  [lo[d + 1], hi[d + 1]] = LOG_BOUNDS.noiseVariance;
  return { lo, hi };
}

export function toHyper(theta: Float64Array): GpHyperparameters {
  const d = theta.length - 2;
  return {
    lengthScales: theta.slice(0, d).map(Math.exp),
    signalVariance: Math.exp(theta[d]!),
    noiseVariance: Math.exp(theta[d + 1]!),
  };
}

function toTheta(h: GpHyperparameters): Float64Array {
  const d = h.lengthScales.length;
  const t = new Float64Array(d + 2);
  for (let j = 0; j < d; j++) t[j] = Math.log(h.lengthScales[j]!);
  t[d] = Math.log(h.signalVariance);
  t[d + 1] = Math.log(h.noiseVariance);
  return t;
}

/**
 * Lower Cholesky factor of A + shift I (A row-major n×n, symmetric) into L (row-major, upper part zeroed), in the
 * operation order of ml-matrix's CholeskyDecomposition (JAMA's row-wise Cholesky–Banachiewicz), so the factor is the
 * same to the last bit. False when a pivot is not positive. Hand-written for the likelihood (a fit factors ~30 times
 * per GP): ml-matrix's factorization there cost ~14 ms of an SMS-EGO proposal of ~110 ms CPU (713 factorizations at
 * n = 100 per 24 proposals on `bench:surrogate --overhead=100`, 0.73-0.75 ms each with ml-matrix against 0.26-0.27 ms
 * here; docs/performance.md).
 */
function choleskyInto(A: Float64Array, n: number, shift: number, L: Float64Array): boolean {
  let positive = true;
  for (let j = 0; j < n; j++) {
    const rj = j * n;
    let d = 0;
    for (let k = 0; k < j; k++) {
      const rk = k * n;
      let s = 0;
      for (let i = 0; i < k; i++) s += L[rk + i]! * L[rj + i]!;
      s = (A[rj + k]! - s) / L[rk + k]!;
      L[rj + k] = s;
      d = d + s * s;
    }
    d = A[rj + j]! + shift - d;
    positive &&= d > 0;
    L[rj + j] = Math.sqrt(Math.max(d, 0));
    for (let k = j + 1; k < n; k++) L[rj + k] = 0;
  }
  return positive;
}

/** (L Lᵀ) \\ b: forward then back substitution, in ml-matrix's CholeskyDecomposition.solve order. */
function choleskySolve(L: Float64Array, b: Float64Array): Float64Array {
  const n = b.length;
  const x = Float64Array.from(b);
  for (let k = 0; k < n; k++) {
    const rk = k * n;
    let v = x[k]!;
    for (let i = 0; i < k; i++) v = v - x[i]! * L[rk + i]!;
    x[k] = v / L[rk + k]!;
  }
  for (let k = n - 1; k >= 0; k--) {
    let v = x[k]!;
    for (let i = k + 1; i < n; i++) v = v - x[i]! * L[i * n + k]!;
    x[k] = v / L[k * n + k]!;
  }
  return x;
}

/** What the likelihood's gradient needs from its value: the kernel matrix, its length factors, the factor and α. */
interface LikelihoodState {
  readonly inv2: Float64Array;
  readonly noiseVariance: number;
  readonly K: Float64Array;
  readonly F: Float64Array;
  readonly L: Float64Array;
  readonly alpha: Float64Array;
}

/**
 * Log marginal likelihood of standardized targets ys at θ, and what its gradient needs (null when the kernel matrix
 * cannot be factored: the value is then −∞). The line search calls this alone for a trial step and takes the gradient
 * (K⁻¹, O(n³), and a pass over the pairs per dimension) only of the step it accepts: about 4 in 10 trial steps are
 * rejected, and a rejected step's gradient was never used.
 */
function logLikelihood(
  X: Float64Array,
  ys: Float64Array,
  theta: Float64Array,
): { value: number; state: LikelihoodState | null } {
  const n = ys.length;
  const h = toHyper(theta);
  const inv2 = inverseSquares(h.lengthScales);
  const { K, F } = kernelAndLengthFactors(X, n, inv2, h.signalVariance);
  let L: Float64Array;
  try {
    L = withJitter(h.signalVariance, (jitter) => {
      // the diagonal summed as K_jj + σn² + jitter, as gp.ts's choleskyWithJitter sums it
      const A = jitter === 0 ? K : K.slice();
      if (jitter !== 0) for (let j = 0; j < n; j++) A[j * n + j] = A[j * n + j]! + h.noiseVariance + jitter;
      const factor = new Float64Array(n * n);
      return choleskyInto(A, n, jitter === 0 ? h.noiseVariance : 0, factor) ? factor : null;
    }).factor;
  } catch {
    return { value: -Infinity, state: null };
  }
  const alpha = choleskySolve(L, ys);
  let value = -0.5 * n * Math.log(2 * Math.PI);
  for (let i = 0; i < n; i++) value += -0.5 * ys[i]! * alpha[i]! - Math.log(L[i * n + i]!);
  return { value, state: { inv2, noiseVariance: h.noiseVariance, K, F, L, alpha } };
}

/** ∂/∂θ log p at the state's θ (R&W eq. 5.9, see the header); zero without a state. */
function likelihoodGradient(X: Float64Array, state: LikelihoodState | null, dims: number): Float64Array {
  const gradient = new Float64Array(dims + 2);
  if (state === null) return gradient;
  const { inv2, noiseVariance, K, F, L, alpha } = state;
  const n = alpha.length;
  const d = dims;
  const Kinv = inverseFromCholesky(L, n);
  // W = ααᵀ − K⁻¹ (symmetric); ∂/∂θ = ½ Σ_ik W_ik ∂K_ik/∂θ
  for (let i = 0; i < n; i++) {
    for (let k = 0; k <= i; k++) {
      const w = alpha[i]! * alpha[k]! - Kinv[i * n + k]!;
      const weight = i === k ? 0.5 * w : w; // off-diagonal pairs counted twice, halved by the ½
      gradient[d] = gradient[d]! + weight * K[i * n + k]!;
      if (i === k) {
        gradient[d + 1] = gradient[d + 1]! + weight * noiseVariance;
        continue;
      }
      const wf = weight * F[i * n + k]!;
      for (let j = 0; j < d; j++) {
        const t = X[i * d + j]! - X[k * d + j]!;
        gradient[j] = gradient[j]! + wf * t * t * inv2[j]!;
      }
    }
  }
  return gradient;
}

/** Log marginal likelihood of standardized targets ys and its gradient with respect to θ. */
export function logLikelihoodAndGradient(
  X: Float64Array,
  ys: Float64Array,
  theta: Float64Array,
): { value: number; gradient: Float64Array } {
  const { value, state } = logLikelihood(X, ys, theta);
  return { value, gradient: likelihoodGradient(X, state, theta.length - 2) };
}

/**
 * The kernel matrix (kernel.ts's kernelMatrix, the same values) and, below its diagonal, the factor of ∂k/∂log ℓ_j,
 * σ² (5/3)(1 + √5 r) exp(−√5 r), of each pair, from one distance and one exponential per pair.
 */
function kernelAndLengthFactors(
  X: Float64Array,
  n: number,
  inv2: Float64Array,
  s2: number,
): { K: Float64Array; F: Float64Array } {
  const K = new Float64Array(n * n);
  const F = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    K[i * n + i] = s2;
    for (let k = 0; k < i; k++) {
      const r2 = scaledDistance2(X, i, X, k, inv2);
      const r = Math.sqrt(r2);
      const e = Math.exp(-SQRT5 * r);
      const v = s2 * (1 + SQRT5 * r + (5 / 3) * r2) * e;
      K[i * n + k] = v;
      K[k * n + i] = v;
      F[i * n + k] = s2 * (5 / 3) * (1 + SQRT5 * r) * e;
    }
  }
  return { K, F };
}

/**
 * K⁻¹ = L⁻ᵀ L⁻¹ from the row-major Cholesky factor L (a triangular inverse, then the product: n³/3 flops in all).
 * L⁻¹ is kept transposed (row c of T is column c of L⁻¹), so both loops read memory in order. Hand-written: ml-matrix's
 * chol.solve(Matrix.eye(n)) (n³ flops through its accessors) costs ~50 ms more per SMS-EGO proposal of ~110 ms CPU
 * (`bench:surrogate --overhead=100`).
 */
export function inverseFromCholesky(L: Float64Array, n: number): Float64Array {
  const T = new Float64Array(n * n);
  for (let c = 0; c < n; c++) {
    const tc = c * n;
    T[tc + c] = 1 / L[c * n + c]!;
    for (let i = c + 1; i < n; i++) {
      const li = i * n;
      let s = 0;
      for (let k = c; k < i; k++) s -= L[li + k]! * T[tc + k]!;
      T[tc + i] = s / L[li + i]!;
    }
  }
  const Kinv = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const ti = i * n;
    for (let k = 0; k <= i; k++) {
      const tk = k * n;
      let s = 0;
      for (let j = i; j < n; j++) s += T[ti + j]! * T[tk + j]!;
      Kinv[i * n + k] = s;
      Kinv[k * n + i] = s;
    }
  }
  return Kinv;
}

function project(theta: Float64Array, lo: Float64Array, hi: Float64Array): Float64Array {
  return theta.map((v, j) => Math.min(hi[j]!, Math.max(lo[j]!, v)));
}

/** Projected gradient ascent with Armijo backtracking from one start. */
function ascend(
  X: Float64Array,
  ys: Float64Array,
  start: Float64Array,
  lo: Float64Array,
  hi: Float64Array,
  iterations: number,
): { theta: Float64Array; value: number } {
  let theta = project(start, lo, hi);
  let cur = logLikelihoodAndGradient(X, ys, theta);
  let step = 1;
  for (let it = 0; it < iterations && Number.isFinite(cur.value); it++) {
    let g2 = 0;
    for (const g of cur.gradient) g2 += g * g;
    if (g2 < 1e-12) break;
    const gnorm = Math.sqrt(g2);
    let accepted = false;
    for (step = Math.min(1, 2 * step); step >= MIN_STEP; step /= 2) {
      const next = project(
        theta.map((v, j) => v + (step * cur.gradient[j]!) / gnorm),
        lo,
        hi,
      );
      const cand = logLikelihood(X, ys, next);
      if (cand.value >= cur.value + ARMIJO * step * gnorm) {
        theta = next;
        cur = { value: cand.value, gradient: likelihoodGradient(X, cand.state, theta.length - 2) };
        accepted = true;
        break;
      }
    }
    if (!accepted) break;
  }
  return { theta, value: cur.value };
}

/** Maximum-likelihood hyperparameters for inputs X (row-major n×d in [0, 1]) and targets y. */
export function fitHyperparameters(
  X: Float64Array,
  y: Float64Array,
  d: number,
  rng: Rng,
  options: FitOptions,
): GpHyperparameters {
  const { mean, sd } = meanSd(y);
  const ys = y.map((v) => (v - mean) / sd);
  const { lo, hi } = bounds(d);
  const starts: Float64Array[] = [];
  if (options.previous !== undefined) starts.push(toTheta(options.previous));
  else starts.push(lo.map((v, j) => 0.5 * (v + hi[j]!)));
  for (let s = 0; s < options.randomStarts; s++) starts.push(lo.map((v, j) => v + rng.next() * (hi[j]! - v)));
  let best: { theta: Float64Array; value: number } | null = null;
  for (const start of starts) {
    const r = ascend(X, ys, start, lo, hi, options.iterations ?? MAX_ITERATIONS);
    if (best === null || r.value > best.value) best = r;
  }
  return toHyper(best!.theta);
}
