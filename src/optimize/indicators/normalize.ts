/**
 * Objective-space normalization helpers: ideal and nadir points of a set, and the affine map
 * ideal -> 0, nadir -> 1 per objective (a zero range maps to 0 instead of dividing by zero).
 */

/** Component-wise minimum of the points (all of length m). */
export function idealPoint(points: readonly ArrayLike<number>[]): Float64Array {
  if (points.length === 0) throw new RangeError('idealPoint needs at least one point');
  const m = points[0]!.length;
  const out = new Float64Array(m).fill(Infinity);
  for (const p of points) for (let k = 0; k < m; k++) if (p[k]! < out[k]!) out[k] = p[k]!;
  return out;
}

/** Component-wise maximum of the points (the nadir of a non-dominated set). */
export function nadirPoint(points: readonly ArrayLike<number>[]): Float64Array {
  if (points.length === 0) throw new RangeError('nadirPoint needs at least one point');
  const m = points[0]!.length;
  const out = new Float64Array(m).fill(-Infinity);
  for (const p of points) for (let k = 0; k < m; k++) if (p[k]! > out[k]!) out[k] = p[k]!;
  return out;
}

/** (p - ideal) / (nadir - ideal) for one point. */
export function normalizePoint(p: ArrayLike<number>, ideal: ArrayLike<number>, nadir: ArrayLike<number>): Float64Array {
  const m = ideal.length;
  const out = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const range = nadir[k]! - ideal[k]!;
    out[k] = range > 0 ? (p[k]! - ideal[k]!) / range : 0;
  }
  return out;
}

/** Normalizes every point; ideal and nadir default to those of the set itself. */
export function normalizePoints(
  points: readonly ArrayLike<number>[],
  ideal: ArrayLike<number> = idealPoint(points),
  nadir: ArrayLike<number> = nadirPoint(points),
): Float64Array[] {
  return points.map((p) => normalizePoint(p, ideal, nadir));
}

/** Inverse map: ideal + q * (nadir - ideal). */
export function denormalizePoint(
  q: ArrayLike<number>,
  ideal: ArrayLike<number>,
  nadir: ArrayLike<number>,
): Float64Array {
  const m = ideal.length;
  const out = new Float64Array(m);
  for (let k = 0; k < m; k++) out[k] = ideal[k]! + q[k]! * (nadir[k]! - ideal[k]!);
  return out;
}
