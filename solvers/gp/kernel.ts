/**
 * ARD Matérn 5/2 covariance (Rasmussen & Williams, Gaussian Processes for Machine Learning, MIT Press 2006, eq. 4.17):
 *   k(x, x') = σ² (1 + √5 r + 5 r² / 3) exp(−√5 r),   r² = Σ_j (x_j − x'_j)² / ℓ_j²,
 * on inputs normalized to [0, 1]. Its derivative with respect to log ℓ_j, used by the marginal-likelihood gradient:
 *   ∂k/∂log ℓ_j = σ² (5/3) (1 + √5 r) exp(−√5 r) (x_j − x'_j)² / ℓ_j²   (finite at r = 0, where it is 0).
 * Matérn 5/2 is twice differentiable: smooth enough for engineering responses, less overconfident than the squared
 * exponential between data points (R&W §4.2.1; the default of BoTorch and Spearmint).
 */
export const SQRT5 = Math.sqrt(5);

export interface KernelParams {
  /** Length scale per input dimension (inputs in [0, 1]). */
  readonly lengthScales: Float64Array;
  /** Signal variance σ². */
  readonly signalVariance: number;
}

/** Squared scaled distance r² between rows a and b of row-major matrices (d columns). */
export function scaledDistance2(A: Float64Array, a: number, B: Float64Array, b: number, inv2: Float64Array): number {
  const d = inv2.length;
  let s = 0;
  for (let j = 0; j < d; j++) {
    const t = A[a * d + j]! - B[b * d + j]!;
    s += t * t * inv2[j]!;
  }
  return s;
}

/** 1 / ℓ_j² per dimension. */
export function inverseSquares(lengthScales: Float64Array): Float64Array {
  const out = new Float64Array(lengthScales.length);
  for (let j = 0; j < out.length; j++) out[j] = 1 / (lengthScales[j]! * lengthScales[j]!);
  return out;
}

/** Matérn 5/2 value for a squared scaled distance. */
export function matern52(r2: number, signalVariance: number): number {
  const r = Math.sqrt(r2);
  return signalVariance * (1 + SQRT5 * r + (5 / 3) * r2) * Math.exp(-SQRT5 * r);
}

/** Symmetric n×n kernel matrix of the rows of X (row-major, d columns), without noise. */
export function kernelMatrix(X: Float64Array, n: number, p: KernelParams): Float64Array {
  const inv2 = inverseSquares(p.lengthScales);
  const K = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    K[i * n + i] = p.signalVariance;
    for (let k = 0; k < i; k++) {
      const v = matern52(scaledDistance2(X, i, X, k, inv2), p.signalVariance);
      K[i * n + k] = v;
      K[k * n + i] = v;
    }
  }
  return K;
}
