/**
 * The k-d tree that holds the set S of a large level of the 4+-D hypervolume sweep (./hypervolumeSweep.ts): a static
 * tree over the level's rows (kd layout of ./staticKd.ts) with per-node counts of the rows in S, so the sweep's two
 * scans of S (is p dominated, and p's bounded limit set) prune whole boxes.
 */
import { buildKd, kdDepth } from './staticKd.js';

/**
 * The set S of one sweep level as a static k-d tree over all n rows of the level (their first
 * e = d − 1 coordinates), with per-node counts of the rows currently in S. The node boxes cover all
 * rows, in S or not, so they stay valid as S changes; a node without rows in S is skipped. The two
 * scans of the list version become box-pruned traversals with the same results (u exactly, the
 * same limit points, in tree order).
 */
export class RowTree {
  private readonly e: number;
  private readonly n: number;
  private readonly depth: number;
  /** The rows' projections in tree order (n x e). */
  private readonly X: Float64Array;
  /** Row id at each position. */
  private readonly rowAt: Int32Array;
  private readonly lo: Float64Array;
  private readonly hi: Float64Array;
  private readonly count: Int32Array;
  private readonly inS: Uint8Array;
  private readonly gone: Int32Array;
  private goneN = 0;
  /** The current point p (its first e coordinates). */
  private readonly p: Float64Array;

  /**
   * A tree over `rows` (ids of rows of P, d columns), of which the first `nIn` are in S. `posOf`
   * (indexed by row id, shared between the trees of one level) receives each row's position.
   */
  constructor(
    private readonly P: Float64Array,
    d: number,
    rows: Int32Array,
    nIn: number,
    private readonly posOf: Int32Array,
  ) {
    const e = d - 1;
    const n = rows.length;
    this.e = e;
    this.n = n;
    const depth = kdDepth(n);
    this.depth = depth;
    const nodes = 2 ** (depth + 1) - 1;
    this.lo = new Float64Array(nodes * e);
    this.hi = new Float64Array(nodes * e);
    this.count = new Int32Array(nodes);
    this.inS = new Uint8Array(n);
    this.gone = new Int32Array(n);
    this.p = new Float64Array(e);
    const perm = rows.slice();
    if (n > 0) buildKd(P, d, e, perm, this.lo, this.hi, 0, 0, n, 0, depth);
    this.rowAt = perm;
    this.X = new Float64Array(n * e);
    for (let pos = 0; pos < n; pos++) {
      const row = perm[pos]!;
      posOf[row] = pos;
      for (let j = 0; j < e; j++) this.X[pos * e + j] = P[row * d + j]!;
    }
    for (let i = 0; i < nIn; i++) this.activate(rows[i]!);
  }

  /** Writes the ids of the rows in S to out; returns their number. */
  members(out: Int32Array): number {
    let c = 0;
    for (let pos = 0; pos < this.n; pos++) if (this.inS[pos]) out[c++] = this.rowAt[pos]!;
    return c;
  }

  private update(pos: number, delta: number): void {
    let node = 0;
    let a = 0;
    let b = this.n;
    for (let level = 0; ; level++) {
      this.count[node] = this.count[node]! + delta;
      if (level === this.depth) break;
      const mid = (a + b) >>> 1;
      if (pos < mid) {
        node = 2 * node + 1;
        b = mid;
      } else {
        node = 2 * node + 2;
        a = mid;
      }
    }
  }

  /** Puts row `row` of the level's matrix into S. */
  activate(row: number): void {
    const pos = this.posOf[row]!;
    this.inS[pos] = 1;
    this.update(pos, 1);
  }

  /**
   * For the point p at offset po of the level's matrix: -1 when a member of S weakly dominates p.
   * Otherwise lowers u_j to the least q_j over the members q of S raised only in j, writes the
   * limit points raised in >= 2 coordinates, each below u_j, to L and returns their count, and
   * removes from S the members p weakly dominates. Two traversals, as the list version's two
   * passes; nodes are pruned by their boxes.
   */
  limitSet(po: number, u: Float64Array, L: Float64Array): number {
    const { e, p } = this;
    for (let j = 0; j < e; j++) p[j] = this.P[po + j]!;
    if (this.pass1(0, 0, this.n, 0, u)) return -1;
    this.goneN = 0;
    const c = this.pass2(0, 0, this.n, 0, u, L, 0);
    for (let g = 0; g < this.goneN; g++) {
      const pos = this.gone[g]!;
      this.inS[pos] = 0;
      this.update(pos, -1);
    }
    return c;
  }

  /** Pass 1: true when a member weakly dominates p; lowers u. Prunes nodes raised in >= 2 coordinates. */
  private pass1(node: number, a: number, b: number, level: number, u: Float64Array): boolean {
    if (this.count[node] === 0) return false;
    const { e, lo, p } = this;
    const no = node * e;
    let raised = 0;
    let at = -1;
    for (let j = 0; j < e; j++) {
      if (lo[no + j]! > p[j]!) {
        if (++raised > 1) return false;
        at = j;
      }
    }
    if (raised === 1 && lo[no + at]! >= u[at]!) return false;
    if (level < this.depth) {
      // first the child whose box reaches less far above p: it tends to lower u sooner
      const mid = (a + b) >>> 1;
      const left = 2 * node + 1;
      const right = left + 1;
      let gapL = 0;
      let gapR = 0;
      for (let j = 0, ol = left * e, or = right * e; j < e; j++) {
        const gl = lo[ol + j]! - p[j]!;
        const gr = lo[or + j]! - p[j]!;
        if (gl > 0) gapL += gl;
        if (gr > 0) gapR += gr;
      }
      if (gapL <= gapR) return this.pass1(left, a, mid, level + 1, u) || this.pass1(right, mid, b, level + 1, u);
      return this.pass1(right, mid, b, level + 1, u) || this.pass1(left, a, mid, level + 1, u);
    }
    const { X, inS } = this;
    for (let pos = a; pos < b; pos++) {
      if (!inS[pos]) continue;
      const so = pos * e;
      let r = 0;
      let rj = -1;
      for (let j = 0; j < e; j++) {
        if (X[so + j]! > p[j]!) {
          if (++r > 1) break;
          rj = j;
        }
      }
      if (r === 0) return true;
      if (r === 1 && X[so + rj]! < u[rj]!) u[rj] = X[so + rj]!;
    }
    return false;
  }

  /** Pass 2: the bounded limit points into L from index c (returns the new count); collects the covered members. */
  private pass2(
    node: number,
    a: number,
    b: number,
    level: number,
    u: Float64Array,
    L: Float64Array,
    c: number,
  ): number {
    if (this.count[node] === 0) return c;
    const { e, lo, hi, p } = this;
    const no = node * e;
    let mayBound = true;
    let mayCover = true;
    for (let j = 0; j < e; j++) {
      if (lo[no + j]! >= u[j]!) mayBound = false;
      if (hi[no + j]! < p[j]!) mayCover = false;
    }
    if (!mayBound && !mayCover) return c;
    if (level < this.depth) {
      const mid = (a + b) >>> 1;
      c = this.pass2(2 * node + 1, a, mid, level + 1, u, L, c);
      return this.pass2(2 * node + 2, mid, b, level + 1, u, L, c);
    }
    const { X, inS } = this;
    for (let pos = a; pos < b; pos++) {
      if (!inS[pos]) continue;
      const so = pos * e;
      const co = c * e;
      let raised = 0;
      let bounded = true;
      let covered = true;
      for (let j = 0; j < e; j++) {
        const q = X[so + j]!;
        const pj = p[j]!;
        if (q > pj) {
          raised++;
          if (q >= u[j]!) bounded = false;
          L[co + j] = q;
        } else {
          if (q < pj) covered = false;
          L[co + j] = pj;
        }
      }
      if (bounded && raised >= 2) c++;
      if (covered) this.gone[this.goneN++] = pos;
    }
    return c;
  }
}
