/**
 * IGD and IGD+ through a k-d tree over the approximation set (Friedman, Bentley & Finkel, "An algorithm for finding
 * best matches in logarithmic expected time", ACM TOMS 3(3), 1977): each reference point's nearest point is found
 * by visiting the nearer child first and skipping a node whose box cannot beat the best distance so far. The box
 * bound is exact for both distances: for IGD the Euclidean distance to the box; for IGD+ (d⁺ = ‖max(a − z, 0)‖,
 * Ishibuchi et al., EMO 2015) ‖max(lo − z, 0)‖, since every a in the box has a ≥ lo. Same values as the
 * O(|Z|·|A|·m) scan (src/optimize/indicators/igd.ts uses this for large sets in 3+ objectives).
 * The IGD+ bound is 0 for every box whose low corner is below z, near the front most boxes on the way down: children
 * with equal bounds are visited nearer-first by the Euclidean distance to their boxes, so a z of the set itself (half
 * of `odc compare`'s union is each run's own) reaches its 0 in one descent. The value does not depend on the order
 * (the minimum over the points not pruned); timings in docs/performance.md.
 * Rows with a NaN coordinate never win (as in the scan) and are left out of the tree.
 */
const LEAF = 8;

export function igdKd(A0: Float64Array, Z: Float64Array, m: number, plus: boolean): number {
  const nz = Z.length / m;
  if (nz === 0) return 0;
  const rows = rowsWithoutNaN(A0, m);
  if (A0.length === 0) return Infinity;
  if (rows.length === 0) return Infinity;
  const tree = new NearestTree(A0, m, Int32Array.from(rows), Z, plus);
  let total = 0;
  for (let j = 0; j < nz; j++) total += Math.sqrt(tree.nearest(j * m));
  return total / nz;
}

/** The rows of A0 (m columns) without a NaN coordinate. */
function rowsWithoutNaN(A0: Float64Array, m: number): number[] {
  const rows: number[] = [];
  for (let i = 0; i < A0.length / m; i++) {
    let ok = true;
    for (let k = 0; k < m; k++) if (Number.isNaN(A0[i * m + k]!)) ok = false;
    if (ok) rows.push(i);
  }
  return rows;
}

/**
 * Implicit balanced tree over ranges of `perm` (the rows of A0): node = [a, b); children split at the median of the
 * widest axis. `nearest` finds the least squared (IGD+ or Euclidean) distance from a reference point to the set.
 */
class NearestTree {
  private readonly lo: number[] = [];
  private readonly hi: number[] = [];
  private readonly start: number[] = [];
  private readonly end: number[] = [];
  private readonly left: number[] = [];
  private readonly right: number[] = [];
  /** The rows in tree order (na x m). */
  private readonly A: Float64Array;
  /** Offset of the current reference point in Z. */
  private oz = 0;
  private best = Infinity;
  /** The Euclidean distance to the last box bound() measured, which orders children of equal IGD+ bounds. */
  private tie = 0;

  constructor(
    private readonly A0: Float64Array,
    private readonly m: number,
    private readonly perm: Int32Array,
    private readonly Z: Float64Array,
    private readonly plus: boolean,
  ) {
    const na = perm.length;
    this.build(0, na);
    const A = new Float64Array(na * m);
    for (let t = 0; t < na; t++) A.set(A0.subarray(perm[t]! * m, perm[t]! * m + m), t * m);
    this.A = A;
  }

  private build(a: number, b: number): number {
    const { A0, m, perm, lo, hi, start, end, left, right } = this;
    const id = start.length;
    start.push(a);
    end.push(b);
    left.push(-1);
    right.push(-1);
    let axis = 0;
    let width = -1;
    for (let k = 0; k < m; k++) {
      let l = Infinity;
      let h = -Infinity;
      for (let t = a; t < b; t++) {
        const v = A0[perm[t]! * m + k]!;
        if (v < l) l = v;
        if (v > h) h = v;
      }
      lo.push(l);
      hi.push(h);
      if (h - l > width) {
        width = h - l;
        axis = k;
      }
    }
    if (b - a > LEAF) {
      const part = Array.from(perm.subarray(a, b)).sort((x, y) => A0[x * m + axis]! - A0[y * m + axis]! || x - y);
      perm.set(part, a);
      const mid = (a + b) >>> 1;
      const l = this.build(a, mid);
      const r = this.build(mid, b);
      left[id] = l;
      right[id] = r;
    }
    return id;
  }

  /** The least squared distance from the reference point at offset oz of Z to the set. */
  nearest(oz: number): number {
    this.oz = oz;
    this.best = Infinity;
    this.visit(0);
    return this.best;
  }

  /** The squared distance bound of the node's box; leaves the Euclidean one in `tie`. */
  private bound(node: number): number {
    const { m, Z, oz, lo, hi, plus } = this;
    let s = 0;
    let e = 0;
    for (let k = 0; k < m; k++) {
      const z = Z[oz + k]!;
      let d = lo[node * m + k]! - z;
      const u = z - hi[node * m + k]!;
      if (d < 0) {
        if (u > 0) e += u * u;
        d = plus ? 0 : Math.max(0, u);
      } else e += d * d;
      s += d * d;
    }
    this.tie = e;
    return s;
  }

  private visit(node: number): void {
    const { left, right } = this;
    if (left[node]! < 0) {
      this.scanLeaf(node);
      return;
    }
    const l = left[node]!;
    const r = right[node]!;
    const bl = this.bound(l);
    const tl = this.tie;
    const br = this.bound(r);
    const tr = this.tie;
    if (bl < br || (bl === br && tl <= tr)) {
      if (bl < this.best) this.visit(l);
      if (br < this.best) this.visit(r);
    } else {
      if (br < this.best) this.visit(r);
      if (bl < this.best) this.visit(l);
    }
  }

  private scanLeaf(node: number): void {
    const { m, A, Z, oz, plus } = this;
    let best = this.best;
    for (let t = this.start[node]!; t < this.end[node]!; t++) {
      let s = 0;
      for (let k = 0; k < m && s < best; k++) {
        let d = A[t * m + k]! - Z[oz + k]!;
        if (plus && d < 0) d = 0;
        s += d * d;
      }
      if (s < best) best = s;
    }
    this.best = best;
  }
}
