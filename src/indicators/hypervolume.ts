/**
 * Exact hypervolume (Lebesgue measure of the region dominated by a point set and bounded by a
 * reference point), all objectives minimized. Pure functions of (points, reference point).
 *
 * - 2-D: sort by f1 and sweep, O(n log n).
 * - 3-D: HV3D sweep along f3 (Fonseca, Paquete, López-Ibáñez 2006; Beume et al. 2009): the 2-D
 *   staircase of the (f1, f2) projections is kept sorted in typed arrays and its area updated
 *   incrementally at each insertion; O(n log n) search plus an O(n) memmove per insertion, which
 *   stays fast for ~10^4 points.
 * - 4+-D: WFG (While, Bradstreet, Barone, "A fast way of calculating exact hypervolumes",
 *   IEEE TEVC 16(1), 2012) with slicing on the last objective: the points are sorted worst-first in
 *   the last objective, so each limit set lies in one slice and the recursion drops a dimension,
 *   ending in the 3-D sweep.
 *
 * Points that do not strictly dominate the reference point (some f_i >= r_i) contribute nothing
 * and are dropped first. Non-finite coordinates are rejected by the same rule (NaN never counts).
 */

/** Hypervolume of `points` (arrays of length m, or a flat row-major matrix with m columns). */
export function hypervolume(points: readonly ArrayLike<number>[] | Float64Array, reference: ArrayLike<number>): number {
  const m = reference.length;
  if (m === 0) return 0;
  // gather the points strictly inside the reference box into a flat matrix
  let n: number;
  let flat: Float64Array;
  if (points instanceof Float64Array) {
    if (points.length % m !== 0) throw new RangeError(`flat matrix length ${points.length} is not a multiple of m = ${m}`);
    n = points.length / m;
    flat = points;
  } else {
    n = points.length;
    flat = new Float64Array(n * m);
    for (let i = 0; i < n; i++) {
      const p = points[i]!;
      if (p.length !== m) throw new RangeError(`point ${i} has ${p.length} coordinates, reference has ${m}`);
      for (let k = 0; k < m; k++) flat[i * m + k] = p[k]!;
    }
  }
  const inside = new Float64Array(n * m);
  let c = 0;
  for (let i = 0; i < n; i++) {
    let ok = true;
    for (let k = 0; k < m; k++) {
      // `!(a < b)` also rejects NaN
      if (!(flat[i * m + k]! < reference[k]!)) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    for (let k = 0; k < m; k++) inside[c * m + k] = flat[i * m + k]!;
    c++;
  }
  if (c === 0) return 0;
  const ref = Float64Array.from(reference as ArrayLike<number>);
  return hvRec(inside.subarray(0, c * m), c, m, ref);
}

function hvRec(P: Float64Array, n: number, m: number, ref: Float64Array): number {
  if (n === 0) return 0;
  if (m === 1) {
    let best = Infinity;
    for (let i = 0; i < n; i++) if (P[i]! < best) best = P[i]!;
    return ref[0]! - best;
  }
  if (m === 2) return hv2d(P, n, ref[0]!, ref[1]!);
  if (m === 3) return hv3d(P, n, ref[0]!, ref[1]!, ref[2]!);
  return wfg(P, n, m, ref);
}

/** 2-D hypervolume of n rows of the flat matrix P (2 columns), all strictly inside (r1, r2). */
export function hv2d(P: Float64Array, n: number, r1: number, r2: number): number {
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  idx.sort((a, b) => {
    const xa = P[2 * a]!;
    const xb = P[2 * b]!;
    if (xa !== xb) return xa < xb ? -1 : 1;
    const ya = P[2 * a + 1]!;
    const yb = P[2 * b + 1]!;
    return ya < yb ? -1 : ya > yb ? 1 : 0;
  });
  let area = 0;
  let lastY = r2;
  for (let t = 0; t < n; t++) {
    const i = idx[t]!;
    const y = P[2 * i + 1]!;
    if (y < lastY) {
      area += (r1 - P[2 * i]!) * (lastY - y);
      lastY = y;
    }
  }
  return area;
}

/** 3-D hypervolume (HV3D sweep along f3) of n rows of P (3 columns), all strictly inside ref. */
export function hv3d(P: Float64Array, n: number, r1: number, r2: number, r3: number): number {
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  idx.sort((a, b) => {
    const za = P[3 * a + 2]!;
    const zb = P[3 * b + 2]!;
    return za < zb ? -1 : za > zb ? 1 : a - b;
  });
  // staircase: xs ascending, ys strictly descending
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  let size = 0;
  let area = 0;
  let volume = 0;
  for (let t = 0; t < n; t++) {
    const i = idx[t]!;
    const px = P[3 * i]!;
    const py = P[3 * i + 1]!;
    const pz = P[3 * i + 2]!;
    // first position with xs[pos] >= px
    let lo = 0;
    let hi = size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (xs[mid]! < px) lo = mid + 1;
      else hi = mid;
    }
    const pos = lo;
    // the predecessor (x < px) has the smallest y among points left of px
    const upperY = pos > 0 ? ys[pos - 1]! : r2;
    if (upperY <= py) {
      // dominated (weakly) by the predecessor
    } else if (pos < size && xs[pos] === px && ys[pos]! <= py) {
      // weakly dominated by a point with the same x
    } else {
      // remove the points p dominates: x >= px and y >= py (contiguous from pos)
      let end = pos;
      let gained = 0;
      let curX = px;
      let curY = upperY;
      while (end < size && ys[end]! >= py) {
        gained += (xs[end]! - curX) * (curY - py);
        curX = xs[end]!;
        curY = ys[end]!;
        end++;
      }
      const nextX = end < size ? xs[end]! : r1;
      gained += (nextX - curX) * (curY - py);
      area += gained;
      const removed = end - pos;
      if (removed !== 1) {
        xs.copyWithin(pos + 1, end, size);
        ys.copyWithin(pos + 1, end, size);
        size += 1 - removed;
      }
      xs[pos] = px;
      ys[pos] = py;
    }
    const nextZ = t + 1 < n ? P[3 * idx[t + 1]! + 2]! : r3;
    volume += area * (nextZ - pz);
  }
  return volume;
}

/** Keeps the non-dominated rows (weakly dominated and duplicate rows removed). Returns the count. */
function filterNonDominated(P: Float64Array, n: number, m: number): number {
  const keep = new Uint8Array(n).fill(1);
  for (let i = 0; i < n; i++) {
    if (!keep[i]) continue;
    for (let j = 0; j < n; j++) {
      if (i === j || !keep[j]) continue;
      // does j weakly dominate i? (ties: keep the lower index)
      let weak = true;
      let equal = true;
      for (let k = 0; k < m; k++) {
        const a = P[j * m + k]!;
        const b = P[i * m + k]!;
        if (a > b) {
          weak = false;
          break;
        }
        if (a < b) equal = false;
      }
      if (weak && (!equal || j < i)) {
        keep[i] = 0;
        break;
      }
    }
  }
  let c = 0;
  for (let i = 0; i < n; i++) {
    if (!keep[i]) continue;
    if (c !== i) P.copyWithin(c * m, i * m, i * m + m);
    c++;
  }
  return c;
}

function wfg(Pin: Float64Array, nIn: number, m: number, ref: Float64Array): number {
  const P = Pin.slice(0, nIn * m);
  const n = filterNonDominated(P, nIn, m);
  // sort worst-first in the last objective
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  idx.sort((a, b) => {
    const la = P[a * m + m - 1]!;
    const lb = P[b * m + m - 1]!;
    return la > lb ? -1 : la < lb ? 1 : a - b;
  });
  const S = new Float64Array(n * m);
  for (let t = 0; t < n; t++) S.set(P.subarray(idx[t]! * m, idx[t]! * m + m), t * m);
  const d = m - 1;
  const subRef = ref.subarray(0, d);
  const limit = new Float64Array(n * d);
  let volume = 0;
  for (let k = 0; k < n; k++) {
    const ok = k * m;
    let incl = 1;
    for (let j = 0; j < d; j++) incl *= ref[j]! - S[ok + j]!;
    // limit set of the later points, projected on the first d objectives
    let c = 0;
    for (let q = k + 1; q < n; q++) {
      const oq = q * m;
      for (let j = 0; j < d; j++) {
        const a = S[ok + j]!;
        const b = S[oq + j]!;
        limit[c * d + j] = a > b ? a : b;
      }
      c++;
    }
    const excl = incl - (c > 0 ? hvRec(limit.slice(0, c * d), c, d, subRef) : 0);
    volume += (ref[d]! - S[ok + d]!) * excl;
  }
  return volume;
}
