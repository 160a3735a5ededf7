/**
 * Inverted generational distance against a reference front Z (all objectives minimized):
 * - IGD  = mean over z in Z of min over a in A of ||a - z||_2;
 * - IGD+ = mean over z in Z of min over a in A of sqrt(sum_i max(a_i - z_i, 0)^2)
 *   (Ishibuchi, Masuda, Tanigaki, Nojima, "Modified distance calculation in generational distance
 *   and inverted generational distance", EMO 2015), weakly Pareto compliant.
 * Points are arrays of length m or flat row-major matrices with m columns. An empty A gives +Infinity.
 */

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

function dimension(a: readonly ArrayLike<number>[] | Float64Array, z: readonly ArrayLike<number>[] | Float64Array, m?: number): number {
  if (m !== undefined) return m;
  if (!(z instanceof Float64Array) && z.length > 0) return z[0]!.length;
  if (!(a instanceof Float64Array) && a.length > 0) return a[0]!.length;
  throw new RangeError('cannot infer the objective count from flat matrices: pass m');
}

function igdCore(A: Float64Array, Z: Float64Array, m: number, plus: boolean): number {
  const na = A.length / m;
  const nz = Z.length / m;
  if (nz === 0) return 0;
  if (na === 0) return Infinity;
  let total = 0;
  for (let j = 0; j < nz; j++) {
    const oz = j * m;
    let best = Infinity;
    for (let i = 0; i < na; i++) {
      const oa = i * m;
      let s = 0;
      for (let k = 0; k < m; k++) {
        let d = A[oa + k]! - Z[oz + k]!;
        if (plus && d < 0) d = 0;
        s += d * d;
        if (s >= best) break;
      }
      if (s < best) best = s;
    }
    total += Math.sqrt(best);
  }
  return total / nz;
}

/** IGD of the approximation `a` against the reference front `z`. */
export function igd(a: readonly ArrayLike<number>[] | Float64Array, z: readonly ArrayLike<number>[] | Float64Array, m?: number): number {
  const mm = dimension(a, z, m);
  return igdCore(asFlat(a, mm), asFlat(z, mm), mm, false);
}

/** IGD+ (Ishibuchi et al. 2015) of the approximation `a` against the reference front `z`. */
export function igdPlus(a: readonly ArrayLike<number>[] | Float64Array, z: readonly ArrayLike<number>[] | Float64Array, m?: number): number {
  const mm = dimension(a, z, m);
  return igdCore(asFlat(a, mm), asFlat(z, mm), mm, true);
}
