/**
 * Gaussian-process regression with a zero mean on standardized targets (Rasmussen & Williams 2006, Algorithm 2.1):
 *   L = chol(K + σn² I),  α = Lᵀ \ (L \ y),  mean(x*) = k*ᵀ α,  var(x*) = k(x*, x*) − vᵀv with v = L \ k*,
 *   log p(y | X) = −½ yᵀα − Σ log L_ii − (n/2) log 2π.
 * The factorization and solves: choleskyInto and choleskySolve below, on typed arrays. Targets are standardized
 * (mean 0, sd 1) here and predictions returned in the caller's units. When the matrix is not numerically positive
 * definite (duplicate or nearly coincident inputs with a tiny noise), a jitter is added to the diagonal, starting at
 * 1e-10 of the signal variance and multiplied by 10 until the factorization succeeds (at most 1e-1; beyond it the fit
 * throws): the jitter used is reported, as it acts as extra noise.
 */
import { inverseSquares, kernelMatrix, matern52, scaledDistance2, type KernelParams } from './kernel.js';

export interface GpHyperparameters extends KernelParams {
  /** Noise variance σn² (standardized target units). */
  readonly noiseVariance: number;
}

export interface Prediction {
  readonly mean: number;
  /** Posterior variance of the latent function (noise excluded), ≥ 0. */
  readonly variance: number;
}

const JITTER_START = 1e-10;
const JITTER_MAX = 1e-1;

/**
 * Lower Cholesky factor of A + shift I (A row-major n×n, symmetric) into L (row-major, upper part zeroed), in the
 * operation order of ml-matrix's CholeskyDecomposition (JAMA's row-wise Cholesky–Banachiewicz), so the factor is the
 * same to the last bit; on typed arrays, without ml-matrix's per-element accessors and row arrays. False when a pivot
 * is not positive (not numerically positive definite).
 */
export function choleskyInto(A: Float64Array, n: number, shift: number, L: Float64Array): boolean {
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

/** Cholesky of K + (σn² + jitter) I with jitter escalation; returns the factor (row-major) and the jitter added. */
export function choleskyWithJitter(
  K: Float64Array,
  n: number,
  diagonal: number,
  scale: number,
): { L: Float64Array; jitter: number } {
  const L = new Float64Array(n * n);
  let jitter = 0;
  for (;;) {
    if (jitter === 0 ? choleskyInto(K, n, diagonal, L) : choleskyShifted(K, n, diagonal, jitter, L))
      return { L, jitter };
    jitter = jitter === 0 ? JITTER_START * scale : jitter * 10;
    if (jitter > JITTER_MAX * scale)
      throw new RangeError(
        `kernel matrix not positive definite even with a jitter of ${JITTER_MAX} × the signal variance`,
      );
  }
}

/** choleskyInto with the diagonal K_jj + diagonal + jitter summed in that order (as the jitter escalation did). */
function choleskyShifted(K: Float64Array, n: number, diagonal: number, jitter: number, L: Float64Array): boolean {
  const A = K.slice();
  for (let j = 0; j < n; j++) A[j * n + j] = A[j * n + j]! + diagonal + jitter;
  return choleskyInto(A, n, 0, L);
}

/** (L Lᵀ) \ b: forward then back substitution, in ml-matrix's CholeskyDecomposition.solve order. */
export function choleskySolve(L: Float64Array, b: Float64Array): Float64Array {
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

export class GaussianProcess {
  readonly n: number;
  readonly d: number;
  /** Jitter added to the diagonal on top of the noise variance (0 when none was needed). */
  readonly jitter: number;
  /** log marginal likelihood of the standardized targets. */
  readonly logMarginalLikelihood: number;
  /** The Cholesky factor, row-major. */
  private readonly L: Float64Array;
  private readonly alpha: Float64Array;
  private readonly inv2: Float64Array;
  private readonly yMean: number;
  private readonly ySd: number;
  /** Scratch row for predict (k*, then L \ k*): one per GP, so a prediction allocates nothing but its result. */
  private readonly scratch: Float64Array;

  /**
   * @param X training inputs, row-major n×d, each in [0, 1]
   * @param y training targets (any units; standardized internally)
   */
  constructor(
    private readonly X: Float64Array,
    y: Float64Array,
    readonly hyper: GpHyperparameters,
  ) {
    const n = y.length;
    const d = hyper.lengthScales.length;
    if (X.length !== n * d) throw new RangeError(`GP: X has ${X.length} entries, expected ${n} × ${d}`);
    if (n === 0) throw new RangeError('GP: no training data');
    this.n = n;
    this.d = d;
    const { mean, sd } = meanSd(y);
    this.yMean = mean;
    this.ySd = sd;
    const ys = new Float64Array(n);
    for (let i = 0; i < n; i++) ys[i] = (y[i]! - mean) / sd;
    const K = kernelMatrix(X, n, hyper);
    const { L, jitter } = choleskyWithJitter(K, n, hyper.noiseVariance, hyper.signalVariance);
    this.jitter = jitter;
    this.L = L;
    this.alpha = choleskySolve(L, ys);
    let quad = 0;
    let logDet = 0;
    for (let i = 0; i < n; i++) {
      quad += ys[i]! * this.alpha[i]!;
      logDet += Math.log(this.L[i * n + i]!);
    }
    this.logMarginalLikelihood = -0.5 * quad - logDet - 0.5 * n * Math.log(2 * Math.PI);
    this.inv2 = inverseSquares(hyper.lengthScales);
    this.scratch = new Float64Array(n);
  }

  /** Posterior mean and variance at x (in [0, 1]^d), in the targets' units. */
  predict(x: Float64Array): Prediction {
    const { n, hyper, L } = this;
    // k* into the scratch row, then v = L \ k* over it in place (forward substitution), vᵀv accumulated on the way
    const v = this.scratch;
    let mean = 0;
    for (let i = 0; i < n; i++) {
      const k = matern52(scaledDistance2(this.X, i, x, 0, this.inv2), hyper.signalVariance);
      v[i] = k;
      mean += k * this.alpha[i]!;
    }
    let vv = 0;
    for (let i = 0; i < n; i++) {
      const row = i * n;
      let s = v[i]!;
      for (let k = 0; k < i; k++) s -= L[row + k]! * v[k]!;
      const vi = s / L[row + i]!;
      v[i] = vi;
      vv += vi * vi;
    }
    const variance = Math.max(0, hyper.signalVariance - vv);
    return { mean: this.yMean + this.ySd * mean, variance: this.ySd * this.ySd * variance };
  }
}

/**
 * Mean and standard deviation (population; 1 when the targets are constant, so standardization is the identity scale).
 */
export function meanSd(y: Float64Array): { mean: number; sd: number } {
  let mean = 0;
  for (const v of y) mean += v;
  mean /= y.length;
  let ss = 0;
  for (const v of y) ss += (v - mean) * (v - mean);
  const sd = Math.sqrt(ss / y.length);
  return { mean, sd: sd > 0 && Number.isFinite(sd) ? sd : 1 };
}
