/**
 * Gaussian-process regression with a zero mean on standardized targets (Rasmussen & Williams 2006, Algorithm 2.1):
 *   L = chol(K + σn² I),  α = Lᵀ \ (L \ y),  mean(x*) = k*ᵀ α,  var(x*) = k(x*, x*) − vᵀv with v = L \ k*,
 *   log p(y | X) = −½ yᵀα − Σ log L_ii − (n/2) log 2π.
 * The factorization and the solve for α: ml-matrix's CholeskyDecomposition. Targets are standardized (mean 0, sd 1)
 * here and predictions returned in the caller's units. When the matrix is not numerically positive definite
 * (duplicate or nearly coincident inputs with a tiny noise), a jitter is added to the diagonal, starting at 1e-10 of
 * the signal variance and multiplied by 10 until the factorization succeeds (at most 1e-1; beyond it the fit throws):
 * the jitter used is reported, as it acts as extra noise.
 * - extend(): a GP conditioned on q more points, factored afresh on all the data (the same numbers as a fresh GP).
 * - predictMany(): the posterior at a block of points; the variance's triangular solve L \ k* stays on typed arrays
 *   (see solveFour for why), four points per pass over each row of L (a multiple-right-hand-side solve, as BLAS's
 *   dtrsm), so L is read once per four points; each point's sums are accumulated in the same order as predict()'s.
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

/**
 * The first `attempt(jitter)` that succeeds (non-null), jitter 0 first and then escalated as the header says; throws
 * beyond the largest jitter. `scale` is the signal variance.
 */
export function withJitter<T>(scale: number, attempt: (jitter: number) => T | null): { factor: T; jitter: number } {
  let jitter = 0;
  for (;;) {
    const factor = attempt(jitter);
    if (factor !== null) return { factor, jitter };
    jitter = jitter === 0 ? JITTER_START * scale : jitter * 10;
    if (jitter > JITTER_MAX * scale)
      throw new RangeError(
        `kernel matrix not positive definite even with a jitter of ${JITTER_MAX} × the signal variance`,
      );
  }
}

/** ml-matrix's Cholesky factorization of K + (σn² + jitter) I, and the jitter it needed. */
export interface CholeskyFactor {
  readonly chol: CholeskyDecomposition;
  readonly jitter: number;
}

/** Cholesky of K + (σn² + jitter) I (K row-major n×n, symmetric), the diagonal summed as K_jj + σn² + jitter. */
export function choleskyWithJitter(K: Float64Array, n: number, diagonal: number, scale: number): CholeskyFactor {
  const { factor, jitter } = withJitter(scale, (jitter) => {
    const A = Matrix.from1DArray(n, n, K);
    for (let j = 0; j < n; j++)
      A.set(j, j, jitter === 0 ? K[j * n + j]! + diagonal : K[j * n + j]! + diagonal + jitter);
    const chol = new CholeskyDecomposition(A);
    return chol.isPositiveDefinite() ? chol : null;
  });
  return { chol: factor, jitter };
}

/** (L Lᵀ) \\ b by the factorization's forward and back substitution. */
export function choleskySolve(chol: CholeskyDecomposition, b: Float64Array): Float64Array {
  return Float64Array.from(chol.solve(Matrix.columnVector(b)).getColumn(0));
}

/** The lower factor as a row-major typed array (the upper part 0), for the variance's triangular solve. */
function rowMajor(chol: CholeskyDecomposition, n: number): Float64Array {
  const Lm = chol.lowerTriangularMatrix;
  const L = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let k = 0; k <= i; k++) L[i * n + k] = Lm.get(i, k);
  return L;
}

/** Points per pass of predictMany's triangular solve. */
const BLOCK = 4;

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
  /** Scratch rows for predictMany (k*, then L \\ k*, per point): grown to the largest block asked for. */
  private scratch: Float64Array;

  /**
   * @param X training inputs, row-major n×d, each in [0, 1]
   * @param y training targets (any units; standardized internally)
   */
  constructor(
    private readonly X: Float64Array,
    private readonly y: Float64Array,
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
    const { chol, jitter } = choleskyWithJitter(
      kernelMatrix(X, n, hyper),
      n,
      hyper.noiseVariance,
      hyper.signalVariance,
    );
    this.jitter = jitter;
    this.L = rowMajor(chol, n);
    this.alpha = choleskySolve(chol, ys);
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

  /**
   * The GP with the same hyperparameters conditioned on its data and q more points (Xq row-major q×d, yq), factored
   * afresh: ml-matrix has no row update of a factor, and the refactorization costs ~4 % of an SMS-EGO proposal
   * (36 factorizations at n = 118-140 per 24 proposals, each ~2.7 ms more than the O(n²) row update they replace, on
   * `bench:surrogate --overhead=100`; docs/performance.md).
   */
  extend(Xq: Float64Array, yq: Float64Array): GaussianProcess {
    const { n, d, hyper } = this;
    const N = n + yq.length;
    const X = new Float64Array(N * d);
    X.set(this.X);
    X.set(Xq, n * d);
    const y = new Float64Array(N);
    y.set(this.y);
    y.set(yq, n);
    return new GaussianProcess(X, y, hyper);
  }

  /** Posterior mean and variance at x (in [0, 1]^d), in the targets' units. */
  predict(x: Float64Array): Prediction {
    const mean = new Float64Array(1);
    const variance = new Float64Array(1);
    this.predictMany(x, 1, mean, variance);
    return { mean: mean[0]!, variance: variance[0]! };
  }

  /** predict() at `count` points (U row-major count×d), into mean[0 … count) and variance[0 … count). */
  predictMany(U: Float64Array, count: number, mean: Float64Array, variance: Float64Array): void {
    const { n, hyper } = this;
    if (this.scratch.length < count * n) this.scratch = new Float64Array(count * n);
    const V = this.scratch;
    // k* of each point into its scratch row, its mean k*ᵀα accumulated on the way
    for (let p = 0; p < count; p++) {
      const o = p * n;
      let m = 0;
      for (let i = 0; i < n; i++) {
        const k = matern52(scaledDistance2(this.X, i, U, p, this.inv2), hyper.signalVariance);
        V[o + i] = k;
        m += k * this.alpha[i]!;
      }
      mean[p] = this.yMean + this.ySd * m;
      variance[p] = 0;
    }
    // v = L \\ k* in place, row by row; vᵀv accumulated into variance[]
    let p = 0;
    for (; p + BLOCK <= count; p += BLOCK) this.solveFour(p, variance);
    for (; p < count; p++) this.solveOne(p, variance);
    for (p = 0; p < count; p++) {
      const latent = Math.max(0, hyper.signalVariance - variance[p]!);
      variance[p] = this.ySd * this.ySd * latent;
    }
  }

  /** Forward substitution of scratch row p in place; Σ v_i² added to acc[p]. */
  private solveOne(p: number, acc: Float64Array): void {
    const { n, L } = this;
    const V = this.scratch;
    const o = p * n;
    let vv = 0;
    for (let i = 0; i < n; i++) {
      const row = i * n;
      let s = V[o + i]!;
      for (let k = 0; k < i; k++) s -= L[row + k]! * V[o + k]!;
      const vi = s / L[row + i]!;
      V[o + i] = vi;
      vv += vi * vi;
    }
    acc[p] = acc[p]! + vv;
  }

  /**
   * solveOne for scratch rows p … p + 3 in one pass over L (each row's operations in solveOne's order). Hand-written
   * rather than ml-matrix's: its CholeskyDecomposition has no forward substitution alone, and the variance as
   * k*ᵀ (chol.solve(k*)) for the block costs ~3.7× the CPU of these typed-array solves per SMS-EGO proposal
   * (`bench:surrogate --overhead=100`); it also moves variances at the data by up to 4e-9 relative.
   */
  private solveFour(p: number, acc: Float64Array): void {
    const { n, L } = this;
    const V = this.scratch;
    const o0 = p * n;
    const o1 = o0 + n;
    const o2 = o1 + n;
    const o3 = o2 + n;
    let q0 = 0;
    let q1 = 0;
    let q2 = 0;
    let q3 = 0;
    for (let i = 0; i < n; i++) {
      const row = i * n;
      let s0 = V[o0 + i]!;
      let s1 = V[o1 + i]!;
      let s2 = V[o2 + i]!;
      let s3 = V[o3 + i]!;
      for (let k = 0; k < i; k++) {
        const l = L[row + k]!;
        s0 -= l * V[o0 + k]!;
        s1 -= l * V[o1 + k]!;
        s2 -= l * V[o2 + k]!;
        s3 -= l * V[o3 + k]!;
      }
      const d = L[row + i]!;
      V[o0 + i] = s0 /= d;
      V[o1 + i] = s1 /= d;
      V[o2 + i] = s2 /= d;
      V[o3 + i] = s3 /= d;
      q0 += s0 * s0;
      q1 += s1 * s1;
      q2 += s2 * s2;
      q3 += s3 * s3;
    }
    acc[p] = acc[p]! + q0;
    acc[p + 1] = acc[p + 1]! + q1;
    acc[p + 2] = acc[p + 2]! + q2;
    acc[p + 3] = acc[p + 3]! + q3;
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

/**
 * Whether targets y[rows] (all of y without `rows`) are one value to 1e-12 of their magnitude. A GP learns nothing from
 * them: its posterior mean is that value everywhere and its variance the prior's, so a constraint held at 0 by every
 * design (a margin closed by construction, e.g. a node re-sized to meet it exactly) would score Φ(0) = ½ as its
 * probability of feasibility at every candidate. The surrogates leave such a constraint out of the model: once a
 * feasible design is in the data its one value is ≤ 0, so it is treated as satisfied; before that it would only
 * have said how far a candidate lies from the data, not where the constraint holds.
 */
export function constantTargets(y: Float64Array, rows?: readonly number[]): boolean {
  let lo = Infinity;
  let hi = -Infinity;
  const visit = (v: number): void => {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  };
  if (rows === undefined) for (const v of y) visit(v);
  else for (const i of rows) visit(y[i]!);
  return hi - lo <= 1e-12 * Math.max(1, Math.abs(lo), Math.abs(hi));
}
