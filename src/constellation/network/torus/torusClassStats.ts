/**
 * A lean torus series' class sums, taken while torusInstant.ts lays the capacities: what a pass over each class's
 * array in edge order adds (sum, least, largest), the same floating-point additions in the same order, so the lean
 * path's class means equal the full path's to the bit. Repeated values are added at once where that is exact
 * (addCopies: partial sums that stay integer multiples of x's largest power of two below 2^53).
 * Validity: capacities ≥ 0 (b/s).
 */
/** A link class's capacities summed in edge order (as a loop over its array adds them), least and largest. */
export interface ClassStats {
  sum: number;
  min: number;
  max: number;
}

/** Both classes' statistics and each gap's cross-plane capacity summed in edge order (gap q: edges q·S … q·S + S−1). */
export interface InstantStats {
  readonly inPlane: ClassStats;
  readonly cross: ClassStats;
  readonly gap_bps: Float64Array;
}

/**
 * Sum of `k` copies of x ≥ 0 added one by one to s ≥ 0, as that loop rounds: at once where every partial sum is an
 * integer multiple of the largest power of two dividing x (then exact) and below 2^53 of them, else one by one.
 */
export function addCopies(s: number, x: number, k: number): number {
  if (k <= 0 || x === 0) return s;
  const m = powerOfTwoIn(x);
  if (m > 0 && Number.isInteger(s / m) && s / m + k * (x / m) < 2 ** 53) return s + k * x;
  for (let i = 0; i < k; i++) s += x;
  return s;
}

/** The largest power of two (≥ 1, ≤ 2^52) dividing integer x > 0, 0 for any other x; the last answer is kept. */
function powerOfTwoIn(x: number): number {
  if (x !== twoPower.x) {
    let m = 0;
    if (Number.isInteger(x) && x > 0) for (m = 1; m < 2 ** 52 && Number.isInteger(x / (2 * m));) m *= 2;
    twoPower.x = x;
    twoPower.m = m;
  }
  return twoPower.m;
}
const twoPower = { x: NaN, m: 0 };

/** `k` copies of x added to a class's statistics (addCopies; least and largest as x read k times). */
export function statsCopies(st: ClassStats, x: number, k: number): void {
  if (k <= 0) return;
  st.sum = addCopies(st.sum, x, k);
  st.min = Math.min(st.min, x);
  st.max = Math.max(st.max, x);
}

/** a[from … to) added to a class's statistics in order; returns their own sum from 0 in order. */
export function statsRow(st: ClassStats, a: Float64Array, from: number, to: number): number {
  let sum = st.sum,
    min = st.min,
    max = st.max,
    own = 0;
  for (let i = from; i < to; i++) {
    const x = a[i]!;
    sum += x;
    own += x;
    min = Math.min(min, x);
    max = Math.max(max, x);
  }
  st.sum = sum;
  st.min = min;
  st.max = max;
  return own;
}

/** The statistics of one call, cleared (sums 0, least ∞, largest 0, as a pass over the arrays starts), kept. */
export function statsFor(P: number): InstantStats {
  if (stats.gap_bps.length !== P) stats = { ...stats, gap_bps: new Float64Array(P) };
  clearStats(stats.inPlane);
  clearStats(stats.cross);
  return stats;
}
function clearStats(st: ClassStats): void {
  st.sum = 0;
  st.min = Infinity;
  st.max = 0;
}
let stats: InstantStats = {
  inPlane: { sum: 0, min: Infinity, max: 0 },
  cross: { sum: 0, min: Infinity, max: 0 },
  gap_bps: new Float64Array(0),
};
