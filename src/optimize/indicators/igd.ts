/**
 * Inverted generational distance against a reference front Z (all objectives minimized):
 * - IGD  = mean over z in Z of min over a in A of ||a - z||_2;
 * - IGD+ = mean over z in Z of min over a in A of sqrt(sum_i max(a_i - z_i, 0)^2)
 *   (Ishibuchi, Masuda, Tanigaki, Nojima, "Modified distance calculation in generational distance
 *   and inverted generational distance", EMO 2015), weakly Pareto compliant.
 * Points are arrays of length m or flat row-major matrices with m columns. An empty A gives +Infinity.
 * Cost: O(|Z|·|A|·m) for small sets; in 3+ objectives above 2·10^5 distance pairs a k-d tree search
 * (igdKd.ts, same values). IGD+ in 2-D, whatever the sizes, uses the staircase of A instead (a dominated point
 * of A never gives a smaller d+, as d+ is monotone in a): one binary search per z (a walk along the staircase when
 * Z is in ascending f1) plus a pruned scan of the points worse than z in both objectives, so a run's history can
 * take IGD+ of 10^5-point archives.
 */

import { igdKd } from './igdKd.js';

function asFlat(points: readonly ArrayLike<number>[] | Float64Array, m: number): Float64Array {
  if (points instanceof Float64Array) return points;
  const out = new Float64Array(points.length * m);
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    if (p.length !== m) throw new RangeError(`point ${i} has ${p.length} coordinates, expected ${m}`);
    for (let k = 0; k < m; k++) out[i * m + k] = p[k]!;
  }
  return out;
}

function dimension(
  a: readonly ArrayLike<number>[] | Float64Array,
  z: readonly ArrayLike<number>[] | Float64Array,
  m?: number,
): number {
  if (m !== undefined) return m;
  if (!(z instanceof Float64Array) && z.length > 0) return z[0]!.length;
  if (!(a instanceof Float64Array) && a.length > 0) return a[0]!.length;
  throw new RangeError('cannot infer the objective count from flat matrices: pass m');
}

/** Above this many distance evaluations (3+ objectives) the k-d tree search (igdKd.ts) replaces the scan. */
const KD_THRESHOLD = 2e5;

function igdCore(A: Float64Array, Z: Float64Array, m: number, plus: boolean): number {
  const na = A.length / m;
  const nz = Z.length / m;
  if (nz === 0) return 0;
  if (na === 0) return Infinity;
  if (m >= 3 && na * nz > KD_THRESHOLD) return igdKd(A, Z, m, plus);
  let total = 0;
  // Reference points come in front order, so the previous one's nearest point is a good first guess: it
  // tightens `best` at once and most later candidates stop after a coordinate or two (exact all the same).
  let guess = 0;
  for (let j = 0; j < nz; j++) {
    const oz = j * m;
    let best = 0;
    for (let k = 0; k < m; k++) {
      let d = A[guess * m + k]! - Z[oz + k]!;
      if (plus && d < 0) d = 0;
      best += d * d;
    }
    if (Number.isNaN(best)) best = Infinity;
    let bestIndex = guess;
    for (let i = 0; i < na; i++) {
      const oa = i * m;
      let s = 0;
      for (let k = 0; k < m; k++) {
        let d = A[oa + k]! - Z[oz + k]!;
        if (plus && d < 0) d = 0;
        s += d * d;
        if (s >= best) break;
      }
      if (s < best) {
        best = s;
        bestIndex = i;
      }
    }
    guess = bestIndex;
    total += Math.sqrt(best);
  }
  return total / nz;
}

/** IGD of the approximation `a` against the reference front `z`. */
export function igd(
  a: readonly ArrayLike<number>[] | Float64Array,
  z: readonly ArrayLike<number>[] | Float64Array,
  m?: number,
): number {
  const mm = dimension(a, z, m);
  return igdCore(asFlat(a, mm), asFlat(z, mm), mm, false);
}

/** IGD+ (Ishibuchi et al. 2015) of the approximation `a` against the reference front `z`. */
export function igdPlus(
  a: readonly ArrayLike<number>[] | Float64Array,
  z: readonly ArrayLike<number>[] | Float64Array,
  m?: number,
): number {
  const mm = dimension(a, z, m);
  const A = asFlat(a, mm);
  const Z = asFlat(z, mm);
  return mm === 2 ? igdPlus2D(A, Z) : igdCore(A, Z, mm, true);
}

/** The non-dominated points of a 2-D set, f1 ascending and f2 strictly descending (NaN rows dropped). */
function staircase2D(A: Float64Array): { x: Float64Array; y: Float64Array } {
  const n = A.length / 2;
  // already a staircase, f1 strictly rising and f2 strictly falling (an archive's front in lexicographic order):
  // the arrays the sort and sweep below would give
  let ordered = true;
  for (let i = 0; i < n && ordered; i++) {
    const a1 = A[2 * i]!;
    const a2 = A[2 * i + 1]!;
    ordered = a1 === a1 && a2 === a2 && (i === 0 || (a1 > A[2 * i - 2]! && a2 < A[2 * i - 1]!));
  }
  if (ordered) {
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      x[i] = A[2 * i]!;
      y[i] = A[2 * i + 1]!;
    }
    return { x, y };
  }
  const order = Array.from({ length: n }, (_, i) => i).filter(
    (i) => !Number.isNaN(A[2 * i]!) && !Number.isNaN(A[2 * i + 1]!),
  );
  order.sort((i, j) => A[2 * i]! - A[2 * j]! || A[2 * i + 1]! - A[2 * j + 1]!);
  const x: number[] = [];
  const y: number[] = [];
  for (const i of order) {
    const f2 = A[2 * i + 1]!;
    if (y.length > 0 && f2 >= y[y.length - 1]!) continue;
    x.push(A[2 * i]!);
    y.push(f2);
  }
  return { x: Float64Array.from(x), y: Float64Array.from(y) };
}

function igdPlus2D(A: Float64Array, Z: Float64Array): number {
  const nz = Z.length / 2;
  if (nz === 0) return 0;
  const { x, y } = staircase2D(A);
  const n = x.length;
  if (n === 0) return Infinity;
  // a reference front in ascending z1 (an analytic front in its order): `left` advances with z1 instead of a binary
  // search per point
  let ascending = true;
  for (let j = 1; j < nz && ascending; j++) ascending = Z[2 * j]! >= Z[2 * j - 2]!;
  let total = 0;
  let walk = 0;
  for (let j = 0; j < nz; j++) {
    const z1 = Z[2 * j]!;
    const z2 = Z[2 * j + 1]!;
    // left = number of points with x <= z1 (the last of them has the smallest y among them)
    let left: number;
    if (ascending) {
      while (walk < n && x[walk]! <= z1) walk++;
      left = walk;
    } else {
      let lo = 0;
      let hi = n;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (x[mid]! <= z1) lo = mid + 1;
        else hi = mid;
      }
      left = lo;
    }
    let best = left > 0 ? Math.max(y[left - 1]! - z2, 0) ** 2 : Infinity;
    // the points after `left` have x > z1; d+² = (x - z1)² + max(y - z2, 0)², and (x - z1)² only grows
    for (let i = left; i < n; i++) {
      const dx = x[i]! - z1;
      const dx2 = dx * dx;
      if (dx2 >= best) break;
      const dy = Math.max(y[i]! - z2, 0);
      const d2 = dx2 + dy * dy;
      if (d2 < best) best = d2;
    }
    total += Math.sqrt(best);
  }
  return total / nz;
}
