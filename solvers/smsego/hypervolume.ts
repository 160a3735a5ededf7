/**
 * Exact hypervolume of a few points, for the infill criterion (all objectives minimized, reference point r):
 * - 2-D: points sorted by f1, the staircase summed in horizontal strips, O(k log k).
 * - m-D: slicing along the last objective (the HSO scheme of While, Hingston, Barone & Huband, IEEE TEVC 10(1),
 *   2006): the slab between consecutive values of f_m times the (m − 1)-D hypervolume of the points below it; 3-D keeps
 *   the (f1, f2) projections sorted by insertion so each slab's area is O(k): O(k²) in all.
 * Intended for the criterion's fronts (tens to a few hundred points, 2–4 objectives): exponential in m beyond that.
 * Points not strictly below r in every objective contribute nothing and are dropped.
 */

/** Area dominated by 2-D points (rows [f1, f2]) sorted by f1 ascending, bounded by (r1, r2). */
function area2Sorted(f1: readonly number[], f2: readonly number[], r1: number, r2: number): number {
  let area = 0;
  let top = r2;
  for (let i = 0; i < f1.length; i++) {
    if (f2[i]! < top) {
      area += (r1 - f1[i]!) * (top - f2[i]!);
      top = f2[i]!;
    }
  }
  return area;
}

function inside(p: ArrayLike<number>, r: ArrayLike<number>, m: number): boolean {
  for (let j = 0; j < m; j++) if (!(p[j]! < r[j]!)) return false;
  return true;
}

/** Hypervolume of `points` (each of length ≥ m; the first m coordinates count) against reference r. */
export function smallHypervolume(points: readonly ArrayLike<number>[], r: ArrayLike<number>, m: number): number {
  const P = points.filter((p) => inside(p, r, m));
  if (P.length === 0) return 0;
  if (m === 1) return r[0]! - Math.min(...P.map((p) => p[0]!));
  if (m === 2) {
    P.sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);
    return area2Sorted(
      P.map((p) => p[0]!),
      P.map((p) => p[1]!),
      r[0]!,
      r[1]!,
    );
  }
  P.sort((a, b) => a[m - 1]! - b[m - 1]!);
  let volume = 0;
  if (m === 3) {
    const f1: number[] = [];
    const f2: number[] = [];
    for (let i = 0; i < P.length; i++) {
      let at = f1.length;
      while (at > 0 && (f1[at - 1]! > P[i]![0]! || (f1[at - 1] === P[i]![0] && f2[at - 1]! > P[i]![1]!))) at--;
      f1.splice(at, 0, P[i]![0]!);
      f2.splice(at, 0, P[i]![1]!);
      const next = i + 1 < P.length ? P[i + 1]![2]! : r[2]!;
      if (next > P[i]![2]!) volume += (next - P[i]![2]!) * area2Sorted(f1, f2, r[0]!, r[1]!);
    }
    return volume;
  }
  for (let i = 0; i < P.length; i++) {
    const next = i + 1 < P.length ? P[i + 1]![m - 1]! : r[m - 1]!;
    if (next > P[i]![m - 1]!) volume += (next - P[i]![m - 1]!) * smallHypervolume(P.slice(0, i + 1), r, m - 1);
  }
  return volume;
}

/**
 * The hypervolume p adds to `front`: vol([p, r)) − HV({max(a, p) : a ∈ front}) (the exclusive contribution; 0 when p
 * is dominated or outside the box).
 */
export function hypervolumeContribution(
  p: ArrayLike<number>,
  front: readonly ArrayLike<number>[],
  r: ArrayLike<number>,
  m: number,
): number {
  if (!inside(p, r, m)) return 0;
  let box = 1;
  for (let j = 0; j < m; j++) box *= r[j]! - p[j]!;
  const clipped: Float64Array[] = [];
  for (const a of front) {
    const q = new Float64Array(m);
    for (let j = 0; j < m; j++) q[j] = Math.max(a[j]!, p[j]!);
    if (inside(q, r, m)) clipped.push(q);
  }
  return Math.max(0, box - smallHypervolume(clipped, r, m));
}
