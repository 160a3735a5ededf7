/**
 * NSGA-III adaptive normalization (Deb & Jain, IEEE TEVC 18(4), 2014), as pymoo's
 * `HyperplaneNormalization`: the ideal and worst points are running extremes; the extreme point of
 * axis j minimizes the achievement scalarizing function max_k (f_k - z*_k) w_k with w_j = 1 and
 * 1e6 elsewhere (differences below 1e-3 counted as 0), over the current non-dominated points and
 * the previous extreme points; the hyperplane through the extreme points gives the intercepts
 * (Gaussian elimination); when that fails (singular, inaccurate or an intercept <= 1e-6) the nadir
 * falls back to the worst of the front; a nadir above the worst point seen is clipped to it; an
 * axis with a range <= 1e-6 uses the worst of the population.
 */

export class HyperplaneNormalization {
  ideal: Float64Array;
  worst: Float64Array;
  nadir: Float64Array;
  /** m x m, row j = extreme point of axis j; null before the first update. */
  extreme: Float64Array | null = null;

  constructor(readonly m: number) {
    this.ideal = new Float64Array(m).fill(Infinity);
    this.worst = new Float64Array(m).fill(-Infinity);
    this.nadir = new Float64Array(m).fill(NaN);
  }

  /** F: flat n x m matrix of the (feasible) merged population; nds: indices of its first front. */
  update(F: Float64Array, n: number, nds: ArrayLike<number>): void {
    const m = this.m;
    // this population's extremes (worstPop, below) in the same pass as the running ones
    const lowPop = new Float64Array(m).fill(Infinity);
    const worstPop = new Float64Array(m).fill(-Infinity);
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < m; k++) {
        const v = F[i * m + k]!;
        if (v < lowPop[k]!) lowPop[k] = v;
        if (v > worstPop[k]!) worstPop[k] = v;
      }
    }
    for (let k = 0; k < m; k++) {
      if (lowPop[k]! < this.ideal[k]!) this.ideal[k] = lowPop[k]!;
      if (worstPop[k]! > this.worst[k]!) this.worst[k] = worstPop[k]!;
    }
    // candidates: previous extremes then the first front
    const nc = (this.extreme === null ? 0 : m) + nds.length;
    const C = new Float64Array(nc * m);
    let c = 0;
    if (this.extreme !== null) {
      C.set(this.extreme);
      c = m;
    }
    // row by row (a subarray and a set() per row cost more than the copy)
    for (let t = 0; t < nds.length; t++, c++) for (let k = 0, o = nds[t]! * m; k < m; k++) C[c * m + k] = F[o + k]!;
    // asf_j(c) = max(d_j, 1e6 max_{k != j} d_k) (rounding is monotone, so 1e6 times the largest of the other d_k is
    // the largest of their products; a NaN d is skipped, as the comparison skips it): one pass over the candidates
    // finds every axis's extreme point
    const extreme = new Float64Array(m * m);
    const best = new Float64Array(m).fill(Infinity);
    const arg = new Int32Array(m);
    const d = new Float64Array(m);
    for (let i = 0; i < nc; i++) {
      let top = -Infinity;
      let second = -Infinity;
      let at = -1;
      for (let k = 0; k < m; k++) {
        let x = C[i * m + k]! - this.ideal[k]!;
        if (x < 1e-3) x = 0;
        d[k] = x;
        if (x > top) {
          second = top;
          top = x;
          at = k;
        } else if (x > second) second = x;
      }
      for (let j = 0; j < m; j++) {
        const others = 1e6 * (j === at ? second : top);
        const asf = d[j]! > others ? d[j]! : others;
        if (asf < best[j]!) {
          best[j] = asf;
          arg[j] = i;
        }
      }
    }
    for (let j = 0; j < m; j++) extreme.set(C.subarray(arg[j]! * m, arg[j]! * m + m), j * m);
    this.extreme = extreme;
    const worstFront = new Float64Array(m).fill(-Infinity);
    for (let t = 0; t < nds.length; t++) {
      const o = nds[t]! * m;
      for (let k = 0; k < m; k++) if (F[o + k]! > worstFront[k]!) worstFront[k] = F[o + k]!;
    }
    this.nadir = nadirFromHyperplane(extreme, this.ideal, this.worst, worstFront, worstPop, m);
  }
}

/** Solves A x = b (A m x m row-major, copied) by Gaussian elimination with partial pivoting; null if singular. */
export function solveLinear(Ain: Float64Array, bin: Float64Array, m: number): Float64Array | null {
  const A = Float64Array.from(Ain);
  const b = Float64Array.from(bin);
  for (let col = 0; col < m; col++) {
    let piv = col;
    for (let r = col + 1; r < m; r++) if (Math.abs(A[r * m + col]!) > Math.abs(A[piv * m + col]!)) piv = r;
    const p = A[piv * m + col]!;
    if (p === 0 || !Number.isFinite(p)) return null;
    if (piv !== col) {
      for (let k = 0; k < m; k++) {
        const t = A[col * m + k]!;
        A[col * m + k] = A[piv * m + k]!;
        A[piv * m + k] = t;
      }
      const t = b[col]!;
      b[col] = b[piv]!;
      b[piv] = t;
    }
    for (let r = col + 1; r < m; r++) {
      const factor = A[r * m + col]! / p;
      if (factor === 0) continue;
      for (let k = col; k < m; k++) A[r * m + k] = A[r * m + k]! - factor * A[col * m + k]!;
      b[r] = b[r]! - factor * b[col]!;
    }
  }
  const x = new Float64Array(m);
  for (let r = m - 1; r >= 0; r--) {
    let s = b[r]!;
    for (let k = r + 1; k < m; k++) s -= A[r * m + k]! * x[k]!;
    x[r] = s / A[r * m + r]!;
  }
  return x;
}

function nadirFromHyperplane(
  extreme: Float64Array,
  ideal: Float64Array,
  worst: Float64Array,
  worstFront: Float64Array,
  worstPop: Float64Array,
  m: number,
): Float64Array {
  const M = new Float64Array(m * m);
  for (let j = 0; j < m; j++) for (let k = 0; k < m; k++) M[j * m + k] = extreme[j * m + k]! - ideal[k]!;
  const ones = new Float64Array(m).fill(1);
  const plane = solveLinear(M, ones, m);
  let nadir: Float64Array | null = null;
  if (plane !== null) {
    let okPlane = true;
    // np.allclose(M @ plane, 1): |a - b| <= 1e-8 + 1e-5 |b|
    for (let j = 0; j < m && okPlane; j++) {
      let s = 0;
      for (let k = 0; k < m; k++) s += M[j * m + k]! * plane[k]!;
      if (!(Math.abs(s - 1) <= 1e-8 + 1e-5)) okPlane = false;
    }
    const candidate = new Float64Array(m);
    for (let k = 0; k < m && okPlane; k++) {
      const intercept = 1 / plane[k]!;
      if (!(intercept > 1e-6)) okPlane = false;
      candidate[k] = ideal[k]! + intercept;
    }
    if (okPlane) {
      for (let k = 0; k < m; k++) if (candidate[k]! > worst[k]!) candidate[k] = worst[k]!;
      nadir = candidate;
    }
  }
  if (nadir === null) nadir = Float64Array.from(worstFront);
  for (let k = 0; k < m; k++) if (nadir[k]! - ideal[k]! <= 1e-6) nadir[k] = worstPop[k]!;
  return nadir;
}
