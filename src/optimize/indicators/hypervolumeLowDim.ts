/**
 * Exact 2-D and 3-D hypervolume, all objectives minimized, rows strictly inside the reference box.
 * - 2-D: sort by f1 and sweep, O(n log n).
 * - 3-D: HV3D sweep along f3 (Fonseca, Paquete, López-Ibáñez 2006; Beume et al. 2009): the 2-D staircase of the
 *   (f1, f2) projections is kept sorted in typed arrays and its area updated incrementally at each insertion;
 *   O(n log n) search plus an O(n) memmove per insertion, which stays fast for ~10^4 points.
 * Also the 3-D base case of the 4+-D dimension sweep (./hypervolumeSweep.ts).
 */
import { sortRows } from './hypervolumeSort.js';

/** 2-D hypervolume of n rows of the flat matrix P (2 columns), all strictly inside (r1, r2). */
export function hv2d(P: Float64Array, n: number, r1: number, r2: number): number {
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  // rows already in the sort's order (an archive's front, lexicographic: every history row of a 2-D run) keep it
  let ordered = true;
  for (let i = 1; i < n && ordered; i++) {
    const x0 = P[2 * i - 2]!;
    const x1 = P[2 * i]!;
    ordered = x0 < x1 || (x0 === x1 && P[2 * i - 1]! <= P[2 * i + 1]!);
  }
  if (!ordered)
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
  return hv3dInto(P, n, r1, r2, r3, new Int32Array(n), new Float64Array(n), new Float64Array(n));
}

/** HV3D with caller-provided buffers (idx, xs, ys of length >= n). */
export function hv3dInto(
  P: Float64Array,
  n: number,
  r1: number,
  r2: number,
  r3: number,
  idx: Int32Array,
  xs: Float64Array,
  ys: Float64Array,
): number {
  if (n === 0) return 0;
  if (n === 1) return (r1 - P[0]!) * (r2 - P[1]!) * (r3 - P[2]!);
  sortRows(idx, n, P, 3, 2);
  // staircase: xs ascending, ys strictly descending
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
