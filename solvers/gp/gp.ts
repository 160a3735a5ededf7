/**
 * Gaussian-process regression with a zero mean on standardized targets (Rasmussen & Williams 2006, Algorithm 2.1):
 *   L = chol(K + σn² I),  α = Lᵀ \ (L \ y),  mean(x*) = k*ᵀ α,  var(x*) = k(x*, x*) − vᵀv with v = L \ k*,
 *   log p(y | X) = −½ yᵀα − Σ log L_ii − (n/2) log 2π.
 * The factorization and solves: choleskyInto and choleskySolve below, on typed arrays. Targets are standardized
 * (mean 0, sd 1) here and predictions returned in the caller's units. When the matrix is not numerically positive
 * definite (duplicate or nearly coincident inputs with a tiny noise), a jitter is added to the diagonal, starting at
 * 1e-10 of the signal variance and multiplied by 10 until the factorization succeeds (at most 1e-1; beyond it the fit
 * throws): the jitter used is reported, as it acts as extra noise.
 * Cheaper paths, each giving the same numbers to the last bit as the plain one:
 * - extend(): a GP conditioned on q more points keeps the factor's first n rows and computes only the q new ones
 *   (a block update, O(n² q) instead of O(n³); Golub & Van Loan, Matrix Computations, 4th ed., 2013, §4.2;
 *   Cholesky–Banachiewicz row by row). Row j of the row-wise factor depends on rows < j only, so with the same
 *   diagonal shift the appended rows are exactly those a factorization of the whole matrix computes; when the new
 *   rows need a larger jitter, the whole matrix is factored afresh, as a fresh GP would be.
 * - predictMany(): the posterior at a block of points, with the triangular solve L \ k* run for four points per pass
 *   over each row of L (a multiple-right-hand-side solve, as BLAS's dtrsm), so L is read once per four points; each
 *   point's sums are accumulated in the same order as predict()'s.
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
 * Row j left of the diagonal of the lower Cholesky factor of A (row-major n×n), from rows 0 … j−1 of L, written into
 * L; returns the sum of their squares, which the caller subtracts from its pivot.
 */
function choleskyRowInto(A: Float64Array, n: number, j: number, L: Float64Array): number {
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
  return d;
}

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
    const d = A[rj + j]! + shift - choleskyRowInto(A, n, j, L);
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

/** A Cholesky factor of K + (σn² + jitter) I, row-major, and the jitter it needed. */
export interface CholeskyFactor {
  readonly L: Float64Array;
  readonly jitter: number;
}

/**
 * Rows n0 … n−1 of the factor of K + (diagonal + jitter) I (K row-major n×n), given its first n0 rows in L0 (n0×n0)
 * computed with the same `jitter`: choleskyInto's loop continued, the diagonal summed as choleskyWithJitter sums it.
 * Null when a new pivot is not positive.
 */
export function extendCholesky(
  L0: Float64Array,
  n0: number,
  K: Float64Array,
  n: number,
  diagonal: number,
  jitter: number,
): Float64Array | null {
  const L = new Float64Array(n * n);
  for (let i = 0; i < n0; i++) L.set(L0.subarray(i * n0, i * n0 + i + 1), i * n);
  for (let j = n0; j < n; j++) {
    const rj = j * n;
    const a = jitter === 0 ? K[rj + j]! + diagonal : K[rj + j]! + diagonal + jitter + 0;
    const d = a - choleskyRowInto(K, n, j, L);
    if (!(d > 0)) return null;
    L[rj + j] = Math.sqrt(d);
  }
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
   * @param factor the factor of X's kernel matrix under `hyper`, when already known (extend())
   */
  constructor(
    private readonly X: Float64Array,
    private readonly y: Float64Array,
    readonly hyper: GpHyperparameters,
    factor?: CholeskyFactor,
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
    const { L, jitter } =
      factor ?? choleskyWithJitter(kernelMatrix(X, n, hyper), n, hyper.noiseVariance, hyper.signalVariance);
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

  /**
   * The GP with the same hyperparameters conditioned on its data and q more points (Xq row-major q×d, yq): equal to
   * a GP built on all the data, its factor extended by q rows (see the header).
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
    const K = new Float64Array(N * N);
    for (let i = n; i < N; i++) {
      K[i * N + i] = hyper.signalVariance;
      for (let k = 0; k < i; k++) K[i * N + k] = matern52(scaledDistance2(X, i, X, k, this.inv2), hyper.signalVariance);
    }
    const L = extendCholesky(this.L, n, K, N, hyper.noiseVariance, this.jitter);
    return new GaussianProcess(X, y, hyper, L === null ? undefined : { L, jitter: this.jitter });
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

  /** solveOne for scratch rows p … p + 3 in one pass over L (each row's operations in solveOne's order). */
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
