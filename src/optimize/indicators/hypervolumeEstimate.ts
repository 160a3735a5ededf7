/**
 * Monte Carlo estimate of the hypervolume for use during runs (the exact value: ./hypervolume.ts); see
 * `hypervolumeEstimate`.
 */
import { createRng } from '../../base/rng.js';
import { insideRows } from './hypervolume.js';
import { buildKd, kdDepth } from './staticKd.js';

/** Result of `hypervolumeEstimate`. */
export interface HypervolumeEstimate {
  /** V_box · k / N: the box volume times the share of the N samples that are dominated. */
  readonly value: number;
  /** V_box · sqrt(p̂ (1 − p̂) / N), p̂ = k / N: the estimated standard error of `value`. */
  readonly standardError: number;
}

/**
 * Monte Carlo estimate of the hypervolume for use during runs: O(n log n) to index the points in a
 * k-d tree, then one dominance query per sample. All dominated volume lies in the box
 * B = [ideal of the points inside the reference box, reference]; N = `samples` points are drawn
 * uniformly in B with the seeded generator (src/base/rng.ts, m draws per sample, so the result is a
 * pure function of (points, reference, samples, seed)), k of them are dominated (some point is <=
 * the sample in every objective), and value = V_B · k / N. The estimate is unbiased; with
 * p = HV / V_B its standard error is V_B · sqrt(p (1 − p) / N), reported with p replaced by
 * p̂ = k / N (0 when every or no sample is dominated, which then says little: use more samples).
 * Roughly 95 % of estimates fall within 2 standard errors of the exact value. (Points drawn from the
 * same seed's stream would correlate with the samples: give the estimate a seed of its own.)
 */
export function hypervolumeEstimate(
  points: readonly ArrayLike<number>[] | Float64Array,
  reference: ArrayLike<number>,
  opts: { readonly samples: number; readonly seed: number },
): HypervolumeEstimate {
  const N = opts.samples;
  if (!Number.isInteger(N) || N < 1) throw new RangeError(`samples must be an integer >= 1, got ${N}`);
  const m = reference.length;
  if (m === 0) return { value: 0, standardError: 0 };
  const { P: inside, n } = insideRows(points, reference);
  if (n === 0) return { value: 0, standardError: 0 };
  const ref = Float64Array.from(reference as ArrayLike<number>);
  const ideal = new Float64Array(m).fill(Infinity);
  for (let i = 0; i < n; i++)
    for (let k = 0; k < m; k++) if (inside[i * m + k]! < ideal[k]!) ideal[k] = inside[i * m + k]!;
  let vBox = 1;
  for (let k = 0; k < m; k++) vBox *= ref[k]! - ideal[k]!;
  // a k-d tree over the points: a node whose box lies above y in some coordinate holds no point
  // dominating y; one whose box lies at or below y in every coordinate holds only such points
  const depth = kdDepth(n);
  const nodes = 2 ** (depth + 1) - 1;
  const lo = new Float64Array(nodes * m);
  const hi = new Float64Array(nodes * m);
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  buildKd(inside, m, m, perm, lo, hi, 0, 0, n, 0, depth);
  const P = new Float64Array(n * m);
  for (let t = 0; t < n; t++) P.set(inside.subarray(perm[t]! * m, perm[t]! * m + m), t * m);
  const tree: KdQuery = { P, lo, hi, m, depth, y: new Float64Array(m) };
  const rng = createRng(opts.seed);
  const y = tree.y;
  let hits = 0;
  for (let s = 0; s < N; s++) {
    for (let k = 0; k < m; k++) y[k] = ideal[k]! + rng.next() * (ref[k]! - ideal[k]!);
    if (isDominated(tree, 0, 0, n, 0)) hits++;
  }
  const p = hits / N;
  return { value: vBox * p, standardError: vBox * Math.sqrt((p * (1 - p)) / N) };
}

interface KdQuery {
  /** the points in tree order (n x m) */
  readonly P: Float64Array;
  readonly lo: Float64Array;
  readonly hi: Float64Array;
  readonly m: number;
  readonly depth: number;
  /** the query point */
  readonly y: Float64Array;
}

/** Does some point of the subtree lie at or below y in every coordinate? */
function isDominated(t: KdQuery, node: number, a: number, b: number, level: number): boolean {
  const { m, lo, hi, y } = t;
  const no = node * m;
  let inside = true;
  for (let k = 0; k < m; k++) {
    if (lo[no + k]! > y[k]!) return false;
    if (hi[no + k]! > y[k]!) inside = false;
  }
  if (inside) return true;
  if (level < t.depth) {
    const mid = (a + b) >>> 1;
    return isDominated(t, 2 * node + 1, a, mid, level + 1) || isDominated(t, 2 * node + 2, mid, b, level + 1);
  }
  for (let i = a; i < b; i++) if (dominates(t.P, i, m, y)) return true;
  return false;
}

/** Row i of P (m columns) <= y in every coordinate. */
function dominates(P: Float64Array, i: number, m: number, y: Float64Array): boolean {
  const o = i * m;
  for (let k = 0; k < m; k++) if (P[o + k]! > y[k]!) return false;
  return true;
}
