/**
 * Gaussian-process regression with a zero mean on standardized targets (Rasmussen & Williams 2006, Algorithm 2.1):
 *   L = chol(K + σn² I),  α = Lᵀ \ (L \ y),  mean(x*) = k*ᵀ α,  var(x*) = k(x*, x*) − vᵀv with v = L \ k*,
 *   log p(y | X) = −½ yᵀα − Σ log L_ii − (n/2) log 2π.
 * The factorization and solves are ml-matrix's CholeskyDecomposition. Targets are standardized (mean 0, sd 1) here and
 * predictions returned in the caller's units. When the matrix is not numerically positive definite (duplicate or
 * nearly coincident inputs with a tiny noise), a jitter is added to the diagonal, starting at 1e-10 of the signal
 * variance and multiplied by 10 until the factorization succeeds (at most 1e-1; beyond it the fit throws): the jitter
 * used is reported, as it acts as extra noise.
 */
import { CholeskyDecomposition, Matrix } from 'ml-matrix';
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

/** Cholesky of K + (σn² + jitter) I with jitter escalation; returns the factor and the jitter added. */
export function choleskyWithJitter(
  K: Float64Array,
  n: number,
  diagonal: number,
  scale: number,
): { chol: CholeskyDecomposition; jitter: number } {
  let jitter = 0;
  for (;;) {
    const rows: number[][] = [];
    for (let i = 0; i < n; i++) {
      const row = Array.from(K.subarray(i * n, (i + 1) * n));
      row[i] = row[i]! + diagonal + jitter;
      rows.push(row);
    }
    const chol = new CholeskyDecomposition(new Matrix(rows));
    if (chol.isPositiveDefinite() && minDiagonal(chol.lowerTriangularMatrix) > 0) return { chol, jitter };
    jitter = jitter === 0 ? JITTER_START * scale : jitter * 10;
    if (jitter > JITTER_MAX * scale)
      throw new RangeError(
        `kernel matrix not positive definite even with a jitter of ${JITTER_MAX} × the signal variance`,
      );
  }
}

function minDiagonal(L: Matrix): number {
  let m = Infinity;
  for (let i = 0; i < L.rows; i++) m = Math.min(m, L.get(i, i));
  return m;
}

/** L \ b for lower-triangular L (row-major n×n; forward substitution). */
export function forwardSolve(L: Float64Array, b: Float64Array): Float64Array {
  const n = b.length;
  const v = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= L[i * n + k]! * v[k]!;
    v[i] = s / L[i * n + i]!;
  }
  return v;
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
    const { chol, jitter } = choleskyWithJitter(K, n, hyper.noiseVariance, hyper.signalVariance);
    this.jitter = jitter;
    this.L = Float64Array.from(chol.lowerTriangularMatrix.to1DArray());
    this.alpha = Float64Array.from(chol.solve(Matrix.columnVector(Array.from(ys))).getColumn(0));
    let quad = 0;
    let logDet = 0;
    for (let i = 0; i < n; i++) {
      quad += ys[i]! * this.alpha[i]!;
      logDet += Math.log(this.L[i * n + i]!);
    }
    this.logMarginalLikelihood = -0.5 * quad - logDet - 0.5 * n * Math.log(2 * Math.PI);
    this.inv2 = inverseSquares(hyper.lengthScales);
  }

  /** Posterior mean and variance at x (in [0, 1]^d), in the targets' units. */
  predict(x: Float64Array): Prediction {
    const { n, hyper } = this;
    const ks = new Float64Array(n);
    let mean = 0;
    for (let i = 0; i < n; i++) {
      ks[i] = matern52(scaledDistance2(this.X, i, x, 0, this.inv2), hyper.signalVariance);
      mean += ks[i]! * this.alpha[i]!;
    }
    const v = forwardSolve(this.L, ks);
    let vv = 0;
    for (let i = 0; i < n; i++) vv += v[i]! * v[i]!;
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
